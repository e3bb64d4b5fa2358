"""lkjip-audit: audit Indonesian government performance reports (LKjIP)."""

import logging

__version__ = "0.1.0"

# What fails inside (a recognizer, a rule) is logged with its traceback and reported as an
# ``extraction`` finding; the traceback reaches stderr only when asked for (``--debug``), never
# through logging's last-resort handler.
logging.getLogger(__name__).addHandler(logging.NullHandler())
