"""The synthetic corpus: coverage, ground truth on the right pages, determinism, size, and clean
reports that are consistent by construction and agree with the recap."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

import corpus.generate as generate_module
from corpus.defects import INJECTORS, inject
from corpus.generate import (
    CLEAN_DOCS,
    YEAR,
    DocPlan,
    VerificationError,
    build_document,
    ensure_corpus,
    load_recap,
    plan_corpus,
    truth_entry,
    verify,
)
from corpus.model import SKM_LAYOUTS, Report, build_report, q2
from corpus.render import Fmt
from lkjip_audit.nip import nip_problems

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "corpus" / "out"
SEED = 1


@pytest.fixture(scope="session")
def corpus_truth() -> dict:
    """The reportlab Kemenkumham part of the generated corpus (reused from corpus/out when
    it is up to date); the pemda family and the word-processor documents have their own
    tests (test_pemda.py, test_render_docx.py)."""
    truth = ensure_corpus(OUT, SEED)
    return truth | {"documents": [d for d in truth["documents"] if in_recap_part(d)]}


def in_recap_part(entry: dict) -> bool:
    """A Kemenkumham document drawn by reportlab: the part the Ditjen recap is about."""
    layout = entry["layout"]
    return layout.get("family", "imigrasi") == "imigrasi" and layout.get("renderer") != "docx"


@pytest.fixture(scope="session")
def plans() -> list[DocPlan]:
    """The plan of the corpus for the test seed."""
    return plan_corpus(SEED)


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_texts(data: Path | bytes) -> list[str]:
    """The text of every page (pypdfium2: fast enough to read whole documents in tests)."""
    pdf = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def clean_report(plan: DocPlan) -> Report:
    """The clean model of a planned document (no rendering)."""
    return build_report(
        random.Random(plan.seed),
        plan.recap,
        YEAR,
        plan.layout,
        plan.seed,
        lower_better=plan.lower_better,
    )


def test_every_category_injected_three_times_on_different_pages_and_layouts(corpus_truth):
    places = defaultdict(list)
    for doc in corpus_truth["documents"]:
        for d in doc["defects"]:
            places[d["category"]].append((doc["layout"]["ruled"], tuple(d["pages"]), d["place"]))
    assert set(places) == set(INJECTORS)
    for category, seen in places.items():
        assert len(seen) >= 3, category
        assert {ruled for ruled, _, _ in seen} == {True, False}, category
        assert len({pages for _, pages, _ in seen}) >= 2, category
        assert len({place for _, _, place in seen}) >= 2, category


def test_documents_count_and_defects_per_document(corpus_truth):
    docs = corpus_truth["documents"]
    clean = [d for d in docs if d["clean"]]
    assert len(clean) == CLEAN_DOCS >= 2
    assert len(docs) - len(clean) >= 10
    assert all(not d["defects"] for d in clean)
    assert all(1 <= len(d["defects"]) <= 3 for d in docs if not d["clean"])


def test_injected_values_are_on_their_recorded_pages(corpus_truth):
    """Re-read the written files (with another PDF library than the generator's check)."""
    for doc in corpus_truth["documents"]:
        if not doc["defects"]:
            continue
        texts = [squash(t) for t in pdf_texts(OUT / doc["file"])]
        assert len(texts) == doc["pages"]
        for d in doc["defects"]:
            assert squash(d["injected"]) in "".join(texts[p - 1] for p in d["pages"]), d


def test_verification_fails_loudly_when_a_page_is_wrong(plans):
    built = build_document(next(p for p in plans if p.defects))
    key = built.defects[0].key
    wrong = max(built.rendered.marks[key]) % built.rendered.pages + 1
    built.rendered.marks[key] = [wrong]
    with pytest.raises(VerificationError, match=built.defects[0].category):
        verify(built)


def test_same_seed_gives_identical_pdf_and_truth(corpus_truth, plans):
    plan = next(p for p in plans if len(p.defects) == 3)
    first, second = build_document(plan), build_document(plan)
    assert first.rendered.pdf == second.rendered.pdf
    assert (OUT / plan.file).read_bytes() == first.rendered.pdf
    entry = next(d for d in corpus_truth["documents"] if d["file"] == plan.file)
    assert truth_entry(first) == entry
    assert plan_corpus(SEED) == plans


def test_size_and_page_counts(corpus_truth):
    docs = corpus_truth["documents"]
    size = sum((OUT / d["file"]).stat().st_size for d in docs) + (OUT / "truth.json").stat().st_size
    assert size < 20_000_000
    assert all(25 <= d["pages"] <= 60 for d in docs)


def test_layout_variants_are_all_present(corpus_truth):
    layouts = [d["layout"] for d in corpus_truth["documents"]]
    assert {x["ruled"] for x in layouts} == {True, False}
    assert {x["amount_sep"] for x in layouts} == {".", ","}
    assert {x["rp_prefix"] for x in layouts} == {"Rp. ", "Rp ", ""}
    for flag in ("pct_space", "years_as_rows", "months_as_rows", "ikhtisar_as_table"):
        assert {x[flag] for x in layouts} == {True, False}, flag
    assert {x["rp_suffix"] for x in layouts} == {"", ",-"}
    split = [d for d in corpus_truth["documents"] if len(d["lampiran_table_pages"]) > 1]
    assert split, "no lampiran table split across pages"
    with pdfplumber.open(OUT / split[0]["file"]) as pdf:
        pages = [pdf.pages[p - 1].extract_text() for p in split[0]["lampiran_table_pages"]]
    assert all("Kegiatan Target Anggaran" in text for text in pages), "header not repeated"


def test_clean_reports_recompute_and_agree_with_recap(plans):
    """Recompute every relation from the model of each clean report (one per SKM layout)."""
    assert {plan.layout.skm_layout for plan in plans[:CLEAN_DOCS]} == set(SKM_LAYOUTS)
    for plan in plans[:CLEAN_DOCS]:
        report = clean_report(plan)
        rec, skm, b = plan.recap, report.skm, report.budget
        assert q2(skm.annual()) == rec.ikm and skm.respondents == rec.ikm_n
        unsur = range(len(skm.labels))
        for month in (*skm.months, *(skm.quarter(q) for q in range(4))):
            for u in unsur:
                assert month.respondents <= month.sums[u] <= 4 * month.respondents
            assert month.nilai() == sum(month.unsur(u) for u in unsur) / len(unsur)
        weighted = sum(m.nilai() * m.respondents for m in skm.months) / skm.respondents
        assert weighted == skm.annual() == sum(skm.annual_unsur(u) for u in unsur) / len(unsur)
        for part, value in ((report.ipk.internal, rec.ipk_int), (report.ipk.external, rec.ipk_ext)):
            assert sum(bobot for _, bobot, _ in part.unsur) == 100
            assert q2(part.index()) == value
        n_i, n_e = rec.ipk_int_n, rec.ipk_ext_n
        assert q2((n_i * rec.ipk_int + n_e * rec.ipk_ext) / (n_i + n_e)) == report.ipk.total
        assert q2(report.iki100 / 25) == rec.iki
        assert sum(j.pagu for j in b.jenis) == b.pagu == sum(v for _, v in b.sumber)
        assert sum(j.realisasi for j in b.jenis) == b.realisasi
        assert b.history[report.year] == (b.pagu, b.realisasi)
        assert sum(line.amount for line in report.pk_lines) == b.pagu
        for line in report.pk_lines:
            assert sum(s.amount for s in line.subs) == line.amount
            assert sum(s.volume for s in line.subs) == line.volume
        people = (report.head, report.superior, *report.staff)
        assert len({p.nip for p in people}) == len(people)
        assert all(not nip_problems(p.nip, report.year) for p in people)
        values = {i.key: i.realisasi[report.year] for i in report.indicators}
        assert (values["ikm"], values["ipk"], values["iki"]) == (rec.ikm, rec.ipk, rec.iki)


def test_clean_pdfs_have_no_template_leftovers_and_valid_nips(corpus_truth):
    nip_re = re.compile(r"NIP\.\s*(\d{8} ?\d{6} ?\d ?\d{3})(?!\d)")
    placeholder = re.compile(r"\[[^\]]*\]|\bXX\b|\(contoh\)|Lorem ipsum|……")
    for doc in corpus_truth["documents"]:
        if not doc["clean"]:
            continue
        text = "\n".join(pdf_texts(OUT / doc["file"]))
        assert not placeholder.search(text), doc["file"]
        nips = [re.sub(r"\s", "", m) for m in nip_re.findall(text)]
        assert len(nips) == text.count("NIP.") >= 8
        assert all(not nip_problems(n, doc["year"]) for n in nips), doc["file"]


def test_clean_pdf_prints_the_capaian_of_its_model(plans):
    """The PDF shows each capaian recomputed from the model's target and realisasi."""
    built = build_document(plans[0])
    report, fmt = built.report, Fmt(built.report)
    places = report.layout.capaian_decimals
    text = squash("".join(pdf_texts(built.rendered.pdf)))
    for ind in report.indicators:
        t, r = ind.target[report.year], ind.realisasi[report.year]
        expected = q2((r / t if ind.higher_is_better else t / r) * 100, places)
        assert squash(fmt.pct(expected, places)) in text, ind.key


@pytest.mark.parametrize("category", sorted(INJECTORS))
def test_each_injector_changes_exactly_one_place(category, plans):
    report = clean_report(plans[0])
    defect = inject(report, category, random.Random(7), set())
    if category == "structure":
        assert not report.overrides
        assert report.chapter_order != ("I", "II", "III", "IV", "L")
    else:
        assert report.overrides == {defect.key: defect.injected}
    assert defect.category == category
    assert defect.key in report.watch


def test_recap_satker_are_real_and_consistent():
    recap = load_recap()
    assert len(recap) >= 20
    for rec in recap:
        assert re.fullmatch(r"\d{6}", rec.kode)
        total = (rec.ipk_int_n * rec.ipk_int + rec.ipk_ext_n * rec.ipk_ext) / (
            rec.ipk_int_n + rec.ipk_ext_n
        )
        assert q2(Decimal(total)) == rec.ipk


def test_an_up_to_date_corpus_is_reused(corpus_truth):
    first = OUT / corpus_truth["documents"][0]["file"]
    before = first.stat().st_mtime_ns
    again = ensure_corpus(OUT, SEED)
    assert [d for d in again["documents"] if in_recap_part(d)] == corpus_truth["documents"]
    assert first.stat().st_mtime_ns == before


def test_command_line_fails_loudly_on_verification_error(monkeypatch, tmp_path, capsys):
    def broken(out: Path, seed: int) -> dict:
        raise VerificationError("x.pdf: capaian: '119,08%' not on page(s) [17]")

    monkeypatch.setattr(generate_module, "generate", broken)
    assert generate_module.main(["--out", str(tmp_path)]) == 1
    assert "verification failed" in capsys.readouterr().err
