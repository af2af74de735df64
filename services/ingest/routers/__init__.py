"""The ingest API's routes, one ``APIRouter`` per resource, assembled by
:func:`services.ingest.app.create_app`. A route parses, calls (the publisher, the feed store)
and shapes the answer; the write routes' key check is the dependency
:func:`services.ingest.deps.require_write_key`."""
