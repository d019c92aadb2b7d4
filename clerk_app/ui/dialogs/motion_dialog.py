"""Ctrl+Shift+O: a motion or an amendment at the current item: its words, mover and seconder
(completed over the members present), what it amends, and the vote: counted, named, agreed
without a vote, or withdrawn.  The outcome (carried or lost) is worked out by core as the
counts are typed; a mover, seconder or voter who should not take part is flagged, not refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from clerk_app.core.procedure.motion_wording import counts_text, record
from clerk_app.core.procedure.motions import (
    Counts,
    Motion,
    NamedVote,
    Outcome,
    Vote,
    check_motions,
    outcome,
    tally,
)
from clerk_app.ui.dialogs.choice_combo import ChoiceCombo
from clerk_app.ui.dialogs.field_dialog import FieldDialog
from clerk_app.ui.dialogs.member_field import WARNING_STYLE, MemberField

COUNTED, NAMED, AGREED, WITHDRAWN = range(4)
MODES = ("counted (show of hands)", "named (recorded) vote", "agreed without a vote", "withdrawn")
CASTING = (None, Vote.FOR, Vote.AGAINST)


def short(motion: Motion, position: int) -> str:
    words = " ".join(motion.text.split())
    what = "Amendment" if motion.amends is not None else "Motion"
    return f"{position + 1}. {what}: {words[:70]}{'…' if len(words) > 70 else ''}"


class MotionDialog(FieldDialog):
    """``earlier``: the item's motions before this one (what an amendment may amend).
    ``warnings(motion)``: the flags core raises for it.  ``open_grid(named, parent)``: runs
    the named vote grid, returning the votes or None if cancelled."""

    def __init__(
        self,
        motion: Motion,
        earlier: list[Motion],
        names: list[str],
        *,
        flag: Callable[[str], str],
        warnings: Callable[[Motion], list[str]],
        open_grid: Callable[[list[NamedVote], QWidget], list[NamedVote] | None],
        where: str,
        new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Motion / vote" if new else "Motion")
        self.removed = False
        self._warnings, self._open_grid = warnings, open_grid
        self.named: list[NamedVote] = list(motion.named)
        self.amends = QComboBox()
        self.amends.addItem("nothing: this is a motion")
        for position, other in enumerate(earlier):
            self.amends.addItem(f"amends {short(other, position)}")
        if motion.amends is not None and motion.amends < len(earlier):
            self.amends.setCurrentIndex(motion.amends + 1)
        self.text = QPlainTextEdit(motion.text)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("That the Council approves the budget for 2027/28")
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.mover = MemberField(names, motion.mover, flag)
        self.seconder = MemberField(names, motion.seconder, flag)
        self.mode = ChoiceCombo()
        self.mode.addItems(list(MODES))
        self.mode.setCurrentIndex(self._mode_of(motion, new=new))
        counts = motion.counts or Counts()
        self.for_, self.against, self.abstain = (self._spin(n) for n in _numbers(counts))
        self.casting = ChoiceCombo()
        self.casting.addItems(["none", "for", "against"])
        self.casting.setCurrentIndex(CASTING.index(motion.casting))
        self.grid_button = QPushButton("&Named vote… (Ctrl+Shift+V)")
        self.grid_button.setAutoDefault(False)
        self.grid_button.clicked.connect(self.named_vote)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, self.named_vote)
        self.outcome = QLabel()
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setStyleSheet(WARNING_STYLE)
        self.flags.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(WARNING_STYLE)
        votes = QHBoxLayout()
        for text, spin in (
            ("F&or", self.for_),
            ("Agains&t", self.against),
            ("A&bstain", self.abstain),
        ):
            label = QLabel(text)
            label.setBuddy(spin)
            votes.addWidget(label)
            votes.addWidget(spin)
        form = QFormLayout(self)
        form.addRow(QLabel(f"Item: {where}"))
        form.addRow("A&mendment:", self.amends)
        form.addRow("&Words:", self.text)
        form.addRow("Moved b&y:", self.mover)
        form.addRow("&Seconded by:", self.seconder)
        form.addRow("&Vote:", self.mode)
        form.addRow("Counts:", votes)
        form.addRow("&Chair's casting vote:", self.casting)
        form.addRow("", self.grid_button)
        form.addRow("Outcome:", self.outcome)
        form.addRow("Minutes:", self.record)
        form.addRow(self.flags)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if not new:
            remove = buttons.addButton(
                "&Remove motion", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.clicked.connect(self._remove)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for signal in (
            self.amends.currentIndexChanged,
            self.text.textChanged,
            self.mover.combo.currentTextChanged,
            self.seconder.combo.currentTextChanged,
            self.mode.currentIndexChanged,
            self.for_.valueChanged,
            self.against.valueChanged,
            self.abstain.valueChanged,
            self.casting.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.text.setFocus()
        self.resize(680, self.sizeHint().height())

    @staticmethod
    def _mode_of(motion: Motion, *, new: bool) -> int:
        if motion.named:
            return NAMED
        if motion.declared_outcome is Outcome.WITHDRAWN:
            return WITHDRAWN
        if motion.counts is None and not new:
            return AGREED
        return COUNTED

    def _spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 9999)
        spin.setValue(value)
        return spin

    def _remove(self) -> None:
        self.removed = True
        super().accept()

    def named_vote(self) -> None:
        """The grid of present members; its votes become this motion's named vote."""
        votes = self._open_grid(self.named, self)  # over this dialog
        if votes is not None:
            self.named = votes
            self.mode.setCurrentIndex(NAMED)
            self._update()
        self.grid_button.setFocus()

    def motion(self) -> Motion:
        mode = self.mode.currentIndex()
        amends = self.amends.currentIndex() - 1
        counts = None
        if mode == COUNTED:
            counts = Counts(self.for_.value(), self.against.value(), self.abstain.value())
        return Motion(
            text=" ".join(self.text.toPlainText().split()),
            mover=self.mover.text(),
            seconder=self.seconder.text(),
            amends=amends if amends >= 0 else None,
            counts=counts,
            named=list(self.named) if mode == NAMED else [],
            casting=CASTING[self.casting.currentIndex()] if mode in (COUNTED, NAMED) else None,
            declared_outcome=Outcome.WITHDRAWN if mode == WITHDRAWN else None,
        )

    def _update(self, *_args: object) -> None:
        mode = self.mode.currentIndex()
        motion = self.motion()
        counts = tally(motion)
        if mode == NAMED and counts is not None:
            for spin, value in zip(
                (self.for_, self.against, self.abstain), _numbers(counts), strict=True
            ):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        for spin in (self.for_, self.against, self.abstain):
            spin.setEnabled(mode == COUNTED)
        tied = counts is not None and counts.for_ == counts.against
        self.casting.setEnabled(tied and mode in (COUNTED, NAMED))
        result = outcome(motion).value.upper()
        self.outcome.setText(result + (f" {counts_text(counts)}" if counts is not None else ""))
        self.record.setText(record(motion) if motion.text else "")
        flags = self._warnings(motion)
        self.flags.setText("\n".join(f"⚠ {flag}" for flag in flags))

    def accept(self) -> None:
        """OK or Ctrl+Enter: a motion needs its words; anything else core refuses is said here."""
        motion = self.motion()
        if not motion.text:
            self.error.setText("Type the words of the motion (That ...).")
            self.text.setFocus()
            return
        try:
            # Checked where it will stand: after the motion it amends.
            check_motions([Motion("x")] * ((motion.amends or 0) + 1) + [motion])
        except ValueError as exc:
            self.error.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            return
        super().accept()


def _numbers(counts: Counts) -> tuple[int, int, int]:
    return counts.for_, counts.against, counts.abstain
