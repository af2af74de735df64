-- Places (issue 13): every toponym and demonym of an article's current extraction, resolved to
-- GeoNames where the extractor's offline gazetteer knows it. They travel in the
-- ExtractionManifest (articles.extracted); when a manifest replaces an article's extraction
-- (services/store/domain/extractions.py, rule 2) its places replace the article's rows here, in
-- the same transaction, so a replayed or older manifest changes nothing.
--
-- place_id is "<article_id>:<start>:<end>" (the span identifies a mention within its article).

CREATE TABLE places (
    place_id      text PRIMARY KEY,
    article_id    text NOT NULL,
    start_char    integer NOT NULL,
    end_char      integer NOT NULL,
    text          text NOT NULL,
    name          text,
    lat           double precision,
    lon           double precision,
    country       text,
    geonameid     bigint,
    feature       text,
    admin1        text,
    is_demonym    boolean NOT NULL DEFAULT false,
    first_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX places_article_idx ON places (article_id);
CREATE INDEX places_seen_idx ON places (first_seen_at, place_id);
CREATE INDEX places_country_idx ON places (country);
CREATE INDEX places_geonameid_idx ON places (geonameid);
CREATE INDEX places_lat_idx ON places (lat) WHERE lat IS NOT NULL;

-- A re-extraction deletes the article's places: the least-privilege service role of the
-- compose deployment (see 0004) needs DELETE on them.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') THEN
        GRANT DELETE ON places TO newsflow_app;
    END IF;
END
$$;
