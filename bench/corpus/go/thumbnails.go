package media

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

const uploadDir = "/var/lib/gallery/uploads"

// Upload stores an image and builds its thumbnail with ImageMagick.
func Upload(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("image")
	if err != nil {
		http.Error(w, "missing image", http.StatusBadRequest)
		return
	}
	defer file.Close()

	tmp, err := os.CreateTemp(uploadDir, "upload-*")
	if err != nil {
		http.Error(w, "storage unavailable", http.StatusInternalServerError)
		return
	}
	defer tmp.Close()
	if _, err := io.Copy(tmp, file); err != nil {
		http.Error(w, "upload failed", http.StatusInternalServerError)
		return
	}

	thumb := tmp.Name() + "-thumb.png"
	if err := exec.Command("convert", tmp.Name(), "-thumbnail", "200x200", thumb).Run(); err != nil {
		http.Error(w, "thumbnail failed", http.StatusUnprocessableEntity)
		return
	}

	// Keep the original name in the image comment for the gallery caption.
	caption := exec.Command("sh", "-c", "exiftool -overwrite_original -Comment='"+header.Filename+"' "+thumb)
	if err := caption.Run(); err != nil {
		http.Error(w, "caption failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
	io.WriteString(w, filepath.Base(thumb))
}
