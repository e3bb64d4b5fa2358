"""Rules a user adds in YAML: the `pattern` and `expression` check kinds, end to end."""

from __future__ import annotations

from support import document_from_pages

from lkjip_audit.audit import read_facts
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.loader import load_ruleset
from lkjip_audit.rules.registry import RuleContext

USER_RULES = """
rules:
  - id: USR001
    category: placeholder
    severity: warning
    title: {id: Catatan penyusun tertinggal, en: Author's note left in}
    check: pattern
    params:
      patterns: ["\\\\bTBD\\\\b", "catatan penyusun"]
      flags: ignorecase
      ignore: ["^Daftar"]
    message:
      id: "Catatan \\"{match}\\" di halaman {page}"
      en: "Note \\"{match}\\" on page {page}"
  - id: USR002
    category: nip-format
    severity: info
    title: {id: NIP wanita, en: Female NIP}
    check: expression
    params: {table: persons, where: "nip != ''", assert: "nip[14] == '1'"}
    message: {id: "NIP {nip} milik {name}", en: "NIP {nip} belongs to {name}"}
"""


def test_pattern_and_expression_rules_run_on_a_document(tmp_path):
    path = tmp_path / "user.yaml"
    path.write_text(USER_RULES, encoding="utf-8")
    ruleset = load_ruleset(path)
    doc = document_from_pages(
        [
            "Target IKM TBD menurut Catatan Penyusun.\nDaftar TBD",
            "Kepala Kantor,\nSiti Aminah\nNIP. 198708252008012001\n"
            "Kepala Seksi,\nBudi Santoso\nNIP. 198708252008011001",
        ]
    )
    _, facts, _ = read_facts(doc)
    findings = run_rules(ruleset, facts, RuleContext(year=2023))
    notes = [f for f in findings if f.rule == "USR001"]
    assert [f.stated for f in notes] == ["TBD", "Catatan Penyusun"]
    assert notes[0].text("en") == 'Note "TBD" on page 1'
    [female] = [f for f in findings if f.rule == "USR002"]
    assert female.page == 2 and "Siti Aminah" in female.text("id")
