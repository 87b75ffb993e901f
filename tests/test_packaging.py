"""What `pip install .` installs: every data file the package reads at run time is in the wheel
(an editable install reads them from the checkout and would never notice one missing)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

# Files the package opens with importlib.resources, relative to the package.
DATA_FILES = ["model/linemodel.json", "model/dommodel.json", *(f"rules/{p.name}" for p in sorted((ROOT / "newsclean" / "rules").glob("*.toml")))]


def test_the_wheel_holds_the_model_weights_and_every_rules_file(tmp_path: Path) -> None:
    # Built from a copy of the sources alone: a build/ left in the checkout would hide a missing file.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "newsclean", source / "newsclean", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("newsclean-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [f for f in DATA_FILES if f"newsclean/{f}" not in names] == []
    assert len(DATA_FILES) > 20  # the weights and the rules of every language
