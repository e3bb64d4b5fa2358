"""Installed like any Python tool: the wheel carries the rule sets, the JSON schema and the
report templates, and the installed ``lkjip-audit`` works from a folder that is not this
checkout. Built and installed offline, without build isolation and without dependencies: the
new environment sees the suite's own site-packages through a ``.pth`` file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from corpus.generate import ensure_corpus
from lkjip_audit.cli import app

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "out"
# What pyproject.toml and setup.py read to build the package.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "src", "rules")


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the built wheel installed, and a working folder outside the
    checkout to run it from."""

    python: Path
    tool: Path
    package: Path
    work: Path

    def run(self, *args: str | Path, program: Path | None = None) -> subprocess.CompletedProcess:
        """Run the installed ``lkjip-audit`` (or ``program``) in the working folder, with
        nothing of this checkout on the import path."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        return subprocess.run(
            [program or self.tool, *map(str, args)],
            cwd=self.work,
            env=env,
            capture_output=True,
            encoding="utf-8",
            check=False,
        )


def _pip(*args: str | Path) -> None:
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", *map(str, args)]
    done = subprocess.run(pip, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(pip[3:])}:\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    # Built from a copy, so that the build leaves nothing (build/, *.egg-info) in the checkout.
    source = root / "source"
    source.mkdir()
    junk = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=junk)
        else:
            shutil.copy2(REPO / name, source / name)
    wheels = root / "wheels"
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", wheels, source)
    (wheel,) = wheels.glob("*.whl")
    prefix = root / "venv"
    venv.create(prefix, with_pip=False)
    paths = sysconfig.get_paths(scheme="venv", vars={"base": prefix, "platbase": prefix})
    site = Path(paths["purelib"])
    # The dependencies are installed in the suite's environment (not the system's, so
    # --system-site-packages would not see them): reused through a .pth, not downloaded.
    suite_site = sysconfig.get_paths()["purelib"]
    (site / "suite-dependencies.pth").write_text(suite_site + "\n", encoding="utf-8")
    python = Path(paths["scripts"]) / Path(sys.executable).name
    _pip("--python", python, "install", "--no-deps", "--no-index", wheel)
    work = root / "work"
    work.mkdir()
    return Installed(
        python=python,
        tool=Path(paths["scripts"]) / "lkjip-audit",
        package=site / "lkjip_audit",
        work=work,
    )


def test_the_wheel_is_what_runs(installed):
    where = installed.run(
        "-c", "import lkjip_audit; print(lkjip_audit.__file__)", program=installed.python
    )
    assert Path(where.stdout.strip()).parent == installed.package, where.stderr
    for shipped in ("rulesets/default.yaml", "rulesets/imigrasi.yaml", "rulesets/lkjip/text.yaml"):
        assert (installed.package / shipped).is_file(), shipped


def test_installed_rules_list_finds_the_shipped_sets(installed):
    listed = installed.run("rules", "list")
    assert listed.returncode == 0, listed.stderr
    assert "lkjip:default" in listed.stdout
    assert "PLH001" in listed.stdout and "REK101" in listed.stdout
    profile = installed.run("rules", "list", "--rules", "lkjip:imigrasi")
    assert profile.returncode == 0, profile.stderr
    assert "lkjip:imigrasi" in profile.stdout


def test_installed_user_profile_extends_a_shipped_set(installed):
    (installed.work / "kantor.yaml").write_text(
        "extends: lkjip:imigrasi\ndisable: [PLH001]\n", encoding="utf-8"
    )
    listed = installed.run("rules", "list", "--rules", "kantor.yaml")
    assert listed.returncode == 0, listed.stderr
    assert "kantor.yaml" in listed.stdout
    assert "PLH001" not in listed.stdout and "NIP001" in listed.stdout


def test_installed_check_reports_as_the_development_install(installed, tmp_path):
    truth = ensure_corpus(CORPUS, 1)
    flawed = next(d for d in truth["documents"] if d["defects"])
    pdf = CORPUS / flawed["file"]
    checked = installed.run(
        "check", pdf, "--format", "json", "--output", "found.json", "--no-cache"
    )
    reference = tmp_path / "reference.json"
    expected = CliRunner().invoke(
        app, ["check", str(pdf), "--format", "json", "--output", str(reference)]
    )
    assert checked.returncode == expected.exit_code == 1, checked.stderr
    found = json.loads((installed.work / "found.json").read_text(encoding="utf-8"))
    assert found == json.loads(reference.read_text(encoding="utf-8"))
    assert found["rules"]["source"] == "lkjip:default"
    assert found["documents"][0]["findings"]
    schema_file = installed.package / "schema" / "findings-v1.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(found, schema)
    html = installed.run("check", pdf, "--format", "html", "--output", "found.html")
    assert html.returncode == 1, html.stderr
    assert "<html" in (installed.work / "found.html").read_text(encoding="utf-8")
