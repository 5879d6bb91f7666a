import { Controller, Get, Query } from "@nestjs/common";
import { Client } from "ldapts";

const GROUPS_BASE = "ou=groups,dc=example,dc=org";
const PEOPLE_BASE = "ou=people,dc=example,dc=org";

// RFC 4515 escaping for values placed inside a search filter.
function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

async function search(base: string, filter: string, attributes: string[]) {
  const client = new Client({ url: process.env.LDAP_URL ?? "ldaps://ldap.example.org" });
  try {
    await client.bind(process.env.LDAP_BIND_DN ?? "", process.env.LDAP_BIND_PASSWORD ?? "");
    const { searchEntries } = await client.search(base, { scope: "sub", filter, attributes });
    return searchEntries;
  } finally {
    await client.unbind();
  }
}

@Controller("groups")
export class GroupMembersController {
  @Get("members")
  members(@Query("group") group: string) {
    return search(GROUPS_BASE, "(&(objectClass=groupOfNames)(cn=" + group + "))", ["member"]);
  }

  @Get("people")
  people(@Query("department") department: string) {
    const filter = `(&(objectClass=inetOrgPerson)(departmentNumber=${escapeFilterValue(department)}))`;
    return search(PEOPLE_BASE, filter, ["cn", "mail"]);
  }
}
