package com.acme.crm.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
public class CustomerController {

    private static final Map<String, String> SORT_ORDERS = Map.of(
            "name", "last_name, first_name",
            "recent", "created_at DESC",
            "city", "city, last_name");

    private final JdbcTemplate jdbcTemplate;

    public CustomerController(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @GetMapping
    public List<Map<String, Object>> byCity(@RequestParam String city) {
        return jdbcTemplate.queryForList(
                "SELECT id, first_name, last_name, email FROM customers WHERE city = '" + city + "'");
    }

    @GetMapping("/{id}")
    public Map<String, Object> byId(@PathVariable long id) {
        return jdbcTemplate.queryForMap(
                "SELECT id, first_name, last_name, email FROM customers WHERE id = ?", id);
    }

    @GetMapping("/sorted")
    public List<Map<String, Object>> sorted(@RequestParam(defaultValue = "name") String sort) {
        String orderBy = SORT_ORDERS.getOrDefault(sort, SORT_ORDERS.get("name"));
        return jdbcTemplate.queryForList(
                "SELECT id, first_name, last_name, city FROM customers ORDER BY " + orderBy + " LIMIT 100");
    }
}
