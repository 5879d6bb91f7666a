package portal

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
	"golang.org/x/crypto/bcrypt"
)

var store = sessions.NewFilesystemStore("/var/lib/portal/sessions", []byte(os.Getenv("SESSION_AUTH_KEY")))

var themes = map[string]bool{"light": true, "dark": true, "contrast": true}

type UserLookup func(email string) (id int64, hash []byte, err error)

func init() {
	store.Options = &sessions.Options{Path: "/", MaxAge: 8 * 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
}

func Login(users UserLookup) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		session, _ := store.Get(r, "portal")
		id, hash, err := users(r.FormValue("email"))
		if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.FormValue("password"))) != nil {
			http.Error(w, "invalid login", http.StatusUnauthorized)
			return
		}
		session.Values["user_id"] = id
		session.Save(r, w)
		http.Redirect(w, r, "/portal", http.StatusSeeOther)
	}
}

// SwitchAccount lets support staff act on behalf of a customer account.
func SwitchAccount(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "portal")
	session.Values["acting_as"] = r.Header.Get("X-Account-ID")
	session.Save(r, w)
	w.WriteHeader(http.StatusNoContent)
}

// ChoosePlan remembers the plan picked on the pricing page for the signup form.
func ChoosePlan(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "portal")
	session.Values["plan"] = r.FormValue("plan")
	session.Save(r, w)
	http.Redirect(w, r, "/signup/confirm", http.StatusSeeOther)
}

func SetTheme(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "portal")
	theme := r.FormValue("theme")
	if !themes[theme] {
		theme = "light"
	}
	session.Values["theme"] = theme
	session.Save(r, w)
	w.WriteHeader(http.StatusNoContent)
}
