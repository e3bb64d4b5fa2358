"""Plain-words explanations (Indonesian and English) of why a document or page was not read."""

from __future__ import annotations

Reason = dict[str, str]

EMPTY: Reason = {
    "id": "Berkas kosong (0 byte): unggah ulang berkas PDF yang lengkap lalu periksa lagi.",
    "en": "The file is empty (0 bytes): upload the complete PDF again and check again.",
}
NOT_PDF: Reason = {
    "id": "Berkas ini bukan PDF: simpan atau ekspor laporan sebagai PDF lalu periksa lagi.",
    "en": "This file is not a PDF: save or export the report as a PDF and check again.",
}
TRUNCATED: Reason = {
    "id": "PDF terpotong (akhir berkas hilang): unduh atau ekspor ulang PDF lalu periksa lagi.",
    "en": "The PDF is truncated (the end of the file is missing): "
    "download or export the PDF again and check again.",
}
CORRUPT: Reason = {
    "id": "PDF rusak dan tidak dapat dibuka: ekspor ulang PDF dari dokumen aslinya "
    "lalu periksa lagi.",
    "en": "The PDF is damaged and cannot be opened: export the PDF again from the original "
    "document and check again.",
}
ENCRYPTED: Reason = {
    "id": "PDF dilindungi kata sandi: simpan ulang tanpa kata sandi lalu periksa lagi.",
    "en": "The PDF is password-protected: save it again without a password and check again.",
}
SCANNED: Reason = {
    "id": "PDF berupa hasil pindaian (gambar tanpa lapisan teks): ekspor PDF dari dokumen "
    "aslinya (mis. Word) atau jalankan OCR lalu periksa lagi.",
    "en": "The PDF is a scan (images without a text layer): export the PDF from the original "
    "document (e.g. Word) or run OCR on it and check again.",
}
GARBLED: Reason = {
    "id": "Teks PDF tidak terbaca (huruf tanpa peta Unicode): ekspor ulang PDF dengan huruf "
    "tertanam (embed fonts) lalu periksa lagi.",
    "en": "The PDF's text cannot be read (fonts without a Unicode map): export the PDF again "
    "with embedded fonts and check again.",
}
NO_TEXT: Reason = {
    "id": "PDF tidak berisi teks maupun gambar yang dapat diperiksa: periksa apakah berkas "
    "yang benar yang diunggah.",
    "en": "The PDF contains no text or images to check: make sure the right file was uploaded.",
}


def _page_list(pages: tuple[int, ...]) -> str:
    return ", ".join(str(p) for p in pages)


def pages_reason(scanned: tuple[int, ...], garbled: tuple[int, ...]) -> Reason | None:
    """The warning for a readable document with some unreadable pages, or None if none."""
    parts_id: list[str] = []
    parts_en: list[str] = []
    if scanned:
        parts_id.append(f"halaman {_page_list(scanned)} berupa gambar pindaian tanpa teks")
        parts_en.append(f"page(s) {_page_list(scanned)} are scanned images without text")
    if garbled:
        parts_id.append(f"teks halaman {_page_list(garbled)} tidak terbaca (huruf tanpa Unicode)")
        parts_en.append(
            f"the text of page(s) {_page_list(garbled)} cannot be read (fonts "
            "without a Unicode map)"
        )
    if not parts_id:
        return None
    return {
        "id": "; ".join(parts_id).capitalize()
        + ": halaman tersebut tidak diperiksa. Ekspor ulang PDF dari dokumen aslinya "
        "atau jalankan OCR agar seluruh halaman dapat diperiksa.",
        "en": "; ".join(parts_en).capitalize()
        + ": those pages were not checked. Export the PDF again from the original document "
        "or run OCR so that every page can be checked.",
    }


NOT_REGULAR: Reason = {
    "id": "bukan berkas biasa (FIFO, perangkat, atau tautan ke salah satunya) dan tidak "
    "dibaca; dilewati.",
    "en": "is not a regular file (a FIFO, a device, or a link to one) and is not read; skipped.",
}
CANNOT_READ: Reason = {
    "id": "Berkas tidak dapat dibaca (tidak ada atau tanpa izin baca): periksa nama dan lokasi "
    "berkas lalu periksa lagi.",
    "en": "The file cannot be read (missing or no read permission): check the file name and "
    "location and check again.",
}
