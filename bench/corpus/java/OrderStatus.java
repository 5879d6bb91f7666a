package com.acme.shop.model;

import java.util.EnumSet;
import java.util.Set;

/** The life cycle of an order and the moves allowed between its states. */
public enum OrderStatus {
    CREATED,
    PAID,
    PACKED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(PACKED, REFUNDED);
            case PACKED -> EnumSet.of(SHIPPED, REFUNDED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public OrderStatus moveTo(OrderStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("cannot move an order from " + this + " to " + target);
        }
        return target;
    }
}
