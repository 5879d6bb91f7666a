package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/sessions"
)

type Auth struct {
	Store   *sessions.CookieStore
	Issuer  func(user string) (string, error)
	Lookup  func(r *http.Request) (string, bool)
	BaseURL string
}

func (a *Auth) Login(w http.ResponseWriter, r *http.Request) {
	user, ok := a.Lookup(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	token, err := a.Issuer(user)
	if err != nil {
		http.Error(w, "login failed", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:    "sid",
		Value:   token,
		Path:    "/",
		Expires: time.Now().Add(12 * time.Hour),
	})
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func (a *Auth) LoginSafe(w http.ResponseWriter, r *http.Request) {
	user, ok := a.Lookup(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	token, _ := a.Issuer(user)
	cookie := &http.Cookie{
		Name:     "sid",
		Value:    token,
		Path:     "/",
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	}
	http.SetCookie(w, cookie)
	http.Redirect(w, r, localPath(r.FormValue("next")), http.StatusSeeOther)
}

func localPath(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(next, "//") {
		return "/"
	}
	return u.RequestURI()
}

func (a *Auth) Remember(w http.ResponseWriter, r *http.Request) {
	user, _ := a.Lookup(r)
	token, _ := a.Issuer(user)
	c := http.Cookie{Name: "remember_token", Value: token, MaxAge: 30 * 24 * 3600, HttpOnly: true}
	http.SetCookie(w, &c)
}

func (a *Auth) Theme(w http.ResponseWriter, r *http.Request) {
	theme := "light"
	if r.FormValue("theme") == "dark" {
		theme = "dark"
	}
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme, Path: "/", MaxAge: 365 * 24 * 3600})
	http.Redirect(w, r, "/settings", http.StatusSeeOther)
}

func (a *Auth) SwitchTenant(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.Store.Get(r, "app")
	sess.Values["tenant_id"] = r.FormValue("tenant")
	sess.Values["role"] = r.Header.Get("X-Requested-Role")
	sess.Save(r, w)
	http.Redirect(w, r, a.BaseURL+"/dashboard", http.StatusFound)
}

func (a *Auth) Touch(w http.ResponseWriter, r *http.Request) {
	user, ok := a.Lookup(r)
	if !ok {
		return
	}
	sess, _ := a.Store.Get(r, "app")
	sess.Values["user"] = user
	sess.Values["seen_at"] = time.Now().Unix()
	sess.Save(r, w)
}

func (a *Auth) Logout(w http.ResponseWriter, r *http.Request) {
	target := r.Referer()
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", Path: "/", MaxAge: -1, Secure: true, HttpOnly: true})
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusFound)
}
