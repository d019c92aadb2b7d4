"""Read-only queries run off the GUI thread, their answers handed back to it; stale ones dropped.

Search-as-you-type, the action tracker and the meeting list ask the archive questions that
take from a few milliseconds to a few seconds (every action of ten years).  Run on the GUI
thread they would freeze typing; here each runs on one worker thread and its answer arrives
as a queued signal.  Requests share a *channel* ("search", "actions"...): only the newest
request of a channel is answered, and older ones still waiting are skipped without running,
so a clerk typing fast costs one query, not one per key.

Services open their own short session per call, and SQLite in WAL mode lets this reader run
while the window writes, so nothing here touches the database directly.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")
Handler = Callable[[Any], None]


def _reraise(error: Exception) -> None:
    raise error  # a bug in a query: fail loudly (pytest-qt reports it)


class Background(QObject):
    # Emitted from the worker thread; Qt queues it to the thread this object lives in.
    _finished = Signal(str, int, object, object)  # channel, ticket, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clerk-query")
        self._latest: dict[str, int] = {}
        self._handlers: dict[tuple[str, int], tuple[Handler, Handler]] = {}
        self._tickets = 0
        self._finished.connect(self._deliver)
        # The worker holds no Qt object; shutting it down needs nothing of this wrapper.
        executor = self._executor
        self.destroyed.connect(lambda *_: executor.shutdown(wait=False, cancel_futures=True))

    def run(
        self,
        channel: str,
        work: Callable[[], T],
        on_result: Callable[[T], None],
        on_error: Callable[[Exception], None] = _reraise,
    ) -> Future[None]:
        """Run ``work`` on the worker; ``on_result`` gets its answer on the GUI thread."""
        self._tickets += 1
        ticket = self._tickets
        self._latest[channel] = ticket
        self._handlers = {k: v for k, v in self._handlers.items() if k[0] != channel}
        self._handlers[(channel, ticket)] = (on_result, on_error)
        return self._executor.submit(self._work, channel, ticket, work)

    def busy(self, channel: str) -> bool:
        """Whether an answer on ``channel`` is still to come."""
        return (channel, self._latest.get(channel, 0)) in self._handlers

    def _work(self, channel: str, ticket: int, work: Callable[[], object]) -> None:
        if self._latest.get(channel) != ticket:
            return  # superseded while it waited: a newer request will answer
        try:
            result, error = work(), None
        except Exception as exc:  # handed to the GUI thread, which decides what it means
            result, error = None, exc
        self._finished.emit(channel, ticket, result, error)

    def _deliver(self, channel: str, ticket: int, result: object, error: object) -> None:
        handlers = self._handlers.pop((channel, ticket), None)
        if handlers is None or self._latest.get(channel) != ticket:
            return
        on_result, on_error = handlers
        if isinstance(error, Exception):
            on_error(error)
        else:
            on_result(result)
