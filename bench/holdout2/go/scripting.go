package rules

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"net/http"
	"text/template"

	"github.com/dop251/goja"
)

var receiptTmpl = template.Must(template.New("receipt").Parse("Receipt for {{.Customer}}: {{.Total}}\n"))

type Engine struct {
	pages *htmltemplate.Template
}

type ruleRequest struct {
	Expression string         `json:"expression"`
	Vars       map[string]any `json:"vars"`
}

func (e *Engine) Evaluate(w http.ResponseWriter, r *http.Request) {
	var req ruleRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	vm := goja.New()
	for k, v := range req.Vars {
		vm.Set(k, v)
	}
	val, err := vm.RunString(req.Expression)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	json.NewEncoder(w).Encode(val.Export())
}

func (e *Engine) Discount(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	vm.Set("total", r.URL.Query().Get("total"))
	val, err := vm.RunString(`total > 100 ? total * 0.9 : total`)
	if err != nil {
		http.Error(w, "eval failed", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(val.Export())
}

func (e *Engine) PreviewTemplate(w http.ResponseWriter, r *http.Request) {
	tmpl, err := template.New("preview").Parse(r.FormValue("template"))
	if err != nil {
		http.Error(w, "bad template", http.StatusBadRequest)
		return
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, e); err != nil {
		http.Error(w, "render failed", http.StatusBadRequest)
		return
	}
	w.Write(buf.Bytes())
}

func (e *Engine) Receipt(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{"Customer": r.FormValue("customer"), "Total": r.FormValue("total")}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	receiptTmpl.Execute(w, data)
}

func (e *Engine) Banner(w http.ResponseWriter, r *http.Request) {
	msg := r.URL.Query().Get("msg")
	e.pages.ExecuteTemplate(w, "banner.html", map[string]any{"Message": htmltemplate.HTML(msg)})
}

func (e *Engine) Notice(w http.ResponseWriter, r *http.Request) {
	e.pages.ExecuteTemplate(w, "notice.html", map[string]any{"Message": r.URL.Query().Get("msg")})
}
