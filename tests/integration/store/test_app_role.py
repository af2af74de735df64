"""The compose deployment's least-privilege role: `deploy/postgres-init` creates `newsflow_app`,
the owner migrates, and the store then works as `newsflow_app` — start-up migration check,
upserts and incident regrouping — while it can create, drop and truncate nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import psycopg
import pytest
from psycopg import conninfo

from services.query.adapters.incidents import latest_incidents
from services.store.adapters.migrations import migrate
from tests.integration.store.test_incidents import article, event, published, write

pytestmark = pytest.mark.integration

INIT_SQL = Path(__file__).parents[3] / "deploy" / "postgres-init" / "10-newsflow-app-role.sql"
PSQL = shutil.which("psql")


@pytest.mark.skipif(PSQL is None, reason="needs the psql client to run deploy/postgres-init")
def test_store_works_as_the_app_role_and_can_change_no_schema(database_url: str) -> None:
    assert PSQL is not None
    subprocess.run(
        [PSQL, "-X", "-q", "-d", database_url, "-f", str(INIT_SQL)],
        env={**os.environ, "NEWSFLOW_APP_DB_PASSWORD": "app-role-test-password"},
        check=True,
        capture_output=True,
    )
    assert migrate(database_url=database_url)  # the owner applies every migration
    params = conninfo.conninfo_to_dict(database_url)
    app_url = conninfo.make_conninfo(
        database_url, user="newsflow_app", password="app-role-test-password"
    )
    assert params.get("user") != "newsflow_app"

    assert migrate(database_url=app_url) == []  # the store's start-up check, as the app role
    with psycopg.connect(app_url, autocommit=True) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("newsflow_app",)
        later = article(1, published=published(31))
        earlier = article(2, published=published(31, 12))
        write(conn, [later], [event(later, on=date(2022, 3, 31), killed=3)])
        # An earlier-dated report regroups the incident: the stale one is deleted.
        write(conn, [earlier], [event(earlier, on=date(2022, 3, 28), killed=5)])
        [incident] = latest_incidents(conn)
        assert incident["killed"] == 5

    for statement in (
        "CREATE TABLE intruder (id int)",
        "DROP TABLE claims",
        "TRUNCATE articles",
        "DELETE FROM articles",
        "ALTER TABLE events ADD COLUMN x int",
    ):
        with psycopg.connect(app_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
