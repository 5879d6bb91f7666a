package gateway

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"

	"github.com/gin-gonic/gin"
)

// Internal dashboards reach their backend through this proxy; the caller names the backend.
func DebugProxy(c *gin.Context) {
	target, err := url.Parse(c.GetHeader("X-Debug-Upstream"))
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(c.Writer, c.Request)
}

// MetricsProxy forwards to the metrics backend configured for this deployment.
func MetricsProxy() gin.HandlerFunc {
	target, err := url.Parse(os.Getenv("METRICS_UPSTREAM_URL"))
	if err != nil {
		panic("METRICS_UPSTREAM_URL is not a URL: " + err.Error())
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	return func(c *gin.Context) {
		proxy.ServeHTTP(c.Writer, c.Request)
	}
}

func Register(r *gin.Engine) {
	r.Any("/debug/proxy/*path", DebugProxy)
	r.Any("/metrics/*path", MetricsProxy())
}
