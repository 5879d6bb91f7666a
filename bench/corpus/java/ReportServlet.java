package com.acme.reports.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

@WebServlet("/reports/regional")
public class ReportServlet extends HttpServlet {

    static final class RegionQueries {
        String revenueFor(String region) {
            return String.format(
                    "SELECT month, SUM(amount) FROM invoices WHERE region = '%s' GROUP BY month", region);
        }

        String topAccounts(int limit) {
            return "SELECT account_id, SUM(amount) AS total FROM invoices GROUP BY account_id "
                    + "ORDER BY total DESC LIMIT " + limit;
        }
    }

    private final RegionQueries queries = new RegionQueries();

    private static String cookieValue(HttpServletRequest request, String name, String fallback) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                }
            }
        }
        return fallback;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try (Connection conn = lookupDatabase().getConnection();
                Statement stmt = conn.createStatement()) {
            String region = cookieValue(request, "preferredRegion", "EMEA");
            try (ResultSet revenue = stmt.executeQuery(queries.revenueFor(region))) {
                response.getWriter().println(ReportFormat.table(revenue));
            }
            String top = request.getParameter("top");
            int limit = top == null ? 10 : Integer.parseInt(top);
            try (ResultSet accounts = stmt.executeQuery(queries.topAccounts(limit))) {
                response.getWriter().println(ReportFormat.table(accounts));
            }
        } catch (SQLException | NamingException e) {
            throw new ServletException(e);
        }
    }

    private static DataSource lookupDatabase() throws NamingException {
        return (DataSource) new InitialContext().lookup("java:comp/env/jdbc/reports");
    }
}
