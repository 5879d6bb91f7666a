"""The engine's rules files: one per language, every rule of the pack that applies to it.

Each is written once per process into a private temporary folder named after the process id.
The folder goes when the process exits normally; a folder left by a killed process (or a forked
worker, which ends without cleaning up) is removed by the next process that starts one.
"""

import json
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from review_app.review.rule_pack.loader import RulePack

_FOLDER_PREFIX = "review-rule-pack-"


class EngineRuleFiles:
    """Lazily written rules files for one rule pack; they last as long as this object."""

    def __init__(self, load_pack: Callable[[], RulePack]) -> None:
        self._load_pack = load_pack
        self._lock = threading.Lock()
        self._folder = Path()
        self._owner_pid = 0
        self._paths: dict[str, Path] = {}

    def path(self, language: str) -> Path:
        """The rules file of `language`, written on first use in this process."""
        with self._lock:
            if self._owner_pid != os.getpid() or not self._folder.is_dir():
                self._start_folder()
            if language not in self._paths or not self._paths[language].exists():
                self._paths[language] = self._write(self._folder, language)
            return self._paths[language]

    def _start_folder(self) -> None:
        """A fresh private folder for this process (a forked child must not share its parent's)."""
        _remove_abandoned_folders()
        pid = os.getpid()
        folder = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{pid}-"))
        weakref.finalize(self, _remove_if_owner, folder, pid)
        self._folder, self._owner_pid, self._paths = folder, pid, {}

    def _write(self, folder: Path, language: str) -> Path:
        """Write the rules of `language` as the engine reads them, without the metadata."""
        rules = [
            {key: value for key, value in item.raw.items() if key != "metadata"}
            for item in self._load_pack().for_language(language)
        ]
        path = folder / f"{language}.json"
        # default=str: YAML may hold dates, which JSON cannot; the engine reads them as text.
        path.write_text(json.dumps({"rules": rules}, default=str), encoding="utf-8")
        return path


def _remove_if_owner(folder: Path, owner_pid: int) -> None:
    """Remove the folder, unless this is a forked child exiting with its parent's finalizers."""
    if os.getpid() == owner_pid:
        shutil.rmtree(folder, ignore_errors=True)


def _remove_abandoned_folders() -> None:
    """Remove the rules folders of processes that no longer run."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*-*"):
        pid = folder.name.removeprefix(_FOLDER_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _process_runs(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 only checks that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
