"""``GET /v1/incidents`` and ``GET /v1/incidents/{incident_id}``: the events of several reports
grouped as one happening (docs/incidents.md), with their toll and timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.query.adapters import incidents
from services.query.adapters.responses import IncidentDetail, IncidentList
from services.query.deps import Database, read
from services.query.domain.timeline import timeline
from services.query.errors import ERRORS, NOT_FOUND, NotFoundError
from services.query.params import DEFAULT_LIMIT, MAX_LIMIT

router = APIRouter(tags=["incidents"])


@router.get(
    "/v1/incidents",
    response_model=IncidentList,
    responses=ERRORS,
    summary="The latest incidents",
)
def get_incidents(
    db: Database, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT
) -> IncidentList:
    """The ``limit`` incidents with the most recent dates, newest first, each with its
    latest toll. (Not paginated: incidents regroup as reports arrive, so their ids and order
    are not stable keys; follow an event's ``incident_id`` instead.)"""
    rows = read(db, lambda conn: incidents.latest_incidents(conn, limit=limit))
    return IncidentList.model_validate({"items": rows})


@router.get(
    "/v1/incidents/{incident_id}",
    response_model=IncidentDetail,
    responses={**ERRORS, **NOT_FOUND},
    summary="One incident with its mentions, timeline and toll",
)
def get_incident(
    incident_id: Annotated[str, Path(max_length=100, examples=["i-3c2b1a0f9e8d7c6b5a493827"])],
    db: Database,
) -> IncidentDetail:
    """The incident, every event mention of it (oldest article first) with its article,
    and the mentions counted by date."""
    detail = read(db, lambda conn: incidents.incident_with_mentions(conn, incident_id=incident_id))
    if detail is None:
        raise NotFoundError("incident_id", f"no incident {incident_id!r}")
    days = [vars(entry) for entry in timeline(detail["mentions"])]
    return IncidentDetail.model_validate({**detail, "timeline": days})
