-- RSS/Atom feeds polled by the ingest service, and what the poller remembers of them.
--
-- feeds:         one row per feed (feed_id from the canonical feed URL), with its polling state:
--                validators for conditional GET, outcome of the last poll, consecutive failures
--                (for backoff) and when it is due. lease_until lets several ingest replicas share
--                the polling: a replica claims due feeds with FOR UPDATE SKIP LOCKED and holds
--                them until it records the outcome or the lease runs out (it crashed).
-- feed_entries:  the entries of each feed already handled, with a fingerprint of what the feed
--                said about them; an unchanged entry is not fetched again.
-- feed_articles: the last version the poller published of each article (by article_id = the
--                canonical URL's id): content hash and revision number, to publish a changed text
--                as the next revision, and its SimHash, to flag near duplicates of recent
--                articles.

CREATE TABLE feeds (
    feed_id              text PRIMARY KEY,
    url                  text NOT NULL,
    source               text,
    interval_s           integer NOT NULL CHECK (interval_s > 0),
    origin               text NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'config')),
    etag                 text,
    last_modified        text,
    last_status          integer,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text,
    consecutive_failures integer NOT NULL DEFAULT 0,
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    lease_until          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feeds_next_poll_at_idx ON feeds (next_poll_at);

CREATE TABLE feed_entries (
    feed_id       text NOT NULL REFERENCES feeds (feed_id) ON DELETE CASCADE,
    entry_key     text NOT NULL,
    fingerprint   text NOT NULL,
    article_id    text,
    outcome       text NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feed_id, entry_key)
);

CREATE TABLE feed_articles (
    article_id        text PRIMARY KEY,
    url               text NOT NULL,
    content_hash      text NOT NULL,
    revision          integer NOT NULL CHECK (revision >= 1),
    simhash           bigint NOT NULL,
    near_duplicate_of text,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    revised_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feed_articles_first_seen_at_idx ON feed_articles (first_seen_at);

-- DELETE /v1/feeds/{id} deletes a feed and (by cascade) its entries; old entries are pruned.
-- The least-privilege role of the compose deployment may otherwise not delete rows.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') THEN
        GRANT DELETE ON feeds, feed_entries TO newsflow_app;
    END IF;
END
$$;
