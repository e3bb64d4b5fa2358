"""Reading the Ditjen recap: from the seed's text and PDF, the recap PDF, CSV and XLSX."""

from __future__ import annotations

import csv
import pickle
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from support import document_from_pages

from corpus.recap_pdf import DATA_DIR, RecapOverride, render_recap_pdf
from lkjip_audit.extract import extract_document
from lkjip_audit.rekap import (
    RekapError,
    attached_message,
    find_attached_rekap,
    read_rekap,
    write_template,
)
from lkjip_audit.rekap.document import rekap_from_document
from lkjip_audit.rekap.sheet import IKM_HEADER, IPK_HEADER

IKM_COLUMNS = ["kode_satker", "satker", "region", "ikm", "ikm_n", "iki", "iki_n", "is_region_row"]
IPK_COLUMNS = [
    "satker",
    "region",
    "int_n",
    "int_index",
    "ext_n",
    "ext_index",
    "total_n",
    "total_index",
    "note",
    "row_type",
]
NATIONAL_COLUMNS = ["survey", "n", "index"]
TABLES = {
    "rekap_ikm_iki": IKM_COLUMNS,
    "rekap_ipk": IPK_COLUMNS,
    "rekap_national": NATIONAL_COLUMNS,
}


def values(facts, table: str) -> list[tuple]:
    """The rows of a recap table as plain values (numbers by value, not as printed)."""
    columns = TABLES[table]
    return [
        tuple(row[c].value if hasattr(row[c], "value") else row[c] for c in columns)
        for row in facts.table(table).to_dict("records")
    ]


@pytest.fixture(scope="session")
def seed_rekap(seed_text):
    """The recap attached at the end of the seed report, read from its text."""
    return find_attached_rekap(document_from_pages([seed_text]))


@pytest.fixture(scope="session")
def csv_rekap():
    """The recap as transcribed into the corpus CSV files."""
    return read_rekap(DATA_DIR / "rekap_ikm_iki.csv")


@pytest.fixture(scope="session")
def pdf_rekap(recap_pdf):
    """The recap read from the recap PDF rendered from the corpus CSV files."""
    return read_rekap(recap_pdf.path)


# --- the seed's recap, checked against values parsed from the seed text itself ----------

SATKER_LINE = re.compile(r"^(\d{6}) (.+?) (\d,\d\d) (\d+) (\d,\d\d) (\d+)\s*$")
IPK_LINE = re.compile(r"^(.*?)\s*(\d+) ([\d.]+) (\d+) ([\d.]+) (\d+) ([\d.]+)\s*$")
RUDENIM_LINE = re.compile(r"^(Rumah Detensi Imigrasi .+?) -\s+(\d+) ([\d.]+)\s*$")


def seed_satker_rows(seed_text: str) -> list[tuple]:
    """(kode, name, IKM, n, IKI, n) of every LAMPIRAN I line with a kode satker."""
    rows = []
    for line in seed_text.splitlines():
        found = SATKER_LINE.match(line.strip())
        if found:
            kode, name, ikm, ikm_n, iki, iki_n = found.groups()
            numbers = [Decimal(x.replace(",", ".")) for x in (ikm, ikm_n, iki, iki_n)]
            rows.append((kode, name, *numbers))
    return rows


def seed_ipk_values(seed_text: str) -> list[tuple]:
    """The six numbers (or the Rudenim total pair) of every LAMPIRAN II line that ends with
    them, in order."""
    start = seed_text.index("DAFTAR RERATA NILAI INDEKS PENGAMANAN")
    rows = []
    for line in seed_text[start:].splitlines():
        rudenim = RUDENIM_LINE.match(line.strip())
        if rudenim:
            rows.append((None,) * 4 + tuple(Decimal(x) for x in rudenim.groups()[1:]))
            continue
        found = IPK_LINE.match(line.strip())
        if found:
            rows.append(tuple(Decimal(x) for x in found.groups()[1:]))
    return rows


def test_seed_satker_rows_read_with_their_printed_values(seed_rekap, seed_text):
    expected = seed_satker_rows(seed_text)
    table = seed_rekap.table("rekap_ikm_iki")
    satker = [r for r in values(seed_rekap, "rekap_ikm_iki") if not r[-1]]
    got = [(r[0], r[1], *r[3:7]) for r in satker]
    assert len(expected) == 139
    assert got == expected
    assert table["is_region_row"].sum() == 33


def test_seed_ipk_rows_read_with_their_printed_values(seed_rekap, seed_text):
    expected = seed_ipk_values(seed_text)
    got = [r[2:8] for r in values(seed_rekap, "rekap_ipk")]
    assert len(got) == 205
    assert got == expected


def test_seed_region_rows_equal_their_text(seed_rekap, seed_text):
    flat = re.sub(r"\s+", " ", seed_text)
    for row in seed_rekap.table("rekap_ikm_iki").to_dict("records"):
        if row["is_region_row"]:
            printed = f"{row['ikm'].raw} {row['ikm_n'].raw} {row['iki'].raw} {row['iki_n'].raw}"
            assert f"{row['region']} {printed}" in flat.replace("KEMENKUMHAM  ", "KEMENKUMHAM ")


def test_seed_wrapped_names_notes_and_rudenim_rows(seed_rekap):
    ipk = {r["satker"]: r for r in seed_rekap.table("rekap_ipk").to_dict("records")}
    assert "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan" in ipk
    assert ipk["Kantor Imigrasi Kelas II TPI Selat Panjang"]["note"].startswith(
        "Responden Tidak Memadai, Nilai IPK Eksternal 0"
    )
    rudenim = ipk["Rumah Detensi Imigrasi Denpasar"]
    assert rudenim["int_n"] is None and rudenim["total_n"].value == 29
    regions = [r for r in ipk.values() if r["row_type"] == "region"]
    assert {r["region"] for r in regions} >= {"MALUTU UTARA", "D.I YOGYAKARTA", "NTB"}
    divisi = ipk["DIVISI KEIMIGRASIAN KANWIL KEMENKUMHAM MALUKU UTARA"]
    assert divisi["row_type"] == "divisi" and divisi["region"] == "MALUTU UTARA"


def test_seed_national_rows(seed_rekap):
    national = {r[0]: r[1:] for r in values(seed_rekap, "rekap_national")}
    assert national == {
        "ikm": (Decimal(82986), Decimal("3.94")),
        "iki": (Decimal(80159), Decimal("3.91")),
        "ipk": (Decimal(3273), Decimal("3.71")),
    }


# --- every way in gives the same facts -----------------------------------------------------


@pytest.mark.parametrize("table", list(TABLES))
def test_csv_equals_the_seed_text(seed_rekap, csv_rekap, table):
    assert values(csv_rekap, table) == values(seed_rekap, table)


@pytest.mark.parametrize("table", list(TABLES))
def test_recap_pdf_equals_the_csv(pdf_rekap, csv_rekap, table):
    assert values(pdf_rekap, table) == values(csv_rekap, table)


def test_recap_pdf_read_from_lines_alone_equals_the_csv(recap_pdf, csv_rekap):
    doc = extract_document(recap_pdf.path)
    doc.tables = []
    from_lines = rekap_from_document(doc, source="lines", anchored=False)
    for table in TABLES:
        assert values(from_lines, table) == values(csv_rekap, table)


def test_recap_pdf_rows_carry_their_page(pdf_rekap, recap_pdf):
    rows = pdf_rekap.table("rekap_ikm_iki").to_dict("records")
    for row in rows:
        if not row["is_region_row"]:
            assert row["page"] == recap_pdf.row_pages[("ikm_iki", row["satker"])]
            assert row["ikm"].page == row["page"] and row["ikm"].bbox is not None


def test_seed_pdf_attached_recap_equals_the_csv(seed_pdf, csv_rekap):
    attached = find_attached_rekap(extract_document(seed_pdf.path))
    assert attached is not None and attached.kind == "attached"
    for table in TABLES:
        assert values(attached, table) == values(csv_rekap, table)


def test_the_attached_recap_is_announced_with_its_pages(seed_pdf):
    attached = find_attached_rekap(extract_document(seed_pdf.path))
    pages = sorted({*attached.table("rekap_ikm_iki")["page"], *attached.table("rekap_ipk")["page"]})
    message = attached_message(attached)
    assert f"hal. {pages[0]}-{pages[-1]}; 172 baris IKM/IKI, 205 baris IPK" in message["id"]
    assert message["en"].startswith("No --rekap given")


def test_a_report_without_a_recap_has_none():
    doc = document_from_pages(
        ["BAB III\nIndeks Kepuasan Masyarakat 3,96 374 3,96 100\nRealisasi 3,25 3,96 100% 3,13"]
    )
    assert find_attached_rekap(doc) is None


def _write_xlsx(path: Path, *, as_numbers: bool) -> None:
    """The corpus CSV tables as a workbook, one sheet each; numbers stored as numbers (with
    their printed decimals as the number format) or as text."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in ("rekap_ikm_iki", "rekap_ipk"):
        sheet = book.create_sheet(name)
        with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                sheet.append(row)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                text = str(cell.value or "")
                if as_numbers and re.fullmatch(r"\d+(\.\d+)?", text):
                    decimals = len(text.partition(".")[2])
                    cell.value = float(text) if decimals else int(text)
                    cell.number_format = "0." + "0" * decimals if decimals else "0"
    book.save(path)


@pytest.mark.parametrize("as_numbers", [True, False])
def test_xlsx_round_trip_gives_the_csv_facts(csv_rekap, tmp_path, as_numbers):
    path = tmp_path / "rekap.xlsx"
    _write_xlsx(path, as_numbers=as_numbers)
    back = read_rekap(path)
    assert back.kind == "xlsx"
    for table in TABLES:
        assert values(back, table) == values(csv_rekap, table)
    decimals = [r["ikm"].decimals for r in back.table("rekap_ikm_iki").to_dict("records")]
    assert decimals == [
        r["ikm"].decimals for r in csv_rekap.table("rekap_ikm_iki").to_dict("records")
    ]


def test_csv_rows_say_their_file_and_line(csv_rekap):
    row = csv_rekap.table("rekap_ikm_iki").iloc[1]
    lines = (DATA_DIR / "rekap_ikm_iki.csv").read_text(encoding="utf-8").splitlines()
    assert row["page"] is None and row["bbox"] is None
    assert row["sheet"] == "rekap_ikm_iki.csv"
    assert lines[row["line"] - 1] == row["raw"]


def test_a_folder_or_either_csv_file_reads_both_tables(csv_rekap):
    for path in (DATA_DIR, DATA_DIR / "rekap_ipk.csv"):
        other = read_rekap(path)
        for table in TABLES:
            assert values(other, table) == values(csv_rekap, table)


def test_recap_facts_survive_pickling_for_worker_processes(csv_rekap):
    back = pickle.loads(pickle.dumps(csv_rekap))
    assert values(back, "rekap_ipk") == values(csv_rekap, "rekap_ipk")
    assert back.source == csv_rekap.source


def test_an_override_in_the_pdf_is_read(tmp_path):
    override = RecapOverride(
        "ikm_iki", "Kantor Imigrasi Kelas II TPI Belakang Padang", "ikm_responden", "374"
    )
    rendered = render_recap_pdf(DATA_DIR, tmp_path / "x.pdf", defects=[override])
    row = next(
        r
        for r in read_rekap(rendered.path).table("rekap_ikm_iki").to_dict("records")
        if r["satker"] == override.satker
    )
    assert row["ikm_n"].value == 374 and row["page"] == rendered.overrides[0][1]


# --- templates and bad files ----------------------------------------------------------------


def test_template_is_the_documented_layout_and_reads_once_filled(tmp_path):
    written = write_template(tmp_path / "rekap.csv")
    assert [p.name for p in written] == ["rekap.csv", "rekap_ipk.csv"]
    assert written[0].read_text().strip() == ",".join(IKM_HEADER)
    assert written[1].read_text().strip() == ",".join(IPK_HEADER)
    with pytest.raises(RekapError, match="no recap rows"):
        read_rekap(written[0])
    with written[0].open("a") as handle:
        handle.write('region,ACEH,,DIVISI KEIMIGRASIAN KANWIL ACEH,"3,92",2281,-,\n')
        handle.write("satker,ACEH,408040,Kanim Lhokseumawe,3.92,358,3.89,409\n")
    facts = read_rekap(written[0])
    rows = facts.table("rekap_ikm_iki").to_dict("records")
    assert [r["ikm"].value for r in rows] == [Decimal("3.92"), Decimal("3.92")]
    assert rows[0]["iki"] is None and rows[1]["region"] == "ACEH"


def test_xlsx_template_has_a_sheet_per_table(tmp_path):
    (path,) = write_template(tmp_path / "rekap.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["rekap_ikm_iki", "rekap_ipk"]
    assert [c.value for c in book["rekap_ipk"][1]] == list(IPK_HEADER)


def test_unknown_row_types_are_skipped_and_said(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(
        ",".join(IKM_HEADER)
        + "\nsatker,ACEH,1,Kanim A,3.9,10,3.8,12\nfoo,ACEH,2,Kanim B,3,1,3,1\n",
        encoding="utf-8",
    )
    facts = read_rekap(path)
    assert len(facts.table("rekap_ikm_iki")) == 1
    assert facts.skipped == ["r.csv baris/row 3: row_type 'foo' tidak dikenal / unknown"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "empty"),
        ("not_a_pdf", "not a readable PDF"),
        ("truncated", "truncated"),
        ("encrypted", "password"),
        ("scanned", "scan"),
    ],
)
def test_bad_pdfs_give_a_plain_error(bad_inputs, name, message):
    with pytest.raises(RekapError, match=message):
        read_rekap(bad_inputs[name])


def test_other_bad_files_give_a_plain_error(tmp_path):
    with pytest.raises(RekapError, match="no such file"):
        read_rekap(tmp_path / "missing.csv")
    text = tmp_path / "notes.csv"
    text.write_text("just some words\nand more\n", encoding="utf-8")
    with pytest.raises(RekapError, match="not a known recap header"):
        read_rekap(text)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RekapError, match="unreadable XLSX"):
        read_rekap(fake)


# --- other layouts, written by hand -------------------------------------------------------------

OTHER_LAYOUT = [
    """REKAPITULASI NILAI IKM DAN IKI SATUAN KERJA TAHUN 2024
KODE SATKER NAMA SATKER IKM RESPONDEN IKI RESPONDEN
KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM
SUMATERA BARAT
3.90 1.200 3.80 150
1. 408582 Kanim Kelas I TPI Padang 3.95 700 3.75 100
2. 652393 Kantor Imigrasi Kelas II Non TPI
Agam 3.83 500 3.90 50""",
    """KODE SATKER NAMA SATKER IKM RESPONDEN IKI RESPONDEN
KANWIL KEMENKUMHAM JAMBI 3.97 1.210 3.96 400
408134 Kantor Imigrasi Kelas I TPI Jambi 3.97 1.210 3.96 400
JUMLAH NASIONAL 3.93 2.410 3.84 550
REKAP IPK SATUAN KERJA
WILAYAH / SATUAN KERJA IPK INTERNAL IPK EKSTERNAL TOTAL KET
IPK KANWIL SUMATERA BARAT 11 3.70 17 3.60 28 3.64
Kanim Kelas I TPI Padang 6 3.47 13 3.46 19 3.46
Kanim Kelas II Non TPI Agam 5 3.83 4 3.66 9 3.75 Responden Eksternal kurang memadai
Rudenim Padang - 12 3.50
Direktorat Jenderal Imigrasi 11 3.70 17 3.60 40 3.59""",
]


def test_another_layout_reads_whole():
    facts = read_other_layout()
    ikm = facts.table("rekap_ikm_iki").to_dict("records")
    assert [(r["satker"], r["region"], r["is_region_row"]) for r in ikm] == [
        ("KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM SUMATERA BARAT", "SUMATERA BARAT", True),
        ("Kanim Kelas I TPI Padang", "SUMATERA BARAT", False),
        ("Kantor Imigrasi Kelas II Non TPI Agam", "SUMATERA BARAT", False),
        ("KANWIL KEMENKUMHAM JAMBI", "JAMBI", True),
        ("Kantor Imigrasi Kelas I TPI Jambi", "JAMBI", False),
    ]
    assert [r["ikm_n"].value for r in ikm] == [1200, 700, 500, 1210, 1210]
    assert [r["kode_satker"] for r in ikm] == ["", "408582", "652393", "", "408134"]
    assert ikm[2]["page"] == 1 and ikm[4]["page"] == 2
    national = {
        r["survey"]: (r["index"].value, r["n"].value)
        for r in facts.table("rekap_national").to_dict("records")
    }
    assert national == {
        "ikm": (Decimal("3.93"), 2410),
        "iki": (Decimal("3.84"), 550),
        "ipk": (Decimal("3.59"), 40),
    }
    ipk = facts.table("rekap_ipk").to_dict("records")
    assert [r["row_type"] for r in ipk] == ["region", "satker", "satker", "satker"]
    assert ipk[2]["note"] == "Responden Eksternal kurang memadai"
    assert ipk[3]["int_n"] is None and ipk[3]["total_n"].value == 12


def read_other_layout():
    from lkjip_audit.rekap.document import rekap_from_document

    return rekap_from_document(document_from_pages(OTHER_LAYOUT), source="x", anchored=False)
