package orders

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

type Order struct {
	ID         int64  `json:"id"`
	Customer   string `json:"customer"`
	TotalCents int64  `json:"total_cents"`
	Status     string `json:"status"`
}

var sortColumns = map[string]string{
	"date":  "created_at",
	"total": "total_cents",
}

type Handler struct {
	DB *sql.DB
}

func (h *Handler) writeOrders(w http.ResponseWriter, rows *sql.Rows) {
	defer rows.Close()
	orders := []Order{}
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Customer, &o.TotalCents, &o.Status); err != nil {
			http.Error(w, "scan failed", http.StatusInternalServerError)
			return
		}
		orders = append(orders, o)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(orders)
}

// ListByCustomer serves GET /orders?customer=...
func (h *Handler) ListByCustomer(w http.ResponseWriter, r *http.Request) {
	customer := r.URL.Query().Get("customer")
	rows, err := h.DB.Query("SELECT id, customer, total_cents, status FROM orders WHERE customer = '" + customer + "'")
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	h.writeOrders(w, rows)
}

// Get serves GET /orders/{id}.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "invalid id", http.StatusBadRequest)
		return
	}
	rows, err := h.DB.QueryContext(r.Context(), "SELECT id, customer, total_cents, status FROM orders WHERE id = $1", id)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	h.writeOrders(w, rows)
}

// Recent serves GET /orders/recent?sort=...&order=...
func (h *Handler) Recent(w http.ResponseWriter, r *http.Request) {
	direction := "DESC"
	if r.URL.Query().Get("order") == "asc" {
		direction = "ASC"
	}
	query := fmt.Sprintf("SELECT id, customer, total_cents, status FROM orders ORDER BY %s %s LIMIT 100", r.URL.Query().Get("sort"), direction)
	rows, err := h.DB.QueryContext(r.Context(), query)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	h.writeOrders(w, rows)
}

// Report serves GET /orders/report?sort=date|total.
func (h *Handler) Report(w http.ResponseWriter, r *http.Request) {
	column, ok := sortColumns[r.URL.Query().Get("sort")]
	if !ok {
		column = sortColumns["date"]
	}
	rows, err := h.DB.QueryContext(r.Context(), fmt.Sprintf("SELECT id, customer, total_cents, status FROM orders ORDER BY %s DESC LIMIT 500", column))
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	h.writeOrders(w, rows)
}
