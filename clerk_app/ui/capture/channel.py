"""A plain callback channel: what the open meeting tells the views, without Qt signals.

A PySide signal emission costs about 25 µs; the keystroke path announces every character, so
views listen through plain callbacks instead.  Listeners are called in the order they
connected; a view that goes away disconnects (or goes with the model it listens to).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Channel(Generic[T]):
    def __init__(self) -> None:
        self._listeners: list[Callable[[T], object]] = []

    def connect(self, listener: Callable[[T], object]) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Callable[[T], object]) -> None:
        self._listeners.remove(listener)

    def emit(self, value: T) -> None:
        for listener in tuple(self._listeners):
            listener(value)
