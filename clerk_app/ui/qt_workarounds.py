"""Work-arounds for defects of the Qt binding, each detected at run time and applied only then.

PySide6 6.12.0's abi3 wheels return ``None`` from every void method without taking a reference
to it.  From Python 3.12 ``None`` is immortal and nothing happens; on Python 3.11 each such call
(``widget.move()``, ``timer.start()``...) drops ``None``'s reference count by one, and after a
few thousand calls the interpreter aborts with "none_dealloc: deallocating None".  A clerk
types for hours, so the window would die mid-meeting.

The remedy: measure the leak with a harmless void call; if it leaks, raise ``None``'s count by
2**40 (a million calls a second for twelve days).  ``None`` is never freed anyway, so a higher
count changes nothing else.  Remove this module once the project requires a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_HEADROOM = 1 << 40
_PROBE_CALLS = 64


def _none_leaks() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    # Other code may take or drop a reference meanwhile; a leak shows as a drop of ~64.
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def guard_none_refcount() -> bool:
    """Protect ``None`` against the binding's leak if this binding has it; True if applied."""
    if sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):
        # Immortal None (3.12+), or a trace-refs build whose object header is laid out
        # differently: nothing to do, or nothing safe to do.
        return False
    if sys.getrefcount(None) > _HEADROOM // 2:
        return True  # applied already
    if not _none_leaks():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    # Sanity check that the header really starts with the reference count before writing it.
    if abs(refcount.value - sys.getrefcount(None)) > 8:
        return False
    refcount.value += _HEADROOM
    return True
