"""Hosts on this machine: network namespaces joined by veth links to a bridge of the test's own.

Every name starts with `ra<pid>`, so two runs never touch each other's namespaces or links, and
the subnet is a private /24 derived from the pid. Nothing is routed off the machine: the bridge
has no uplink, and the namespaces know only the bridge's subnet. The root namespace holds an
address on the bridge, so the test process (and its browser) reaches every host by IP.
"""

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass, field


def ip(*args: str) -> None:
    """Run one `ip` command; a failure raises with what it printed."""
    result = subprocess.run(["ip", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {result.stderr.strip()}")


@dataclass(frozen=True)
class Host:
    """One namespace with one address on the bridge."""

    name: str  # the namespace, and the root end of its veth link
    address: str

    def command(self, command: list[str]) -> list[str]:
        """`command` run inside this host's namespace."""
        return ["ip", "netns", "exec", self.name, *command]


@dataclass
class Network:
    """A bridge in the root namespace and one namespace per host, torn down by `remove`."""

    prefix: str = field(default_factory=lambda: f"ra{os.getpid()}")
    hosts: dict[str, Host] = field(default_factory=dict)

    @property
    def subnet(self) -> str:
        """The first three octets of this run's /24."""
        pid = os.getpid()
        return f"10.{100 + (pid >> 8) % 100}.{pid % 256}"

    @property
    def bridge(self) -> str:
        """The bridge's interface name."""
        return f"{self.prefix}br"

    @property
    def gateway(self) -> str:
        """The root namespace's address on the bridge (the browser's and the test's)."""
        return f"{self.subnet}.1"

    def create(self) -> "Network":
        """Make the bridge, with an address for the root namespace."""
        ip("link", "add", self.bridge, "type", "bridge")
        ip("addr", "add", f"{self.gateway}/24", "dev", self.bridge)
        ip("link", "set", self.bridge, "up")
        return self

    def add_host(self, role: str) -> Host:
        """A new namespace named after `role`, linked to the bridge by a veth pair."""
        host = Host(f"{self.prefix}{role}", f"{self.subnet}.{len(self.hosts) + 2}")
        self.hosts[role] = host
        inner = f"{host.name}i"
        ip("netns", "add", host.name)
        ip("link", "add", host.name, "type", "veth", "peer", "name", inner)
        ip("link", "set", inner, "netns", host.name)
        ip("link", "set", host.name, "master", self.bridge, "up")
        ip("-n", host.name, "addr", "add", f"{host.address}/24", "dev", inner)
        ip("-n", host.name, "link", "set", inner, "up")
        ip("-n", host.name, "link", "set", "lo", "up")
        return host

    def cut(self, role: str) -> None:
        """Take a host's link down: nothing reaches it, nothing leaves it."""
        ip("link", "set", self.hosts[role].name, "down")

    def mend(self, role: str) -> None:
        """Bring a host's link back up."""
        ip("link", "set", self.hosts[role].name, "up")

    def pids(self, role: str) -> list[int]:
        """Every process running in a host's namespace."""
        listed = subprocess.run(
            ["ip", "netns", "pids", self.hosts[role].name], capture_output=True, text=True
        )
        return [int(pid) for pid in listed.stdout.split()]

    def kill(self, role: str) -> None:
        """SIGKILL every process of a host, as when the machine fails."""
        for pid in self.pids(role):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def remove(self) -> None:
        """Kill what still runs on the hosts, then delete every namespace and link made here
        (deleting a namespace drops its veth)."""
        for role, host in self.hosts.items():
            self.kill(role)
            subprocess.run(["ip", "netns", "delete", host.name], capture_output=True, check=False)
            subprocess.run(["ip", "link", "delete", host.name], capture_output=True, check=False)
        subprocess.run(["ip", "link", "delete", self.bridge], capture_output=True, check=False)
        self.hosts.clear()
