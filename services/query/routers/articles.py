"""``GET /v1/articles/{article_id}``: one stored article with its claims and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from services.query.adapters import queries
from services.query.adapters.responses import ArticleDetail
from services.query.deps import Database, read
from services.query.errors import ERRORS, NOT_FOUND, NotFoundError

router = APIRouter(tags=["articles"])


@router.get(
    "/v1/articles/{article_id}",
    response_model=ArticleDetail,
    responses={**ERRORS, **NOT_FOUND},
    summary="One article with its claims and events",
)
def get_article(
    article_id: Annotated[str, Path(max_length=100, examples=["a-5f0c1d2e3b4a59687766aa10"])],
    db: Database,
) -> ArticleDetail:
    """The stored article (cleaned body) with its claims and events in text order."""
    detail = read(db, lambda conn: queries.article_detail(conn, article_id=article_id))
    if detail is None:
        raise NotFoundError("article_id", f"no article {article_id!r}")
    claims, events = detail.pop("claims"), detail.pop("events")
    detail["authors"] = detail["authors"] or []
    return ArticleDetail.model_validate(
        {
            "article": detail,
            "claims": claims,
            "events": [{"event": e["payload"], "incident_id": e["incident_id"]} for e in events],
        }
    )
