"""SQLAlchemy table mappings: how a meeting lies in the database (migrations own the schema)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class MeetingRow(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council: Mapped[str] = mapped_column(Text, default="")
    committee: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    venue: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    label_style: Mapped[str] = mapped_column(String(8), default="a.")
    notes: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    body_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)

    attendees: Mapped[list[AttendeeRow]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AttendeeRow.position"
    )
    items: Mapped[list[ItemRow]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ItemRow.position"
    )


class AttendeeRow(Base):
    __tablename__ = "attendees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="member")
    presence: Mapped[str] = mapped_column(String(16), default="present")
    job_title: Mapped[str] = mapped_column(Text, default="")
    substitute_for: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[MeetingRow] = relationship(back_populates="attendees")


class ItemRow(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[str] = mapped_column(Text, default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    exempt_paragraph: Mapped[str] = mapped_column(Text, default="")
    taken_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    exclusion: Mapped[str] = mapped_column(Text, default="")
    readmitted: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[MeetingRow] = relationship(back_populates="items")
    points: Mapped[list[PointRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="PointRow.position"
    )
    decisions: Mapped[list[DecisionRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="DecisionRow.position"
    )
    documents: Mapped[list[DocumentRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="DocumentRow.position"
    )
    declarations: Mapped[list[DeclarationRow]] = relationship(
        cascade="all, delete-orphan", order_by="DeclarationRow.position"
    )
    motions: Mapped[list[MotionRow]] = relationship(
        cascade="all, delete-orphan", order_by="MotionRow.position"
    )
    movements: Mapped[list[MovementRow]] = relationship(
        cascade="all, delete-orphan", order_by="MovementRow.position"
    )


class PointRow(Base):
    """A point; ``parent_id`` set makes it a sub-point.  Its letter is never stored."""

    __tablename__ = "points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("points.id", ondelete="CASCADE"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    # Read from ``text`` on every write, kept here only so the action tracker can query it:
    # owners joined by "/", "" when the point has no action.
    action_owners: Mapped[str] = mapped_column(Text, default="", index=True)
    action_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    action_done: Mapped[bool] = mapped_column(Boolean, default=False)
    action_done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Matters arising: the earlier point whose action this one follows up.
    origin_point_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)

    item: Mapped[ItemRow] = relationship(back_populates="points")


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="RESOLVED")
    preamble: Mapped[str] = mapped_column(Text, default="")
    numbering: Mapped[str] = mapped_column(String(8), default="i.")
    # One resolution a line: resolutions are single paragraphs (the model cleans them).
    resolutions: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[ItemRow] = relationship(back_populates="decisions")


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)

    item: Mapped[ItemRow] = relationship(back_populates="documents")


class AmendmentRow(Base):
    """A correction agreed when the minutes were approved: recorded, never a silent edit."""

    __tablename__ = "amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    where: Mapped[str] = mapped_column(Text, default="")  # "item 13/25, point b."
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RevisionRow(Base):
    """The whole meeting as it stood at a moment (JSON of the core model)."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(16))  # circulated, approved, amended, edited
    content: Mapped[str] = mapped_column(Text)


class BodyRow(Base):
    """A council, committee, panel or parish council and its house style."""

    __tablename__ = "bodies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="committee")
    numbering_mode: Mapped[str] = mapped_column(String(16), default="as typed")
    numbering_pattern: Mapped[str] = mapped_column(Text, default="{n}")
    year_start_month: Mapped[int] = mapped_column(Integer, default=5)
    label_style: Mapped[str] = mapped_column(String(8), default="a.")
    quorum_fixed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quorum_numerator: Mapped[int] = mapped_column(Integer, default=1)
    quorum_denominator: Mapped[int] = mapped_column(Integer, default=3)
    quorum_minimum: Mapped[int] = mapped_column(Integer, default=3)
    exclusion_law: Mapped[str] = mapped_column(String(16), default="england")
    exclusion_text: Mapped[str] = mapped_column(Text, default="")
    # House style for exports: file paths, "" for Clerk's default (migration 0009).
    word_template: Mapped[str] = mapped_column(Text, default="")
    pdf_template: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[BodyMemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="BodyMemberRow.position"
    )


class BodyMemberRow(Base):
    __tablename__ = "body_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="member")
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class DeclarationRow(Base):
    """A declaration of interest made on an item."""

    __tablename__ = "declarations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    member: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, default="disclosable pecuniary")
    nature: Mapped[str] = mapped_column(Text, default="")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    conduct: Mapped[str] = mapped_column(String(24), default="withdrew")


class MotionRow(Base):
    """A motion or amendment on an item; ``votes_for`` is NULL when no count was taken."""

    __tablename__ = "motions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    mover: Mapped[str] = mapped_column(Text, default="")
    seconder: Mapped[str] = mapped_column(Text, default="")
    amends: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a position, not an id
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    casting: Mapped[str | None] = mapped_column(String(16), nullable=True)
    declared_outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # Read from minutes whose own words say it (migration 0010): printed as those words.
    as_written: Mapped[bool] = mapped_column(Boolean, default=False)

    named: Mapped[list[NamedVoteRow]] = relationship(
        cascade="all, delete-orphan", order_by="NamedVoteRow.position"
    )


class NamedVoteRow(Base):
    __tablename__ = "named_votes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    motion_id: Mapped[int] = mapped_column(ForeignKey("motions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    member: Mapped[str] = mapped_column(Text)
    vote: Mapped[str] = mapped_column(String(16))


class MovementRow(Base):
    """A member arriving or leaving during an item."""

    __tablename__ = "movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    member: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
