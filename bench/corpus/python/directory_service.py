"""Looks people up in the company LDAP for the intranet address book."""

from flask import Blueprint, current_app, jsonify, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

addressbook = Blueprint("addressbook", __name__, url_prefix="/people")

ATTRIBUTES = ["cn", "mail", "telephoneNumber", "title"]


def _connection() -> Connection:
    server = Server(current_app.config["LDAP_URL"], use_ssl=True)
    return Connection(
        server,
        user=current_app.config["LDAP_BIND_DN"],
        password=current_app.config["LDAP_BIND_PASSWORD"],
        auto_bind=True,
    )


def _entries(conn: Connection) -> list[dict]:
    return [entry.entry_attributes_as_dict for entry in conn.entries]


@addressbook.post("/search")
def search_people():
    surname = request.form.get("surname", "")
    with _connection() as conn:
        conn.search(
            current_app.config["LDAP_PEOPLE_BASE"],
            f"(&(objectClass=person)(sn={surname}*))",
            attributes=ATTRIBUTES,
        )
        return jsonify(_entries(conn))


@addressbook.get("/by-mail")
def person_by_mail():
    mail = escape_filter_chars(request.args.get("mail", ""))
    with _connection() as conn:
        conn.search(
            current_app.config["LDAP_PEOPLE_BASE"],
            f"(&(objectClass=person)(mail={mail}))",
            attributes=ATTRIBUTES,
        )
        return jsonify(_entries(conn))
