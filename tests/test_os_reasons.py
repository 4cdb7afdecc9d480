"""Why a file could not be written, in the run's language: the common operating-system errors
in French words in a French run; an English run keeps the words it always had."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from terminal import ENTER, ESC, Terminal

from engine.files import reason
from tests.conftest import Run
from tests.test_result_screen_e2e import answers_file

RunCli = Callable[..., Run]

FRENCH = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "permission refusée",
    errno.ENOSPC: "le disque est plein",
    errno.EROFS: "le système de fichiers est en lecture seule",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "une partie du chemin n'est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.EFBIG: "fichier trop volumineux",
    errno.EDQUOT: "quota de disque dépassé",
}
ENGLISH = {  # as before: our words for a few, the system's for the others
    errno.ENOENT: os.strerror(errno.ENOENT),
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: os.strerror(errno.EISDIR),
    errno.ENOTDIR: os.strerror(errno.ENOTDIR),
    errno.EEXIST: os.strerror(errno.EEXIST),
    errno.EFBIG: os.strerror(errno.EFBIG),
    errno.EDQUOT: "disk quota exceeded",
}


@pytest.mark.parametrize("code", list(FRENCH), ids=[errno.errorcode[c] for c in FRENCH])
def test_common_reasons_in_each_language(code: int) -> None:
    exc = OSError(code, os.strerror(code))
    assert reason(exc, "fr") == FRENCH[code].replace(" :", "\u00a0:")
    assert reason(exc, "en") == ENGLISH[code]


def test_an_uncommon_reason_stays_in_the_systems_words() -> None:
    exc = OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
    assert reason(exc, "fr") == reason(exc, "en") == os.strerror(errno.ENAMETOOLONG)


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "écriture impossible\u00a0: fichier ou dossier introuvable"),
    ("en", f"could not be written: {os.strerror(errno.ENOENT)}"),
])
def test_batch_output_that_cannot_be_created_says_why_in_its_language(
    run: RunCli, tmp_path: Path, lang: str, line: str,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"answers": {}}) + "\n")
    r = run("batch", str(src), "-o", "/proc/r.jsonl", "--lang", lang)
    assert r.code == 2
    assert r.err == f"rolematch: /proc/r.jsonl: {line}\n"


@pytest.mark.parametrize("command", ["batch", "decode"])
def test_a_report_that_cannot_be_created_says_why_in_french(
    run: RunCli, tmp_path: Path, command: str,
) -> None:
    pytest.importorskip("matplotlib")
    src = tmp_path / "in.jsonl"
    line = {"answers": {}} if command == "batch" else {"id": 1, "text": "Airflow and dbt"}
    src.write_text(json.dumps(line) + "\n")
    where = [str(src)] if command == "batch" else ["--jsonl", str(src)]
    r = run(command, *where, "-o", str(tmp_path / "out.jsonl"), "--report", "/proc/r.html",
            "--lang", "fr")
    assert r.code == 2
    assert r.err == ("rolematch: /proc/r.html: écriture impossible\u00a0: fichier ou dossier "
                     "introuvable\n")


def test_saving_from_the_french_menu_into_proc_says_why_in_french(tmp_path: Path) -> None:
    """'Non enregistré : /proc/r.json: écriture impossible : No such file or directory'."""
    me = answers_file(tmp_path)
    term = Terminal(tmp_path, "--answers", str(me), "--lang", "fr")
    term.expect(r"Et ensuite.\?")
    term.send("3" + ENTER)
    term.expect(r"Format du fichier")
    term.send("1" + ENTER)
    term.expect("Fichier à écrire")
    term.send("\x15" + "/proc/r.json" + ENTER)  # Ctrl-U clears the default name
    term.expect("introuvable")
    term.expect(r"Et ensuite.\?")
    shown = " ".join(term.transcript().split())  # the line as read, wrapped or not
    assert ("Non enregistré : /proc/r.json: écriture impossible : fichier ou dossier "
            "introuvable") in shown
    term.send(ESC)
    assert term.finish() == 0
    assert "No such file" not in term.seen
