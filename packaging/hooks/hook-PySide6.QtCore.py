"""Replaces PyInstaller's hook for PySide6.QtCore: the same, less Qt's translations (see
trimmed_qt_hook in packaging/recipe.py).  Used for a trimmed build, the default."""

import recipe

hiddenimports, binaries, datas = recipe.trimmed_qt_hook(__file__)
