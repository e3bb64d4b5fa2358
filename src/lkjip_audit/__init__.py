"""lkjip-audit: audit Indonesian government performance reports (LKjIP)."""

__version__ = "0.1.0"
