"""The package list, the one packaging setting pyproject.toml cannot state.

The shipped rule sets stay in the top-level ``rules/`` folder and install as the data package
``lkjip_audit.rulesets`` (mapped in ``[tool.setuptools.package-dir]``). ``packages.find``
searches folders, so it cannot see a package that lives outside ``src/``: it is named here.
"""

from setuptools import find_namespace_packages, setup

RULESETS = "lkjip_audit.rulesets"

setup(
    packages=[
        *find_namespace_packages("src"),
        RULESETS,
        *(f"{RULESETS}.{name}" for name in find_namespace_packages("rules")),
    ]
)
