package com.acme.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** An amount in one currency, always rounded to the currency's minor unit. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** Splits into parts that differ by at most one minor unit and add up to this amount. */
    public List<Money> allocate(int parts) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits());
        BigDecimal share = amount.divide(BigDecimal.valueOf(parts), currency.getDefaultFractionDigits(),
                RoundingMode.DOWN);
        BigDecimal remainder = amount.subtract(share.multiply(BigDecimal.valueOf(parts)));
        List<Money> result = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            boolean extra = remainder.compareTo(unit.multiply(BigDecimal.valueOf(i + 1))) >= 0;
            result.add(new Money(extra ? share.add(unit) : share, currency));
        }
        return result;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
