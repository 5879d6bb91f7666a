package com.acme.warehouse.service;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock levels and reservations for the warehouse. */
@Service
public class InventoryService {

    public record StockLevel(String sku, int available) {}

    public static class OutOfStockException extends RuntimeException {
        public OutOfStockException(String sku) {
            super("not enough stock for " + sku);
        }
    }

    private final JdbcTemplate jdbc;

    public InventoryService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StockLevel> lowStock(int threshold) {
        return jdbc.query("SELECT sku, available FROM stock WHERE available <= ? ORDER BY sku",
                (rs, row) -> new StockLevel(rs.getString("sku"), rs.getInt("available")), threshold);
    }

    @Transactional
    public int reserve(String sku, int quantity) {
        int updated = jdbc.update(
                "UPDATE stock SET available = available - ? WHERE sku = ? AND available >= ?",
                quantity, sku, quantity);
        if (updated == 0) {
            throw new OutOfStockException(sku);
        }
        return jdbc.queryForObject("SELECT available FROM stock WHERE sku = ?", Integer.class, sku);
    }
}
