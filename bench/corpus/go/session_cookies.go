package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type TokenIssuer interface {
	Issue(user string) (access, refresh string, err error)
}

// SetSession is used by the net/http login form.
func SetSession(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:    "session",
		Value:   token,
		Path:    "/",
		Expires: time.Now().Add(12 * time.Hour),
	})
}

// SetSessionV2 replaces SetSession once all services read the new cookie.
func SetSessionV2(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:     "__Host-session",
		Value:    token,
		Path:     "/",
		MaxAge:   12 * 60 * 60,
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

func RegisterGinAuth(r *gin.Engine, issuer TokenIssuer) {
	r.POST("/api/login", func(c *gin.Context) {
		access, _, err := issuer.Issue(c.PostForm("user"))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.SetCookie("access_token", access, 900, "/", "", false, false)
		c.Status(http.StatusNoContent)
	})

	r.POST("/api/v2/login", func(c *gin.Context) {
		access, _, err := issuer.Issue(c.PostForm("user"))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.SetSameSite(http.SameSiteStrictMode)
		c.SetCookie("access_token", access, 900, "/", "", true, true)
		c.Status(http.StatusNoContent)
	})
}

func RegisterEchoRefresh(e *echo.Echo, issuer TokenIssuer) {
	e.POST("/auth/refresh", func(c echo.Context) error {
		_, refresh, err := issuer.Issue(c.Get("user").(string))
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.SetCookie(&http.Cookie{Name: "refresh_token", Value: refresh, Path: "/auth", Secure: true, HttpOnly: false})
		return c.NoContent(http.StatusNoContent)
	})
}
