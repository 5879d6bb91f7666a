package com.acme.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.owasp.encoder.Encode;

@WebServlet("/admin/accounts")
public class AccountAdminServlet extends HttpServlet {

    private static final Map<String, String> TABLES = Map.of(
            "active", "accounts",
            "closed", "accounts_archive");

    private DataSource dataSource;

    @Override
    public void init() {
        dataSource = (DataSource) getServletContext().getAttribute("dataSource");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        Map<String, String> criteria = new HashMap<>();
        criteria.put("email", req.getParameter("email"));
        criteria.put("plan", req.getParameter("plan"));
        String table = TABLES.getOrDefault(req.getParameter("view"), "accounts");
        String keyword = Optional.ofNullable(req.getParameter("q")).map(String::trim).orElse("");

        try (Connection conn = dataSource.getConnection()) {
            String sql = "SELECT id, email FROM " + table + whereClause(criteria);
            try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
                render(resp, rs, keyword);
            }
            if (!keyword.isEmpty()) {
                ResultSet notes = conn.createStatement().executeQuery(
                        "SELECT body FROM account_notes WHERE body LIKE '%" + keyword + "%'");
                notes.close();
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    private static String whereClause(Map<String, String> criteria) {
        StringBuilder sb = new StringBuilder(" WHERE 1=1");
        criteria.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                sb.append(" AND ").append(column).append(" = '").append(value).append("'");
            }
        });
        return sb.toString();
    }

    private void render(HttpServletResponse resp, ResultSet rs, String keyword) throws SQLException, IOException {
        resp.setContentType("text/html");
        PrintWriter out = resp.getWriter();
        out.println("<h2>Results for " + Encode.forHtml(keyword) + "</h2>");
        while (rs.next()) {
            out.println("<li>" + Encode.forHtml(rs.getString("email")) + "</li>");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String[] ids = req.getParameterValues("id");
        String plan = req.getParameter("plan");
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("UPDATE accounts SET plan = ? WHERE id = ?")) {
            for (String id : List.of(ids)) {
                ps.setString(1, plan);
                ps.setLong(2, Long.parseLong(id));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        String message = req.getParameter("message");
        resp.setContentType("text/html");
        resp.getWriter().println("<p class=\"flash\">" + message + "</p>");

        Cookie flash = new Cookie("flash_seen", "1");
        flash.setMaxAge(60);
        resp.addCookie(flash);

        req.getSession().setAttribute("lastPlanChange", plan);
        resp.sendRedirect("accounts?view=" + TABLES.keySet().iterator().next());
    }
}
