-- Re-extractions. Every extraction of an article publishes an ExtractionManifest on
-- articles.extracted; claims, events and manifests carry `extracted_from`, the articles.raw record
-- extracted, whose (Kafka timestamp, offset) orders the extractions of an article.
--
-- extractions: the newest manifest of each article. When a newer one arrives, the article's
-- claims and events from older extractions are deleted, in the store's batch transaction
-- (services/store/domain/extractions.py has the rule).
--
-- Articles stored before this migration have no row, and their claims and events no source:
-- they stay as they are until the article is next extracted; `newsflow reprocess` picks them out.

CREATE TABLE extractions (
    article_id        text PRIMARY KEY,
    extractor_version text NOT NULL,
    source_ts_ms      bigint NOT NULL,
    source_offset     bigint NOT NULL,
    extracted_at      timestamptz NOT NULL,
    revision          integer,
    claim_ids         text[] NOT NULL,
    event_ids         text[] NOT NULL,
    payload           jsonb NOT NULL,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX extractions_extractor_version_idx ON extractions (extractor_version);

-- Nullable, no default: no table rewrite; older rows have no source.
ALTER TABLE claims ADD COLUMN source_ts_ms bigint, ADD COLUMN source_offset bigint;
ALTER TABLE events ADD COLUMN source_ts_ms bigint, ADD COLUMN source_offset bigint;

-- Superseded claims and events are deleted: the least-privilege service role of the compose
-- deployment (see 0004) needs DELETE on them.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') THEN
        GRANT DELETE ON claims, events TO newsflow_app;
    END IF;
END
$$;
