"""faust's aiokafka transport with a configurable fetch wait.

faust-streaming creates its worker consumer with ``fetch_max_wait_ms=1500`` hard-coded. A broker
may hold a fetch that found no data for that whole time even when records arrive meanwhile
(Tansu does: measured here, the median extra delay per fetch was ~143 ms at 500 ms and ~12 ms at
50 ms), so every article could wait up to 1.5 s before extraction starts. This transport is
faust's own, except that the worker consumer waits ``fetch_max_wait_ms`` as configured.
:func:`configure` registers it in faust's transport registry under the URL scheme
``newsflow://``, which :func:`services.extract.app.create_app` uses.
"""

from __future__ import annotations

from typing import Any

import aiokafka
from faust.transport import drivers
from faust.transport.drivers import aiokafka as driver

_fetch_max_wait_ms = 100


SCHEME = "newsflow"


def configure(*, fetch_max_wait_ms: int) -> None:
    """Register the transport as ``newsflow://`` and set the fetch wait of worker consumers
    created from now on (one app per process)."""
    global _fetch_max_wait_ms
    _fetch_max_wait_ms = fetch_max_wait_ms
    drivers.TRANSPORTS.aliases[SCHEME] = f"{__name__}:Transport"


def fetch_max_wait_ms() -> int:
    return _fetch_max_wait_ms


class _ConsumerThread(driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads this attribute when it builds its fetcher in start().
        consumer._fetch_max_wait_ms = _fetch_max_wait_ms
        return consumer


class Consumer(driver.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class Transport(driver.Transport):
    Consumer = Consumer
