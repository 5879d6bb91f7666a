package com.acme.identity.ldap;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import org.springframework.ldap.support.LdapEncoder;
import org.springframework.stereotype.Service;

@Service
public class DirectoryService {

    private static final String PEOPLE = "ou=people,dc=acme,dc=internal";
    private static final String GROUPS = "ou=groups,dc=acme,dc=internal";

    private final Properties config;

    public DirectoryService(Properties config) {
        this.config = config;
    }

    private DirContext bind() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldaps://ldap.acme.internal:636");
        env.put(Context.SECURITY_PRINCIPAL, "cn=svc-portal,ou=services,dc=acme,dc=internal");
        env.put(Context.SECURITY_CREDENTIALS, "Portal$vc-2019-bind");
        return new InitialDirContext(env);
    }

    private DirContext bindFromConfig() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, config.getProperty("ldap.url"));
        env.put(Context.SECURITY_PRINCIPAL, config.getProperty("ldap.bindDn"));
        env.put(Context.SECURITY_CREDENTIALS, config.getProperty("ldap.bindPassword"));
        return new InitialDirContext(env);
    }

    public List<String> findUser(String username) throws NamingException {
        DirContext ctx = bind();
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        NamingEnumeration<SearchResult> results = ctx.search(PEOPLE, "(uid=" + username + ")", sc);
        return names(results);
    }

    public List<String> findUserParameterized(String username) throws NamingException {
        DirContext ctx = bindFromConfig();
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        return names(ctx.search(PEOPLE, "(uid={0})", new Object[] {username}, sc));
    }

    public List<String> membersOf(String groupName, String department) throws NamingException {
        String filter = "(&(objectClass=groupOfNames)(cn=" + groupName + ")(ou=" + department + "))";
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.ONELEVEL_SCOPE);
        return names(bindFromConfig().search(GROUPS, filter, sc));
    }

    public List<String> membersOfEncoded(String groupName) throws NamingException {
        String filter = "(&(objectClass=groupOfNames)(cn=" + LdapEncoder.filterEncode(groupName) + "))";
        SearchControls sc = new SearchControls();
        return names(bindFromConfig().search(GROUPS, filter, sc));
    }

    public List<String> byEmployeeNumber(int employeeNumber) throws NamingException {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        return names(bindFromConfig().search(PEOPLE, "(employeeNumber=" + employeeNumber + ")", sc));
    }

    private static List<String> names(NamingEnumeration<SearchResult> results) throws NamingException {
        List<String> out = new ArrayList<>();
        while (results.hasMore()) {
            out.add(results.next().getNameInNamespace());
        }
        return out;
    }
}
