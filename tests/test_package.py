"""The package as a Python user meets it: it imports anywhere, says its version, installs beside other tools."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement

import generators
from generators.cli import main

from .conftest import ROOT

POSIX_ONLY = ("fcntl", "resource", "termios", "pwd", "grp")


def test_every_module_imports_without_posix_only_modules():
    """What Windows lacks is blocked in a fresh interpreter; every module of the package must still import."""
    modules = [info.name for info in pkgutil.walk_packages(generators.__path__, "generators.")
               if info.name != "generators.__main__"]  # it runs the command
    assert "generators.pipeline" in modules and "generators.ingest.decoding" in modules
    script = (f"import sys; sys.modules.update(dict.fromkeys({POSIX_ONLY!r})); import importlib; "
              f"[importlib.import_module(name) for name in {modules!r}]")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def test_version_is_the_installed_distributions(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"news-explainer {generators.__version__}"
    assert version("news-explainer-generators") == generators.__version__


def test_dependencies_are_ranges_and_the_pins_we_test_with_fall_inside_them():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            pinned = Requirement(line)
            pins[pinned.name.lower().replace("_", "-")] = next(iter(pinned.specifier)).version
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert "==" not in text and "<" in text, f"{text}: a range with an upper bound, not a pin"
        assert name in pins and requirement.specifier.contains(pins[name]), f"{text}: constraints.txt pins {pins.get(name)}"
        assert version(requirement.name) == pins[name], f"{name}: installed {version(requirement.name)}, pinned {pins[name]}"


def test_the_mkdocs_plugin_loads_without_the_language_model_or_the_chart_renderer():
    """MkDocs loads the plugin on every `mkdocs build` and `serve`; spaCy and Altair wait until it regenerates."""
    script = ("import sys, generators.plugin; "
              "print(sorted(m for m in ('spacy', 'altair', 'vl_convert', 'trafilatura') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.strip() == "[]"
