"""The query API's routes, one ``APIRouter`` per resource, assembled by
:func:`services.query.app.create_app`. A route parses (its request dependency), reads (one call
into :mod:`services.query.adapters`) and shapes the answer
(:mod:`services.query.adapters.responses`)."""
