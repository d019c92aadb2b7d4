"""A body's template path as stored: relative to the database's folder when it lies there."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.store.template_paths import resolved, stored_text


def test_a_template_beside_the_database_is_kept_relative_and_follows_it(tmp_path: Path) -> None:
    db = tmp_path / "shared" / "clerk.db"
    template = tmp_path / "shared" / "templates" / "house" / "house.typ"
    text = stored_text(template, db)
    assert text == "templates/house/house.typ"  # "/" between parts on every system
    moved = tmp_path / "laptop" / "clerk" / "clerk.db"
    assert resolved(text, moved) == moved.parent.resolve() / "templates" / "house" / "house.typ"
    assert stored_text(db.parent / "house.typ", db) == "house.typ"  # the folder itself counts


def test_a_template_elsewhere_stays_absolute(tmp_path: Path) -> None:
    db = tmp_path / "shared" / "clerk.db"
    outside = tmp_path / "home" / "council.docx"
    text = stored_text(outside, db)
    assert text == str(outside.resolve())
    assert resolved(text, tmp_path / "anywhere" / "clerk.db") == outside.resolve()
    # A sibling folder whose name merely begins like the database's is not inside it.
    assert Path(stored_text(tmp_path / "shared2" / "a.typ", db)).is_absolute()


def test_values_written_before_stay_as_they_were(tmp_path: Path) -> None:
    db = tmp_path / "shared" / "clerk.db"
    old = str(tmp_path / "shared" / "templates" / "house.typ")  # absolute, as 0009 stored it
    assert resolved(old, tmp_path / "elsewhere" / "clerk.db") == Path(old)
    assert resolved("", db) is None  # Clerk's own template


def test_a_relative_database_path_is_read_from_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert stored_text(tmp_path / "t" / "a.typ", Path("c.db")) == "t/a.typ"
    assert resolved("t/a.typ", Path("c.db")) == tmp_path.resolve() / "t" / "a.typ"
