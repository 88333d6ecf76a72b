"""Every data file the package reads at run time is shipped in the wheel."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "claimledger"


def test_packaging_ships_every_data_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["claimledger"]
    tracked = subprocess.run(
        ["git", "ls-files", "src/claimledger"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    data = [
        Path(p).relative_to("src/claimledger").as_posix() for p in tracked if not p.endswith(".py")
    ]
    unshipped = [
        p
        for p in data
        if not any(
            fnmatch.fnmatch(p, pat) or fnmatch.fnmatch(Path(p).name, pat.removeprefix("**/"))
            for pat in patterns
        )
    ]
    assert data and unshipped == []
