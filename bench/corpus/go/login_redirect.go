package auth

import (
	"net/http"
	"regexp"
)

var localPath = regexp.MustCompile(`^/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/?$`)

var afterLogin = map[string]string{
	"billing":  "/settings/billing",
	"team":     "/settings/team",
	"projects": "/projects",
}

type Authenticator interface {
	Check(r *http.Request) bool
}

func LoginHandler(auth Authenticator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !auth.Check(r) {
			http.Error(w, "invalid credentials", http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
	}
}

func LoginHandlerV2(auth Authenticator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !auth.Check(r) {
			http.Error(w, "invalid credentials", http.StatusUnauthorized)
			return
		}
		next := r.URL.Query().Get("next")
		if !localPath.MatchString(next) {
			next = "/"
		}
		http.Redirect(w, r, next, http.StatusFound)
	}
}

// Continue sends users to a named section after onboarding.
func Continue(w http.ResponseWriter, r *http.Request) {
	target, ok := afterLogin[r.FormValue("section")]
	if !ok {
		target = "/"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
