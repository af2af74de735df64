-- Incidents: event mentions of many articles grouped into the real-world incident they report,
-- with its latest toll. The grouping rule and why it is order-independent are in
-- services/store/domain/incidents.py and docs/incidents.md. Rows are written only by
-- services/store/adapters/incidents.py, inside the store's batch transaction.
--
-- Applies to a database already at 0001 with data: the new column is nullable without a default
-- (no table rewrite), and existing events simply have no incident until their group is next
-- touched by a batch, or until rebuild_incidents() is run once.

CREATE TABLE incidents (
    incident_id       text PRIMARY KEY,            -- digest of group_key and first_date
    group_key         text NOT NULL,               -- family|country|g:geonameid or a:actors
    family            text NOT NULL,               -- the event type, compatible types folded
    type              text NOT NULL,               -- the most common type of its mentions
    country           text NOT NULL,               -- ISO 3166-1 alpha-3
    geonameid         bigint,
    place_name        text,
    actors            jsonb NOT NULL DEFAULT '[]'::jsonb,
    first_date        date NOT NULL,
    last_date         date NOT NULL,
    killed            integer,
    injured           integer,
    toll              jsonb NOT NULL DEFAULT '{}'::jsonb,  -- {kind: {value, cumulative, event_id, article_id, published_at}}
    toll_event_id     text,                        -- where the newest figure comes from
    toll_article_id   text,
    toll_published_at timestamptz,
    mention_count     integer NOT NULL,
    article_count     integer NOT NULL,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX incidents_group_key_first_date_idx ON incidents (group_key, first_date);
CREATE INDEX incidents_last_date_idx ON incidents (last_date);

ALTER TABLE events
    ADD COLUMN incident_id text REFERENCES incidents (incident_id) ON DELETE SET NULL;

CREATE INDEX events_incident_id_idx ON events (incident_id);
CREATE INDEX events_country_type_event_date_idx ON events (country, type, event_date);
