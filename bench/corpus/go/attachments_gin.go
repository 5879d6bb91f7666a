package attachments

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

type Handlers struct {
	Dir  string
	Root *os.Root // opened once with os.OpenRoot(Dir)
}

// Delete removes one of the caller's attachments.
func (h *Handlers) Delete(c *gin.Context) {
	name := c.PostForm("name")
	if err := os.Remove(filepath.Join(h.Dir, c.GetString("userID"), name)); err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.Status(http.StatusNoContent)
}

// Get streams one of the caller's attachments.
func (h *Handlers) Get(c *gin.Context) {
	f, err := h.Root.Open(filepath.Join(c.GetString("userID"), c.Query("name")))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.DataFromReader(http.StatusOK, info.Size(), "application/octet-stream", f, nil)
}
