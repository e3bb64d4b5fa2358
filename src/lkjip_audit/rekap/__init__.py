"""The Ditjen recap: read it (PDF, XLSX, CSV, or attached inside an LKjIP), find a satker in
it, and write the spreadsheet template.

The checks over the recap live in :mod:`lkjip_audit.rules.checks.rekap`.
"""

from lkjip_audit.rekap.command import check_rekap, recap_result, rekap_command
from lkjip_audit.rekap.document import attached_message, find_attached_rekap
from lkjip_audit.rekap.match import Match, match_satker
from lkjip_audit.rekap.model import RekapError, RekapFacts
from lkjip_audit.rekap.read import read_rekap
from lkjip_audit.rekap.sheet import write_template

__all__ = [
    "Match",
    "RekapError",
    "RekapFacts",
    "attached_message",
    "check_rekap",
    "find_attached_rekap",
    "match_satker",
    "read_rekap",
    "recap_result",
    "rekap_command",
    "write_template",
]
