"""Profiles chosen by the document: the satker read from the cover picks the shipped profile
(immigration offices, regional government units), ``--rules`` overrides the choice, and every
report says which rule set a document was checked with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lkjip_audit.rules.loader import RuleSetError, load_ruleset

CLI = Path(sys.executable).with_name("lkjip-audit")


@pytest.mark.parametrize(
    ("satker", "profile"),
    [
        ("Kantor Imigrasi Kelas II TPI Belakang Padang", "lkjip:imigrasi"),
        ("Dinas Kesehatan Provinsi Jawa Barat", "lkjip:pemda"),
        ("Badan Penanggulangan Bencana Daerah Kabupaten Sleman", "lkjip:pemda"),
        ("Rumah Sakit Jiwa Provinsi Jawa Barat", "lkjip:pemda"),
        ("Inspektorat Kota Semarang", "lkjip:pemda"),
        # A vertical unit of a ministry in a province is not a regional government unit.
        ("Kantor Wilayah Kementerian Hukum dan HAM Provinsi Riau", "lkjip:default"),
        (None, "lkjip:default"),
    ],
)
def test_the_satker_picks_the_profile(satker, profile):
    assert load_ruleset().for_document(satker).source == profile


def test_a_given_rule_set_is_used_for_every_document():
    given = load_ruleset("lkjip:default")
    assert given.profiles == ()
    assert given.for_document("Dinas Kesehatan Provinsi Jawa Barat") is given


def test_the_pemda_profile_has_no_recap_or_ipk_rules():
    pemda = load_ruleset("lkjip:pemda")
    assert not [r.id for r in pemda.rules if r.id.startswith(("REK", "IPK"))]
    assert pemda.get("CAP001") is not None


def test_automatic_choice_changes_the_cache_identity():
    assert load_ruleset().sha256 != load_ruleset("lkjip:default").sha256


def test_a_broken_applies_to_is_a_rule_set_error(tmp_path):
    rules = tmp_path / "mine.yaml"
    rules.write_text("extends: lkjip:default\napplies_to: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(RuleSetError, match="applies_to"):
        load_ruleset(rules)


def _json_check(pdf, *options) -> dict:
    run = subprocess.run(
        [CLI, "check", str(pdf), "--format", "json",
         "--fail-on", "never", "--no-cache", *options],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(run.stdout)["documents"][0]


def test_the_report_names_the_profile_used(seed_pdf):
    assert _json_check(seed_pdf.path)["profile"] == "lkjip:imigrasi"
    assert _json_check(seed_pdf.path, "--rules", "lkjip:default")["profile"] == "lkjip:default"
