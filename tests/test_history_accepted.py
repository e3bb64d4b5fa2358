"""A satker's two submissions through the command line: the history store tells new, fixed
and still-open findings apart, and an accepted finding neither trips --fail-on nor survives
its fix unnoticed.

Both submissions are one corpus report rendered twice from the same plan: the first with a
wrong budget total and a template marker left in, the revision with the marker filled in but a
second NIP given to the head of office. The budget total, injected first, lands in the same
place in both.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from corpus.generate import build_document, plan_corpus
from lkjip_audit.cli import app
from lkjip_audit.store.schema import VERSION

FIRST = (("budget-sum", 0), ("placeholder", 0))
REVISED = (("budget-sum", 0), ("duplicate-nip", 0))


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def submissions(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("submissions")
    plan = next(p for p in plan_corpus(1) if not p.defects)
    paths = {}
    for name, defects in (("first", FIRST), ("revised", REVISED)):
        built = build_document(replace(plan, defects=defects))
        assert [d.category for d in built.defects] == [c for c, _ in defects]
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(built.rendered.pdf)
    return paths


@pytest.fixture(scope="module")
def recorded(submissions, tmp_path_factory) -> dict[str, object]:
    """Both submissions checked with --store (the first twice: a re-run is no submission)."""
    folder = tmp_path_factory.mktemp("store")
    store = folder / "audit.db"
    reports = {}
    for name in ("first", "first", "revised"):
        out = folder / f"{name}.json"
        result = run("check", submissions[name], "--store", store, "--output", out)
        assert result.exit_code == 1, result.output
        reports[name] = json.loads(out.read_text(encoding="utf-8"))
    return {"store": store, **reports}


def _ids(report: dict, rule: str) -> list[str]:
    return [f["id"] for d in report["documents"] for f in d["findings"] if f["rule"] == rule]


def test_history_tells_new_fixed_and_open(recorded):
    result = run("history", "--store", recorded["store"], "--format", "json")
    assert result.exit_code == 0, result.output
    [satker] = json.loads(result.stdout)["satkers"]
    assert satker["satker"] == recorded["revised"]["documents"][0]["satker"]
    assert satker["previous"]["path"].endswith("first.pdf")
    assert satker["current"]["path"].endswith("revised.pdf")
    assert [f["rule"] for f in satker["new"]] == ["NIP002"]
    assert [f["rule"] for f in satker["fixed"]] == ["PLH001"]
    assert [f["rule"] for f in satker["open"]] == ["BUD001"]
    # The budget total is the same finding in both files, by its fingerprint.
    assert satker["open"][0]["id"] == _ids(recorded["first"], "BUD001")[0]
    assert _ids(recorded["first"], "BUD001") == _ids(recorded["revised"], "BUD001")

    console = run("history", "sabang", "--store", recorded["store"])
    assert console.exit_code == 0, console.output
    assert "1 baru, 1 diperbaiki, 1 masih terbuka" in console.stdout
    assert "NIP002" in console.stdout and "PLH001" in console.stdout
    nobody = run("history", "Kantor Tidak Ada", "--store", recorded["store"])
    assert nobody.exit_code == 0 and "Tidak ada satker" in nobody.stdout


def test_store_records_runs_documents_and_versions(recorded, submissions):
    with sqlite3.connect(recorded["store"]) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert connection.execute("SELECT COUNT(*) FROM run").fetchone()[0] == 3
        documents = connection.execute(
            "SELECT sha256, satker, year, profile, tool_version, rules_sha256 FROM document"
        ).fetchall()
        runs = connection.execute("SELECT args, rules_sha256 FROM run").fetchall()
    first = recorded["first"]["documents"][0]
    assert documents[0][:4] == (first["sha256"], first["satker"], first["year"], first["profile"])
    assert len({d[0] for d in documents}) == 2  # two files, three runs
    assert all(len(d[5]) == 64 for d in documents)
    assert isinstance(json.loads(runs[0][0]), list)  # the command line, as a JSON list
    assert runs[0][1] == recorded["first"]["rules"]["sha256"]


def test_store_from_a_newer_tool_or_not_sqlite_is_refused(tmp_path, submissions):
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {VERSION + 1}")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    for store in (newer, junk):
        result = run("history", "--store", store)
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.output
        assert "Traceback" not in result.output
    refused = run("check", submissions["first"], "--store", newer)
    assert refused.exit_code == 2 and "schema version" in refused.stderr
    assert refused.stdout == ""  # refused before the audit: no report
    missing = run("history", "--store", tmp_path / "none.db")
    assert missing.exit_code == 2 and "check --store" in missing.stderr


def _accepted(path: Path, entries: list[dict]) -> Path:
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def test_accepted_finding_does_not_trip_fail_on_and_goes_stale_when_fixed(
    recorded, submissions, tmp_path
):
    [marker] = _ids(recorded["first"], "PLH001")
    [total] = _ids(recorded["first"], "BUD001")
    entry = {"fingerprint": marker, "reason": "Kategori diisi pada revisi", "who": "Ani"}
    only_marker = _accepted(tmp_path / "one.yaml", [entry])
    still = run("check", submissions["first"], "--accepted", only_marker)
    assert still.exit_code == 1  # BUD001 is not accepted
    assert "diterima: Kategori diisi pada revisi (Ani)" in still.stdout

    both = _accepted(
        tmp_path / "both.yaml",
        [
            entry,
            {"fingerprint": total, "reason": "Pagu direvisi", "who": "Budi", "until": "2999-12-31"},
        ],
    )
    out = tmp_path / "accepted.json"
    passed = run("check", submissions["first"], "--accepted", both, "--output", out)
    assert passed.exit_code == 0, passed.output
    findings = {f["rule"]: f for f in json.loads(out.read_text())["documents"][0]["findings"]}
    assert findings["BUD001"]["accepted"] == {
        "reason": "Pagu direvisi", "who": "Budi", "until": "2999-12-31"
    }  # fmt: skip
    assert passed.stderr == ""  # nothing stale

    fixed = run("check", submissions["revised"], "--accepted", both)
    assert fixed.exit_code == 1  # the NIP given twice is new, and not accepted
    [stale] = fixed.stderr.splitlines()
    assert marker in stale and "tidak cocok dengan temuan mana pun" in stale


def test_expired_acceptance_no_longer_applies(recorded, submissions, tmp_path):
    entries = [
        {"fingerprint": f, "reason": "lama", "who": "Ani", "until": "2020-01-01"}
        for f in _ids(recorded["first"], "PLH001") + _ids(recorded["first"], "BUD001")
    ]
    result = run(
        "check", submissions["first"], "--accepted", _accepted(tmp_path / "e.yaml", entries)
    )
    assert result.exit_code == 1 and "diterima" not in result.stdout
    assert result.stderr.count("berakhir 2020-01-01") == 2


def test_accepted_yaml_beside_the_rules_is_found(recorded, submissions, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("extends: lkjip:default\n", encoding="utf-8")
    entries = [
        {"fingerprint": f, "reason": "diterima", "who": "Ani"}
        for f in _ids(recorded["first"], "PLH001") + _ids(recorded["first"], "BUD001")
    ]
    _accepted(tmp_path / "accepted.yaml", entries)
    result = run("check", submissions["first"], "--rules", rules)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "text",
    [
        "- fingerprint: BUD001-0123456789abcdef\n  who: Ani\n",  # no reason
        "fingerprint: BUD001-0123456789abcdef\n",  # not a list
        "- [unclosed\n",  # not YAML
        "- {fingerprint: X-0123456789abcdef, reason: r, who: w, until: besok}\n",
        "- {fingerprint: X-0123456789abcdef, reason: r, who: w, sampai: 2025-01-01}\n",
    ],
)
def test_malformed_accepted_file_is_one_line_and_exit_2(submissions, tmp_path, text):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("check", submissions["first"], "--accepted", bad)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and "bad.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_report_never_overwrites_the_accepted_file_or_the_store(submissions, tmp_path):
    accepted = _accepted(tmp_path / "acc.yaml", [])
    before = accepted.read_bytes()
    over = run("check", submissions["first"], "--accepted", accepted, "--output", accepted)
    assert over.exit_code == 2 and accepted.read_bytes() == before
    store = tmp_path / "audit.db"
    into = run(
        "check", submissions["first"], "--store", store, "--output", store, "--format", "json"
    )
    assert into.exit_code == 2 and not store.exists()


def test_select_and_ignore_take_ids_prefixes_and_categories(submissions, tmp_path):
    def rules_of(*options: str) -> set[str]:
        out = tmp_path / "s.json"
        run("check", submissions["first"], *options, "--output", out, "--fail-on", "never")
        return {f["rule"] for d in json.loads(out.read_text())["documents"] for f in d["findings"]}

    assert rules_of() == {"BUD001", "PLH001"}
    assert rules_of("--select", "BUD") == {"BUD001"}
    assert rules_of("--select", "placeholder") == {"PLH001"}
    assert rules_of("--ignore", "PLH001,budget-sum") == set()
    assert rules_of("--select", "BUD001", "--select", "PLH") == {"BUD001", "PLH001"}
    unknown = run("check", submissions["first"], "--select", "XYZ9")
    assert unknown.exit_code == 2 and "XYZ9" in unknown.stderr
