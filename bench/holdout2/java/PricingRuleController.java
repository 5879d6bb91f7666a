package com.acme.pricing.web;

import java.util.Map;

import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import groovy.lang.GroovyShell;

@RestController
public class PricingRuleController {

    private static final Map<String, String> NAMED_FORMULAS = Map.of(
            "bulk", "quantity > 100 ? price * 0.9 : price",
            "member", "price * 0.95",
            "clearance", "price * 0.5");

    private final ExpressionParser parser = new SpelExpressionParser();
    private final ScriptEngine js = new ScriptEngineManager().getEngineByName("graal.js");

    @PostMapping("/pricing/preview")
    public Object preview(@RequestBody PricingRequest body) {
        Expression expression = parser.parseExpression(body.getFormula());
        StandardEvaluationContext ctx = new StandardEvaluationContext(body.getLine());
        return expression.getValue(ctx);
    }

    @PostMapping("/pricing/named")
    public Object named(@RequestParam String rule, @RequestBody OrderLine line) {
        String formula = NAMED_FORMULAS.get(rule);
        if (formula == null) {
            throw new IllegalArgumentException("unknown rule " + rule);
        }
        return parser.parseExpression(formula).getValue(new StandardEvaluationContext(line));
    }

    @PostMapping("/pricing/script")
    public Object script(@RequestParam String condition) throws ScriptException {
        return js.eval("(function(order){ return " + condition + "; })(order)");
    }

    @PostMapping("/pricing/discount")
    public Object discount(@RequestParam double price, @RequestParam int quantity) throws ScriptException {
        Bindings bindings = js.createBindings();
        bindings.put("price", price);
        bindings.put("quantity", quantity);
        return js.eval("quantity >= 10 ? price * 0.85 : price", bindings);
    }

    @PostMapping("/pricing/groovy")
    public Object groovy(@RequestBody String scriptBody) {
        GroovyShell shell = new GroovyShell();
        return shell.evaluate(scriptBody);
    }
}
