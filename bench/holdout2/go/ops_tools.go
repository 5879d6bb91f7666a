package ops

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"regexp"
	"time"
)

var allowedTools = map[string]string{
	"dig":        "/usr/bin/dig",
	"traceroute": "/usr/sbin/traceroute",
}

var repoPattern = regexp.MustCompile(`^https://github\.com/[\w.-]+/[\w.-]+\.git$`)

type Ops struct {
	DataDir string
}

func (o *Ops) Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	out, err := exec.Command("sh", "-c", "ping -c 3 "+host).CombinedOutput()
	if err != nil {
		http.Error(w, string(out), http.StatusBadGateway)
		return
	}
	w.Write(out)
}

func (o *Ops) Lookup(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	if net.ParseIP(host) == nil {
		if _, err := net.LookupHost(host); err != nil {
			http.Error(w, "unknown host", http.StatusBadRequest)
			return
		}
	}
	out, _ := exec.Command("/usr/bin/dig", "+short", "--", host).Output()
	w.Write(out)
}

func (o *Ops) Archive(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
	defer cancel()
	name := r.FormValue("name")
	script := fmt.Sprintf("tar czf /tmp/%s.tgz %s", name, o.DataDir)
	cmd := exec.CommandContext(ctx, "bash", "-c", script)
	if err := cmd.Run(); err != nil {
		http.Error(w, "archive failed", http.StatusInternalServerError)
	}
}

func (o *Ops) Tool(w http.ResponseWriter, r *http.Request) {
	bin, ok := allowedTools[r.URL.Query().Get("tool")]
	if !ok {
		http.Error(w, "unknown tool", http.StatusBadRequest)
		return
	}
	out, _ := exec.Command(bin, "-V").CombinedOutput()
	w.Write(out)
}

func (o *Ops) RunTool(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	cmd := exec.Command(r.Form.Get("tool"), r.Form["arg"]...)
	out, _ := cmd.CombinedOutput()
	w.Write(out)
}

func (o *Ops) Clone(w http.ResponseWriter, r *http.Request) {
	repo := r.FormValue("repo")
	if !repoPattern.MatchString(repo) {
		http.Error(w, "unsupported repository", http.StatusBadRequest)
		return
	}
	cmd := exec.Command("git", "clone", "--depth", "1", "--", repo)
	cmd.Dir = o.DataDir
	if err := cmd.Run(); err != nil {
		http.Error(w, "clone failed", http.StatusBadGateway)
	}
}

func (o *Ops) DiskUsage(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("sh", "-c", "df -h "+o.DataDir+" | tail -n 1").Output()
	w.Write(out)
}

func (o *Ops) Hook(w http.ResponseWriter, r *http.Request) {
	runHook := func(event string) error {
		return exec.Command("/bin/sh", "-c", "/opt/hooks/on-"+event+".sh").Run()
	}
	if err := runHook(r.Header.Get("X-Event")); err != nil {
		http.Error(w, "hook failed", http.StatusInternalServerError)
	}
}
