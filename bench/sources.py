"""Source files of a chosen length in every reviewed language, for the speed benchmarks.

Each is a realistic module: request handlers, data access and plain helpers, a few with the
defects a review should find. A nonce comment makes every text new, so no run hits the cache.
"""

import uuid

from bench.workload import python_source

_JS_HEADER = "// Orders service, sample {seed} ({nonce})\nconst db = require('./db');\n"
_JS_BLOCKS = (
    """
function total{n}(items, discount = 0) {
  let sum = 0;
  for (const item of items) {
    if (item.price < 0) {
      throw new Error('negative price');
    }
    sum += item.price * (item.count || 1);
  }
  return Math.round(sum * (1 - discount) * 100) / 100;
}
""",
    """
async function findOrders{n}(req, res) {
  const customer = req.query.customer;
  const rows = await db.query("SELECT id, total FROM orders WHERE customer = '" + customer + "'");
  res.json(rows);
}
""",
    """
function renderGreeting{n}(name) {
  const panel = document.getElementById('greeting');
  panel.textContent = 'Hello, ' + name;
  return panel;
}
""",
)
_TS_HEADER = (
    "// Billing module, sample {seed} ({nonce})\nimport {{ Request, Response }} from 'express';\n"
)
_TS_BLOCKS = (
    """
export interface Invoice{n} {
  id: string;
  lines: { sku: string; quantity: number; price: number }[];
}

export function invoiceTotal{n}(invoice: Invoice{n}): number {
  return invoice.lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
}
""",
    """
export function redirectAfterLogin{n}(req: Request, res: Response): void {
  const target = String(req.query.next ?? '/');
  res.redirect(target);
}
""",
    """
export class RateCache{n} {
  private readonly rates = new Map<string, number>();

  set(currency: string, rate: number): void {
    if (rate <= 0) {
      throw new RangeError('rate must be positive');
    }
    this.rates.set(currency, rate);
  }

  get(currency: string): number | undefined {
    return this.rates.get(currency);
  }
}
""",
)
_GO_HEADER = """// Package shop serves orders, sample {seed} ({nonce}).
package shop

import (
\t"database/sql"
\t"fmt"
\t"net/http"
\t"os/exec"
)

var _ = fmt.Sprintf
var _ = exec.Command
var _ sql.DB
"""
_GO_BLOCKS = (
    """
func Total{n}(prices []float64) float64 {
\ttotal := 0.0
\tfor _, price := range prices {
\t\tif price < 0 {
\t\t\tcontinue
\t\t}
\t\ttotal += price
\t}
\treturn total
}
""",
    """
func Orders{n}(db *sql.DB, w http.ResponseWriter, r *http.Request) {
\tcustomer := r.URL.Query().Get("customer")
\trows, err := db.Query("SELECT id FROM orders WHERE customer = '" + customer + "'")
\tif err != nil {
\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)
\t\treturn
\t}
\tdefer rows.Close()
}
""",
    """
func Archive{n}(w http.ResponseWriter, r *http.Request) {
\tpath := r.FormValue("path")
\tout, err := exec.Command("sh", "-c", "tar czf backup.tgz "+path).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, string(out), http.StatusBadRequest)
\t}
}
""",
)
_JAVA_HEADER = """// Orders servlet, sample {seed} ({nonce})
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Orders {{
    private Connection connection;
"""
_JAVA_BLOCKS = (
    """
    public double total{n}(double[] prices) {
        double total = 0;
        for (double price : prices) {
            if (price < 0) {
                continue;
            }
            total += price;
        }
        return total;
    }
""",
    """
    public void find{n}(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String customer = request.getParameter("customer");
        Statement statement = connection.createStatement();
        String query = "SELECT id FROM orders WHERE customer = '" + customer + "'";
        ResultSet rows = statement.executeQuery(query);
        response.getWriter().println(rows.next());
    }
""",
    """
    public byte[] digest{n}(String text) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("MD5");
        return digest.digest(text.getBytes());
    }
""",
)
_TEMPLATES = {
    "javascript": (_JS_HEADER, _JS_BLOCKS, ""),
    "typescript": (_TS_HEADER, _TS_BLOCKS, ""),
    "go": (_GO_HEADER, _GO_BLOCKS, ""),
    "java": (_JAVA_HEADER, _JAVA_BLOCKS, "}\n"),
}
EXTENSIONS = {"python": "py", "javascript": "js", "typescript": "ts", "go": "go", "java": "java"}


def source(language: str, lines: int, seed: int) -> str:
    """A module of about `lines` lines in `language`, laid out by `seed`; new text every call."""
    if language == "python":
        return python_source(lines, seed)
    header, blocks, footer = _TEMPLATES[language]
    parts = [header.format(seed=seed, nonce=uuid.uuid4().hex)]
    count, number = parts[0].count("\n"), 0
    while count < lines:
        block = blocks[(seed + number) % len(blocks)].replace("{n}", str(number))
        parts.append(block)
        count += block.count("\n")
        number += 1
    return "".join(parts) + footer
