-- Incidents are regrouped as reports arrive: stale incident rows are deleted. The
-- least-privilege service role of the compose deployment (newsflow_app, created by
-- deploy/postgres-init) may otherwise only SELECT/INSERT/UPDATE; it needs DELETE on this one
-- table. Where the role does not exist (the embedded stack, tests) there is nothing to grant.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsflow_app') THEN
        GRANT DELETE ON incidents TO newsflow_app;
    END IF;
END
$$;
