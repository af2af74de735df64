"""``GET /v1/countries``: the country names and codes the ``country`` filters accept."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from services.query.domain.countries import country_index

router = APIRouter(tags=["countries"])


class CountryItem(BaseModel):
    code: str
    name: str


class CountryList(BaseModel):
    items: list[CountryItem]


@router.get(
    "/v1/countries", response_model=CountryList, summary="Countries the filters know, by name"
)
def get_countries() -> CountryList:
    """Every country and territory of GeoNames, with its ISO 3166-1 alpha-3 code. The
    `country` filters take the name, that code or the alpha-2 one, in any case."""
    return CountryList(
        items=[CountryItem(code=c.iso3, name=c.name) for c in country_index().countries()]
    )
