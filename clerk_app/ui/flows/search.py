"""Ctrl+F: search every meeting as you type, and open a hit with the caret where it was found."""

from __future__ import annotations

from clerk_app.core.search_query import highlight_spans, parse_query, split_filters
from clerk_app.services import searching
from clerk_app.services.searching import SearchHit
from clerk_app.ui.archive.search_dialog import SearchDialog
from clerk_app.ui.shell.port import Shell


class SearchFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.dialog: SearchDialog | None = None

    def search(self) -> None:
        shell = self.shell
        if self.dialog is None:
            db = shell.db
            self.dialog = SearchDialog(
                lambda query, confidential, limit: searching.search(
                    db, query, limit=limit, include_exempt=confidential
                ),
                shell.background,
                parent=shell.widget,
            )
            self.dialog.hit_chosen.connect(self.open_hit)
            # Escape: the keyboard returns to the minutes, whatever the window manager does.
            self.dialog.finished.connect(lambda _result: shell.widget.activateWindow())
        if shell.loaded is not None:
            shell.loaded.model.flush()  # what was typed a moment ago is found too
        self.dialog.present()

    def open_hit(self, hit: SearchHit) -> None:
        shell = self.shell
        shell.widget.activateWindow()  # back from the search dialog, keys to the minutes
        point = shell.show_meeting_at(hit.meeting_id, hit.point_id, hit.item_id, reuse=True)
        current, dialog = shell.current, self.dialog
        if point is None or current is None or dialog is None or hit.point_id is None:
            return
        words = split_filters(dialog.searched)[0]  # "year:2024" narrows; it is not found
        spans = highlight_spans(point.text, parse_query(words)) if words else []
        if spans:
            current.view.focus_point(point, spans[0][0])  # the caret where the word was found
