"""Every table of the clean synthetic reports is read cell by cell as the generator drew it.

The generator's table builder is wrapped to record each table's rows (the generator's
model of the table) while the report is rendered; the PDF is then extracted and every
recorded table must come back with every data cell right. Cells are compared without
whitespace: a narrow cell may wrap "127,0%" as "127,0" / "%", which reads as "127,0 %".
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import corpus.generate as corpus_generate
import corpus.render_sections as render_sections
from lkjip_audit.extract import extract_document
from lkjip_audit.extract.model import DocumentText

CLEAN_DOCUMENTS = 3
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _squash(markup: str) -> str:
    return _SPACE.sub("", html.unescape(_TAG.sub(" ", markup))).lower()


def _recorded_tables(rows_seen: list) -> list[tuple[list[str], list[list[str]]]]:
    """(header keys, data rows) of each distinct text-only table the generator drew."""
    tables = []
    for rows, header_rows in rows_seen:
        if not all(isinstance(cell, str) for row in rows for cell in row):
            continue  # signature blocks: flowables, not data tables
        header = [
            "".join(_squash(row[c]) for row in rows[:header_rows]) for c in range(len(rows[0]))
        ]
        if not any(header):
            continue
        table = (header, [[_squash(cell) for cell in row] for row in rows[header_rows:]])
        if table not in tables:
            tables.append(table)
    return tables


@pytest.fixture(scope="session")
def clean_reports(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[str, list[tuple[list[str], list[list[str]]]], DocumentText]]:
    """(file name, tables drawn, extraction) for each clean synthetic report."""
    folder = tmp_path_factory.mktemp("corpus")
    original = render_sections.grid
    reports = []
    for plan in corpus_generate.plan_corpus(1)[:CLEAN_DOCUMENTS]:
        seen: list = []

        def spy(styles, rows, widths, *, seen=seen, header_rows=1, **kw):
            seen.append((rows, header_rows))
            return original(styles, rows, widths, header_rows=header_rows, **kw)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(render_sections, "grid", spy)
            built = corpus_generate.build_document(plan)
        path = folder / plan.file
        path.write_bytes(built.rendered.pdf)
        doc = extract_document(Path(path), use_cache=False)
        reports.append((plan.file, _recorded_tables(seen), doc))
    return reports


def test_clean_reports_cover_ruled_and_unruled_layouts(clean_reports) -> None:
    ruled = {any(t.ruled for t in doc.tables) for _, _, doc in clean_reports}
    unruled = {any(not t.ruled for t in doc.tables) for _, _, doc in clean_reports}
    assert True in ruled and True in unruled


def test_every_table_cell_is_read(clean_reports) -> None:
    problems = []
    for name, tables, doc in clean_reports:
        assert tables, name
        extracted = [
            ([_squash(k) for k in t.header], [[_squash(c.text) for c in r] for r in t.rows])
            for t in doc.tables
        ]
        for header, rows in tables:
            if (header, rows) not in extracted:
                problems.append((name, header, rows))
    assert problems == []


def test_split_tables_are_stitched(clean_reports) -> None:
    for name, tables, doc in clean_reports:
        longest = max(tables, key=lambda t: len(t[1]))
        matches = [t for t in doc.tables if [_squash(k) for k in t.header] == longest[0]]
        assert any(len(t.pages) > 1 and len(t.rows) == len(longest[1]) for t in matches), name
