"""The structure of a NIP (Nomor Induk Pegawai): what makes an 18-digit number impossible."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NIP_LENGTH = 18
OLDEST_BIRTH_YEAR = 1940


@dataclass(frozen=True, slots=True)
class NipProblem:
    """Why a NIP cannot be valid, in Indonesian and English."""

    id: str
    en: str


def _date(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nip_problems(nip: str, report_year: int | None, min_age: int = 18) -> list[NipProblem]:
    """Every structural problem of ``nip`` (digits only); empty when it can be valid.

    Digits 1–8 are the birth date, 9–14 the appointment (TMT CPNS, YYYYMM) at ``min_age``
    or older and not after the report year, 15 the gender (1 or 2), 16–18 a sequence.
    """
    if len(nip) != NIP_LENGTH or not nip.isdigit():
        return [
            NipProblem(
                f"panjangnya {len(nip)} digit, seharusnya {NIP_LENGTH}",
                f"it has {len(nip)} digits instead of {NIP_LENGTH}",
            )
        ]
    problems = []
    latest_year = report_year or date.today().year
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or not OLDEST_BIRTH_YEAR <= birth.year <= latest_year - min_age:
        problems.append(
            NipProblem(
                f"tanggal lahir {nip[6:8]}-{nip[4:6]}-{nip[0:4]} tidak mungkin",
                f"birth date {nip[0:4]}-{nip[4:6]}-{nip[6:8]} is impossible",
            )
        )
    appointed = _date(int(nip[8:12]), int(nip[12:14]))
    if appointed is None:
        problems.append(
            NipProblem(
                f"TMT CPNS {nip[12:14]}/{nip[8:12]} bukan bulan yang sah",
                f"appointment {nip[8:12]}-{nip[12:14]} is not a valid month",
            )
        )
    elif appointed.year > latest_year:
        problems.append(
            NipProblem(
                f"TMT CPNS {nip[12:14]}/{nip[8:12]} sesudah tahun laporan {latest_year}",
                f"appointment {nip[8:12]}-{nip[12:14]} is after the report year {latest_year}",
            )
        )
    elif birth is not None:
        age = appointed.year - birth.year - ((appointed.month, 1) < (birth.month, birth.day))
        if age < min_age:
            problems.append(
                NipProblem(
                    f"diangkat CPNS pada usia {age} tahun (minimal {min_age})",
                    f"appointed at age {age} (at least {min_age})",
                )
            )
    if nip[14] not in "12":
        problems.append(
            NipProblem(
                f"digit jenis kelamin {nip[14]} (seharusnya 1 atau 2)",
                f"gender digit {nip[14]} (must be 1 or 2)",
            )
        )
    return problems
