"""The cluster's front door: Debian's nginx terminating TLS (a certificate made for this run) and
forwarding pages, the REST API and Reflex's websocket to the web hosts.

Every client address hashes to one web host (so a test knows where its tabs are: the
X-Upstream header names it); when that host stops answering, nginx moves on to the next.
"""

import datetime
import ipaddress
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from review_app.processes import start_process_group, stop_process_group, wait_for
from support.cluster.network import Host
from support.cluster.stores import PLAIN_ENV

NGINX = "/usr/sbin/nginx"
WEB_PORT = 8000

NGINX_CONF = """
user root;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
daemon off;
events {{ worker_connections 4096; }}
http {{
  access_log {dir}/access.log;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  client_max_body_size 10m;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  upstream web {{
    hash $remote_addr consistent;
{servers}
  }}
  server {{
    listen {address}:443 ssl;
    ssl_certificate {dir}/cert.pem;
    ssl_certificate_key {dir}/key.pem;
    location / {{
      proxy_pass http://web;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"""


def write_test_certificate(address: str, cert_path: Path, key_path: Path) -> None:
    """A self-signed certificate for `address` (an IP), valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, address)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(address))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)


@dataclass
class Proxy:
    """nginx on the proxy host, in front of `web_hosts`."""

    host: Host
    web_hosts: list[Host]
    run_dir: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where people (and the browser) go."""
        return f"https://{self.host.address}"

    def start(self) -> "Proxy":
        """Write the certificate and configuration, start nginx and wait until it listens."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        write_test_certificate(
            self.host.address, self.run_dir / "cert.pem", self.run_dir / "key.pem"
        )
        servers = "\n".join(
            f"    server {web.address}:{WEB_PORT} max_fails=1 fail_timeout=10s;"
            for web in self.web_hosts
        )
        config = self.run_dir / "nginx.conf"
        config.write_text(
            NGINX_CONF.format(dir=self.run_dir, servers=servers, address=self.host.address)
        )
        command = [NGINX, "-c", str(config), "-p", str(self.run_dir)]
        self.process = start_process_group(
            self.host.command(command), PLAIN_ENV, self.run_dir / "nginx.log"
        )
        wait_for(
            lambda: (self.run_dir / "nginx.pid").exists() or self.process.poll() is not None,
            timeout=30,
            what="nginx to start",
        )
        if self.process.poll() is not None:
            raise RuntimeError((self.run_dir / "nginx.log").read_text())
        return self

    def stop(self) -> None:
        """Stop nginx (SIGQUIT lets it close connections gracefully)."""
        if self.process is not None:
            stop_process_group(self.process, timeout=10)
