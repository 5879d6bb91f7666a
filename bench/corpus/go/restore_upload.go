package restore

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

const restoreRoot = "/srv/restore"

func extract(r io.Reader, dest string) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		target := filepath.Join(dest, hdr.Name)
		if err := os.MkdirAll(filepath.Dir(target), 0o750); err != nil {
			return err
		}
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o640)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, io.LimitReader(tr, 1<<30))
		out.Close()
		if err != nil {
			return err
		}
	}
}

// Restore unpacks an uploaded site backup.
func Restore(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("backup")
	if err != nil {
		http.Error(w, "missing backup", http.StatusBadRequest)
		return
	}
	defer file.Close()
	if err := extract(file, restoreRoot); err != nil {
		http.Error(w, "restore failed", http.StatusUnprocessableEntity)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
