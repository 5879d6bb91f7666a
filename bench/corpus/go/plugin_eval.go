package plugins

import (
	"embed"
	"io"
	"net/http"
	"path"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

const maxPluginSize = 64 << 10

//go:embed builtin/*.go
var builtin embed.FS

func newInterpreter() (*interp.Interpreter, error) {
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		return nil, err
	}
	return i, nil
}

// LoadBuiltins evaluates the plugins that ship inside the binary.
func LoadBuiltins() (*interp.Interpreter, error) {
	i, err := newInterpreter()
	if err != nil {
		return nil, err
	}
	entries, err := builtin.ReadDir("builtin")
	if err != nil {
		return nil, err
	}
	for _, entry := range entries {
		code, err := builtin.ReadFile(path.Join("builtin", entry.Name()))
		if err != nil {
			return nil, err
		}
		if _, err := i.Eval(string(code)); err != nil {
			return nil, err
		}
	}
	return i, nil
}

// Validate compiles an uploaded Go plugin so authors get errors before publishing it.
func Validate(w http.ResponseWriter, r *http.Request) {
	src, err := io.ReadAll(io.LimitReader(r.Body, maxPluginSize))
	if err != nil {
		http.Error(w, "read failed", http.StatusBadRequest)
		return
	}
	i, err := newInterpreter()
	if err != nil {
		http.Error(w, "interpreter unavailable", http.StatusInternalServerError)
		return
	}
	if _, err := i.Eval(string(src)); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
