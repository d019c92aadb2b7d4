"""Reading agenda items: every heading, label, decision and marker variant of FORMAT.md."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.model import AgendaItem, DecisionKind, LabelStyle, Meeting, Numbering
from clerk_app.minutes_text.importer import ImportResult, read_minutes
from clerk_app.minutes_text.lines import looks_structural

NBSP = "\u00a0"


def read(text: str) -> ImportResult:
    return read_minutes(text, committee="Audit Committee", date=dt.date(2024, 5, 21))


def meeting(text: str) -> Meeting:
    return read(text).meeting


def only_item(text: str) -> AgendaItem:
    (item,) = meeting(text).items
    return item


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("42.\tTREASURY MANAGEMENT", "42", "TREASURY MANAGEMENT"),
        ("42.   TREASURY MANAGEMENT", "42", "TREASURY MANAGEMENT"),
        ("77/24 Treasury management", "77/24", "Treasury management"),
        ("OSC 12/24 Treasury management", "OSC 12/24", "Treasury management"),
        ("P108/24\tTreasury management", "P108/24", "Treasury management"),
        ("Agenda item 5: Treasury management", "5", "Treasury management"),
        (f"7.{NBSP}{NBSP}Treasury management", "7", "Treasury management"),
    ],
)
def test_heading_variants(heading: str, number: str, title: str) -> None:
    item = only_item(f"{heading}\nThe report was noted.")
    assert (item.number, item.title, item.intro) == (number, title, "The report was noted.")


@pytest.mark.parametrize("marker", ["Agenda item", "42.", "AGENDA ITEM 42"])
def test_title_on_the_next_non_blank_line(marker: str) -> None:
    item = only_item(f"{marker}\n\n\nTreasury management\n\nMembers noted the report.")
    assert item.title == "Treasury management"
    assert item.intro == "Members noted the report."


def test_agenda_item_with_colon_and_nothing_after_is_untitled() -> None:
    item = only_item("Agenda item 3:\nMembers noted the report.")
    assert (item.number, item.title, item.intro) == ("3", "", "Members noted the report.")


def test_prose_that_mentions_an_agenda_item_is_not_a_heading() -> None:
    item = only_item("1.\tMINUTES\nAgenda item 7 was deferred to the next meeting.")
    assert item.intro == "Agenda item 7 was deferred to the next meeting."


@pytest.mark.parametrize(
    ("lines", "style"),
    [
        (["a.\tOne", "b.\tTwo", "\ti.\tSub"], LabelStyle.DOT),
        (["(a)\tOne", "(b)\tTwo", "\t(i)\tSub"], LabelStyle.PAREN),
        (["a)\tOne", "b)\tTwo", "\ti)\tSub"], LabelStyle.BRACKET),
        (["1)\tOne", "2)\tTwo", "\ti)\tSub"], LabelStyle.NUMBER),
        (["8.1\tOne", "8.2\tTwo", "8.2.1\tSub"], LabelStyle.DECIMAL),
        ([f"a.{NBSP} {NBSP}One", f"b. {NBSP}Two", f"  i.{NBSP}Sub"], LabelStyle.DOT),
    ],
)
def test_label_styles_and_separators(lines: list[str], style: LabelStyle) -> None:
    m = meeting("8.\tBUDGET\n" + "\n".join(lines))
    (item,) = m.items
    assert m.label_style is style
    assert [p.text for p in item.points] == ["One", "Two"]
    assert [c.text for c in item.points[1].children] == ["Sub"]


def points_of(*labels: str) -> list[tuple[str, list[str]]]:
    lines = [f"{label}\tText {label.strip()}" for label in labels]
    item = only_item("5.\tITEM\n" + "\n".join(lines))
    return [(p.text, [c.text for c in p.children]) for p in item.points]


def test_i_after_h_is_the_next_letter() -> None:
    result = points_of("a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i.", "j.")
    assert [children for _, children in result] == [[]] * 10
    assert result[8][0] == "Text i."


def test_i_indented_under_h_is_a_roman_sub_point() -> None:
    result = points_of("a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "  i.", "i.")
    assert len(result) == 9
    assert result[7] == ("Text h.", ["Text i."])
    assert result[8] == ("Text i.", [])


def test_i_after_a_point_that_is_not_h_is_roman_even_unindented() -> None:
    assert points_of("a.", "b.", "i.", "ii.", "c.") == [
        ("Text a.", []),
        ("Text b.", ["Text i.", "Text ii."]),
        ("Text c.", []),
    ]


def test_v_and_x_follow_the_sequence_they_continue() -> None:
    letters = [f"{chr(ord('a') + n)}." for n in range(21)]  # a. .. u.
    subs = ["  i.", "  ii.", "  iii.", "  iv."]
    result = points_of(*letters, *subs, "v.", "  i.", "  v.")
    assert len(result) == 22
    assert result[20][1] == ["Text i.", "Text ii.", "Text iii.", "Text iv."]
    # "v." unindented after u's sub-point iv is the letter v; then i. starts v's sub-points,
    # and an indented "v." after only one sub-point is an out-of-order sub-point.
    assert result[21] == ("Text v.", ["Text i.", "Text v."])


def test_unlabelled_lines_continue_the_point_or_the_indented_sub_point() -> None:
    item = only_item(
        "5.\tITEM\n"
        "a.\tFirst paragraph.\n"
        "Second paragraph of a.\n"
        "b.\tPoint b.\n"
        "\ti.\tSub-point.\n"
        "\t\tMore of the sub-point.\n"
        "Back to b.\n"
    )
    assert item.points[0].text == "First paragraph.\nSecond paragraph of a."
    assert item.points[1].text == "Point b.\nBack to b."
    assert item.points[1].children[0].text == "Sub-point.\nMore of the sub-point."


def test_action_line_after_a_point_belongs_to_it() -> None:
    item = only_item("5.\tITEM\na.\tThe Panel asked for figures.\nACTION: Councillor Rice\n")
    action = item.points[0].action
    assert action is not None and action.owners == ("Councillor Rice",)
    assert item.points[0].text == "The Panel asked for figures.\nACTION: Councillor Rice"


def test_action_done_line_marks_the_point_done() -> None:
    item = only_item(
        "5.\tITEM\na.\tTo write to residents. (Action: Clerk)\n\tACTION DONE: 3 June 2024"
    )
    point = item.points[0]
    assert (point.action_done, point.action_done_on) == (True, dt.date(2024, 6, 3))
    assert point.text == "To write to residents. (Action: Clerk)"


@pytest.mark.parametrize(
    ("lines", "kind", "preamble", "resolutions", "numbering"),
    [
        (["RESOLVED: That it be noted."], "RESOLVED", "That it be noted.", [], "i."),
        (["RESOLVED - That it be noted."], "RESOLVED", "That it be noted.", [], "i."),
        (["RESOLVED that it be noted."], "RESOLVED", "that it be noted.", [], "i."),
        (["RESOLVED", "That the Committee:", "i.\tnoted it; and", "ii.\tagreed"], "RESOLVED",
         "That the Committee:", ["noted it; and", "agreed"], "i."),
        (["RESOLVED", "That the Committee:", "1.\tnoted it; and", "2.\tagreed"], "RESOLVED",
         "That the Committee:", ["noted it; and", "agreed"], "1."),
        (["RESOLVED", "That the Committee:", "(a)\tnoted it; and", "(b)\tagreed"], "RESOLVED",
         "That the Committee:", ["noted it; and", "agreed"], "(a)"),
        (["Resolved to RECOMMEND (to Council):", "\ti.\tadopt the plan"], "RECOMMEND",
         "(to Council):", ["adopt the plan"], "i."),
        (["Resolved: That it be noted."], "RESOLVED", "That it be noted.", [], "i."),
        (["Noted - the update."], "NOTED", "the update.", [], "i."),
        (["NOTED"], "NOTED", "", [], "i."),
        (["AGREED"], "AGREED", "", [], "i."),
        (["It was RESOLVED: That the item be deferred."], "RESOLVED",
         "That the item be deferred.", [], "i."),
    ],
)  # fmt: skip
def test_decision_variants(
    lines: list[str], kind: str, preamble: str, resolutions: list[str], numbering: str
) -> None:
    item = only_item("6.\tITEM\n" + "\n".join(lines))
    (decision,) = item.decisions
    assert decision.kind is DecisionKind(kind)
    assert decision.preamble == preamble
    assert decision.resolutions == resolutions
    assert decision.numbering is Numbering(numbering)


def test_sentences_that_start_with_agreed_or_noted_are_prose() -> None:
    item = only_item("6.\tITEM\nAgreed to meet again in June.\nNoted the slides.")
    assert item.decisions == []
    assert item.intro == "Agreed to meet again in June.\nNoted the slides."


def test_votes_and_later_lines_continue_the_decision() -> None:
    item = only_item(
        "6.\tITEM\nRESOLVED: That the budget be approved.\n(For 5, Against 0, Abstentions 1)"
    )
    assert item.decisions[0].preamble == (
        "That the budget be approved.\n(For 5, Against 0, Abstentions 1)"
    )


def test_a_label_after_a_decision_is_kept_as_its_text_with_a_warning() -> None:
    result = read("6.\tITEM\nRESOLVED: That the report be noted.\nb.\tThe Chair thanked officers.")
    (item,) = result.meeting.items
    assert item.points == []
    assert item.decisions[0].preamble.endswith("\nb. The Chair thanked officers.")
    assert [w.line for w in result.warnings] == [3]


def test_unindented_capital_heading_ends_numbered_resolutions() -> None:
    m = meeting("2.\tAPOLOGIES\nRESOLVED\n1.\tnoted the apologies\n3.\tURGENT BUSINESS\nNone.")
    assert [i.number for i in m.items] == ["2", "3"]
    assert m.items[0].decisions[0].resolutions == ["noted the apologies"]
    assert m.items[1].intro == "None."


def test_supporting_documents_end_at_the_next_heading() -> None:
    m = meeting(
        "6.\tITEM\nSupporting documents:\n\tBudget report (PDF)\nAppendix 1 - Fees 2024/25\n"
        "7.\tNEXT ITEM\nText."
    )
    assert m.items[0].documents == ["Budget report (PDF)", "Appendix 1 - Fees 2024/25"]
    assert (m.items[1].title, m.items[1].intro) == ("NEXT ITEM", "Text.")


def test_indented_document_lines_are_documents_whatever_they_look_like() -> None:
    m = meeting("6.\tITEM\nSupporting documents:\n\ta. Appendix A\n\t42. Schedule\n7.\tNEXT")
    assert m.items[0].documents == ["a. Appendix A", "42. Schedule"]
    assert m.items[1].title == "NEXT"


@pytest.mark.parametrize(
    ("line", "paragraph"),
    [
        ("EXEMPT", ""),
        ("EXEMPT: paragraph 3", "3"),
        ("EXEMPT - paragraphs 1, 3", "1, 3"),
        ("EXEMPT (paragraph 5)", "5"),
        ("EXEMPT: paragraph 3 of Part 1 of Schedule 12A", "3"),
        # Not in capitals, and the other common forms (issue 10, item 11).
        ("Exempt: paragraph 1", "1"),
        ("EXEMPT ITEM", ""),
        ("Exempt item", ""),
        ("EXEMPT - paragraph 3", "3"),
        ("Not for publication", ""),
        ("Confidential: paragraph 3", "3"),
        ("Exempt information under paragraph 3 of Schedule 12A", "3"),
        ("NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A", "3"),
        ("exempt - paragraphs 1 and 3.", "1 and 3"),
    ],
)
def test_exempt_line_before_or_inside_the_item(line: str, paragraph: str) -> None:
    before = meeting(f"5.\tOPEN ITEM\n{line}\n6.\tCONTRACT AWARD\nText.").items
    assert [(i.exempt, i.exempt_paragraph) for i in before] == [(False, ""), (True, paragraph)]
    inside = meeting(f"6.\tCONTRACT AWARD\n{line}\nText.").items
    assert [(i.exempt, i.exempt_paragraph) for i in inside] == [(True, paragraph)]


def test_pages_line_and_pages_cited_in_the_intro() -> None:
    assert only_item("6.\tITEM\nPages: 12-30\nThe report.").pages == "12-30"
    cited = only_item("6.\tITEM\nThe report, at page 7 of the pack.")
    assert cited.pages == "7"
    overruled = only_item("6.\tITEM\nPages: none\nThe report, at pages 7 to 9.")
    assert overruled.pages == ""
    assert overruled.intro == "The report, at pages 7 to 9."


def test_clerks_note_is_part_of_the_intro() -> None:
    item = only_item("6.\tITEM\nClerk's note - taken after item 8.\nThe Chair introduced it.")
    assert item.intro == "Clerk's note - taken after item 8.\nThe Chair introduced it."


def test_out_of_sequence_label_is_relabelled_with_a_warning() -> None:
    result = read("6.\tITEM\na.\tOne.\nc.\tTwo.")
    assert [p.text for p in result.meeting.items[0].points] == ["One.", "Two."]
    (warning,) = result.warnings
    assert warning.line == 3 and "labelled b." in warning.message


def test_prose_that_starts_like_a_label_but_does_not_fit_stays_prose() -> None:
    result = read("6.\tITEM\na.\tOne.\netc. and so on.\nii. continued")
    point = result.meeting.items[0].points[0]
    assert point.text == "One.\netc. and so on.\nii. continued"
    assert [w.line for w in result.warnings] == [4]  # "ii." out of order, kept as text


def test_tabs_controls_and_crlf_are_cleaned() -> None:
    item = only_item("6.\tITEM\r\na.\tOne\x07 two\tthree\r\n")
    assert item.points[0].text == "One two three"


def test_decimal_numbers_in_prose_are_not_labels_in_a_lettered_meeting() -> None:
    item = only_item("6.\tITEM\na.\tThe deficit was:\n2.5 million pounds.")
    assert item.points[0].text == "The deficit was:\n2.5 million pounds."


@pytest.mark.parametrize(
    "line",
    ["a. x", "(iv) x", "12. TITLE", "77/24 Title", "Agenda item", "RESOLVED", "NOTED: x",
     "Supporting documents:", "EXEMPT", "Pages: 4", "ACTION DONE", "DRAFT", "Page 2 of 9",
     # Other house styles' shapes (issue 13): an action, a bullet, a decision in prose.
     "Action: officers to reply", "\u2022 x", "It was resolved that x"],
)  # fmt: skip
def test_looks_structural(line: str) -> None:
    assert looks_structural(line)


@pytest.mark.parametrize(
    "line",
    ["The Chair noted the report.", "Actions were reviewed.", "Councillor Ó Briain asked.",
     "العربية", "ACTION: Clerk", "Present: all members"],
)  # fmt: skip
def test_prose_is_not_structural(line: str) -> None:
    assert not looks_structural(line)


def test_text_after_the_exempt_paragraph_goes_into_the_confidential_intro() -> None:
    result = read_minutes(
        "6.\tOPEN ITEM\nEXEMPT: paragraph 1 - legal advice on the repossession\n"
        "7.\tCASE\nThe case was heard."
    )
    item = result.meeting.items[1]
    assert (item.exempt, item.exempt_paragraph) == (True, "1")
    assert item.intro == "legal advice on the repossession\nThe case was heard."
    assert [w.message for w in result.warnings if "exempt" in w.message] == [
        "line 2: the exempt marker has text besides its Schedule 12A paragraph; that text is"
        " kept in the exempt item's introduction, which is confidential"
    ]


def test_a_paragraph_schedule_12a_does_not_have_is_kept_confidential() -> None:
    result = read_minutes("6.\tCASE\nEXEMPT: paragraph 9\nText.")
    item = result.meeting.items[0]
    assert (item.exempt, item.exempt_paragraph) == (True, "")
    assert "9" in item.intro
    assert any("no paragraph 9 in Part 1 of Schedule 12A" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    "line",
    ["Exempt from the fee: the applicant", "Confidential: the officer said so", "EXEMPTION"],
)
def test_a_line_that_looks_like_an_exempt_marker_is_warned_about(line: str) -> None:
    result = read_minutes(f"6.\tITEM\nText.\n{line}\n7.\tNEXT")
    assert [i.exempt for i in result.meeting.items] == [False, False]
    warned = [w.message for w in result.warnings if "exempt" in w.message]
    if line == "EXEMPTION":
        assert warned == []  # another word: prose
    else:
        assert warned == [
            "line 3: this looks like an exempt (confidential) marker but is not understood;"
            " kept as text, and the item is NOT marked exempt"
            " (write 'EXEMPT: paragraph 3' on a line of its own)"
        ]
