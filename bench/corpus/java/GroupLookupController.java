package com.acme.intranet.web;

import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.List;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GroupLookupController {

    private static final AttributesMapper<String> COMMON_NAME =
            attributes -> (String) attributes.get("cn").get();

    private final LdapTemplate ldap;

    public GroupLookupController(LdapTemplate ldap) {
        this.ldap = ldap;
    }

    @GetMapping("/groups/members")
    public List<String> members(@RequestParam String group) {
        String filter = "(&(objectClass=groupOfNames)(cn=" + group + "))";
        return ldap.search("ou=groups", filter, COMMON_NAME);
    }

    @GetMapping("/groups/mine")
    public List<String> mine(@RequestHeader("X-Forwarded-User") String user) {
        return ldap.search(
                query().base("ou=groups").where("objectClass").is("groupOfNames").and("memberUid").is(user),
                COMMON_NAME);
    }

    @GetMapping("/groups/by-department")
    public List<String> byDepartment(@RequestParam String department) {
        String filter = "(&(objectClass=groupOfNames)(businessCategory="
                + LdapEncoder.filterEncode(department) + "))";
        return ldap.search("ou=groups", filter, COMMON_NAME);
    }
}
