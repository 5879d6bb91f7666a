"""A host's own share of this machine's cores, as a machine of its own would have.

Namespaces give the hosts their own network, not their own CPUs: every process of every host
competes for the same two cores. A budget is a cgroup of the v1 `cpu` controller (what these
machines mount) whose processes together get at most `cores` cores' worth of CPU time; a process
started through `wrap` and everything it starts stay in it.
"""

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")
PERIOD_MICROSECONDS = 100_000
# Joins the cgroup whose cgroup.procs is $0, then becomes the command.
_JOIN_THEN_RUN = 'echo $$ > "$0" && exec "$@"'


@dataclass(frozen=True)
class CpuBudget:
    """A cgroup named `name` capped at `cores` cores."""

    name: str
    cores: float

    @property
    def folder(self) -> Path:
        """The cgroup's folder."""
        return CPU_CGROUPS / self.name

    def create(self) -> "CpuBudget":
        """Make the cgroup and set its cap.

        Raises:
            OSError: the cpu cgroups cannot be written here (not root, or not mounted).
        """
        self.folder.mkdir(exist_ok=True)
        (self.folder / "cpu.cfs_period_us").write_text(str(PERIOD_MICROSECONDS))
        (self.folder / "cpu.cfs_quota_us").write_text(str(round(self.cores * PERIOD_MICROSECONDS)))
        return self

    def wrap(self, command: list[str]) -> list[str]:
        """`command`, run inside this budget."""
        return ["sh", "-c", _JOIN_THEN_RUN, str(self.folder / "cgroup.procs"), *command]

    def remove(self) -> None:
        """Delete the cgroup (once its processes are gone; left in place if some remain)."""
        with contextlib.suppress(FileNotFoundError, OSError):
            os.rmdir(self.folder)
