package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

type Invoice struct {
	Number     string
	Customer   string
	IssuedOn   time.Time
	TotalCents int64
}

// cell keeps spreadsheet apps from treating a value as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteInvoices streams invoices as CSV with a header row.
func WriteInvoices(w io.Writer, invoices []Invoice) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"number", "customer", "issued_on", "total"}); err != nil {
		return err
	}
	for _, inv := range invoices {
		record := []string{
			cell(inv.Number),
			cell(inv.Customer),
			inv.IssuedOn.Format("2006-01-02"),
			strconv.FormatFloat(float64(inv.TotalCents)/100, 'f', 2, 64),
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
