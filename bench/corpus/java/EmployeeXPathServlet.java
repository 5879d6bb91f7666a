package com.acme.hr.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Phone-book lookups over the HR system's nightly XML export. */
@WebServlet(urlPatterns = {"/phonebook/extension", "/phonebook/room"})
public class EmployeeXPathServlet extends HttpServlet {

    private Document directory;

    @Override
    public void init() throws ServletException {
        directory = (Document) getServletContext().getAttribute("hrDirectory");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String login = request.getParameter("login");
        XPath xpath = XPathFactory.newInstance().newXPath();
        try {
            String result;
            if (request.getServletPath().endsWith("/room")) {
                xpath.setXPathVariableResolver(name ->
                        new QName("login").equals(name) ? login : null);
                result = xpath.evaluate("/staff/person[login=$login]/room", directory);
            } else {
                result = xpath.evaluate("/staff/person[login='" + login + "']/extension", directory);
            }
            response.setContentType("text/plain");
            response.getWriter().print(result);
        } catch (XPathExpressionException e) {
            response.sendError(400);
        }
    }
}
