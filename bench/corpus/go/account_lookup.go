package accounts

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/antchfx/xmlquery"
)

// Accounts migrated from the old billing system still live in an XML export.
type LegacyAccounts struct {
	Path string
}

func (l *LegacyAccounts) load() (*xmlquery.Node, error) {
	f, err := os.Open(l.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return xmlquery.Parse(f)
}

// Lookup serves POST /legacy/lookup with form fields email and postcode.
func (l *LegacyAccounts) Lookup(w http.ResponseWriter, r *http.Request) {
	doc, err := l.load()
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	expr := fmt.Sprintf("//account[email='%s' and postcode='%s']", r.FormValue("email"), r.FormValue("postcode"))
	node, err := xmlquery.Query(doc, expr)
	if err != nil || node == nil {
		http.Error(w, "no matching account", http.StatusNotFound)
		return
	}
	balance := ""
	if b := xmlquery.FindOne(node, "balance"); b != nil {
		balance = b.InnerText()
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"id": node.SelectAttr("id"), "balance": balance})
}
