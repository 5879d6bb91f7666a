package audit

import (
	"database/sql"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

type Entry struct {
	Actor  string `json:"actor"`
	Action string `json:"action"`
	At     string `json:"at"`
}

type Repo struct {
	DB *sql.DB
}

func scanEntries(rows *sql.Rows) ([]Entry, error) {
	defer rows.Close()
	var entries []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Actor, &e.Action, &e.At); err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, rows.Err()
}

// MyActivity lists what the calling service account did; the gateway sets X-Actor.
func (r *Repo) MyActivity(c echo.Context) error {
	var sb strings.Builder
	sb.WriteString("SELECT actor, action, at FROM audit_log WHERE actor = '")
	sb.WriteString(c.Request().Header.Get("X-Actor"))
	sb.WriteString("' ORDER BY at DESC LIMIT 200")
	rows, err := r.DB.QueryContext(c.Request().Context(), sb.String())
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError)
	}
	entries, err := scanEntries(rows)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, entries)
}

// ByActions serves GET /audit?action=login&action=logout.
func (r *Repo) ByActions(c echo.Context) error {
	actions := c.QueryParams()["action"]
	if len(actions) == 0 || len(actions) > 20 {
		return echo.NewHTTPError(http.StatusBadRequest, "between 1 and 20 actions")
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?,", len(actions)), ",")
	args := make([]any, len(actions))
	for i, a := range actions {
		args[i] = a
	}
	rows, err := r.DB.QueryContext(c.Request().Context(), "SELECT actor, action, at FROM audit_log WHERE action IN ("+placeholders+") ORDER BY at DESC", args...)
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError)
	}
	entries, err := scanEntries(rows)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, entries)
}
