"""The shipped rule sets, installed as the data package ``lkjip_audit.rulesets``.

This file makes the folder a regular package, which the editable install needs to map it
(see setup.py); the loader finds the YAML with ``importlib.resources``.
"""
