package catalog

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"sync"

	"github.com/antchfx/xmlquery"
	"github.com/gin-gonic/gin"
)

var categoryName = regexp.MustCompile(`^[A-Za-z0-9 -]{1,40}$`)

type Feed struct {
	mu  sync.RWMutex
	doc *xmlquery.Node
}

// Reload reads the supplier feed that the sync job drops on disk.
func (f *Feed) Reload(path string) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	doc, err := xmlquery.Parse(file)
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.doc = doc
	f.mu.Unlock()
	return nil
}

func names(nodes []*xmlquery.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.SelectAttr("name"))
	}
	return out
}

func (f *Feed) Register(r *gin.Engine) {
	r.GET("/feed/brands/:brand", func(c *gin.Context) {
		f.mu.RLock()
		defer f.mu.RUnlock()
		nodes := xmlquery.Find(f.doc, "//product[@brand='"+c.Param("brand")+"']")
		c.JSON(http.StatusOK, names(nodes))
	})

	r.GET("/feed/categories", func(c *gin.Context) {
		category := c.Query("category")
		if !categoryName.MatchString(category) {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		f.mu.RLock()
		defer f.mu.RUnlock()
		nodes := xmlquery.Find(f.doc, fmt.Sprintf("//product[category='%s']", category))
		c.JSON(http.StatusOK, names(nodes))
	})

	r.GET("/feed/products/:id", func(c *gin.Context) {
		id, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		f.mu.RLock()
		defer f.mu.RUnlock()
		node := xmlquery.FindOne(f.doc, fmt.Sprintf("//product[@id=%d]", id))
		if node == nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		c.JSON(http.StatusOK, gin.H{"name": node.SelectAttr("name")})
	})
}
