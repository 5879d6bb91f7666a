package com.acme.billing.repo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "date", "issued_at",
            "amount", "total_cents",
            "customer", "customer_name");

    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager em;

    public InvoiceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Invoice> findByCustomer(String customerName) throws SQLException {
        String sql = String.format(
                "SELECT id, total_cents FROM invoices WHERE customer_name = '%s'", customerName);
        try (Connection conn = jdbc.getDataSource().getConnection();
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return map(rs);
        }
    }

    public List<Invoice> findByNumber(String number) throws SQLException {
        try (Connection conn = jdbc.getDataSource().getConnection();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT id, total_cents FROM invoices WHERE number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return map(rs);
            }
        }
    }

    public List<Map<String, Object>> listSorted(String sortKey, boolean descending) {
        String column = SORT_COLUMNS.getOrDefault(sortKey, "issued_at");
        String direction = descending ? "DESC" : "ASC";
        return jdbc.queryForList("SELECT * FROM invoices ORDER BY " + column + " " + direction);
    }

    public Map<String, Object> findById(long id) {
        return jdbc.queryForMap("SELECT * FROM invoices WHERE id = " + id);
    }

    public List<Map<String, Object>> search(InvoiceFilter filter) {
        StringBuilder where = new StringBuilder("SELECT * FROM invoices WHERE 1=1");
        if (filter.getStatus() != null) {
            where.append(" AND status = '").append(filter.getStatus()).append("'");
        }
        if (filter.getMinTotal() != null) {
            where.append(" AND total_cents >= ").append(filter.getMinTotal().longValue());
        }
        return jdbc.queryForList(where.toString());
    }

    public List<Invoice> overdueFor(String region) {
        return em.createQuery(
                "SELECT i FROM Invoice i WHERE i.overdue = true AND i.region = '" + region + "'",
                Invoice.class).getResultList();
    }

    public List<Invoice> byCurrency(String currency) {
        return em.createQuery(
                "SELECT i FROM Invoice i WHERE i.currency = :currency", Invoice.class)
                .setParameter("currency", currency)
                .getResultList();
    }

    public int markPaid(List<String> invoiceIds) {
        String idList = invoiceIds.stream()
                .map(Long::parseLong)
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        return jdbc.update("UPDATE invoices SET paid = true WHERE id IN (" + idList + ")");
    }

    public int archiveTags(List<String> tags) {
        String tagList = tags.stream()
                .map(tag -> "'" + tag.trim() + "'")
                .collect(Collectors.joining(","));
        return jdbc.update("UPDATE invoices SET archived = true WHERE tag IN (" + tagList + ")");
    }

    public BigDecimal legacyTotal(String accountCode) throws SQLException {
        Connection legacy = DriverManager.getConnection(
                "jdbc:oracle:thin:@legacy-db:1521/BILL", "billing_ro", "Wint3r!Ledger#88");
        try (PreparedStatement ps = legacy.prepareStatement(
                "SELECT SUM(amount) FROM ledger WHERE account_code = ?")) {
            ps.setString(1, accountCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    public Connection reportingConnection() throws SQLException {
        String password = System.getenv("REPORTING_DB_PASSWORD");
        return DriverManager.getConnection(
                "jdbc:postgresql://reporting:5432/reports", "reporter", password);
    }

    private List<Invoice> map(ResultSet rs) throws SQLException {
        List<Invoice> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new Invoice(rs.getLong(1), rs.getLong(2)));
        }
        return out;
    }
}
