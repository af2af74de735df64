-- Least-privilege database role for the newsflow services (docker-compose.yml).
--
-- The postgres image runs this file once, when it initialises an empty data directory, as
-- POSTGRES_USER connected to POSTGRES_DB. That role owns the schema and runs the migrations
-- (`newsflow init`); the services connect as `newsflow_app`, which may read and write rows of
-- the tables but not create, alter, drop or truncate anything.
--
-- The password comes from the container's environment (NEWSFLOW_APP_DB_PASSWORD); it is never
-- written in this file. The file is safe to run again by hand on an existing database, e.g.
-- after rotating the password or on a data volume created before this file existed:
--   docker compose exec postgres psql -U newsflow -d newsflow \
--     -f /docker-entrypoint-initdb.d/10-newsflow-app-role.sql
\set ON_ERROR_STOP on

\getenv app_password NEWSFLOW_APP_DB_PASSWORD
\if :{?app_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'NEWSFLOW_APP_DB_PASSWORD is not set: the postgres container needs it'; END $$;
\endif

SELECT current_database() AS db_name, current_user AS owner_role,
       NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') AS role_missing
\gset

\if :role_missing
CREATE ROLE newsflow_app LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
\else
ALTER ROLE newsflow_app LOGIN PASSWORD :'app_password';
\endif

-- Nobody else connects or makes temporary tables by default; the app may connect.
REVOKE ALL ON DATABASE :"db_name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db_name" TO newsflow_app;
-- The store stages each batch in temporary tables (COPY, then one upsert per table).
GRANT TEMPORARY ON DATABASE :"db_name" TO newsflow_app;

-- It may look up objects in the schema but create none (PUBLIC has no CREATE since Postgres 15;
-- revoked here for older servers too).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO newsflow_app;

-- Tables and sequences the owner creates later (the migrations) are readable and writable by
-- the app: rows only, no DELETE, TRUNCATE, REFERENCES or TRIGGER.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE ON TABLES TO newsflow_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO newsflow_app;

-- Tables that already exist when the file is run by hand on a migrated database.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO newsflow_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO newsflow_app;
