"""Staff lookup backed by the corporate LDAP and an exported XML roster."""

import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from lxml import etree

app = Flask(__name__)

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.internal")
BASE_DN = "ou=people,dc=corp,dc=internal"
ROSTER = etree.parse("/srv/hr/roster.xml")


def ldap_conn() -> Connection:
    return Connection(
        Server(LDAP_URL),
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
    )


@app.get("/staff/search")
def staff_search():
    who = request.args.get("q", "")
    conn = ldap_conn()
    conn.search(BASE_DN, "(&(objectClass=person)(cn=*" + who + "*))", SUBTREE, attributes=["cn", "mail"])
    return jsonify([str(e.cn) for e in conn.entries])


@app.get("/staff/by-uid")
def staff_by_uid():
    uid = request.args.get("uid", "")
    conn = ldap_conn()
    conn.search(BASE_DN, f"(uid={escape_filter_chars(uid)})", SUBTREE, attributes=["cn", "mail"])
    return jsonify([str(e.mail) for e in conn.entries])


@app.get("/staff/team")
def staff_team():
    team = request.args.get("team", "")
    conn = ldap_conn()
    query = "(&(objectClass=person)(departmentNumber=%s))" % team
    conn.search(BASE_DN, query, SUBTREE, attributes=["cn"])
    return jsonify([str(e.cn) for e in conn.entries])


@app.get("/staff/managers")
def staff_managers():
    conn = ldap_conn()
    conn.search(BASE_DN, "(&(objectClass=person)(title=*Manager*))", SUBTREE, attributes=["cn"])
    return jsonify([str(e.cn) for e in conn.entries])


@app.get("/roster/phone")
def roster_phone():
    surname = request.args.get("surname", "")
    hits = ROSTER.xpath("//employee[surname='" + surname + "']/phone/text()")
    return jsonify(hits)


@app.get("/roster/office")
def roster_office():
    surname = request.args.get("surname", "")
    hits = ROSTER.xpath("//employee[surname=$s]/office/text()", s=surname)
    return jsonify(hits)


@app.get("/roster/badge")
def roster_badge():
    badge = request.args.get("badge", "0")
    if not badge.isdigit():
        return jsonify(error="badge must be numeric"), 400
    hits = ROSTER.xpath(f"//employee[@badge={badge}]/surname/text()")
    return jsonify(hits)


@app.get("/roster/floor")
def roster_floor():
    floor = request.args.get("floor", "")
    finder = etree.XPath(f"//employee[floor='{floor}']/surname/text()")
    return jsonify(finder(ROSTER))
