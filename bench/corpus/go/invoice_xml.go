package invoices

import (
	"encoding/xml"
	"net/http"

	"github.com/lestrrat-go/libxml2/parser"
	"github.com/lestrrat-go/libxml2/xpath"
)

type InvoiceSummary struct {
	XMLName xml.Name `xml:"Invoice"`
	ID      string   `xml:"ID"`
	Total   string   `xml:"LegalMonetaryTotal>PayableAmount"`
}

// Import accepts UBL invoices from suppliers. Their files use entities from the shared UBL DTD.
func Import(w http.ResponseWriter, r *http.Request) {
	p := parser.New(parser.XMLParseNoEnt | parser.XMLParseDTDLoad)
	doc, err := p.ParseReader(http.MaxBytesReader(w, r.Body, 2<<20))
	if err != nil {
		http.Error(w, "malformed XML", http.StatusBadRequest)
		return
	}
	defer doc.Free()
	id := xpath.String(doc.Find("//*[local-name()='Invoice']/*[local-name()='ID']"))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("imported " + id))
}

// Check validates an invoice without storing it.
func Check(w http.ResponseWriter, r *http.Request) {
	p := parser.New(parser.XMLParseNoNet)
	doc, err := p.ParseReader(http.MaxBytesReader(w, r.Body, 2<<20))
	if err != nil {
		http.Error(w, "malformed XML", http.StatusBadRequest)
		return
	}
	doc.Free()
	w.WriteHeader(http.StatusNoContent)
}

// Summary decodes just the totals with the standard library decoder.
func Summary(w http.ResponseWriter, r *http.Request) {
	var inv InvoiceSummary
	if err := xml.NewDecoder(http.MaxBytesReader(w, r.Body, 2<<20)).Decode(&inv); err != nil {
		http.Error(w, "malformed XML", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte(inv.ID + ": " + inv.Total))
}
