package com.acme.hr;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EmployeeDirectory {

    private static final String BASE = "ou=employees,dc=acme,dc=com";

    private final LdapTemplate ldapTemplate;

    public EmployeeDirectory(LdapTemplate ldapTemplate) {
        this.ldapTemplate = ldapTemplate;
    }

    private InitialDirContext context() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, System.getenv("LDAP_URL"));
        env.put(Context.SECURITY_PRINCIPAL, System.getenv("LDAP_BIND_DN"));
        env.put(Context.SECURITY_CREDENTIALS, System.getenv("LDAP_BIND_PASSWORD"));
        return new InitialDirContext(env);
    }

    @GetMapping("/employees/by-name")
    public List<String> byName(@RequestParam String name) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        NamingEnumeration<SearchResult> results =
                context().search(BASE, "(&(objectClass=person)(cn=" + name + "))", controls);
        return names(results);
    }

    @GetMapping("/employees/by-mail")
    public List<String> byMail(@RequestParam String mail) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        NamingEnumeration<SearchResult> results =
                context().search(BASE, "(&(objectClass=person)(mail={0}))", new Object[] {mail}, controls);
        return names(results);
    }

    @GetMapping("/employees/by-office")
    public List<String> byOffice(@RequestParam String office) {
        return ldapTemplate.search(
                LdapQueryBuilder.query().base(BASE).where("physicalDeliveryOfficeName").is(office),
                (org.springframework.ldap.core.AttributesMapper<String>) attrs -> String.valueOf(attrs.get("cn").get()));
    }

    @GetMapping("/employees/by-title")
    public List<String> byTitle(@RequestParam String title) {
        String filter = String.format("(&(objectClass=person)(title=%s))", title);
        return ldapTemplate.search(BASE, filter,
                (org.springframework.ldap.core.AttributesMapper<String>) attrs -> String.valueOf(attrs.get("cn").get()));
    }

    @GetMapping("/employees/contractors")
    public List<String> contractors() throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        return names(context().search(BASE, "(&(objectClass=person)(employeeType=contractor))", controls));
    }

    private static List<String> names(NamingEnumeration<SearchResult> results) throws NamingException {
        List<String> out = new ArrayList<>();
        while (results.hasMore()) {
            out.add(results.next().getNameInNamespace());
        }
        return out;
    }
}
