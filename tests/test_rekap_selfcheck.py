"""The recap's own word on a cell a report is held against: when the recap contradicts its
own parts, a mismatch names that, and a report backed by those parts is not told to change."""

from __future__ import annotations

from decimal import Decimal

from lkjip_audit.findings import Severity
from lkjip_audit.numbers import Interval, parse_number
from lkjip_audit.rekap.selfcheck import Contradiction, contradiction


def n(raw: str):
    return parse_number(raw)


def ipk_parts(mean: str) -> Contradiction:
    return Contradiction("ipk", Interval.exact(Decimal(mean)))


def test_report_backed_by_the_recaps_parts_gets_a_warning_blaming_the_recap():
    note, severity = contradiction(ipk_parts("3.8204"), recap=n("3,87"), stated=n("3,82"))
    assert severity is Severity.WARNING
    assert "3,82" in note["id"] and "rekap Ditjen, bukan laporan" in note["id"]
    assert "3.82" in note["en"] and "not the report" in note["en"]


def test_report_agreeing_with_neither_stays_an_error_and_hears_of_the_contradiction():
    note, severity = contradiction(ipk_parts("3.8204"), recap=n("3,87"), stated=n("3,95"))
    assert severity is None  # the rule's own severity (error)
    assert "juga tidak konsisten" in note["id"] and "3,82" in note["id"]


def test_a_recap_that_agrees_with_itself_adds_nothing():
    assert contradiction(ipk_parts("3.8704"), recap=n("3,87"), stated=n("3,82")) == (
        {"id": "", "en": ""},
        None,
    )
    assert contradiction(None, recap=n("3,87"), stated=n("3,82"))[1] is None


def test_a_national_figure_following_its_region_rows_is_no_contradiction():
    from_units, from_regions = Interval.exact(Decimal("3.80")), Interval.exact(Decimal("3.87"))
    own = Contradiction("national", from_units, (from_regions,))
    assert contradiction(own, recap=n("3,87"), stated=n("3,80"))[1] is None
