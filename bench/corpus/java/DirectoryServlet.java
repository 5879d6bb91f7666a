package com.acme.intranet.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Intranet people search backed by the corporate directory. */
@WebServlet("/people")
public class DirectoryServlet extends HttpServlet {

    private static final String PEOPLE_BASE = "ou=people,dc=acme,dc=com";

    private DirContext connect() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, getServletContext().getInitParameter("ldapUrl"));
        return new InitialDirContext(env);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String uid = request.getParameter("uid");
        response.setContentType("text/plain;charset=UTF-8");
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {"cn", "mail", "telephoneNumber"});
        try {
            DirContext ctx = connect();
            NamingEnumeration<SearchResult> results =
                    ctx.search(PEOPLE_BASE, "(&(objectClass=inetOrgPerson)(uid=" + uid + "))", controls);
            print(results, response.getWriter());
            ctx.close();
        } catch (NamingException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String mail = request.getParameter("mail");
        response.setContentType("text/plain;charset=UTF-8");
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        try {
            DirContext ctx = connect();
            NamingEnumeration<SearchResult> results = ctx.search(
                    PEOPLE_BASE, "(&(objectClass=inetOrgPerson)(mail={0}))", new Object[] {mail}, controls);
            print(results, response.getWriter());
            ctx.close();
        } catch (NamingException e) {
            throw new ServletException(e);
        }
    }

    private static void print(NamingEnumeration<SearchResult> results, PrintWriter out)
            throws NamingException {
        while (results.hasMore()) {
            out.println(results.next().getNameInNamespace());
        }
    }
}
