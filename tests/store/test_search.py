"""Full-text search over a real file: accents both ways, phrases, prefixes, ranking, freshness."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from clerk_app.core.changes import DeletePoint
from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point, Role
from clerk_app.core.search_query import QuerySyntaxError
from clerk_app.services import editing, meetings
from clerk_app.services.searching import SearchHit, search
from clerk_app.store.database import Database
from tests.samples import planning_meeting


def _housing(date: dt.date, *points: str, exempt: bool = False) -> Meeting:
    return Meeting(
        committee="Housing Scrutiny Panel",
        date=date,
        attendees=[Attendee("Zoë Kowalczyk", Role.CHAIR), Attendee("Siobhán Nic Aodha")],
        items=[
            AgendaItem(
                "Damp and mould in council homes",
                number="5",
                intro="The Director of Housing introduced the report on tenanted homes.",
                points=[Point(p) for p in points],
                decisions=[Decision(preamble="That the Panel noted the report from Łódź.")],
                documents=["Damp and Mould Action Plan (PDF)"],
                exempt=exempt,
                exempt_paragraph="3" if exempt else "",
            )
        ],
    )


@pytest.fixture
def archive(db: Database) -> Database:
    meetings.create_meeting(
        db,
        _housing(
            dt.date(2024, 3, 4),
            "Members asked how many tenants had reported mould since January.",
            "Officers said damp and mould cases had doubled. (Action: Zoë Kowalczyk)",
        ),
    )
    meetings.create_meeting(
        db,
        _housing(dt.date(2025, 3, 3), "The tenancy team would visit every flat with mould."),
    )
    meetings.create_meeting(db, planning_meeting())
    return db


def kinds(hits: list[SearchHit]) -> list[tuple[str, str]]:
    return [(h.kind, h.label) for h in hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", "Zoë"),
        ("ZOË", "Zoë"),
        ("lodz", "Łódź"),
        ("Łódź", "Łódź"),
        ("siobhan", "Siobhán"),
        ("Siobhán", "Siobhán"),
        ("wojcik", "Wójcik"),
    ],
)
def test_accents_are_ignored_both_ways(archive: Database, query: str, expected: str) -> None:
    hits = search(archive, query)
    assert hits, query
    assert all(f"[{expected}]" in h.snippet for h in hits), [h.snippet for h in hits]


def test_a_phrase_must_appear_as_a_phrase(archive: Database) -> None:
    hits = search(archive, '"damp and mould"')
    snippets = [h.snippet for h in hits]
    assert any("[damp] [and] [mould] cases" in s for s in snippets)
    assert not search(archive, '"mould and damp"')


def test_prefix_finds_every_ending(archive: Database) -> None:
    hits = search(archive, "tenan*")
    words = {h.snippet.split("[")[1].split("]")[0] for h in hits}
    assert words == {"tenants", "tenanted", "tenancy"}


def test_hits_name_their_meeting_item_and_point(archive: Database) -> None:
    hits = [h for h in search(archive, "doubled") if h.kind == "point"]
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.committee, hit.meeting_date, hit.item_number, hit.label) == (
        "Housing Scrutiny Panel",
        dt.date(2024, 3, 4),
        "5",
        "b.",
    )
    sub = search(archive, "visibility")[0]
    assert (sub.kind, sub.label) == ("point", "b.i.")


def test_best_first_then_newest_first(archive: Database) -> None:
    # The same decision text in two meetings scores the same: the newer one comes first.
    hits = [h for h in search(archive, "lodz") if h.kind == "decision"]
    assert [h.meeting_date.year for h in hits] == [2025, 2024]
    # A point saying "mould" twice outranks one that says it once... both say it once here,
    # so the title, which is short, beats long points.
    top = search(archive, "mould")[0]
    assert top.kind in ("item", "document")


def test_the_index_follows_every_edit(archive: Database) -> None:
    hit = [h for h in search(archive, "doubled") if h.kind == "point"][0]
    assert hit.point_id is not None
    editing.set_point_text(archive, point_id=hit.point_id, text="Cases had trebled.")
    assert not [h for h in search(archive, "doubled") if h.kind == "point"]
    assert search(archive, "trebled")
    meeting = meetings.load_meeting(archive, hit.meeting_id)
    point = next(p for _i, p, _parent in meeting.all_points() if p.id == hit.point_id)
    applied = editing.apply_changes(archive, meeting, [DeletePoint(point)])
    assert not search(archive, "trebled")
    # undo of a delete re-inserts the point: it is found again
    editing.apply_changes(archive, meeting, applied.undo)
    assert [h.label for h in search(archive, "trebled")] == ["b."]


def test_deleting_a_meeting_empties_its_part_of_the_index(archive: Database) -> None:
    before = _index_rows(archive)
    meeting_id = search(archive, "visibility")[0].meeting_id
    meetings.delete_meeting(archive, meeting_id)
    assert not search(archive, "visibility")
    assert not search(archive, "wojcik")
    assert _index_rows(archive) < before
    assert _index_rows(archive) == _source_rows(archive)


def test_index_matches_its_sources_after_import_and_edits(archive: Database) -> None:
    assert _index_rows(archive) == _source_rows(archive)


def test_exempt_items_can_be_left_out(db: Database) -> None:
    meetings.create_meeting(
        db, _housing(dt.date(2024, 1, 1), "Secret tenancy fraud case.", exempt=True)
    )
    assert search(db, "fraud", include_exempt=True)
    assert search(db, "fraud", include_exempt=False) == []


@pytest.mark.parametrize("query", ['"damp and', "*", "  ", '""'])
def test_malformed_queries_are_explained(archive: Database, query: str) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        search(archive, query)
    assert str(err.value)


def test_operators_are_searched_as_words(archive: Database) -> None:
    # FTS5 would read these as operators (or fail on them); here they are plain words.
    assert search(archive, "NEAR") == []
    assert [h.snippet for h in search(archive, "NOT")] == [
        "Officers advised that the highway authority had [not] objected."
    ]
    hits = search(archive, "mould AND damp")
    assert hits and all("[and]" in h.snippet.lower() for h in hits)
    assert search(archive, "damp-and-mould")  # punctuation splits words, as in the text


def _index_rows(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM search_index")).scalar() or 0)


def _source_rows(db: Database) -> int:
    with db.engine.connect() as conn:
        return sum(
            int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
            for t in ("points", "items", "decisions", "attendees", "documents")
        )
