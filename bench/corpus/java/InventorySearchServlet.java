package com.acme.warehouse.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Resource;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

@WebServlet("/inventory/search")
public class InventorySearchServlet extends HttpServlet {

    @Resource(name = "jdbc/warehouse")
    private DataSource database;

    /** Splits the raw query string ourselves so repeated keys keep their order. */
    private static Map<String, String> queryParameters(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Map<String, String> params = queryParameters(request);
        StringBuilder sql = new StringBuilder("SELECT sku, name, quantity FROM stock WHERE 1=1");
        if (params.containsKey("bin")) {
            sql.append(" AND bin_code = '").append(params.get("bin")).append('\'');
        }
        sql.append(" ORDER BY sku");
        try (Connection conn = database.getConnection();
                ResultSet rs = conn.createStatement().executeQuery(sql.toString())) {
            StockJson.write(rs, response);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Map<String, String> filters = new HashMap<>();
        filters.put("requestedBy", request.getParameter("user"));
        filters.put("warehouse", "MAIN");
        String warehouse = filters.get("warehouse");
        try (Connection conn = database.getConnection();
                ResultSet rs = conn.createStatement().executeQuery(
                        "SELECT sku, name, quantity FROM stock WHERE warehouse = '" + warehouse + "'")) {
            StockJson.write(rs, response);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }
}
