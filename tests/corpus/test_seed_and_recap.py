"""The seed PDF, its truth file, the recap data and PDF, and the bad inputs.

Expected values come from the seed text itself (its Daftar Isi, its recap tables), never
from a second hand-typed copy.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pdfplumber.utils.exceptions import PdfminerException

from corpus.recap_pdf import (
    DATA_DIR,
    IKM_IKI_CSV,
    IPK_CSV,
    TABLE_IKM_IKI,
    RecapOverride,
    load_recap,
    render_recap_pdf,
)
from corpus.seed_pdf import (
    DEFAULT_TEXT,
    SEED_DEFECTS,
    SeedDefect,
    SeedLayout,
    Snippet,
    build_truth,
    read_lines,
    render_seed_pdf,
)
from lkjip_audit.findings import Category

REPO = Path(__file__).resolve().parents[2]
TRUTH_FILE = REPO / "corpus" / "truth" / "seed.json"


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_lines() -> tuple[str, ...]:
    return read_lines(DEFAULT_TEXT)


@pytest.fixture(scope="module")
def recap_text(seed_lines: tuple[str, ...]) -> tuple[str, str]:
    """LAMPIRAN I and LAMPIRAN II of the seed's recap letter, whitespace-normalised."""
    text = norm(" ".join(seed_lines))
    start = text.index("DAFTAR RERATA NILAI INDEKS KEPUASAN MASYARAKAT")
    split = text.index("DAFTAR RERATA NILAI INDEKS PENGAMANAN KEIMIGRASIAN")
    return text[start:split], text[split:]


# --- the seed PDF -------------------------------------------------------------------------


def test_seed_pdf_has_one_page_per_layout_page(seed_pdf) -> None:
    pages = seed_pdf.layout.pages
    assert len(seed_pdf.page_texts) == len(pages)
    assert 60 <= len(pages) <= 90
    # the pages cover every source line once, in order
    assert pages[0][0] == 1
    assert pages[-1][1] == len(seed_pdf.layout.lines)
    assert all(nxt[0] == cur[1] + 1 for cur, nxt in itertools.pairwise(pages))


def test_every_text_line_is_one_pdf_line_on_its_page(seed_pdf) -> None:
    for number, (first, last) in enumerate(seed_pdf.layout.pages, start=1):
        drawn = {norm(line) for line in seed_pdf.page_texts[number - 1].split("\n")}
        for line in seed_pdf.layout.lines[first - 1 : last]:
            if line.strip():
                assert norm(line) in drawn, (number, line)


def test_sections_land_on_the_pages_of_the_daftar_isi(seed_lines) -> None:
    """Page breaks follow the printed page numbers: every BAB and sub-section heading listed
    in the seed's own Daftar Isi is on the physical page its printed number implies."""
    layout = SeedLayout.from_lines(seed_lines)
    toc_end = next(i for i, line in enumerate(seed_lines) if line.strip() == "IKHTISAR EKSEKUTIF")
    entry = re.compile(r"^\s*(.+?)\s*\.{5,}\s*(\d+)\s*$")
    toc = [
        # a chapter's heading is printed "BAB I" over "PENDAHULUAN": keep "BAB I"
        (re.sub(r"^(BAB [IV]+)\s.*", r"\1", m[1]), m[2])
        for line in seed_lines[:toc_end]
        if (m := entry.match(line))
    ]
    assert len(toc) >= 15

    def heading_line(title: str) -> int | None:
        for i in range(toc_end, len(seed_lines)):
            if norm(seed_lines[i]) == norm(title):
                return i + 1
        return None

    bab_one = heading_line("BAB I")
    front_matter = layout.page_of_line(bab_one) - 1
    checked = 0
    for title, printed in toc:
        line = heading_line(title)
        if line is None:  # e.g. "A. Capaian Kinerja [Satuan Kerja]" is worded differently
            continue
        assert layout.page_of_line(line) - front_matter == int(printed), title
        checked += 1
    assert checked >= 15


def test_seed_rendering_is_deterministic(seed_pdf, tmp_path: Path) -> None:
    again = tmp_path / "seed.pdf"
    render_seed_pdf(DEFAULT_TEXT, again)
    assert again.read_bytes() == seed_pdf.path.read_bytes()


# --- the seed truth -----------------------------------------------------------------------


def test_committed_truth_is_generated_from_the_defect_list(seed_pdf) -> None:
    committed = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))
    assert committed == build_truth(seed_pdf.layout)


def test_truth_defects_are_on_their_recorded_pages(seed_pdf) -> None:
    """The re-open-and-verify gate: every snippet is read back by pdfplumber on its page."""
    document = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))["documents"][0]
    assert document["file"] == "seed.pdf"
    assert document["clean"] is False
    categories = {category.value for category in Category}
    for defect in document["defects"]:
        assert defect["category"] in categories
        assert defect["pages"] == sorted({item["page"] for item in defect["evidence"]})
        for item in defect["evidence"]:
            assert norm(item["text"]) in norm(seed_pdf.page_texts[item["page"] - 1]), item
        assert defect.get("severity", "error") in {"error", "warning"}


def test_truth_covers_the_defect_kinds_of_the_seed() -> None:
    document = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))["documents"][0]
    counts: dict[str, int] = defaultdict(int)
    for defect in document["defects"]:
        counts[defect["category"]] += 1
    for category in (
        "placeholder",
        "duplicate-nip",
        "realisasi-consistency",
        "capaian",
        "percentage",
        "budget-consistency",
        "budget-percentage",
        "budget-sum",
        "ikm-recompute",
        "rekap-mismatch",
        "rekap-internal",
    ):
        assert counts[category] >= 1, category
    assert len(document["defects"]) == len(SEED_DEFECTS)


@pytest.mark.parametrize(
    "snippet",
    [Snippet("this text is not in the seed"), Snippet("[Satuan Kerja]")],
    ids=["missing", "ambiguous"],
)
def test_truth_refuses_missing_or_ambiguous_snippets(seed_lines, snippet: Snippet) -> None:
    layout = SeedLayout.from_lines(seed_lines)
    with pytest.raises(ValueError):
        build_truth(layout, [SeedDefect("placeholder", "x", "x", (snippet,))])


def test_locate_follows_after_anchor(seed_lines) -> None:
    layout = SeedLayout.from_lines(seed_lines)
    every = layout.locate("[Satuan Kerja]")
    assert len(every) == 4
    assert layout.locate("[Satuan Kerja]", after="No Unit di Atasnya") == [every[2]]


# --- the recap data -----------------------------------------------------------------------


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def comma(value: str) -> str:
    return value.replace(".", ",")


def test_ikm_iki_satker_rows_are_the_printed_rows(seed_lines) -> None:
    printed = [
        m.groups()
        for line in seed_lines
        if (m := re.fullmatch(r"(\d{6}) (.+) (\d,\d\d) (\d+) (\d,\d\d) (\d+)", norm(line)))
    ]
    rows = [row for row in read_csv(IKM_IKI_CSV) if row["row_type"] == "satker"]
    assert len(rows) == len(printed) > 100
    for row, expected in zip(rows, printed, strict=True):
        assert (
            row["kode_satker"],
            row["satker"],
            comma(row["ikm_nilai"]),
            row["ikm_responden"],
            comma(row["iki_nilai"]),
            row["iki_responden"],
        ) == expected


def test_ikm_iki_region_and_national_rows_are_printed(recap_text) -> None:
    lampiran_i, _ = recap_text
    rows = read_csv(IKM_IKI_CSV)
    regions = [row for row in rows if row["row_type"] == "region"]
    assert len(regions) == lampiran_i.count("DIVISI KEIMIGRASIAN KANWIL")
    for row in regions:
        printed = (
            f"{row['satker']} {comma(row['ikm_nilai'])} {row['ikm_responden']} "
            f"{comma(row['iki_nilai'])} {row['iki_responden']}"
        )
        assert printed in lampiran_i
    (national,) = [row for row in rows if row["row_type"] == "national"]
    assert f"Indeks Kepuasan Masyarakat {national['ikm_responden']} " in lampiran_i
    assert f"{national['ikm_responden']} {comma(national['ikm_nilai'])}" in lampiran_i
    assert f"Indeks Kepuasan Internal {national['iki_responden']} " in lampiran_i
    assert f"{national['iki_responden']} {comma(national['iki_nilai'])}" in lampiran_i


def test_ikm_iki_region_respondents_are_the_sum_of_their_satker() -> None:
    """A missed or doubled satker row would break these sums (the recap gets them right)."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    rows = read_csv(IKM_IKI_CSV)
    for row in rows:
        if row["row_type"] == "satker":
            for survey in ("ikm", "iki"):
                totals[(row["region"], survey)] += int(row[f"{survey}_responden"])
    for row in rows:
        if row["row_type"] == "region":
            for survey in ("ikm", "iki"):
                assert totals[(row["region"], survey)] == int(row[f"{survey}_responden"])


def test_ipk_rows_are_the_printed_rows(recap_text) -> None:
    _, lampiran_ii = recap_text
    rows = read_csv(IPK_CSV)
    for row in rows:
        if row["row_type"] == "national":
            printed = f"{row['satker']} {row['total_responden']} {row['total_indeks']}"
        elif row["internal_responden"]:
            printed = " ".join(
                row[column]
                for column in (
                    "satker",
                    "internal_responden",
                    "internal_indeks",
                    "eksternal_responden",
                    "eksternal_indeks",
                    "total_responden",
                    "total_indeks",
                )
            )
        else:
            printed = f"{row['satker']} - {row['total_responden']} {row['total_indeks']}"
        if row["keterangan"]:
            printed = f"{printed} {row['keterangan']}"
        # a region name printed over two lines is also joined with one space
        assert printed in lampiran_ii, printed
    kinds = defaultdict(int)
    for row in rows:
        kinds[row["row_type"]] += 1
    assert kinds["region"] == lampiran_ii.count("IPK KANWIL KEMENKUMHAM")
    assert kinds["divisi"] == lampiran_ii.count("DIVISI KEIMIGRASIAN KANWIL")
    satker_starts = len(re.findall(r"Kantor Imigrasi Kelas|Rumah Detensi Imigrasi", lampiran_ii))
    assert kinds["satker"] == satker_starts
    assert kinds["national"] == 1


def test_ipk_region_rows_sum_their_units() -> None:
    rows = read_csv(IPK_CSV)
    by_region: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["row_type"] in ("divisi", "satker"):
            by_region[row["region"]].append(row)
    regions = [row for row in rows if row["row_type"] == "region"]
    assert len(regions) == len(by_region)
    for region in regions:
        units = by_region[region["region"]]
        surveyed = [unit for unit in units if unit["internal_responden"]]
        for side in ("internal", "eksternal"):
            column = f"{side}_responden"
            assert sum(int(u[column]) for u in surveyed) == int(region[column])
        assert sum(int(u["total_responden"]) for u in units) == int(region["total_responden"])


def test_recap_decimals_are_kept_as_printed() -> None:
    tables = load_recap()
    assert {len(row["ikm_nilai"].split(".")[1]) for row in tables.ikm_iki} == {2}
    # LAMPIRAN II prints "3.3" and "4": the CSV keeps them
    ipk_values = {row["total_indeks"] for row in tables.ipk}
    assert {"3.3", "3.7"} <= ipk_values
    assert "4" in {row["internal_indeks"] for row in tables.ipk}
    for row in tables.ipk:
        for column in ("internal_indeks", "eksternal_indeks", "total_indeks"):
            if row[column]:
                assert Decimal(row[column]) <= 4


# --- the recap PDF ------------------------------------------------------------------------


def test_recap_pdf_rows_are_on_their_recorded_pages(recap_pdf) -> None:
    with pdfplumber.open(recap_pdf.path) as pdf:
        assert len(pdf.pages) == recap_pdf.pages
        texts = [norm(page.extract_text() or "") for page in pdf.pages]
    tables = load_recap()
    assert len(recap_pdf.row_pages) == len(tables.ikm_iki) + len(tables.ipk)
    for row in tables.ikm_iki:
        page_text = texts[recap_pdf.row_pages[(TABLE_IKM_IKI, row["satker"])] - 1]
        if row["row_type"] == "satker":
            assert f"{row['kode_satker']} {row['satker']}" in page_text
            assert f"{comma(row['ikm_nilai'])} {row['ikm_responden']}" in page_text
    lampiran_ii = [n for n, text in enumerate(texts, 1) if "IPK INTERNAL" in text]
    assert len(lampiran_ii) >= 3
    # the header is repeated on every page of the table
    assert all("WILAYAH /SATUAN KERJA" in texts[n - 1] for n in lampiran_ii)
    assert "LAMPIRAN I " in texts[1] and "DIVISI KEIMIGRASIAN KANWIL" in texts[1]


def test_recap_override_is_drawn_on_its_recorded_page(tmp_path: Path) -> None:
    override = RecapOverride(
        TABLE_IKM_IKI, "Kantor Imigrasi Kelas II TPI Belakang Padang", "ikm_responden", "999"
    )
    rendered = render_recap_pdf(DATA_DIR, tmp_path / "rekap.pdf", defects=[override])
    ((placed, page),) = rendered.overrides
    assert placed == override
    with pdfplumber.open(rendered.path) as pdf:
        text = norm(pdf.pages[page - 1].extract_text())
    assert "408128 Kantor Imigrasi Kelas II TPI Belakang Padang 3,96 999 3,96 771" in text


def test_recap_override_of_unknown_row_is_refused(tmp_path: Path) -> None:
    override = RecapOverride(TABLE_IKM_IKI, "Kantor Imigrasi Entah", "ikm_nilai", "1.00")
    with pytest.raises(ValueError):
        render_recap_pdf(DATA_DIR, tmp_path / "rekap.pdf", defects=[override])


# --- bad inputs ---------------------------------------------------------------------------


def test_bad_inputs_fail_each_in_their_own_way(bad_inputs: dict[str, Path]) -> None:
    assert set(bad_inputs) == {
        "empty",
        "not_a_pdf",
        "truncated",
        "encrypted",
        "scanned",
    }
    assert bad_inputs["empty"].stat().st_size == 0
    assert not bad_inputs["not_a_pdf"].read_bytes().startswith(b"%PDF")
    truncated = bad_inputs["truncated"].read_bytes()
    assert truncated.startswith(b"%PDF") and b"%%EOF" not in truncated
    for name in ("empty", "not_a_pdf", "truncated"):
        with pytest.raises(PdfminerException), pdfplumber.open(bad_inputs[name]) as pdf:
            pdf.pages[0].extract_text()
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(bad_inputs["encrypted"])
    with pikepdf.open(bad_inputs["encrypted"], password="rahasia") as pdf:
        assert len(pdf.pages) == 2
    with pdfplumber.open(bad_inputs["scanned"]) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            assert page.chars == []
            assert len(page.images) == 1
            image = page.images[0]
            assert image["width"] * image["height"] > 0.9 * page.width * page.height
