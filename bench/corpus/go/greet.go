package web

import (
	"fmt"
	"html"
	htmltemplate "html/template"
	"net/http"
	texttemplate "text/template"
)

const profilePage = `<!doctype html>
<html><body>
<h1>{{.Name}}</h1>
<p class="bio">{{.Bio}}</p>
</body></html>`

var (
	profileText = texttemplate.Must(texttemplate.New("profile").Parse(profilePage))
	profileHTML = htmltemplate.Must(htmltemplate.New("profile").Parse(profilePage))
)

type profile struct {
	Name string
	Bio  string
}

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", name)
}

func HelloEscaped(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString(name))
}

// PreviewProfile shows how the profile form will look before it is saved.
func PreviewProfile(w http.ResponseWriter, r *http.Request) {
	p := profile{Name: r.FormValue("name"), Bio: r.FormValue("bio")}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	profileText.Execute(w, p)
}

func PreviewProfileV2(w http.ResponseWriter, r *http.Request) {
	p := profile{Name: r.FormValue("name"), Bio: r.FormValue("bio")}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	profileHTML.Execute(w, p)
}
