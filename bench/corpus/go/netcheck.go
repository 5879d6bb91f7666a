package tools

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"time"

	"github.com/gin-gonic/gin"
)

func RegisterNetworkTools(r *gin.RouterGroup) {
	r.GET("/ping", func(c *gin.Context) {
		host := c.Query("host")
		out, err := exec.Command("bash", "-c", fmt.Sprintf("ping -c 2 -W 1 %s", host)).CombinedOutput()
		if err != nil {
			c.String(http.StatusBadGateway, "ping failed")
			return
		}
		c.String(http.StatusOK, string(out))
	})

	r.GET("/v2/ping", func(c *gin.Context) {
		ip := net.ParseIP(c.Query("host"))
		if ip == nil {
			c.String(http.StatusBadRequest, "host must be an IP address")
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), 5*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, "ping", "-c", "2", "-W", "1", ip.String()).CombinedOutput()
		if err != nil {
			c.String(http.StatusBadGateway, "ping failed")
			return
		}
		c.String(http.StatusOK, string(out))
	})
}
