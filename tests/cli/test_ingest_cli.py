"""The ingest command end to end, with the real model: readers, store, errors, kills."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

pytestmark = pytest.mark.model

STORY = (
    "{place} (Valley Post) - Officials in {place} said on Monday that {n} people were killed "
    "when a bridge collapsed. The mayor said repairs would take months, according to a statement."
)


def _write_corpus(directory: Path, count: int) -> list[Path]:
    directory.mkdir()
    files = []
    for i in range(count):
        path = directory / f"story-{i:04d}.txt"
        path.write_text(STORY.format(place=f"Town{i}", n=i + 2) + f" Ref {i}.\n", encoding="utf-8")
        files.append(path)
    return files


def _export(db: Path) -> dict[str, list[dict[str, object]]]:
    result = CliRunner().invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_cli_stores_files_with_exact_text_hash(tmp_path: Path) -> None:
    files = _write_corpus(tmp_path / "in", 3)
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "stored 3" in result.stdout
    documents = _export(db)["documents"]
    expected = {str(f): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    assert {d["external_id"]: d["text_sha256"] for d in documents} == expected


def test_ingest_cli_twice_stores_nothing_new(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 2)
    db = tmp_path / "ledger.db"
    args = ["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"]
    CliRunner().invoke(app, args)
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert "stored 0" in again.stdout and "duplicates 2" in again.stdout
    assert len(_export(db)["documents"]) == 2


def test_ingest_cli_links_a_near_duplicate(tmp_path: Path) -> None:
    original = " ".join(
        f"Sentence {i} says the bridge at Lowford fell in the storm." for i in range(30)
    )
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "COPY: " + original + " Reporting by the desk.", encoding="utf-8"
    )
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db), "-q"]
    )
    assert result.exit_code == 0, result.output
    documents = {d["external_id"]: d for d in _export(db)["documents"]}
    assert (
        documents[str(tmp_path / "b.txt")]["duplicate_of"]
        == documents[str(tmp_path / "a.txt")]["id"]
    )


def test_ingest_cli_bad_inputs_fail_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Officials said the road was closed.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "bad.jsonl").write_text('{"text": "fine line"}\n{not json\n', encoding="utf-8")
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    db = tmp_path / "ledger.db"
    paths = [
        str(tmp_path / n) for n in ("good.txt", "empty.txt", "binary.txt", "bad.jsonl", "big.txt")
    ]
    result = CliRunner().invoke(
        app, ["ingest", *paths, "--db", str(db), "-q", "--max-bytes", "2000"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    for name in ("empty.txt", "binary.txt", "bad.jsonl:2", "big.txt"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert "stored 2" in result.stdout and "failed 4" in result.stdout
    assert len(_export(db)["documents"]) == 2


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_ingest_cli_survives_sigkill_and_completes_on_rerun(tmp_path: Path) -> None:
    count = 400
    _write_corpus(tmp_path / "in", count)
    db = tmp_path / "ledger.db"
    command = [
        sys.executable,
        "-m",
        "claimledger",
        "ingest",
        str(tmp_path / "in"),
        "--db",
        str(db),
        "-q",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 20 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed; use more files"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_before = _count(db)
    assert 0 < stored_before < count
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    documents = _export(db)["documents"]
    assert len(documents) == count
    assert len({d["id"] for d in documents}) == count
    assert len({d["external_id"] for d in documents}) == count
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        orphans = connection.execute(
            "select count(*) from claims where document_id not in (select id from documents)"
        ).fetchone()[0]
    assert orphans == 0
