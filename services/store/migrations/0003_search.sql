-- Read side of the query API (services/query/): full-text search and keyset pagination.
--
-- Full text: generated tsvector columns, so every writer keeps them right without knowing about
-- them (pg_writer names its columns, and a generated column cannot be written). 'english'
-- stems ("striking" finds "strikes"); the regconfig is spelt out because the generated
-- expression must be immutable, i.e. not depend on default_text_search_config.
--
-- Pagination: the API lists newest first by (first_seen_at, id), the id breaking ties between
-- rows of one batch transaction (they share now()); these indexes serve that order backwards.
--
-- On a database that already holds data, adding a STORED generated column rewrites the table
-- under an ACCESS EXCLUSIVE lock: stores wait for it (their batches retry), nothing is lost.

ALTER TABLE claims
    ADD COLUMN content_tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('english'::regconfig, content_text)) STORED;

CREATE INDEX claims_content_tsv_idx ON claims USING gin (content_tsv);
CREATE INDEX claims_first_seen_at_claim_id_idx ON claims (first_seen_at, claim_id);

-- Events are searched over their trigger, their place and the sentence that states them.
ALTER TABLE events
    ADD COLUMN search_tsv tsvector
        GENERATED ALWAYS AS (
            to_tsvector(
                'english'::regconfig,
                trigger_text || ' ' || coalesce(location_text, '') || ' '
                    || coalesce(location_name, '') || ' '
                    || coalesce(payload #>> '{evidence,text}', '')
            )
        ) STORED;

CREATE INDEX events_search_tsv_idx ON events USING gin (search_tsv);
CREATE INDEX events_first_seen_at_event_id_idx ON events (first_seen_at, event_id);
CREATE INDEX events_event_date_idx ON events (event_date);
