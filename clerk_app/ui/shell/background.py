"""Read-only queries run off the GUI thread, their answers handed back to it; stale ones dropped.

Search-as-you-type, the action tracker and the meeting list ask the archive questions that
take from a few milliseconds to a few seconds (every action of ten years).  Run on the GUI
thread they would freeze typing; here each runs on one worker thread and its answer is put in
a plain Python queue that a timer on the GUI thread empties while answers are awaited.

No Qt call is made on the worker, not even a signal emission: PySide keeps Python's lock
through a Qt call, and Qt takes its own connection locks inside (a queued signal locks its
receiver's); the GUI thread, holding such a lock while it waits for Python's (connecting or
disconnecting a signal asks PySide whether Python overrides a method), then waits for the
worker, which waits for it.  The preview froze the window this way once (a QSvgRenderer made
on the worker).  Requests share a *channel* ("search", "actions"...): only the newest
request of a channel is answered, and older ones still waiting are skipped without running,
so a clerk typing fast costs one query, not one per key.

Services open their own short session per call, and SQLite in WAL mode lets this reader run
while the window writes, so nothing here touches the database directly.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
Handler = Callable[[Any], None]


def _reraise(error: Exception) -> None:
    raise error  # a bug in a query: fail loudly (pytest-qt reports it)


# How often the GUI thread looks for answers while one is awaited: an answer waits 10 ms at
# most, and nothing is polled while no work is out.
POLL_MS = 10

_Answer = tuple[str, int, object, object]  # channel, ticket, result, error


class Background(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clerk-query")
        self._latest: dict[str, int] = {}
        self._handlers: dict[tuple[str, int], tuple[Handler, Handler]] = {}
        self._tickets = 0
        self._answers: queue.SimpleQueue[_Answer] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
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
        if not self._poll.isActive():
            self._poll.start()
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
        self._answers.put((channel, ticket, result, error))  # no Qt call here: see above

    def _drain(self) -> None:
        """On the GUI thread: hand every answer that has come to its handler."""
        while True:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                break
            self._deliver(*answer)
        if not self._handlers:
            self._poll.stop()

    def _deliver(self, channel: str, ticket: int, result: object, error: object) -> None:
        handlers = self._handlers.pop((channel, ticket), None)
        if handlers is None or self._latest.get(channel) != ticket:
            return
        on_result, on_error = handlers
        if isinstance(error, Exception):
            on_error(error)
        else:
            on_result(result)
