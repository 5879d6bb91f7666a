package com.acme.shop.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.annotation.Resource;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Order status lookups for the customer service desk. */
@WebServlet("/orders/lookup")
public class OrderLookupServlet extends HttpServlet {

    @Resource(name = "jdbc/shop")
    private DataSource database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String email = request.getParameter("email");
        String sql = "SELECT id, status, total FROM orders WHERE customer_email = '" + email
                + "' ORDER BY created_at DESC";
        response.setContentType("application/json");
        try (Connection conn = database.getConnection();
                Statement stmt = conn.createStatement();
                ResultSet rs = stmt.executeQuery(sql)) {
            writeOrders(rs, response.getWriter());
        } catch (SQLException e) {
            throw new ServletException("order lookup failed", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String tracking = request.getHeader("X-Tracking-Number");
        response.setContentType("application/json");
        try (Connection conn = database.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT id, status, total FROM orders WHERE tracking_number = ?")) {
            ps.setString(1, tracking);
            try (ResultSet rs = ps.executeQuery()) {
                writeOrders(rs, response.getWriter());
            }
        } catch (SQLException e) {
            throw new ServletException("order lookup failed", e);
        }
    }

    private static void writeOrders(ResultSet rs, PrintWriter out) throws SQLException {
        StringBuilder json = new StringBuilder("[");
        while (rs.next()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(String.format("{\"id\":%d,\"status\":\"%s\",\"total\":%s}",
                    rs.getLong("id"), rs.getString("status"), rs.getBigDecimal("total")));
        }
        out.print(json.append(']'));
    }
}
