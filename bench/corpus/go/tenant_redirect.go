package tenants

import (
	"net/http"
	"regexp"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var tenantSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,30}$`)

// Gin routes on the marketing site: "Sign in" takes users to their workspace.
func RegisterSignIn(r *gin.Engine) {
	r.GET("/signin", func(c *gin.Context) {
		c.Redirect(http.StatusFound, "https://"+c.Query("workspace")+".example.app/login")
	})

	r.GET("/v2/signin", func(c *gin.Context) {
		workspace := c.Query("workspace")
		if !tenantSlug.MatchString(workspace) {
			c.Redirect(http.StatusFound, "/find-workspace")
			return
		}
		c.Redirect(http.StatusFound, "https://"+workspace+".example.app/login")
	})
}

// Echo routes in the app: the checkout form posts back where to go when it is done.
func RegisterCheckout(e *echo.Echo) {
	e.POST("/checkout/complete", func(c echo.Context) error {
		return c.Redirect(http.StatusSeeOther, c.FormValue("return_to"))
	})

	e.POST("/orders/:id/pay", func(c echo.Context) error {
		id, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return c.Redirect(http.StatusSeeOther, "/orders/"+strconv.Itoa(id))
	})
}
