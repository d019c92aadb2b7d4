"""Who the clerk is, for a document's author: their name setting, else the OS account's name."""

from __future__ import annotations

import getpass
import os
import sys

# Clerk's settings key for the clerk's own name: the author of every exported document.
CLERK_NAME_KEY = "clerk/name"


def os_full_name() -> str:
    """The signed-in user's full name ("Priya Raman"), else their login name, else ""."""
    name = ""
    if sys.platform == "win32":
        name = _windows_display_name()
    else:
        try:
            import pwd

            # The GECOS field: "Full Name,room,phone,..." on Linux and macOS.
            name = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0]
        except (ImportError, KeyError, OSError):
            name = ""
    if not name.strip():
        try:
            name = getpass.getuser()
        except (ImportError, KeyError, OSError):
            name = ""
    return name.strip()


def _windows_display_name() -> str:
    import ctypes

    size = ctypes.c_ulong(0)
    secur32 = ctypes.windll.secur32  # type: ignore[attr-defined]  # exists on Windows only
    name_display = 3  # EXTENDED_NAME_FORMAT.NameDisplay
    secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
    if not size.value:
        return ""
    buffer = ctypes.create_unicode_buffer(size.value)
    if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
        return ""
    return str(buffer.value)


def author_name(setting: str | None) -> str:
    """The clerk's name setting when it says something, else the OS user's full name."""
    return (setting or "").strip() or os_full_name()
