-- Articles, claims and events keyed by their deterministic ids. No foreign keys from claims and
-- events to articles: the three topics arrive in any order across partitions, so a claim may be
-- stored before its article.

CREATE TABLE articles (
    article_id    text PRIMARY KEY,
    url           text NOT NULL,
    title         text,
    source        text,
    language      text,
    authors       jsonb,
    body          text NOT NULL,
    published_at  timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    payload       jsonb NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_published_at_idx ON articles (published_at);

CREATE TABLE claims (
    claim_id          text PRIMARY KEY,
    article_id        text NOT NULL,
    kind              text NOT NULL,
    speaker_name      text,
    speaker_type      text,
    speaker_role      text,
    cue_lemma         text,
    content_text      text NOT NULL,
    confidence        real,
    extractor_version text,
    payload           jsonb NOT NULL,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX claims_article_id_idx ON claims (article_id);
CREATE INDEX claims_speaker_name_idx ON claims (speaker_name);

CREATE TABLE events (
    event_id          text PRIMARY KEY,
    article_id        text NOT NULL,
    type              text NOT NULL,
    mode              text,
    status            text NOT NULL,
    trigger_text      text NOT NULL,
    location_text     text,
    location_name     text,
    country           text,
    geonameid         bigint,
    event_date        date,
    is_main           boolean NOT NULL DEFAULT false,
    confidence        real,
    extractor_version text,
    payload           jsonb NOT NULL,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_article_id_idx ON events (article_id);
CREATE INDEX events_type_event_date_idx ON events (type, event_date);
