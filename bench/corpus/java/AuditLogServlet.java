package com.acme.admin.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

@WebServlet("/admin/audit")
public class AuditLogServlet extends HttpServlet {

    private static final int RETENTION_DAYS = 180;
    private static final String DEFAULT_ACTOR = "system";

    private DataSource database;

    @Override
    public void init() throws ServletException {
        database = (DataSource) getServletContext().getAttribute("auditDatabase");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String actorHeader = request.getHeader("X-Audit-Actor");
        String actor = actorHeader;
        if (actor == null || actor.isBlank()) {
            actor = DEFAULT_ACTOR;
        }
        String trimmed = actor.trim();
        String where = "actor = '" + trimmed + "' AND created_at > now() - interval '"
                + RETENTION_DAYS + " days'";
        try (Connection conn = database.getConnection();
                ResultSet rs = conn.createStatement().executeQuery(
                        "SELECT created_at, action, target FROM audit_log WHERE " + where)) {
            writeCsv(rs, response);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String requested = request.getParameter("actor");
        String actor;
        if (RETENTION_DAYS * 2 > 300) {
            actor = DEFAULT_ACTOR;
        } else {
            actor = requested;
        }
        String sql = "SELECT created_at, action, target FROM audit_log WHERE actor = '" + actor + "'";
        try (Connection conn = database.getConnection();
                ResultSet rs = conn.createStatement().executeQuery(sql)) {
            writeCsv(rs, response);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    private static void writeCsv(ResultSet rs, HttpServletResponse response)
            throws SQLException, IOException {
        response.setContentType("text/csv");
        while (rs.next()) {
            response.getWriter().printf("%s,%s,%s%n", rs.getTimestamp(1), rs.getString(2), rs.getString(3));
        }
    }
}
