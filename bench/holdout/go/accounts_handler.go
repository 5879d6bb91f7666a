package accounts

import (
	"database/sql"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

type Handler struct {
	DB   *sql.DB
	Tmpl *template.Template
}

func (h *Handler) Search(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	query := fmt.Sprintf("SELECT id, email FROM accounts WHERE display_name LIKE '%%%s%%'", name)
	rows, err := h.DB.QueryContext(r.Context(), query)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	fmt.Fprintln(w, "ok")
}

func (h *Handler) ByEmail(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	row := h.DB.QueryRowContext(r.Context(), "SELECT id FROM accounts WHERE email = $1", email)
	var id int64
	_ = row.Scan(&id)
	fmt.Fprintf(w, "%d", id)
}

func (h *Handler) ByID(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	row := h.DB.QueryRow("SELECT email FROM accounts WHERE id = " + strconv.Itoa(id))
	var email string
	_ = row.Scan(&email)
	fmt.Fprint(w, html.EscapeString(email))
}

func (h *Handler) Disable(w http.ResponseWriter, r *http.Request) {
	login := r.FormValue("login")
	_, err := h.DB.Exec("UPDATE accounts SET disabled = true WHERE login = '" + login + "'")
	if err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
	}
}

func (h *Handler) Hello(w http.ResponseWriter, r *http.Request) {
	who := r.URL.Query().Get("who")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<h1>Hello, %s</h1>", who)
}

func (h *Handler) HelloEscaped(w http.ResponseWriter, r *http.Request) {
	who := r.URL.Query().Get("who")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<h1>Hello, %s</h1>", html.EscapeString(who))
}

func (h *Handler) Profile(w http.ResponseWriter, r *http.Request) {
	data := map[string]string{"Bio": r.URL.Query().Get("bio")}
	_ = h.Tmpl.ExecuteTemplate(w, "profile.html", data)
}

func (h *Handler) Banner(w http.ResponseWriter, r *http.Request) {
	msg := r.URL.Query().Get("msg")
	_ = h.Tmpl.ExecuteTemplate(w, "banner.html", template.HTML("<div class=banner>"+msg+"</div>"))
}

func (h *Handler) AfterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	http.Redirect(w, r, next, http.StatusFound)
}

func (h *Handler) AfterLogout(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound)
}
