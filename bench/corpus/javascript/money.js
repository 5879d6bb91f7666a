"use strict";

const MINOR_UNITS = { USD: 2, EUR: 2, GBP: 2, JPY: 0, KWD: 3 };

function minorUnits(currency) {
  if (!(currency in MINOR_UNITS)) {
    throw new RangeError(`unsupported currency ${currency}`);
  }
  return MINOR_UNITS[currency];
}

function toMinor(amount, currency) {
  return Math.round(Number(amount) * 10 ** minorUnits(currency));
}

function formatMinor(minor, currency, locale = "en-US") {
  const digits = minorUnits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

// Splits an amount into parts whose sum is exactly the original, spreading the remainder.
function allocate(minor, ratios) {
  const total = ratios.reduce((sum, r) => sum + r, 0);
  const shares = ratios.map((r) => Math.floor((minor * r) / total));
  let remainder = minor - shares.reduce((sum, s) => sum + s, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % shares.length) {
    shares[i] += 1;
    remainder -= 1;
  }
  return shares;
}

module.exports = { toMinor, formatMinor, allocate };
