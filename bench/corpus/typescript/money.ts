export type Currency = "USD" | "EUR" | "GBP" | "JPY";

const DECIMALS: Record<Currency, number> = { USD: 2, EUR: 2, GBP: 2, JPY: 0 };

export class Money {
  private constructor(
    readonly minor: number,
    readonly currency: Currency,
  ) {
    if (!Number.isInteger(minor)) {
      throw new RangeError("amount must be a whole number of minor units");
    }
  }

  static of(minor: number, currency: Currency): Money {
    return new Money(minor, currency);
  }

  static parse(amount: string, currency: Currency): Money {
    const value = Number(amount);
    if (!Number.isFinite(value)) {
      throw new RangeError(`not an amount: ${amount}`);
    }
    return new Money(Math.round(value * 10 ** DECIMALS[currency]), currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minor + other.minor, this.currency);
  }

  multiply(factor: number): Money {
    return new Money(Math.round(this.minor * factor), this.currency);
  }

  format(locale = "en-US"): string {
    const digits = DECIMALS[this.currency];
    return new Intl.NumberFormat(locale, { style: "currency", currency: this.currency }).format(this.minor / 10 ** digits);
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new TypeError(`cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}
