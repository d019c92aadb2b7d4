"""The action tracker page: every action across meetings, filtered, marked done, exported."""

from __future__ import annotations

from clerk_app.ui.archive.tracker_view import TrackerView
from clerk_app.ui.flows.export import ExportFlow
from clerk_app.ui.shell.port import Shell


class TrackerFlow:
    def __init__(self, shell: Shell, exports: ExportFlow) -> None:
        self.shell, self.exports = shell, exports
        self.view: TrackerView | None = None

    def show(self) -> None:
        shell = self.shell
        if shell.loaded is not None:
            shell.loaded.model.flush()
        if self.view is None:
            self.view = TrackerView(shell.db, shell.background, lambda: shell.now().date())
            self.view.open_requested.connect(lambda m, p: shell.show_meeting_at(m, p, reuse=False))
            self.view.status_message.connect(shell.say)
            self.view.export_requested.connect(self.export)
        self.view.refresh()
        shell.show_page(self.view, "Action tracker – Clerk")
        self.view.table.setFocus()

    def export(self, kind: str) -> None:
        view = self.view
        if view is None:
            return
        self.exports.export_action_log(
            kind,
            view.model.entries,
            open_only=bool(view.filters()["open_only"]),
            confidential=view.confidential.isChecked(),
        )
