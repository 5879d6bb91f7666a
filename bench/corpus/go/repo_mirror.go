package mirror

import (
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

const mirrorRoot = "/srv/mirrors"

var mirrorName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

type mirrorRequest struct {
	Name    string `json:"name"`
	RepoURL string `json:"repo_url"`
}

func runShell(cmdline string) ([]byte, error) {
	return exec.Command("/bin/sh", "-c", cmdline).CombinedOutput()
}

// Create clones a repository the user wants mirrored.
func Create(w http.ResponseWriter, r *http.Request) {
	var req mirrorRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid body", http.StatusBadRequest)
		return
	}
	if !mirrorName.MatchString(req.Name) {
		http.Error(w, "invalid mirror name", http.StatusBadRequest)
		return
	}
	target := filepath.Join(mirrorRoot, req.Name)
	if out, err := runShell("git clone --mirror " + req.RepoURL + " " + target); err != nil {
		http.Error(w, strings.TrimSpace(string(out)), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Head reports the commit a mirror currently points at.
func Head(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if !mirrorName.MatchString(name) {
		http.Error(w, "invalid mirror name", http.StatusBadRequest)
		return
	}
	cmd := exec.Command("git", "rev-parse", "HEAD")
	cmd.Dir = filepath.Join(mirrorRoot, name)
	out, err := cmd.Output()
	if err != nil {
		http.Error(w, "unknown mirror", http.StatusNotFound)
		return
	}
	w.Write(out)
}
