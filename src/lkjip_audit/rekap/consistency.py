"""The recap against itself: region rows vs their satker rows, IPK totals, national rows,
"responden kurang memadai" notes, and respondent counts copied from another region.

Every function takes the recap's fact tables and returns :class:`Issue` values; the check
kinds in :mod:`lkjip_audit.rules.checks.rekap` turn them into hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkjip_audit.facts import Facts
from lkjip_audit.numbers import Interval, Stated, agrees, format_number

Row = Mapping[str, Any]

MEASURES = {
    "rekap_ikm_iki": (("IKM", "ikm", "ikm_n"), ("IKI", "iki", "iki_n")),
    "rekap_ipk": (
        ("IPK internal", "int_index", "int_n"),
        ("IPK eksternal", "ext_index", "ext_n"),
        ("IPK", "total_index", "total_n"),
    ),
}
"""Per recap table: (label, value column, respondents column) of each measure it holds."""

NATIONAL = {"ikm": ("rekap_ikm_iki", 0), "iki": ("rekap_ikm_iki", 1), "ipk": ("rekap_ipk", 2)}
NOTE = re.compile(r"(?:kurang|tidak)\s+memadai", re.IGNORECASE)
NOTE_PROBLEMS = {
    True: {
        "id": "responden di bawah batas tetapi tanpa catatan 'kurang memadai'",
        "en": "respondents below the threshold but no 'kurang memadai' note",
    },
    False: {
        "id": "ada catatan 'kurang memadai' padahal responden tidak di bawah batas",
        "en": "a 'kurang memadai' note although respondents are not below the threshold",
    },
}
"""What is wrong with a row's note, by whether its respondents are below the threshold."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One inconsistency of the recap: the row it is on, the numbers, the rows it involves."""

    row: Row
    values: dict[str, Any]
    stated: str
    expected: str
    related: tuple[Row, ...] = ()


@dataclass(slots=True)
class Group:
    """A region row and the unit rows printed under it, in order."""

    region: Row
    members: list[Row] = field(default_factory=list)


def is_region(row: Row) -> bool:
    """Whether a recap row is a region's total row (either lampiran)."""
    if "is_region_row" in row:
        return bool(row["is_region_row"])
    return row.get("row_type") == "region"


def groups(table) -> list[Group]:
    """The table's rows grouped under the region row above them (rows before any are left out)."""
    out: list[Group] = []
    for row in table.to_dict("records"):
        if is_region(row):
            out.append(Group(row))
        elif out:
            out[-1].members.append(row)
    return out


def _present(*cells: Any) -> bool:
    return all(isinstance(c, Stated) for c in cells)


def weighted_mean(pairs: list[tuple[Stated, Stated]]) -> Interval | None:
    """Σ n × value / Σ n over (respondents, value) pairs, carrying each value's rounding."""
    total = sum((n.value for n, _ in pairs), Decimal(0))
    if total <= 0:
        return None
    weighted = sum((v.interval() * n.value for n, v in pairs), Interval.exact(0))
    return weighted / total


def shown(interval: Interval, like: Stated) -> Decimal:
    """The middle of ``interval`` rounded to as many decimals as ``like`` prints."""
    return interval.mid.quantize(Decimal(1).scaleb(-like.decimals))


def printed(value: Decimal) -> str:
    """A recomputed value as the recap would print it (Indonesian decimal comma)."""
    return format_number(value, lang="id", thousands=False)


def region_sums(facts: Facts) -> Iterator[Issue]:
    """A region's respondents must equal the sum of its unit rows' respondents."""
    for table, measures in MEASURES.items():
        for group in groups(facts.table(table)):
            for label, _, n_col in measures:
                stated = group.region[n_col]
                counts = [m[n_col] for m in group.members if _present(m[n_col])]
                if not _present(stated) or not counts:
                    continue
                total = sum((c.value for c in counts), Decimal(0))
                if stated.value != total:
                    yield Issue(
                        group.region,
                        {
                            "measure": label,
                            "region": group.region["region"],
                            "stated": stated,
                            "expected": total,
                            "units": len(counts),
                            "difference": stated.value - total,
                        },
                        stated.raw,
                        str(total),
                    )


def region_means(facts: Facts) -> Iterator[Issue]:
    """A region's value must be the respondent-weighted mean of its unit rows' values."""
    for table, measures in MEASURES.items():
        for group in groups(facts.table(table)):
            for label, v_col, n_col in measures:
                stated = group.region[v_col]
                pairs = [
                    (m[n_col], m[v_col]) for m in group.members if _present(m[n_col], m[v_col])
                ]
                mean = weighted_mean(pairs) if _present(stated) else None
                if mean is None or agrees(stated, mean):
                    continue
                yield Issue(
                    group.region,
                    {
                        "measure": label,
                        "region": group.region["region"],
                        "stated": stated,
                        "expected": shown(mean, stated),
                        "units": len(pairs),
                        "respondents": sum((n.value for n, _ in pairs), Decimal(0)),
                    },
                    stated.raw,
                    printed(shown(mean, stated)),
                )


def _totals_only(members: list[Row]) -> list[Row]:
    """Unit rows that print only a total (a Rudenim surveyed for the total IPK alone)."""
    return [m for m in members if not _present(m["int_n"]) and _present(m["total_n"])]


def ipk_totals(facts: Facts) -> Iterator[Issue]:
    """IPK total respondents = internal + external (+ the total-only rows of a region), and
    the total index = their respondent-weighted mean."""
    for group in groups(facts.table("rekap_ipk")):
        rows = [(group.region, _totals_only(group.members))]
        rows += [(member, []) for member in group.members]
        for row, added in rows:
            if _present(row["int_n"], row["ext_n"], row["total_n"]):
                yield from _ipk_total_row(row, added)


def _ipk_total_row(row: Row, added: list[Row]) -> Iterator[Issue]:
    parts = [(row["int_n"], row["int_index"]), (row["ext_n"], row["ext_index"])]
    parts += [(m["total_n"], m["total_index"]) for m in added]
    total = sum((n.value for n, _ in parts), Decimal(0))
    stated_n = row["total_n"]
    base = {"unit": row["satker"], "int_n": row["int_n"], "ext_n": row["ext_n"]}
    base["others"] = sum((m["total_n"].value for m in added), Decimal(0))
    if stated_n.value != total:
        yield Issue(
            row,
            {**base, "field": "n", "stated": stated_n, "expected": total},
            stated_n.raw,
            str(total),
        )
        return
    indexed = [(n, v) for n, v in parts if _present(n, v)]
    mean = weighted_mean(indexed)
    stated = row["total_index"]
    if mean is not None and _present(stated) and not agrees(stated, mean):
        yield Issue(
            row,
            {**base, "field": "index", "stated": stated, "expected": shown(mean, stated)},
            stated.raw,
            printed(shown(mean, stated)),
        )


def _pairs(rows: list[Row], n_col: str, v_col: str) -> list[tuple[Stated, Stated]]:
    return [(r[n_col], r[v_col]) for r in rows if _present(r[n_col], r[v_col])]


def national_rows(facts: Facts) -> Iterator[Issue]:
    """A national row's respondents = Σ respondents, its index = their weighted mean.

    Both the unit rows and the region rows can be its source: it is wrong only when it
    agrees with neither. A wrong unit or region row makes its region (checked by
    :func:`region_sums` and :func:`region_means`) wrong, not the national row too.
    """
    for row in facts.table("rekap_national").to_dict("records"):
        table, at = NATIONAL[row["survey"]]
        label, v_col, n_col = MEASURES[table][at]
        found = groups(facts.table(table))
        units = _pairs([m for g in found for m in g.members], n_col, v_col)
        regions = _pairs([g.region for g in found], n_col, v_col)
        if not units:
            continue
        sources = [units, regions] if regions else [units]
        totals = [sum((n.value for n, _ in pairs), Decimal(0)) for pairs in sources]
        base = {"measure": label, "units": len(units)}
        if _present(row["n"]) and row["n"].value not in totals:
            yield Issue(
                row,
                {**base, "stated": row["n"], "expected": totals[0]},
                row["n"].raw,
                str(totals[0]),
            )
        means = [weighted_mean(pairs) for pairs in sources]
        index = row["index"]
        if not _present(index) or means[0] is None:
            continue
        if not any(mean is not None and agrees(index, mean) for mean in means):
            expected = shown(means[0], index)
            yield Issue(
                row, {**base, "stated": index, "expected": expected}, index.raw, printed(expected)
            )


def _low_counts(row: Row, threshold: Decimal) -> bool:
    counts = [row[c] for c in ("int_n", "ext_n") if _present(row[c])]
    return any(c.value < threshold for c in counts)


def inferred_threshold(rows: list[Row]) -> Decimal | None:
    """The respondent count below which this recap writes its "kurang memadai" note.

    The count that best separates rows with the note from rows without it (fewest rows on
    the wrong side; the larger count on a tie); None when no row carries the note.
    """
    noted = [bool(NOTE.search(r["note"])) for r in rows]
    if not any(noted):
        return None
    counts = sorted(
        {r[c].value for r in rows for c in ("int_n", "ext_n") if _present(r[c])} | {Decimal(1)}
    )
    candidates = [*counts, counts[-1] + 1]

    def wrong(threshold: Decimal) -> int:
        return sum(_low_counts(r, threshold) != n for r, n in zip(rows, noted, strict=True))

    return min(candidates, key=lambda t: (wrong(t), -t))


def note_threshold(facts: Facts, threshold: Decimal | None = None) -> Iterator[Issue]:
    """The "responden kurang memadai" note stands on exactly the rows whose internal or
    external respondents are below the threshold (given, or the one the recap uses)."""
    rows = [r for r in facts.table("rekap_ipk").to_dict("records") if _present(r["int_n"])]
    if threshold is None:
        threshold = inferred_threshold(rows)
    if threshold is None:
        return
    for row in rows:
        low, has_note = _low_counts(row, threshold), bool(NOTE.search(row["note"]))
        if low == has_note:
            continue
        values = {
            "unit": row["satker"],
            "int_n": row["int_n"],
            "ext_n": row["ext_n"],
            "threshold": threshold,
            "note": row["note"] or "-",
        }
        stated = "catatan ada / note present" if has_note else "tanpa catatan / no note"
        expected = "catatan / note" if low else "tanpa catatan / no note"
        yield Issue(row, {**values, "problem": NOTE_PROBLEMS[low]}, stated, expected)


def _runs(a: list[Decimal | None], b: list[Decimal | None], min_run: int) -> Iterator[tuple]:
    """Maximal runs ``(start in a, start in b, length)`` of equal values, at least min_run."""
    for i in range(len(a)):
        for j in range(len(b)):
            if i and j and a[i - 1] is not None and a[i - 1] == b[j - 1]:
                continue  # not the start of a maximal run
            size = 0
            while i + size < len(a) and j + size < len(b) and a[i + size] is not None:
                if a[i + size] != b[j + size]:
                    break
                size += 1
            if size >= min_run:
                yield i, j, size


def copied_runs(facts: Facts, columns: list[str], min_run: int = 4) -> Iterator[Issue]:
    """Respondent counts that repeat, in order, a run of four or more in another region."""
    for table, measures in MEASURES.items():
        labels = {n_col: label for label, _, n_col in measures}
        region_groups = groups(facts.table(table))
        for column in (c for c in columns if c in labels):
            seqs = [
                [m[column].value if _present(m[column]) else None for m in g.members]
                for g in region_groups
            ]
            for later in range(len(region_groups)):
                for earlier in range(later):
                    for at_copy, at_source, size in _runs(seqs[later], seqs[earlier], min_run):
                        copy = Copy(
                            region_groups[later], at_copy, region_groups[earlier], at_source
                        )
                        yield _copy_issue(copy, size, labels[column], column)


@dataclass(frozen=True, slots=True)
class Copy:
    """Where a run of counts starts in the region that repeats it and in the one it repeats."""

    copy: Group
    at_copy: int
    source: Group
    at_source: int


def _copy_issue(where: Copy, size: int, label: str, column: str) -> Issue:
    copy, source = where.copy, where.source
    rows = copy.members[where.at_copy : where.at_copy + size]
    originals = source.members[where.at_source : where.at_source + size]
    counts = ", ".join(r[column].raw for r in rows)
    return Issue(
        rows[0],
        {
            "measure": label,
            "region": copy.region["region"],
            "other_region": source.region["region"],
            "counts": counts,
            "length": size,
            "first_unit": rows[0]["satker"],
            "other_unit": originals[0]["satker"],
        },
        counts,
        f"{source.region['region']}: {counts}",
        tuple(originals),
    )
