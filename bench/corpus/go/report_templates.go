package reports

import (
	"bytes"
	"net/http"
	"text/template"
	"time"
)

type Summary struct {
	Team       string
	Period     string
	Opened     int
	Closed     int
	MedianTime time.Duration
}

const defaultEmailTemplate = `Weekly report for {{.Team}} ({{.Period}})
Opened: {{.Opened}}  Closed: {{.Closed}}  Median time to close: {{.MedianTime}}
`

var defaultEmail = template.Must(template.New("weekly").Parse(defaultEmailTemplate))

func loadSummary(r *http.Request) Summary {
	return Summary{Team: r.URL.Query().Get("team"), Period: "last 7 days", Opened: 42, Closed: 37, MedianTime: 26 * time.Hour}
}

// Preview renders the weekly email with the team's own template so they can see it before saving.
func Preview(w http.ResponseWriter, r *http.Request) {
	tmpl, err := template.New("custom").Parse(r.FormValue("template"))
	if err != nil {
		http.Error(w, "template error: "+err.Error(), http.StatusBadRequest)
		return
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, loadSummary(r)); err != nil {
		http.Error(w, "render error", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(buf.Bytes())
}

// Default renders the built-in weekly email.
func Default(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := defaultEmail.Execute(w, loadSummary(r)); err != nil {
		http.Error(w, "render error", http.StatusInternalServerError)
	}
}
