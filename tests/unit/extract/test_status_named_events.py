"""An event a verb names with an object predicative took place: naming is no calling for
(sentences written here)."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def test_event_named_by_call_happened(extract: Extract) -> None:
    # "called the blast an act of war" names a blast that took place; "called a strike"
    # (control) convenes one to come
    assert event_of(extract("The mayor called the blast a disgrace."), "blast").status == "occurred"
    assert event_of(extract("The union called a strike for Monday."), "strike").status == "planned"
