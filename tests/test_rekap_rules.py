"""The recap rules: the recap against itself (REK1xx) and a report against it (REK0xx)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from corpus.recap_pdf import DATA_DIR
from lkjip_audit.audit import recognize
from lkjip_audit.extract import extract_document
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category
from lkjip_audit.numbers import parse_number
from lkjip_audit.recognize.meta import read_meta
from lkjip_audit.rekap import check_rekap, find_attached_rekap, read_rekap, rekap_command
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.loader import RuleSetError, parse_rule
from lkjip_audit.rules.registry import RuleContext

SATKER = "Kantor Imigrasi Kelas II TPI Belakang Padang"
TRUTH = Path(__file__).resolve().parents[1] / "corpus" / "truth" / "seed.json"


def recap_rules(ruleset):
    return replace(ruleset, rules=tuple(r for r in ruleset.rules if r.id.startswith("REK")))


def by_rule(findings, rule: str):
    return [f for f in findings if f.rule == rule]


def edited_recap(tmp_path: Path, table: str, edit) -> Path:
    """A copy of the corpus recap CSVs with ``edit(lines)`` applied to one table's lines."""
    for name in ("rekap_ikm_iki", "rekap_ipk"):
        lines = (DATA_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        if name == table:
            lines = edit(lines)
        (tmp_path / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def replace_line(lines: list[str], start: str, old: str, new: str) -> list[str]:
    """``lines`` with ``old`` replaced by ``new`` in the one line that starts with ``start``."""
    hits = [i for i, line in enumerate(lines) if line.startswith(start)]
    assert len(hits) == 1, start
    assert old in lines[hits[0]]
    return [line.replace(old, new) if i == hits[0] else line for i, line in enumerate(lines)]


@pytest.fixture(scope="module")
def csv_findings(ruleset):
    return check_rekap(read_rekap(DATA_DIR), ruleset)


# --- the seed's recap against itself ---------------------------------------------------------


def test_kepulauan_riau_ikm_is_not_the_weighted_mean_of_its_satker(csv_findings):
    means = by_rule(csv_findings, "REK102")
    kepri_ikm = [f for f in means if "KEPULAUAN RIAU" in f.text("id") and "IKM" in f.text("id")]
    assert len(kepri_ikm) == 1
    assert kepri_ikm[0].stated == "3.63" and kepri_ikm[0].expected == "3,94"
    assert "3.510" in kepri_ikm[0].text("id") and "3,510" in kepri_ikm[0].text("en")


def test_only_the_annotated_region_means_disagree(csv_findings):
    means = {(f.stated, f.expected) for f in by_rule(csv_findings, "REK102")}
    # Kepulauan Riau IKM and IKI, DKI Jakarta IKI (corpus/data/README.md, "Known defects").
    assert means == {("3.63", "3,94"), ("3.95", "3,96"), ("3.87", "3,85")}


def test_kepulauan_riau_iki_counts_repeat_kalimantan_timur(csv_findings):
    (copy,) = by_rule(csv_findings, "REK106")
    assert copy.severity.value == "warning"
    assert "KEPULAUAN RIAU" in copy.text("id") and "KALIMANTAN TIMUR" in copy.text("id")
    assert copy.stated == "632, 498, 791, 771, 335, 163"
    assert len(copy.related) == 6 and "Balikpapan" in copy.related[0].text
    assert copy.evidence.startswith("rekap_ikm_iki.csv:")


def test_the_rest_of_the_seed_recap_is_consistent(csv_findings):
    assert {f.rule for f in csv_findings} == {"REK102", "REK106"}


# --- injected defects are found; the same checks stay quiet without them ----------------------


def test_region_respondents_that_do_not_add_up(tmp_path, ruleset):
    folder = edited_recap(
        tmp_path,
        "rekap_ikm_iki",
        lambda lines: replace_line(lines, "region,ACEH,", ",2281,", ",2291,"),
    )
    findings = check_rekap(read_rekap(folder), ruleset)
    (finding,) = by_rule(findings, "REK101")
    assert finding.stated == "2291" and finding.expected == "2281"
    assert "ACEH" in finding.text("id") and "selisih 10" in finding.text("id")
    # The national row still agrees with the satker rows: only the region is wrong.
    assert by_rule(findings, "REK104") == []


def test_a_satker_count_off_shows_in_its_region_not_in_the_national_row(tmp_path, ruleset):
    folder = edited_recap(
        tmp_path,
        "rekap_ikm_iki",
        lambda lines: replace_line(lines, "satker,ACEH,408040,", ",358,", ",386,"),
    )
    findings = check_rekap(read_rekap(folder), ruleset)
    assert [(f.stated, f.expected) for f in by_rule(findings, "REK101")] == [("2281", "2309")]
    assert by_rule(findings, "REK104") == []


def test_ipk_total_that_is_not_internal_plus_external(tmp_path, ruleset):
    folder = edited_recap(
        tmp_path,
        "rekap_ipk",
        lambda lines: replace_line(
            lines, "satker,ACEH,Kantor Imigrasi Kelas II TPI Langsa", ",12,", ",14,"
        ),
    )
    findings = check_rekap(read_rekap(folder), ruleset)
    totals = by_rule(findings, "REK103")
    assert [(f.stated, f.expected) for f in totals] == [("14", "12")]
    # The region's total no longer adds up either.
    assert any(f.stated == "99" and f.expected == "101" for f in by_rule(findings, "REK101"))


def test_ipk_total_index_that_is_not_the_weighted_mean(tmp_path, ruleset):
    folder = edited_recap(
        tmp_path,
        "rekap_ipk",
        lambda lines: replace_line(
            lines, "satker,BANTEN,Kantor Imigrasi Kelas I Non TPI Serang", ",3.73,", ",3.93,"
        ),
    )
    totals = by_rule(check_rekap(read_rekap(folder), ruleset), "REK103")
    assert [(f.stated, f.expected) for f in totals] == [("3.93", "3,73")]


def test_a_missing_and_a_misplaced_note(tmp_path, ruleset):
    def edit(lines):
        lines = replace_line(
            lines,
            "satker,BALI,Kantor Imigrasi Kelas II TPI Singaraja",
            "Responden Eksternal Kurang memadai agar dijelaskan pada laporan LKjIP",
            "",
        )
        return replace_line(
            lines,
            "satker,BALI,Kantor Imigrasi Kelas I TPI Denpasar",
            "3.7,",
            "3.7,Responden Kurang memadai agar dijelaskan pada laporan LKjIP",
        )

    findings = by_rule(
        check_rekap(read_rekap(edited_recap(tmp_path, "rekap_ipk", edit)), ruleset), "REK105"
    )
    texts = sorted(f.text("en") for f in findings)
    assert len(texts) == 2
    assert texts[0].startswith("Kantor Imigrasi Kelas I TPI Denpasar: a 'kurang memadai' note")
    assert texts[1].startswith("Kantor Imigrasi Kelas II TPI Singaraja: respondents below")
    assert "threshold 5" in texts[1]


def test_a_national_row_that_does_not_add_up(tmp_path, ruleset):
    folder = edited_recap(
        tmp_path, "rekap_ipk", lambda lines: replace_line(lines, "national,", ",3273,", ",3237,")
    )
    (finding,) = by_rule(check_rekap(read_rekap(folder), ruleset), "REK104")
    assert finding.stated == "3237" and finding.expected == "3273"


def test_a_short_run_of_equal_counts_is_not_a_copy(tmp_path, ruleset):
    # 632, 498, 791, 771, 335, 163 becomes 632, 498, 791, 772, 335, 163: no run of four left.
    folder = edited_recap(
        tmp_path,
        "rekap_ikm_iki",
        lambda lines: replace_line(lines, f"satker,KEPULAUAN RIAU,408128,{SATKER}", ",771", ",772"),
    )
    assert by_rule(check_rekap(read_rekap(folder), ruleset), "REK106") == []


def test_a_recap_pdf_finding_points_at_its_page(recap_pdf, ruleset):
    findings = check_rekap(read_rekap(recap_pdf.path), ruleset)
    (copy,) = by_rule(findings, "REK106")
    assert (
        copy.page
        == recap_pdf.row_pages[("ikm_iki", "Kantor Imigrasi Kelas II Non TPI Dabo Singkep")]
    )
    assert copy.bbox is not None and copy.related[0].page is not None


# --- the seed report against its attached recap ---------------------------------------------


@pytest.fixture(scope="module")
def seed_report(seed_pdf, ruleset):
    """The seed PDF's facts, its attached recap and the recap rules' findings."""
    doc = extract_document(seed_pdf.path)
    meta = read_meta(doc)
    facts, _ = recognize(doc, meta)
    rekap = find_attached_rekap(doc)
    context = RuleContext(
        settings=ruleset.settings, year=meta.year, satker=meta.satker, rekap=rekap
    )
    return facts, rekap, run_rules(recap_rules(ruleset), facts, context)


def test_seed_respondents_374_against_the_recap_346(seed_report):
    _, _, findings = seed_report
    (count,) = by_rule(findings, "REK002")
    assert count.stated == "374" and count.expected == "346"
    assert SATKER in count.text("id")
    assert count.related[0].text.startswith("408128 Kantor Imigrasi Kelas II TPI Belakang Padang")


def test_seed_accepts_its_ikm_iki_and_ipk(seed_report):
    # The report mostly states IKM 3,96, IKI 3,96 and IPK 3,98, as the recap does; its
    # stray 3,87 / 3,25 / 3,13 are the realisation-consistency rules' business.
    _, _, findings = seed_report
    assert by_rule(findings, "REK001") == []


def summary_facts(**figures: str) -> Facts:
    """A report's facts holding only its annual survey figures (role → printed value)."""
    rows = [
        {
            "grid": 0,
            "period_kind": "tahun",
            "period": 0,
            "role": item,
            "item": "",
            "label": item,
            "value": parse_number(raw, page=3, bbox=(72.0, 100.0, 200.0, 110.0)),
            "source": "table",
            "page": 3,
            "bbox": (72.0, 100.0, 200.0, 110.0),
            "raw": f"{item} {raw}",
        }
        for item, raw in figures.items()
    ]
    facts = Facts()
    facts.add("skm_values", pd.DataFrame(rows))
    assert not facts.problems
    return facts


def test_a_report_whose_figure_is_not_the_recaps(ruleset):
    facts = summary_facts(skm="3,90", responden="380")
    context = RuleContext(year=2023, satker="Kanim Kelas II Sabang", rekap=read_rekap(DATA_DIR))
    findings = run_rules(recap_rules(ruleset), facts, context)
    (value,) = by_rule(findings, "REK001")
    assert (value.stated, value.expected, value.page) == ("3,90", "3.93", 3)
    assert "Kantor Imigrasi Kelas II TPI Sabang" in value.text("id")
    assert value.related[0].text.endswith(
        "rekap_ikm_iki.csv:7: satker,ACEH,627323,"
        "Kantor Imigrasi Kelas II TPI Sabang,3.93,374,3.99,256"
    )
    (count,) = by_rule(findings, "REK002")
    assert (count.stated, count.expected) == ("380", "374")


def test_a_figure_printed_with_more_decimals_agrees(ruleset):
    facts = summary_facts(skm="3,9312", responden="374")
    context = RuleContext(year=2023, satker="Kanim Kelas II Sabang", rekap=read_rekap(DATA_DIR))
    assert run_rules(recap_rules(ruleset), facts, context) == []


def test_seed_quotes_its_kanwil_and_the_ditjen_as_the_recap_does(seed_report):
    _, _, findings = seed_report
    assert by_rule(findings, "REK003") == [] and by_rule(findings, "REK009") == []


def test_seed_findings_meet_the_annotated_recap_defects(seed_report):
    _, _, findings = seed_report
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))["documents"][0]["defects"]
    for category in (Category.REKAP_MISMATCH, Category.REKAP_INTERNAL):
        defects = [d for d in truth if d["category"] == category.value]
        found = [f for f in findings if f.category is category]
        pages = {f.page for f in found} | {p.page for f in found for p in f.related}
        for defect in defects:
            assert set(defect["pages"]) & pages, defect["description"]
        # Every finding is on a page the truth annotates for its category.
        annotated = {p for d in defects for p in d["pages"]}
        assert [(f.rule, f.page, f.stated) for f in found if f.page not in annotated] == []


def test_a_mismatch_on_the_unit_above_is_found(seed_report, ruleset):
    facts, rekap, _ = seed_report
    indicators = facts.table("indicators").copy()
    national = [
        i for i, e in enumerate(indicators["entity"]) if isinstance(e, str) and "Direktorat" in e
    ]
    first = indicators.index[national[0]]
    stated = indicators.at[first, "reference"]
    indicators.at[first, "reference"] = replace(stated, raw="3,90", value=Decimal("3.90"))
    changed = Facts(tables={**facts.tables, "indicators": indicators})
    context = RuleContext(settings=ruleset.settings, year=2023, satker=SATKER, rekap=rekap)
    (above,) = by_rule(run_rules(recap_rules(ruleset), changed, context), "REK003")
    assert above.stated == "3,90" and above.expected == "3,94"


def test_no_recap_means_no_recap_findings(seed_report, ruleset):
    facts, _, _ = seed_report
    context = RuleContext(settings=ruleset.settings, year=2023, satker=SATKER)
    assert run_rules(recap_rules(ruleset), facts, context) == []


def test_an_unknown_satker_is_an_info_naming_candidates(ruleset):
    rekap = read_rekap(DATA_DIR)
    context = RuleContext(
        year=2023, satker="Kantor Imigrasi Kelas II TPI Tanjung Balai", rekap=rekap
    )
    findings = run_rules(recap_rules(ruleset), Facts(), context)
    (lampiran_i, lampiran_ii) = by_rule(findings, "REK009")
    assert lampiran_i.severity.value == "info"
    assert "Tanjung Balai Asahan" in lampiran_i.text(
        "id"
    ) and "Tanjung Balai Karimun" in lampiran_i.text("id")
    assert "lebih dari satu" in lampiran_i.text("id") and "LAMPIRAN II" in lampiran_ii.text("id")
    # A recap given on its own is checked by `lkjip-audit rekap`, not with every report.
    assert not [f for f in findings if f.category is Category.REKAP_INTERNAL]


# --- the command -------------------------------------------------------------------------------


def test_rekap_command_prints_regions_and_findings_and_exits_1(ruleset):
    text, code = rekap_command(DATA_DIR, ruleset, lang="en")
    assert code == 1
    assert re.search(r"^KEPULAUAN RIAU +9 / +9$", text, re.MULTILINE)
    assert "National IKM: 3.94 (82986 respondents)" in text
    assert "[error] REK102" in text and "[warning] REK106" in text


def test_rekap_command_json_and_fail_on(ruleset):
    text, code = rekap_command(DATA_DIR, ruleset, fmt="json", fail_on="never")
    document = json.loads(text)
    assert code == 0 and document["schema"] == "lkjip-audit/rekap@1"
    assert len(document["regions"]) == 33 and len(document["findings"]) == 4
    assert {f["rule"] for f in document["findings"]} == {"REK102", "REK106"}


def test_rekap_command_on_a_bad_file_exits_2(bad_inputs, ruleset):
    text, code = rekap_command(bad_inputs["truncated"], ruleset)
    assert code == 2 and "truncated" in text and "Traceback" not in text


def test_a_recap_file_apart_from_the_report_lends_no_page(recap_pdf, ruleset):
    facts = summary_facts(skm="3,96", responden="374")
    context = RuleContext(year=2023, satker=SATKER, rekap=read_rekap(recap_pdf.path))
    (count,) = by_rule(run_rules(recap_rules(ruleset), facts, context), "REK002")
    (place,) = count.related
    page = recap_pdf.row_pages[("ikm_iki", SATKER)]
    assert place.page is None and place.bbox is None
    assert place.text.startswith(f"rekap.pdf hal./p. {page}: 408128 {SATKER} 3,96 346")


def test_tied_figures_are_accepted_when_one_is_the_recaps(ruleset):
    facts = summary_facts(skm="3,93")
    other = summary_facts(skm="3,90").table("skm_values")
    facts.add("skm_values", pd.concat([facts.table("skm_values"), other], ignore_index=True))
    context = RuleContext(year=2023, satker="Kanim Kelas II Sabang", rekap=read_rekap(DATA_DIR))
    assert by_rule(run_rules(recap_rules(ruleset), facts, context), "REK001") == []


@pytest.mark.parametrize(
    ("check", "params", "problem"),
    [
        (
            "recap-internal",
            {"test": "everything"},
            "param 'test' is 'everything'; allowed: region-sum, region-mean, ipk-total",
        ),
        (
            "recap-internal",
            {"test": "copied-run", "min_run": 1},
            "param 'min_run' is 1; expected at least 2",
        ),
        (
            "recap-match",
            {"measures": ["skm"], "field": "value"},
            r"param 'measures\[0\]' is 'skm'; allowed: ikm, iki, ipk",
        ),
        (
            "recap-match",
            {"measures": ["ikm"], "field": "name"},
            "param 'field' is 'name'; allowed: value, respondents, above",
        ),
    ],
)
def test_recap_rules_with_wrong_params_are_refused(ruleset, check, params, problem):
    rule = {
        "id": "X001",
        "category": "rekap-internal",
        "severity": "error",
        "title": {"id": "x", "en": "x"},
        "message": {"id": "x", "en": "x"},
        "check": check,
        "params": params,
    }
    with pytest.raises(RuleSetError, match=problem):
        parse_rule(Path("x.yaml"), rule)
