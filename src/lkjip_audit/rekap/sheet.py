"""The recap as a spreadsheet: CSV files or an XLSX workbook, in one documented layout.

Two tables, each with a header row (names are matched case-insensitively; Indonesian and
English names are both accepted):

``rekap_ikm_iki`` (LAMPIRAN I)
    row_type (region | satker | national), region, kode_satker, satker,
    ikm_nilai, ikm_responden, iki_nilai, iki_responden

``rekap_ipk`` (LAMPIRAN II)
    row_type (region | divisi | satker | national), region, satker,
    internal_responden, internal_indeks, eksternal_responden, eksternal_indeks,
    total_responden, total_indeks, keterangan

``region`` is the region as printed on its region row ("ACEH", "D.I YOGYAKARTA"); a
``divisi`` row is the Divisi Keimigrasian surveyed as a unit of its own; an empty cell or
"-" is a value not printed (a Rudenim's internal/external IPK). Numbers may use "," or "."
as the decimal mark. As CSV the tables are two files, ``<name>_ikm_iki.csv`` or
``<name>.csv`` and ``<name>_ipk.csv`` (either file finds the other), or a folder holding
``rekap_ikm_iki.csv`` and ``rekap_ipk.csv``; as XLSX, one sheet per table.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lkjip_audit.atomic import atomic_file
from lkjip_audit.limits import Limits
from lkjip_audit.rekap.guard import bounded, check_size, check_zip, regular
from lkjip_audit.rekap.model import IKM, IPK, Record, RekapError, RekapFacts, build_facts

IKM_HEADER = (
    "row_type",
    "region",
    "kode_satker",
    "satker",
    "ikm_nilai",
    "ikm_responden",
    "iki_nilai",
    "iki_responden",
)
IPK_HEADER = (
    "row_type",
    "region",
    "satker",
    "internal_responden",
    "internal_indeks",
    "eksternal_responden",
    "eksternal_indeks",
    "total_responden",
    "total_indeks",
    "keterangan",
)
HEADERS = {IKM: IKM_HEADER, IPK: IPK_HEADER}
TABLE_NAMES = {IKM: "rekap_ikm_iki", IPK: "rekap_ipk"}
ROW_TYPES = {IKM: ("region", "satker", "national"), IPK: ("region", "divisi", "satker", "national")}

# Other names a column may carry; the first name of each entry is the layout's own.
ALIASES = {
    "row_type": ("jenis_baris", "tipe", "type"),
    "region": ("wilayah", "kanwil"),
    "kode_satker": ("kode", "kode_satuan_kerja"),
    "satker": ("nama_satker", "satuan_kerja", "nama", "name"),
    "ikm_nilai": ("ikm", "nilai_ikm", "ikm_value"),
    "ikm_responden": ("ikm_n", "responden_ikm", "ikm_respondents"),
    "iki_nilai": ("iki", "nilai_iki", "iki_value"),
    "iki_responden": ("iki_n", "responden_iki", "iki_respondents"),
    "internal_responden": ("int_n", "internal_n", "internal_respondents"),
    "internal_indeks": ("int_index", "internal_index", "ipk_internal"),
    "eksternal_responden": ("ext_n", "external_n", "external_respondents"),
    "eksternal_indeks": ("ext_index", "external_index", "ipk_eksternal"),
    "total_responden": ("total_n", "total_respondents"),
    "total_indeks": ("total_index", "ipk", "nilai_ipk"),
    "keterangan": ("ket", "note", "catatan"),
}
CANONICAL = {alias: name for name, names in ALIASES.items() for alias in (name, *names)}
DEFAULT_CSV_NAMES = {IKM: "rekap_ikm_iki.csv", IPK: "rekap_ipk.csv"}


def _key(header: object) -> str:
    text = re.sub(r"[^0-9a-z]+", "_", str(header or "").strip().lower()).strip("_")
    return CANONICAL.get(text, text)


def lampiran_of(header: Sequence[object]) -> str | None:
    """Which table a header row belongs to: IKM/IKI, IPK, or None."""
    keys = {_key(h) for h in header}
    if {"satker", "ikm_nilai"} <= keys:
        return IKM
    if {"satker", "total_indeks"} <= keys:
        return IPK
    return None


def _text(value: object) -> str | None:
    """A cell as text; empty and "-" cells are None. Spreadsheet numbers keep their digits."""
    if value is None:
        return None
    text = str(value).strip()
    return None if not text or re.fullmatch(r"[-–—]+", text) else text


def records_from_rows(
    rows: Iterable[tuple[int, Sequence[object]]], *, where: str
) -> tuple[list[Record], list[str]]:
    """Records from a table's rows given as ``(line number, cells)``, header first.

    Returns the records and a plain message for every row that had to be skipped.
    """
    rows = iter(rows)
    first = next(rows, None)
    lampiran = lampiran_of(first[1]) if first else None
    if first is None or lampiran is None:
        raise RekapError(
            f"{where}: baris pertama bukan kepala kolom rekap yang dikenal / the first row is not"
            f" a known recap header (expected {', '.join(IKM_HEADER)} or {', '.join(IPK_HEADER)})"
        )
    columns = [_key(h) for h in first[1]]
    records, skipped = [], []
    for line, cells in rows:
        values = dict(zip(columns, (_text(c) for c in cells), strict=False))
        if not any(values.values()):
            continue
        raw = ",".join(_text(c) or "" for c in cells)
        record = _record(lampiran, values, where, line, raw)
        if isinstance(record, str):
            skipped.append(f"{where} baris/row {line}: {record}")
        else:
            records.append(record)
    return records, skipped


def _record(
    lampiran: str, values: dict[str, str | None], where: str, line: int, raw: str
) -> Record | str:
    """One record, or a message saying why the row cannot be one."""
    row_type = (values.get("row_type") or "satker").lower()
    if row_type not in ROW_TYPES[lampiran]:
        return f"row_type {row_type!r} tidak dikenal / unknown"
    name = values.get("satker") or ""
    if not name:
        return "nama satker kosong / no satker name"
    header = HEADERS[lampiran]
    start = 4 if lampiran == IKM else 3
    cells = [values.get(column) for column in header[start : start + (4 if lampiran == IKM else 6)]]
    return Record(
        lampiran=lampiran,
        row_type=row_type,
        region=values.get("region") or "",
        kode=values.get("kode_satker") or "",
        name=name,
        cells=cells,
        boxes=[None] * len(cells),
        note=values.get("keterangan") or "",
        line=line,
        sheet=where,
        raw=raw,
    )


def companion(path: Path) -> Path:
    """The other table's CSV file next to ``path`` (``x_ikm_iki.csv`` ↔ ``x_ipk.csv``)."""
    stem = path.stem
    if "ikm_iki" in stem:
        other = stem.replace("ikm_iki", "ipk")
    elif stem.endswith("_ipk"):
        other = stem[: -len("_ipk")]
        if not path.with_name(f"{other}.csv").exists():
            other = f"{other}_ikm_iki"
    else:
        other = f"{stem}_ipk"
    return path.with_name(f"{other}{path.suffix}")


def _encoding(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark) when the whole file decodes as such, else
    Latin-1 (which decodes anything): checked in chunks, never holding the file."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "latin-1"
    return "utf-8-sig"


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV file as read, with the line each starts on: streamed, quoted fields
    (separators and line breaks inside quotes) parsed by the csv module's rules."""
    with path.open(encoding=_encoding(path), newline="") as handle:
        first = handle.readline(64 * 1024)
        try:
            delimiter = csv.Sniffer().sniff(first or ",", delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
        handle.seek(0)
        # Only the separator is guessed (from the header); quoting follows the csv module's
        # (and Excel's) rules: a header without quotes says nothing about them.
        reader = csv.reader(handle, csv.excel, delimiter=delimiter)
        line = 1
        try:
            for row in reader:
                yield line, row
                line = reader.line_num + 1
        except csv.Error as error:
            raise RekapError(
                f"{path.name} baris/row {line}: CSV tidak dapat dibaca / unreadable CSV ({error})"
            ) from None


def read_csv(path: Path, limits: Limits | None = None) -> RekapFacts:
    """The recap from a CSV file, its companion file, or a folder holding both, each file
    within ``limits`` (the defaults when None)."""
    limits = Limits.resolve(limits)
    files = (
        [path / DEFAULT_CSV_NAMES[IKM], path / DEFAULT_CSV_NAMES[IPK]]
        if path.is_dir()
        else [path, companion(path)]
    )
    files = [f for f in files if f.exists() or f.is_symlink()]
    if not files:
        raise RekapError(f"{path}: tidak ada berkas rekap CSV / no recap CSV file found")
    records, skipped = [], []
    for file in files:
        regular(file)
        check_size(file, limits)
        rows = bounded(_csv_rows(file), file.name, limits)
        got, lost = records_from_rows(rows, where=file.name)
        records += got
        skipped += lost
    # LAMPIRAN I first, whichever file was named.
    records.sort(key=lambda r: r.lampiran != IKM)
    facts = build_facts(records, source=str(path), kind="csv")
    facts.skipped = skipped
    return facts


def _cell_text(cell: object) -> str | None:
    """A sheet cell as printed: a number keeps the decimals its number format shows."""
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None if value is None else str(value)
    shown = re.search(r"0[.,](0+)", getattr(cell, "number_format", "") or "")
    if shown:
        return f"{value:.{len(shown.group(1))}f}"
    return str(int(value)) if float(value).is_integer() else repr(value)


def read_xlsx(path: Path, limits: Limits | None = None) -> RekapFacts:
    """The recap from an XLSX workbook: every sheet whose first row is a recap header.

    The zip is checked against ``limits`` before openpyxl opens it; sheets are streamed
    (read-only) and a formula is never evaluated: a cell gives the value the spreadsheet
    saved with it, or nothing.
    """
    import zipfile

    import openpyxl

    limits = Limits.resolve(limits)
    check_zip(path, limits)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise RekapError(
            f"{path.name}: XLSX tidak dapat dibaca / unreadable XLSX ({error})"
        ) from None
    records, skipped = [], []
    try:
        for sheet in book.worksheets:
            where = f"{path.name}[{sheet.title}]"
            numbered = (
                (i, [_cell_text(cell) for cell in row])
                for i, row in enumerate(sheet.iter_rows(), start=1)
            )
            rows = list(bounded(numbered, where, limits))
            if rows and lampiran_of(rows[0][1]):
                got, lost = records_from_rows(rows, where=where)
                records += got
                skipped += lost
    finally:
        book.close()
    if not records:
        raise RekapError(f"{path.name}: tidak ada lembar rekap / no recap sheet found")
    records.sort(key=lambda r: r.lampiran != IKM)
    facts = build_facts(records, source=str(path), kind="xlsx")
    facts.skipped = skipped
    return facts


def write_template(path: Path) -> list[Path]:
    """Write empty recap tables in the documented layout; returns the files written.

    ``x.xlsx``: one workbook with a sheet per table. ``x.csv``: ``x.csv`` (LAMPIRAN I) and
    ``x_ipk.csv`` (LAMPIRAN II). A folder: ``rekap_ikm_iki.csv`` and ``rekap_ipk.csv`` in it.
    """
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        book.remove(book.active)
        for lampiran, header in HEADERS.items():
            book.create_sheet(TABLE_NAMES[lampiran]).append(list(header))
        with atomic_file(path) as temporary:
            book.save(temporary)
        return [path]
    if path.is_dir():
        targets = {lamp: path / name for lamp, name in DEFAULT_CSV_NAMES.items()}
    else:
        targets = {IKM: path, IPK: companion(path)}
    for lampiran, target in targets.items():
        with (
            atomic_file(target) as temporary,
            temporary.open("w", newline="", encoding="utf-8") as handle,
        ):
            csv.writer(handle).writerow(HEADERS[lampiran])
    return list(targets.values())
