package com.acme.rules;

import java.util.Map;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RulesController {

    public record Cart(double total, int items) {}

    private final ExpressionParser parser = new SpelExpressionParser();
    private final ScriptEngine js = new ScriptEngineManager().getEngineByName("graal.js");
    private final Expression freeShipping = parser.parseExpression("total > 50");

    @PostMapping("/rules/spel")
    public Object spel(@RequestParam String rule) {
        Expression exp = parser.parseExpression(rule);
        return exp.getValue(new StandardEvaluationContext(new Cart(72.5, 3)));
    }

    @PostMapping("/rules/spel-simple")
    public Object spelSimple(@RequestParam String rule) {
        Expression exp = parser.parseExpression(rule);
        return exp.getValue(SimpleEvaluationContext.forReadOnlyDataBinding().build(), new Cart(72.5, 3));
    }

    @PostMapping("/rules/free-shipping")
    public Object freeShipping(@RequestParam double total) {
        return freeShipping.getValue(new StandardEvaluationContext(new Cart(total, 1)));
    }

    @PostMapping("/rules/script")
    public Object script(@RequestParam String code) throws ScriptException {
        return js.eval(code);
    }

    @PostMapping("/rules/script-fixed")
    public Object scriptFixed(@RequestParam double total) throws ScriptException {
        js.put("total", total);
        return js.eval("total * 0.95");
    }

    @PostMapping("/rules/template")
    public Object template(@RequestParam String field) throws ScriptException {
        return js.eval("cart." + field + " * 2");
    }

    @PostMapping("/rules/lookup")
    public Object lookup(@RequestParam String name) {
        Map<String, Double> rates = Map.of("standard", 0.2, "reduced", 0.07);
        return rates.getOrDefault(name, 0.0);
    }
}
