"""SIGTERM and SIGHUP as an exception, so a command stopped mid-export tidies up first.

Python's default for both signals ends the process on the spot, leaving the export's hidden
part file behind.  Raised as ``Stopped`` (a BaseException, like KeyboardInterrupt), the
signal unwinds through the atomic writer, which removes its part file, and the command
line then says what happened in one line.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Stopped(BaseException):
    """The process was asked to stop (SIGTERM or SIGHUP) while a command ran.

    One subclass per signal, because libraries that annotate exceptions on the way up
    (reportlab) rebuild them from a message: the class is what survives."""

    number: int = 0

    @property
    def name(self) -> str:
        return signal.Signals(self.number).name

    @property
    def exit_code(self) -> int:
        return 128 + self.number  # what a shell reports for a process ended by the signal


class Terminated(Stopped):
    number = int(signal.SIGTERM)


class HungUp(Stopped):
    number = int(getattr(signal, "SIGHUP", 1))  # POSIX only; 1 is its number there


_HANDLED: dict[int, type[Stopped]] = {Terminated.number: Terminated}
if hasattr(signal, "SIGHUP"):
    _HANDLED[HungUp.number] = HungUp


def _raise(number: int, _frame: FrameType | None) -> None:
    raise _HANDLED[number]()


@contextmanager
def stop_cleanly() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Stopped; the old handlers come back after."""
    previous = {}
    try:
        for number in _HANDLED:
            previous[number] = signal.signal(number, _raise)
    except ValueError:
        pass  # not the main thread (a test runner's worker): signals go elsewhere anyway
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
