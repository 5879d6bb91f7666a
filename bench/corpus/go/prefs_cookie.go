package prefs

import (
	"bytes"
	"encoding/base64"
	"encoding/gob"
	"net/http"
	"os"

	"github.com/gorilla/securecookie"
)

type Preferences struct {
	Theme    string
	Language string
	Role     string
	Beta     bool
}

var codec = securecookie.New([]byte(os.Getenv("COOKIE_HASH_KEY")), []byte(os.Getenv("COOKIE_BLOCK_KEY")))

// Current reads the preferences the browser sent back.
func Current(r *http.Request) Preferences {
	prefs := Preferences{Theme: "light", Language: "en", Role: "member"}
	c, err := r.Cookie("prefs")
	if err != nil {
		return prefs
	}
	raw, err := base64.URLEncoding.DecodeString(c.Value)
	if err != nil {
		return prefs
	}
	gob.NewDecoder(bytes.NewReader(raw)).Decode(&prefs)
	return prefs
}

// CurrentV2 reads the preferences cookie written by Save.
func CurrentV2(r *http.Request) Preferences {
	prefs := Preferences{Theme: "light", Language: "en", Role: "member"}
	c, err := r.Cookie("prefs2")
	if err != nil {
		return prefs
	}
	if err := codec.Decode("prefs2", c.Value, &prefs); err != nil {
		return Preferences{Theme: "light", Language: "en", Role: "member"}
	}
	return prefs
}

func Save(w http.ResponseWriter, prefs Preferences) error {
	encoded, err := codec.Encode("prefs2", prefs)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: "prefs2", Value: encoded, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return nil
}
