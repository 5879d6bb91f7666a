package com.acme.pricing.web;

import java.math.BigDecimal;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pricing")
public class PricingRuleController {

    public record Cart(BigDecimal subtotal, int items, String customerTier) {}

    public record RuleCheck(String rule, Cart cart) {}

    private static final ExpressionParser PARSER = new SpelExpressionParser();
    private static final Expression LOYALTY_RULE =
            PARSER.parseExpression("customerTier == 'GOLD' and subtotal > 100");

    @PostMapping("/rules/check")
    public boolean checkRule(@RequestBody RuleCheck check) {
        StandardEvaluationContext context = new StandardEvaluationContext(check.cart());
        Expression expression = PARSER.parseExpression(check.rule());
        return Boolean.TRUE.equals(expression.getValue(context, Boolean.class));
    }

    @PostMapping("/loyalty")
    public boolean loyaltyDiscount(@RequestBody Cart cart) {
        EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        return Boolean.TRUE.equals(LOYALTY_RULE.getValue(context, cart, Boolean.class));
    }
}
