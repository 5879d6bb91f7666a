package plugins

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"net/http"
	"text/template"

	"github.com/dop251/goja"
	"gopkg.in/yaml.v3"
)

type Job struct {
	Name string
	Args []string
}

var receiptTmpl = template.Must(template.New("receipt").Parse("Order {{.ID}} total {{.Total}}\n"))

func RunScript(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	v, err := vm.RunString(r.FormValue("script"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(v.Export())
}

func RunBuiltin(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	_ = vm.Set("total", 42)
	v, _ := vm.RunString("total * 1.2")
	_ = json.NewEncoder(w).Encode(v.Export())
}

func RenderCustom(w http.ResponseWriter, r *http.Request) {
	t, err := template.New("custom").Parse(r.FormValue("layout"))
	if err != nil {
		http.Error(w, "bad template", http.StatusBadRequest)
		return
	}
	_ = t.Execute(w, map[string]any{"Env": r.Context().Value("env")})
}

func RenderReceipt(w http.ResponseWriter, r *http.Request) {
	_ = receiptTmpl.Execute(w, map[string]any{"ID": r.FormValue("id"), "Total": 12.5})
}

func DecodeJob(w http.ResponseWriter, r *http.Request) {
	var job Job
	if err := gob.NewDecoder(r.Body).Decode(&job); err != nil {
		http.Error(w, "bad job", http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(job)
}

func DecodeJobYAML(w http.ResponseWriter, r *http.Request) {
	var job Job
	buf := new(bytes.Buffer)
	_, _ = buf.ReadFrom(r.Body)
	if err := yaml.Unmarshal(buf.Bytes(), &job); err != nil {
		http.Error(w, "bad job", http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(job)
}
