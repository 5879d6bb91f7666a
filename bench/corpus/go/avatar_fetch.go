package profile

import (
	"crypto/md5"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

var httpClient = &http.Client{Timeout: 8 * time.Second}

func download(url string) ([]byte, error) {
	resp, err := httpClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 2<<20))
}

type AvatarStore interface {
	Put(userID string, image []byte) error
}

func RegisterAvatarRoutes(e *echo.Echo, store AvatarStore) {
	// Users can paste a link to an image instead of uploading one.
	e.POST("/me/avatar/from-url", func(c echo.Context) error {
		image, err := download(c.FormValue("avatar_url"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadGateway, "could not fetch image")
		}
		return store.Put(c.Get("userID").(string), image)
	})

	e.POST("/me/avatar/gravatar", func(c echo.Context) error {
		email := strings.ToLower(strings.TrimSpace(c.Get("email").(string)))
		hash := md5.Sum([]byte(email))
		image, err := download(fmt.Sprintf("https://www.gravatar.com/avatar/%x?s=256&d=404", hash))
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return store.Put(c.Get("userID").(string), image)
	})
}
