"""Replaces PyInstaller's hook for PySide6.QtGui: the same, less the Qt plugins Clerk never
loads (see DROPPED_PLUGINS in packaging/recipe.py).  Used for a trimmed build, the default."""

import recipe

hiddenimports, binaries, datas = recipe.trimmed_qt_hook(__file__)
