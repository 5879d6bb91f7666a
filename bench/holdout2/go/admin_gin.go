package admin

import (
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Handler struct {
	DB        *gorm.DB
	ExportDir string
}

type User struct {
	ID    uint
	Name  string
	Email string
}

func (h *Handler) Register(r *gin.Engine) {
	g := r.Group("/admin")
	g.GET("/users", h.users)
	g.GET("/users/by-name", h.usersByName)
	g.GET("/users/:id", h.user)
	g.GET("/export/:file", h.export)
	g.GET("/export-latest", h.exportLatest)
	g.POST("/convert", h.convert)
	g.GET("/go", h.jump)
	g.GET("/greet", h.greet)
	g.POST("/prefs", h.prefs)
}

func (h *Handler) users(c *gin.Context) {
	var users []User
	order := c.DefaultQuery("order", "name")
	h.DB.Raw("SELECT id, name, email FROM users ORDER BY " + order).Scan(&users)
	c.JSON(http.StatusOK, users)
}

func (h *Handler) usersByName(c *gin.Context) {
	var users []User
	h.DB.Where("name LIKE ?", "%"+c.Query("q")+"%").Find(&users)
	var legacy []User
	h.DB.Where(fmt.Sprintf("email = '%s'", c.Query("email"))).Find(&legacy)
	c.JSON(http.StatusOK, append(users, legacy...))
}

func (h *Handler) user(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var u User
	h.DB.Raw(fmt.Sprintf("SELECT id, name, email FROM users WHERE id = %d", id)).Scan(&u)
	c.JSON(http.StatusOK, u)
}

func (h *Handler) export(c *gin.Context) {
	c.File(filepath.Join(h.ExportDir, c.Param("file")))
}

func (h *Handler) exportLatest(c *gin.Context) {
	c.FileAttachment(filepath.Join(h.ExportDir, "latest.csv"), "export.csv")
}

func (h *Handler) convert(c *gin.Context) {
	src := c.PostForm("src")
	out, err := exec.Command("sh", "-c", "libreoffice --headless --convert-to pdf "+src).CombinedOutput()
	if err != nil {
		c.String(http.StatusInternalServerError, string(out))
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) jump(c *gin.Context) {
	c.Redirect(http.StatusFound, c.Query("to"))
}

func (h *Handler) greet(c *gin.Context) {
	name := c.Query("name")
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<h2>Hello "+name+"</h2>"))
}

func (h *Handler) prefs(c *gin.Context) {
	c.SetCookie("admin_session", c.GetString("session_token"), 3600, "/admin", "", false, false)
	c.SetCookie("admin_csrf", c.GetString("csrf_token"), 3600, "/admin", "", true, true)
	c.Redirect(http.StatusSeeOther, "/admin/prefs")
}
