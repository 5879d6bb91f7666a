package search

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

type Result struct {
	Title string
	URL   string
}

type Searcher interface {
	Search(query string) []Result
}

func Register(r *gin.Engine, s Searcher) {
	r.LoadHTMLGlob("templates/*.tmpl")

	r.GET("/search", func(c *gin.Context) {
		q := c.Query("q")
		c.HTML(http.StatusOK, "results.tmpl", gin.H{"Query": q, "Results": s.Search(q)})
	})

	r.GET("/search/none", func(c *gin.Context) {
		msg := "<p>No results for <em>" + c.Query("q") + "</em></p>"
		c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(msg))
	})

	r.GET("/search/count", func(c *gin.Context) {
		n := len(s.Search(c.Query("q")))
		c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<p>"+strconv.Itoa(n)+" results</p>"))
	})

	// Shared search links can carry a note from the person who shared them.
	r.GET("/search/shared", func(c *gin.Context) {
		note := c.Query("note")
		c.HTML(http.StatusOK, "saved.tmpl", gin.H{"Note": template.HTML(note), "Results": s.Search(c.Query("q"))})
	})
}
