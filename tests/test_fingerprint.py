"""A finding's fingerprint names what it is about, never where it was printed: the same
defects rendered in another layout (other pages, other number formats) keep their ids."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from corpus.generate import build_document, plan_corpus
from lkjip_audit.audit import audit_file
from lkjip_audit.fingerprint import fingerprint, subject_of
from lkjip_audit.numbers import Stated

DEFECTS = (("budget-sum", 0), ("placeholder", 0), ("duplicate-nip", 0))


def test_same_defects_in_another_layout_keep_their_ids(tmp_path, ruleset):
    plans = plan_corpus(1)
    base = replace(next(p for p in plans if not p.defects), defects=DEFECTS)
    found = []
    for index in (1, 2):  # two layouts: ruled or not, other separators, other page breaks
        path = tmp_path / f"layout{index}.pdf"
        path.write_bytes(build_document(replace(base, layout=plans[index].layout)).rendered.pdf)
        result = audit_file(path, ruleset, use_cache=False)
        found.append(
            {
                f.rule: (f.page, fingerprint(f.rule, result.satker, result.year, f.subject))
                for f in result.findings
            }
        )
    first, second = found
    assert set(first) == set(second) == {"BUD001", "PLH001", "NIP002"}
    assert {rule: page for rule, (page, _) in first.items()} != {
        rule: page for rule, (page, _) in second.items()
    }  # the pages moved
    assert {rule: id for rule, (_, id) in first.items()} == {
        rule: id for rule, (_, id) in second.items()
    }  # the ids did not


def test_subject_is_names_not_figures_spacing_or_case():
    one = subject_of({"name": "Indeks Kepuasan\n  Masyarakat", "stated": Decimal("3.2"), "page": 4})
    other = subject_of(
        {"name": "indeks kepuasan masyarakat", "stated": Decimal("3.9"), "pages": "7"}
    )
    assert one == other == "name=indeks kepuasan masyarakat"
    assert subject_of({"section": {"id": "BAB III", "en": "Chapter III"}}) == "section=bab iii"
    raw = Stated(raw="Rp 1.000", value=Decimal("1000"), decimals=0, page=3)
    assert subject_of({"label": raw}) == "label=rp 1.000"
    assert subject_of({"count": 3, "expected": "x"}) == ""


def test_fingerprint_separates_rule_satker_year_and_subject():
    ids = {
        fingerprint("CAP001", "Kanim A", 2023, "name=x"),
        fingerprint("CAP002", "Kanim A", 2023, "name=x"),
        fingerprint("CAP001", "Kanim B", 2023, "name=x"),
        fingerprint("CAP001", "Kanim A", 2024, "name=x"),
        fingerprint("CAP001", "Kanim A", 2023, "name=y"),
    }
    assert len(ids) == 5
    assert fingerprint("CAP001", " kanim  a ", 2023, "name=x") in ids
    assert all(id.split("-")[0] in {"CAP001", "CAP002"} for id in ids)
