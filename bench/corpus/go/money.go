package billing

import (
	"errors"
	"fmt"
)

var ErrCurrencyMismatch = errors.New("currency mismatch")

// Money is an amount in minor units (cents) of one currency.
type Money struct {
	Minor    int64
	Currency string
}

func (m Money) Add(o Money) (Money, error) {
	if m.Currency != o.Currency {
		return Money{}, ErrCurrencyMismatch
	}
	return Money{Minor: m.Minor + o.Minor, Currency: m.Currency}, nil
}

// Split divides m into n parts that add up exactly to m, earlier parts taking the remainder.
func (m Money) Split(n int) []Money {
	if n <= 0 {
		return nil
	}
	parts := make([]Money, n)
	share, rest := m.Minor/int64(n), m.Minor%int64(n)
	for i := range parts {
		parts[i] = Money{Minor: share, Currency: m.Currency}
		if int64(i) < rest {
			parts[i].Minor++
		}
	}
	return parts
}

func (m Money) String() string {
	sign := ""
	minor := m.Minor
	if minor < 0 {
		sign, minor = "-", -minor
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, minor/100, minor%100, m.Currency)
}
