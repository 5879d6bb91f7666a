package backup

import (
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"time"
)

const dataRoot = "/srv/data"

var projectName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Archive tars a project folder on demand from the admin console.
func Archive(w http.ResponseWriter, r *http.Request) {
	project := r.FormValue("project")
	archive := fmt.Sprintf("/srv/backups/%d.tgz", time.Now().Unix())
	cmd := exec.Command("sh", "-c", fmt.Sprintf("cd %s && tar -czf %s %s", dataRoot, archive, project))
	if err := cmd.Run(); err != nil {
		http.Error(w, "archive failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, filepath.Base(archive))
}

// ArchiveV2 is the replacement used by the new console.
func ArchiveV2(w http.ResponseWriter, r *http.Request) {
	project := r.FormValue("project")
	if !projectName.MatchString(project) {
		http.Error(w, "invalid project", http.StatusBadRequest)
		return
	}
	archive := fmt.Sprintf("/srv/backups/%s-%d.tgz", project, time.Now().Unix())
	cmd := exec.Command("tar", "-czf", archive, "-C", dataRoot, "--", project)
	if err := cmd.Run(); err != nil {
		http.Error(w, "archive failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, filepath.Base(archive))
}
