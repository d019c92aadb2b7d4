"""``clerk-app export`` to HTML, with a council's Word template, and with the clerk's name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from tests.cli.test_cli import minutes, run  # noqa: F401  (minutes is a fixture)


@pytest.fixture
def meeting_id(tmp_path: Path, minutes: Path) -> str:  # noqa: F811  (the imported fixture)
    code, out, err = run(tmp_path / "c.db", "import", str(minutes))
    assert code == 0, err
    return out.strip()


def test_export_html(tmp_path: Path, meeting_id: str) -> None:
    target = tmp_path / "minutes.html"
    code, out, err = run(tmp_path / "c.db", "export", meeting_id, "--to", str(target))
    assert (code, out.strip(), err) == (0, str(target), "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page
    assert "<h1>Licensing Committee</h1>" in page
    assert 'data-label="a.">Members asked about noise after 11 pm. (Action: Łukasz Wójcik)' in page


def test_export_with_a_council_template(tmp_path: Path, meeting_id: str) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Normal"].font.size = Pt(12)
    template.save(str(tmp_path / "council.docx"))
    target = tmp_path / "minutes.docx"
    code, _, err = run(
        tmp_path / "c.db", "export", meeting_id, "--to", str(target),
        "--template", str(tmp_path / "council.docx"),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert docx.Document(str(target)).styles["Normal"].font.name == "Georgia"


def test_a_broken_template_warns_and_exports_in_the_plain_style(
    tmp_path: Path, meeting_id: str
) -> None:
    broken = tmp_path / "letterhead.docx"
    broken.write_text("this is not a Word file")
    target = tmp_path / "minutes.docx"
    code, out, err = run(
        tmp_path / "c.db", "export", meeting_id, "--to", str(target), "--template", str(broken)
    )
    assert code == 0 and out.strip() == str(target)
    assert err.count("\n") == 1 and err.startswith("clerk-app: warning: ")
    assert "letterhead.docx" in err and "plain style" in err
    assert docx.Document(str(target)).styles["Normal"].font.name == "Arial"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="QSettings files: Linux")
def test_the_author_is_the_clerk_name_setting(tmp_path: Path, meeting_id: str) -> None:
    """A real process, reading Clerk's own settings file (where the window keeps them)."""
    config = tmp_path / "config"
    (config / "Clerk").mkdir(parents=True)
    (config / "Clerk" / "Clerk.conf").write_text("[clerk]\nname=Priya Raman\n", encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), HOME=str(tmp_path))
    target = tmp_path / "minutes.docx"
    command = [sys.executable, "-m", "clerk_app.cli", "--db", str(tmp_path / "c.db"), "export"]
    proc = subprocess.run(
        [*command, meeting_id, "--to", str(target)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert docx.Document(str(target)).core_properties.author == "Priya Raman"


def test_export_pdf_with_a_broken_house_template_warns_once_and_uses_the_default(
    tmp_path: Path, meeting_id: str
) -> None:
    from tests.export.readers import flowing, pdftotext

    broken = tmp_path / "house.typ"
    broken.write_text("#let x = (\n", encoding="utf-8")
    target = tmp_path / "minutes.pdf"
    code, out, err = run(
        tmp_path / "c.db", "export", meeting_id, "--to", str(target),
        "--pdf-template", str(broken),
    )  # fmt: skip
    assert (code, out.strip()) == (0, str(target))
    assert err.count("\n") == 1 and err.startswith("clerk-app: warning: PDF template house.typ")
    assert "Clerk's default is used" in err
    assert "Members asked about noise after 11 pm." in flowing(pdftotext(target))
