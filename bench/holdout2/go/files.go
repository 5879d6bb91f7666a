package files

import (
	"archive/zip"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

type FileServer struct {
	Root      string
	UploadDir string
}

func (fs *FileServer) Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	f, err := os.Open(filepath.Join(fs.UploadDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}

func (fs *FileServer) Avatar(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("user"))
	data, err := os.ReadFile(filepath.Join(fs.Root, "avatars", name+".png"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(data)
}

func (fs *FileServer) Raw(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("/var/lib/docs/" + r.PathValue("doc"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func (fs *FileServer) safePath(rel string) (string, error) {
	full := filepath.Join(fs.Root, filepath.Clean("/"+rel))
	if !strings.HasPrefix(full, filepath.Clean(fs.Root)+string(os.PathSeparator)) {
		return "", fmt.Errorf("path escapes root: %q", rel)
	}
	return full, nil
}

func (fs *FileServer) Doc(w http.ResponseWriter, r *http.Request) {
	p, err := fs.safePath(r.URL.Query().Get("p"))
	if err != nil {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, p)
}

func (fs *FileServer) Preview(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, filepath.Join(fs.Root, r.URL.Query().Get("p")))
}

func (fs *FileServer) Static() http.Handler {
	return http.StripPrefix("/static/", http.FileServer(http.Dir(filepath.Join(fs.Root, "static"))))
}

func (fs *FileServer) DeleteUpload(w http.ResponseWriter, r *http.Request) {
	if err := os.Remove(fs.UploadDir + "/" + r.FormValue("file")); err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
	}
}

func Unpack(archive, dest string) error {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		target := filepath.Join(dest, f.Name)
		if err := writeEntry(f, target); err != nil {
			return err
		}
	}
	return nil
}

func UnpackChecked(archive, dest string) error {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return err
	}
	defer zr.Close()
	root := filepath.Clean(dest) + string(os.PathSeparator)
	for _, f := range zr.File {
		target := filepath.Join(dest, f.Name)
		if !strings.HasPrefix(target, root) {
			return fmt.Errorf("illegal entry %q", f.Name)
		}
		if err := writeEntry(f, target); err != nil {
			return err
		}
	}
	return nil
}

func writeEntry(f *zip.File, target string) error {
	if f.FileInfo().IsDir() {
		return os.MkdirAll(target, 0o755)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, rc)
	return err
}
