-- Retractions: when a newer extraction of an article no longer contains a claim or event, the
-- store publishes a Retraction of its id on the record's topic, so that subscribers can remove
-- it too. The retraction is written here in the same transaction that replaces the extraction
-- (a transactional outbox) and published after the COMMIT; a row is deleted only once the
-- broker acknowledged it, so a crash in between publishes it again after the restart
-- (at-least-once; removing an id twice is harmless). See services/store/adapters/retractions.py.

CREATE TABLE retraction_outbox (
    seq         bigserial PRIMARY KEY,
    article_id  text NOT NULL,
    record_type text NOT NULL CHECK (record_type IN ('claim', 'event')),
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The least-privilege service role of the compose deployment (see 0004) drains the outbox.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') THEN
        GRANT SELECT, INSERT, DELETE ON retraction_outbox TO newsflow_app;
        GRANT USAGE ON SEQUENCE retraction_outbox_seq_seq TO newsflow_app;
    END IF;
END
$$;
