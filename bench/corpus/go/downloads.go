package files

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

type Server struct {
	Root string // absolute, cleaned at start-up
}

// Download serves GET /download?file=reports/2024-01.pdf.
func (s *Server) Download(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(filepath.Join(s.Root, r.URL.Query().Get("file")))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	io.Copy(w, f)
}

// DownloadV2 serves GET /v2/download?file=... for the new web client.
func (s *Server) DownloadV2(w http.ResponseWriter, r *http.Request) {
	target := filepath.Join(s.Root, filepath.Clean("/"+r.URL.Query().Get("file")))
	if !strings.HasPrefix(target, s.Root+string(os.PathSeparator)) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	f, err := os.Open(target)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	io.Copy(w, f)
}

// Preview serves GET /preview?name=... from the shared previews folder.
func (s *Server) Preview(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, filepath.Join(s.Root, "previews", r.URL.Query().Get("name")))
}
