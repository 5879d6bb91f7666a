package com.acme.crm.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

@Controller
public class CustomerController {

    private static final Set<String> SORT_KEYS = Set.of("name", "created_at", "country");

    private final JdbcTemplate jdbc;

    public CustomerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/customers/search")
    @ResponseBody
    public List<Map<String, Object>> search(@RequestParam String company) {
        String sql = "SELECT id, name FROM customers WHERE company = '" + company + "'";
        return jdbc.queryForList(sql);
    }

    @GetMapping("/customers/by-country")
    @ResponseBody
    public List<Map<String, Object>> byCountry(@RequestParam String country) {
        return jdbc.queryForList("SELECT id, name FROM customers WHERE country = ?", country);
    }

    @GetMapping("/customers/{id}/orders")
    @ResponseBody
    public List<Map<String, Object>> orders(@PathVariable long id) {
        return jdbc.queryForList("SELECT * FROM orders WHERE customer_id = " + id);
    }

    @GetMapping("/customers/sorted")
    @ResponseBody
    public List<Map<String, Object>> sorted(@RequestParam(defaultValue = "name") String sort) {
        String column = SORT_KEYS.contains(sort) ? sort : "name";
        return jdbc.queryForList("SELECT id, name FROM customers ORDER BY " + column);
    }

    @PostMapping("/customers/notes")
    @ResponseBody
    public int addNote(@RequestParam String customerRef, @RequestParam String note) {
        return jdbc.update(String.format("INSERT INTO notes(customer_ref, body) VALUES ('%s', ?)", customerRef), note);
    }

    @GetMapping(value = "/customers/hello", produces = "text/html")
    @ResponseBody
    public String hello(@RequestParam String name) {
        return "<p>Hello " + name + "</p>";
    }

    @GetMapping(value = "/customers/hello-safe", produces = "text/html")
    @ResponseBody
    public String helloSafe(@RequestParam String name) {
        return "<p>Hello " + HtmlUtils.htmlEscape(name) + "</p>";
    }

    @GetMapping(value = "/customers/count", produces = "text/html")
    @ResponseBody
    public String count(@RequestParam int page) {
        return "<span>Page " + page + "</span>";
    }

    @PostMapping("/customers/saved")
    public String saved(@RequestParam String returnUrl) {
        return "redirect:" + returnUrl;
    }

    @PostMapping("/customers/deleted")
    public String deleted(@RequestParam(defaultValue = "/customers") String returnUrl) {
        if (!returnUrl.startsWith("/") || returnUrl.startsWith("//")) {
            returnUrl = "/customers";
        }
        return "redirect:" + returnUrl;
    }
}
