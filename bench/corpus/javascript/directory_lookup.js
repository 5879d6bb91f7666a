"use strict";

const ldap = require("ldapjs");
const ldapEscape = require("ldap-escape");
const express = require("express");

const BASE_DN = "ou=people,dc=corp,dc=example,dc=com";
const GROUPS_DN = "ou=groups,dc=corp,dc=example,dc=com";

const client = ldap.createClient({ url: process.env.LDAP_URL });
client.bind(process.env.LDAP_BIND_DN, process.env.LDAP_BIND_PASSWORD, () => {});

function search(base, options) {
  return new Promise((resolve, reject) => {
    client.search(base, options, (err, response) => {
      if (err) {
        return reject(err);
      }
      const entries = [];
      response.on("searchEntry", (entry) => entries.push(entry.pojo));
      response.on("error", reject);
      response.on("end", () => resolve(entries));
    });
  });
}

const router = express.Router();

router.get("/directory/people", async (req, res) => {
  const name = req.query.name;
  const entries = await search(BASE_DN, {
    scope: "sub",
    filter: "(&(objectClass=person)(cn=*" + name + "*))",
    attributes: ["cn", "mail", "telephoneNumber"],
  });
  res.json(entries);
});

router.get("/directory/people/:uid", async (req, res) => {
  const entries = await search(BASE_DN, {
    scope: "sub",
    filter: ldapEscape.filter`(uid=${req.params.uid})`,
    attributes: ["cn", "mail", "title"],
  });
  res.json(entries[0] || null);
});

router.get("/directory/groups/members", async (req, res) => {
  const group = req.get("X-Team");
  const filter = `(&(objectClass=groupOfNames)(cn=${group}))`;
  const entries = await search(GROUPS_DN, { scope: "one", filter, attributes: ["member"] });
  res.json(entries.flatMap((e) => e.attributes.filter((a) => a.type === "member").flatMap((a) => a.values)));
});

router.get("/directory/mail", async (req, res) => {
  const filter = new ldap.EqualityFilter({ attribute: "mail", value: String(req.query.address) });
  const entries = await search(BASE_DN, { scope: "sub", filter, attributes: ["uid", "cn"] });
  res.json(entries);
});

module.exports = router;
