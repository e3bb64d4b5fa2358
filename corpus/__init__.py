"""Test corpus for lkjip-audit: synthetic LKjIP reports with ground truth, the real seed
report laid out as a PDF with its annotated defects, the Ditjen recap as data and PDF, and
deliberately unreadable inputs."""
