"""Maps the reverse proxy's authenticated user onto LDAP groups."""

import os
import re
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException
from ldap3 import SUBTREE, Connection, Server

router = APIRouter(prefix="/me")

GROUP_BASE = "ou=groups,dc=corp,dc=example,dc=com"
USER_NAME = re.compile(r"[a-z][a-z0-9._-]{0,31}")


def _bind() -> Connection:
    server = Server(os.environ["LDAP_URL"], use_ssl=True)
    return Connection(
        server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True
    )


def member_filter(uid: str) -> str:
    return (
        "(&(objectClass=groupOfNames)(member=uid=" + uid + ",ou=people,dc=corp,dc=example,dc=com))"
    )


def group_names(conn: Connection, search_filter: str) -> list[str]:
    conn.search(GROUP_BASE, search_filter, search_scope=SUBTREE, attributes=["cn"])
    return sorted(str(entry.cn) for entry in conn.entries)


@router.get("/groups")
def my_groups(x_remote_user: Annotated[str, Header()]):
    with _bind() as conn:
        return {"user": x_remote_user, "groups": group_names(conn, member_filter(x_remote_user))}


@router.get("/owned-groups")
def owned_groups(x_remote_user: Annotated[str, Header()]):
    if not USER_NAME.fullmatch(x_remote_user):
        raise HTTPException(status_code=403)
    with _bind() as conn:
        conn.search(
            GROUP_BASE,
            f"(owner=uid={x_remote_user},ou=people,dc=corp,dc=example,dc=com)",
            attributes=["cn"],
        )
        return {"user": x_remote_user, "groups": sorted(str(e.cn) for e in conn.entries)}
