"""The composed minutes document: what every exporter prints, decided once."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clerk_app.core.action_table import action_rows, compose_actions, summarise
from clerk_app.core.attendance import attendance_lines
from clerk_app.core.blocks import (
    ActionTable,
    Counter,
    DecisionBlock,
    Heading,
    LabelledParagraph,
    Paragraph,
    ParagraphStyle,
    SignatureBlock,
    Stub,
)
from clerk_app.core.document import (
    compose,
    minute_number,
    point_scheme,
    resolution_scheme,
    suggested_file_name,
)
from clerk_app.core.lettering import letters, point_label, resolution_label, roman, subpoint_label
from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    LabelStyle,
    Meeting,
    Numbering,
    Point,
    Presence,
    Role,
    Status,
)
from clerk_app.core.wording import clock_time, long_date, surname_key
from tests.export.minutes_factory import SECRETS, hostile_meeting, sample_meeting


def _texts(document) -> str:
    """Every string the document carries, for searching."""
    return repr(document)


def _labelled(document) -> list[LabelledParagraph]:
    out = []
    for block in document.blocks:
        if isinstance(block, LabelledParagraph):
            out.append(block)
        elif isinstance(block, DecisionBlock):
            out.extend(block.resolutions)
    return out


def test_header_lines_follow_format():
    head = compose(sample_meeting()).header
    assert head.council == "Royal Borough of Kingsmere"
    assert head.committee == "Overview and Scrutiny Committee"
    assert head.meeting_line == "Minutes of the meeting held on Tuesday 21 May 2024"
    assert head.detail_line == "6.30 pm, Civic Centre, High Road"


@pytest.mark.parametrize(
    ("time", "text"),
    [(dt.time(18, 30), "6.30 pm"), (dt.time(10, 0), "10.00 am"), (dt.time(12, 5), "12.05 pm"),
     (dt.time(0, 15), "12.15 am")],
)  # fmt: skip
def test_clock_time(time, text):
    assert clock_time(time) == text


def test_long_date_is_english_whatever_the_locale():
    assert long_date(dt.date(2024, 3, 12)) == "Tuesday 12 March 2024"


def test_attendance_chair_first_then_alphabetical_by_surname():
    lines = dict(attendance_lines(sample_meeting().attendees))
    assert lines["Present:"] == (
        "Councillors Emma Russell (Chair), Barbara Blake (joined at 6.55 pm), "
        "Siobhán Ó\u00a0Briain, Tom Pike, Zbigniew Wójcik"
    )  # the no-break space keeps "Ó" on the line of "Briain"
    assert lines["Co-opted members:"] == "Yvonne Denny"  # not a councillor: no prefix
    assert lines["Also present:"] == "Councillor Dawn Barnes"
    assert lines["In attendance:"] == "Charlotte Pomery (AD Commissioning)"
    assert lines["Apologies for absence:"] == "Councillor Priya Chandran"
    assert lines["Substitutes:"] == "Councillor Tom Pike for Councillor Priya Chandran"


def test_attendance_order_of_lines_and_empty_groups_left_out():
    people = [
        Attendee("Ann Lee", Role.OFFICER, job_title="Director of Place, Housing"),
        Attendee("Bob Roe", presence=Presence.APOLOGIES),
        Attendee("Cy Fox", Role.COOPTED, presence=Presence.APOLOGIES),
        Attendee("Dee Day", Role.VICE_CHAIR),
        Attendee("Ed Ash", presence=Presence.ABSENT),
    ]
    lines = attendance_lines(people)
    assert [lead for lead, _ in lines] == [
        "Present:",
        "In attendance:",
        "Apologies for absence:",
        "Absent:",
    ]
    assert lines[0][1] == "Councillor Dee Day (Vice-Chair)"
    assert lines[2][1] == "Councillor Bob Roe; Cy Fox"


def test_irish_and_accented_surnames_sort_by_their_letters():
    names = ["Zoë Adams", "Siobhán Ó Briain", "Anna Ćwik", "Paul de Souza", "Ewa Baker"]
    ordered = sorted(names, key=surname_key)
    assert ordered == ["Zoë Adams", "Ewa Baker", "Siobhán Ó Briain", "Anna Ćwik", "Paul de Souza"]


def test_items_in_order_with_numbers_and_titles():
    document = compose(sample_meeting(), confidential=True)
    headings = [b for b in document.blocks if isinstance(b, Heading)]
    assert [(h.number, h.title) for h in headings] == [
        ("12.", "Apologies for absence"),
        ("13.", "Minutes"),
        ("14.", "Performance update"),
        ("15.", "Exclusion of the press and public"),
        ("16.", "Leisure contract"),
    ]
    assert len({h.anchor for h in headings}) == len(headings)


@pytest.mark.parametrize(("typed", "printed"), [("77", "77."), ("77/24", "77/24"),
                                                ("OSC 12/24", "OSC 12/24"), ("", "")])  # fmt: skip
def test_minute_number(typed, printed):
    assert minute_number(AgendaItem(title="x", number=typed)) == printed


def test_points_and_subpoints_are_labelled_from_position():
    document = compose(sample_meeting())
    points = [b for b in document.blocks if isinstance(b, LabelledParagraph)]
    assert [(p.label, p.level) for p in points] == [
        ("a.", 0), ("b.", 0), ("i.", 1), ("ii.", 1), ("c.", 0), ("d.", 0),
    ]  # fmt: skip
    assert points[3].text == "results would come back to the Committee (Action: Clerk)."
    assert len({p.list_id for p in points}) == 1


def test_each_item_and_decision_is_its_own_list():
    document = compose(sample_meeting(), confidential=True)
    ids = [b.list_id for b in _labelled(document)]
    performance = [b for b in _labelled(document) if b.scheme == point_scheme(LabelStyle.DOT)]
    assert performance[0].list_id != performance[-1].list_id  # items 14 and 16
    resolutions = [
        r for b in document.blocks if isinstance(b, DecisionBlock) for r in b.resolutions
    ]
    assert {r.list_id for r in resolutions}.isdisjoint({p.list_id for p in performance})
    assert ids == sorted(ids)


@pytest.mark.parametrize("style", list(LabelStyle))
def test_list_scheme_prints_what_lettering_prints(style):
    """The Word-style pattern of every scheme, evaluated, equals lettering's label."""
    formats = {Counter.LOWER_LETTER: letters, Counter.LOWER_ROMAN: roman,
               Counter.DECIMAL: lambda i: str(i + 1)}  # fmt: skip
    scheme = point_scheme(style, "14")
    for index in range(26):
        top = point_label(style, index, "14")
        rendered = scheme.levels[0].pattern.replace("%1", formats[scheme.levels[0].counter](index))
        assert rendered == top
        for sub in range(4):
            pattern = scheme.levels[1].pattern.replace(
                "%1", formats[scheme.levels[0].counter](index)
            )
            pattern = pattern.replace("%2", formats[scheme.levels[1].counter](sub))
            assert pattern == subpoint_label(style, sub, top)
    for numbering in Numbering:
        level = resolution_scheme(numbering).levels[0]
        for index in range(12):
            rendered = level.pattern.replace("%1", formats[level.counter](index))
            assert rendered == resolution_label(numbering, index)


def test_decisions_keep_the_clerks_wording():
    document = compose(sample_meeting())
    decisions = [b for b in document.blocks if isinstance(b, DecisionBlock)]
    minutes, performance, exclusion = decisions
    assert minutes.keyword == "RESOLVED" and minutes.resolutions == ()
    assert minutes.preamble.startswith("That the minutes of the meeting held on 12 March 2024")
    assert performance.preamble == "That the Committee:"
    assert [(r.label, r.text) for r in performance.resolutions] == [
        ("i.", "noted the report; and"),
        ("ii.", "agreed to receive a further update in September."),
    ]
    assert exclusion.keyword == "RESOLVED"


def test_intro_paragraphs_and_clerks_note_in_italic():
    document = compose(sample_meeting())
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph) and b.indent == 1]
    note = next(p for p in paragraphs if p.text.startswith("Clerk's note"))
    assert note.style is ParagraphStyle.NOTE
    docs = [
        b for b in document.blocks if isinstance(b, Paragraph) and b.lead == "Supporting documents:"
    ]
    assert docs[0].text == "agenda pack pages 53-114"


def test_close_line_and_signature_block_end_the_minutes():
    blocks = compose(sample_meeting()).blocks
    close = blocks[-2]
    assert isinstance(close, Paragraph) and close.text == "The meeting ended at 8.45 pm"
    assert isinstance(blocks[-1], SignatureBlock)
    assert blocks[-1].lines[0].startswith("CHAIR:")
    assert any(line.startswith("Date:") for line in blocks[-1].lines)


def test_no_close_line_without_an_end_time():
    meeting = sample_meeting()
    meeting.end_time = None
    assert "The meeting ended" not in _texts(compose(meeting))


def test_public_version_reduces_exempt_item_to_a_stub():
    document = compose(sample_meeting(), action_log=True)
    stubs = [b for b in document.blocks if isinstance(b, Stub)]
    assert len(stubs) == 1
    assert stubs[0].heading.number == "16." and stubs[0].heading.title == "Leisure contract"
    assert stubs[0].notice == (
        "This item was considered in private: exempt under paragraph 3 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972."
    )
    text = _texts(document)
    for secret in SECRETS:
        assert secret not in text
    assert not document.confidential and not any("CONFIDENTIAL" in m for m in document.marks)


def test_confidential_version_keeps_exempt_item_and_marks_every_page():
    document = compose(sample_meeting(), confidential=True, action_log=True)
    text = _texts(document)
    for secret in SECRETS:
        assert secret in text
    assert not any(isinstance(b, Stub) for b in document.blocks)
    assert any(
        isinstance(b, Paragraph) and b.style is ParagraphStyle.NOTICE for b in document.blocks
    )
    assert document.confidential and any(m.startswith("CONFIDENTIAL") for m in document.marks)


def test_confidential_version_says_so_in_watermark_properties_and_file_name():
    public = compose(sample_meeting())
    document = compose(sample_meeting(), confidential=True)
    assert document.watermark == "CONFIDENTIAL"
    assert document.title == f"CONFIDENTIAL \u2013 {public.title}"
    assert document.subject.startswith("CONFIDENTIAL: ")
    assert "CONFIDENTIAL" not in public.title + public.subject
    meeting = sample_meeting()
    assert suggested_file_name(meeting, ".pdf") == "Overview and Scrutiny Committee 2024-05-21.pdf"
    assert suggested_file_name(meeting, ".pdf", confidential=True) == (
        "Overview and Scrutiny Committee 2024-05-21 CONFIDENTIAL.pdf"
    )
    actions = compose_actions([meeting], confidential=True)
    assert actions.title.startswith("CONFIDENTIAL") and actions.watermark == "CONFIDENTIAL"
    assert compose_actions([meeting]).watermark == ""


def test_several_exempt_paragraphs_are_joined():
    meeting = sample_meeting()
    meeting.items[-1].exempt_paragraph = "1, 3"
    stub = next(b for b in compose(meeting).blocks if isinstance(b, Stub))
    assert "exempt under paragraphs 1 and 3 of Part 1" in stub.notice


def test_draft_is_marked_and_approved_is_not():
    draft = compose(sample_meeting())
    approved = compose(sample_meeting(status=Status.APPROVED))
    assert draft.draft and draft.watermark == "DRAFT" and draft.marks[0].startswith("DRAFT")
    assert not approved.draft and approved.watermark == "" and approved.marks == ()


def test_properties_name_committee_date_and_council():
    document = compose(sample_meeting())
    assert document.title == "Overview and Scrutiny Committee minutes, Tuesday 21 May 2024"
    assert document.author == "Royal Borough of Kingsmere"
    assert "21 May 2024" in document.subject


def test_action_log_rows_public_and_confidential():
    public = compose(sample_meeting(), action_log=True)
    table = next(b for b in public.blocks if isinstance(b, ActionTable))
    assert [(r.ref, r.owners) for r in table.rows] == [
        ("14 b.ii.", "Clerk"), ("14 c.", "Charlotte Pomery"), ("14 d.", "Chair/Clerk"),
    ]  # fmt: skip
    assert table.rows[0].status == "Open"
    assert "(Action" not in table.rows[1].summary
    full = compose(sample_meeting(), confidential=True, action_log=True)
    rows = next(b for b in full.blocks if isinstance(b, ActionTable)).rows
    assert rows[-1].owners == SECRETS[3]


def test_action_rows_show_done_and_due():
    meeting = sample_meeting()
    point = meeting.items[2].points[2]
    point.text = point.text.replace(
        "(Action: Charlotte Pomery)", "(Action: C Pomery by 12/06/2024)"
    )
    point.action_done, point.action_done_on = True, dt.date(2024, 6, 3)
    row = [r for r in action_rows(meeting) if r.ref == "14 c."][0]
    assert (row.due, row.status) == ("12 June 2024", "Done 3 June 2024")
    assert [r.ref for r in action_rows(meeting, open_only=True)] == ["14 b.ii.", "14 d.", "16 a."]


def test_summary_is_short_and_tag_free():
    text = "Officers " + "really " * 60 + "agreed to report back (Actions: Chair/Clerk)."
    summary = summarise(text)
    assert len(summary) <= 160 and summary.endswith("\u2026") and "Action" not in summary


def test_actions_only_document_for_several_meetings():
    meetings = [sample_meeting(), sample_meeting(status=Status.APPROVED)]
    document = compose_actions(meetings)
    tables = [b for b in document.blocks if isinstance(b, ActionTable)]
    assert len(tables) == 2 and all(len(t.rows) == 3 for t in tables)
    assert SECRETS[3] not in _texts(document)
    assert SECRETS[3] in _texts(compose_actions(meetings, confidential=True))


def test_hostile_text_is_cleaned_not_lost():
    document = compose(hostile_meeting())
    texts = [b.text for b in document.blocks if isinstance(b, LabelledParagraph)]
    assert texts[0] == "Controlcharsandescapes gone"
    assert texts[1] == "Typed <b>tags</b> and &amp; and 5 < 6 & 7 > 3 print as typed"
    assert "\ud800" not in texts[5] and "中文" in texts[5]
    assert texts[6].startswith("Line one\nline two\nline three")
    assert texts[7].endswith("THE-END-OF-THE-LONG-POINT") and len(texts[7]) > 50_000
    assert not any(re.search(r"[\x00-\x08\x0b-\x1f]", t) for t in texts)


def test_label_styles_reach_the_blocks():
    meeting = sample_meeting(label_style=LabelStyle.DECIMAL)
    labels = [b.label for b in compose(meeting).blocks if isinstance(b, LabelledParagraph)]
    assert labels == ["14.1", "14.2", "14.2.1", "14.2.2", "14.3", "14.4"]


def test_empty_meeting_still_composes():
    document = compose(Meeting(committee="Council", date=dt.date(2024, 1, 1)))
    assert isinstance(document.blocks[-1], SignatureBlock)
    item = AgendaItem(title="T", points=[Point(str(n)) for n in range(28)])
    many = Meeting(committee="C", date=dt.date(2024, 1, 1), items=[item])
    labels = [b.label for b in compose(many).blocks if isinstance(b, LabelledParagraph)]
    assert labels[25:] == ["z.", "aa.", "ab."]


@pytest.mark.parametrize(
    ("kind", "keyword"),
    [("NOTED", "NOTED"), ("AGREED", "AGREED"), ("RECOMMEND", "Resolved to RECOMMEND")],
)
def test_decision_keywords(kind, keyword):
    from clerk_app.core.model import Decision, DecisionKind

    meeting = sample_meeting()
    meeting.items[1].decisions = [Decision(DecisionKind[kind], "That Council adopts the plan.")]
    block = next(b for b in compose(meeting).blocks if isinstance(b, DecisionBlock))
    assert (block.keyword, block.preamble) == (keyword, "That Council adopts the plan.")
