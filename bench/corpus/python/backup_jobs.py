"""Admin API that triggers database backups on the maintenance host."""

import logging
import subprocess
from datetime import UTC, datetime

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from .auth import require_admin

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/admin/backups", dependencies=[Depends(require_admin)])

BACKUP_DIR = "/var/backups/postgres"


class BackupRequest(BaseModel):
    database: str
    compress: bool = True


def build_dump_command(database: str, compress: bool) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    command = f"pg_dump --format=custom {database}"
    if compress:
        command += " | gzip"
    return command + f" > {BACKUP_DIR}/{database}-{stamp}.dump"


@router.post("")
def start_backup(body: BackupRequest):
    command = build_dump_command(body.database, body.compress)
    logger.info("starting backup of %s", body.database)
    output = subprocess.check_output(command, shell=True, stderr=subprocess.STDOUT, timeout=3600)
    return {"status": "done", "log": output.decode(errors="replace")}


@router.post("/globals")
def backup_globals():
    subprocess.run(
        f"pg_dumpall --globals-only | gzip > {BACKUP_DIR}/globals.sql.gz",
        shell=True,
        check=True,
        timeout=600,
    )
    return {"status": "done"}
