"use strict";

const { Transform } = require("stream");

function quote(value) {
  if (value === null || value === undefined) {
    return "";
  }
  const raw = String(value);
  // A leading =, +, - or @ would make spreadsheet apps evaluate the cell as a formula.
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Streams rows as CSV so large exports never sit in memory.
function csvStream(columns) {
  let headerWritten = false;
  return new Transform({
    writableObjectMode: true,
    transform(row, encoding, callback) {
      let chunk = "";
      if (!headerWritten) {
        chunk += columns.map((c) => quote(c.title)).join(",") + "\r\n";
        headerWritten = true;
      }
      chunk += columns.map((c) => quote(row[c.key])).join(",") + "\r\n";
      callback(null, chunk);
    },
  });
}

module.exports = { csvStream, quote };
