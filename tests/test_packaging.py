"""What `pip install .` installs: every data file the package reads at run time is in the wheel
(an editable install reads them from the checkout and would never notice one missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

# Files the package opens with importlib.resources, relative to the package.
DATA_FILES = ["model/linemodel.json", "model/dommodel.json", *(f"rules/{p.name}" for p in sorted((ROOT / "newsclean" / "rules").glob("*.toml")))]


def build_wheel(tmp_path: Path, env: dict[str, str] | None = None) -> set[str]:
    """The names in a wheel built from a copy of the sources alone (a build/ or a compiled core
    left in the checkout would hide a missing file)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "newsclean", source / "newsclean", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
                   check=True, capture_output=True, timeout=300, env=env)
    (wheel,) = wheels.glob("newsclean-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def test_the_wheel_holds_the_model_weights_and_every_rules_file(tmp_path: Path) -> None:
    names = build_wheel(tmp_path)
    assert [f for f in DATA_FILES if f"newsclean/{f}" not in names] == []
    assert len(DATA_FILES) > 20  # the weights and the rules of every language
    assert "newsclean/model/_features.c" not in names  # the core's source is for builds, not installs
    assert "newsclean/rules/_phrases.c" not in names


def test_without_a_compiler_the_wheel_is_the_pure_python_package(tmp_path: Path) -> None:
    # The compiled core is optional: a machine with no C compiler still installs newsclean.
    names = build_wheel(tmp_path, env={**os.environ, "CC": "/bin/false"})
    assert [f for f in DATA_FILES if f"newsclean/{f}" not in names] == []
    assert not [n for n in names if n.startswith(("newsclean/model/_features", "newsclean/rules/_phrases")) and not n.endswith(".c")]
