"use strict";

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfUtcDay(date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function addDays(date, days) {
  return new Date(date.getTime() + days * DAY_MS);
}

// Report ranges are half-open: [from, to).
function presetRange(name, now = new Date()) {
  const today = startOfUtcDay(now);
  switch (name) {
    case "today":
      return { from: today, to: addDays(today, 1) };
    case "last7":
      return { from: addDays(today, -6), to: addDays(today, 1) };
    case "last30":
      return { from: addDays(today, -29), to: addDays(today, 1) };
    case "monthToDate":
      return { from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), to: addDays(today, 1) };
    default:
      throw new RangeError(`unknown range preset: ${name}`);
  }
}

function eachDay(range) {
  const days = [];
  for (let d = range.from; d < range.to; d = addDays(d, 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

module.exports = { presetRange, eachDay, startOfUtcDay };
