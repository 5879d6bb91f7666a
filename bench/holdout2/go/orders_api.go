package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type Store struct {
	db *sql.DB
}

type Order struct {
	ID       int64     `json:"id"`
	Customer string    `json:"customer"`
	Total    int64     `json:"total"`
	Placed   time.Time `json:"placed"`
}

var sortColumns = map[string]string{
	"placed": "placed_at",
	"total":  "total_cents",
}

func (s *Store) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /orders", s.list)
	mux.HandleFunc("GET /orders/{id}", s.get)
	mux.HandleFunc("GET /orders/search", s.search)
	mux.HandleFunc("GET /orders/by-customer", s.byCustomer)
	mux.HandleFunc("POST /orders/notes", s.addNote)
}

func (s *Store) byCustomer(w http.ResponseWriter, r *http.Request) {
	customer := r.URL.Query().Get("customer")
	rows, err := s.db.Query("SELECT id, total_cents FROM orders WHERE customer = '" + customer + "'")
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	if !rows.Next() {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<p>No orders for %s</p>", customer)
		return
	}
	fmt.Fprintf(w, "<p>Orders for %s</p>", html.EscapeString(customer))
}

func (s *Store) get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	row := s.db.QueryRowContext(r.Context(), fmt.Sprintf("SELECT id, customer, total_cents, placed_at FROM orders WHERE id = %d", id))
	var o Order
	if err := row.Scan(&o.ID, &o.Customer, &o.Total, &o.Placed); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(o)
}

func (s *Store) list(w http.ResponseWriter, r *http.Request) {
	col, ok := sortColumns[r.URL.Query().Get("sort")]
	if !ok {
		col = "placed_at"
	}
	rows, err := s.db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY "+col+" DESC LIMIT 50")
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	rows.Close()
}

type searchFilter struct {
	Status string
	Region string
}

func (f searchFilter) where() (string, []any) {
	var clauses []string
	var args []any
	if f.Status != "" {
		args = append(args, f.Status)
		clauses = append(clauses, fmt.Sprintf("status = $%d", len(args)))
	}
	if f.Region != "" {
		args = append(args, f.Region)
		clauses = append(clauses, fmt.Sprintf("region = $%d", len(args)))
	}
	if len(clauses) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(clauses, " AND "), args
}

func (s *Store) search(w http.ResponseWriter, r *http.Request) {
	f := searchFilter{Status: r.FormValue("status"), Region: r.FormValue("region")}
	where, args := f.where()
	rows, err := s.db.QueryContext(r.Context(), "SELECT id FROM orders"+where, args...)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	rows.Close()
}

func (s *Store) countSince(ctx context.Context, since string) (int, error) {
	var n int
	q := fmt.Sprintf("SELECT count(*) FROM orders WHERE placed_at > '%s'", since)
	err := s.db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}

func (s *Store) addNote(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrderID int64  `json:"order_id"`
		Note    string `json:"note"`
		Since   string `json:"since"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if _, err := s.db.ExecContext(r.Context(), "INSERT INTO order_notes (order_id, note) VALUES ($1, $2)", body.OrderID, body.Note); err != nil {
		http.Error(w, "insert failed", http.StatusInternalServerError)
		return
	}
	n, _ := s.countSince(r.Context(), body.Since)
	w.Header().Set("Content-Type", "text/html")
	w.Write([]byte("<div>Saved note: " + body.Note + " (" + strconv.Itoa(n) + " recent orders)</div>"))
}
