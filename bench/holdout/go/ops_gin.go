package ops

import (
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
)

const exportRoot = "/srv/exports"

var mirrorHosts = map[string]bool{"proxy.golang.org": true, "sum.golang.org": true}

func Register(r *gin.Engine) {
	r.POST("/ops/traceroute", traceroute)
	r.POST("/ops/clone", clone)
	r.POST("/ops/archive", archive)
	r.GET("/ops/hostname", hostname)
	r.GET("/ops/export", export)
	r.GET("/ops/export-safe", exportSafe)
	r.GET("/ops/fetch", fetch)
	r.GET("/ops/mirror", mirror)
}

func traceroute(c *gin.Context) {
	target := c.PostForm("target")
	out, err := exec.Command("sh", "-c", "traceroute -m 10 "+target).CombinedOutput()
	if err != nil {
		c.String(http.StatusBadGateway, "failed")
		return
	}
	c.String(http.StatusOK, string(out))
}

func clone(c *gin.Context) {
	repo := c.PostForm("repo")
	if !strings.HasPrefix(repo, "https://") {
		c.Status(http.StatusBadRequest)
		return
	}
	err := exec.Command("git", "clone", "--depth", "1", "--", repo, "/tmp/work").Run()
	c.JSON(http.StatusOK, gin.H{"ok": err == nil})
}

func archive(c *gin.Context) {
	name := c.PostForm("name")
	cmd := exec.Command("bash", "-c", "tar czf /tmp/"+name+".tgz "+exportRoot)
	c.JSON(http.StatusOK, gin.H{"ok": cmd.Run() == nil})
}

func hostname(c *gin.Context) {
	out, _ := exec.Command("hostname", "-f").Output()
	c.String(http.StatusOK, strings.TrimSpace(string(out)))
}

func export(c *gin.Context) {
	c.File(filepath.Join(exportRoot, c.Query("file")))
}

func exportSafe(c *gin.Context) {
	c.File(filepath.Join(exportRoot, filepath.Base(c.Query("file"))))
}

func fetch(c *gin.Context) {
	resp, err := http.Get(c.Query("url"))
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(http.StatusOK, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)
}

func mirror(c *gin.Context) {
	u, err := url.Parse(c.Query("url"))
	if err != nil || u.Scheme != "https" || !mirrorHosts[u.Hostname()] {
		c.Status(http.StatusBadRequest)
		return
	}
	resp, err := http.Get(u.String())
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode)
}
