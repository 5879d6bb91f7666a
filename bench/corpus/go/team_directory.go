package directory

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-ldap/ldap/v3"
	"github.com/labstack/echo/v4"
)

const groupsBase = "ou=groups,dc=corp,dc=example,dc=com"
const peopleBase = "ou=people,dc=corp,dc=example,dc=com"

type Service struct {
	Conn *ldap.Conn
}

func (s *Service) search(base, filter string, attrs []string) ([]*ldap.Entry, error) {
	req := ldap.NewSearchRequest(base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 500, 10, false, filter, attrs, nil)
	res, err := s.Conn.Search(req)
	if err != nil {
		return nil, err
	}
	return res.Entries, nil
}

func (s *Service) Register(e *echo.Echo) {
	e.GET("/teams/:team/members", func(c echo.Context) error {
		filter := "(&(objectClass=groupOfNames)(cn=" + c.Param("team") + "))"
		entries, err := s.search(groupsBase, filter, []string{"member"})
		if err != nil {
			return echo.NewHTTPError(http.StatusBadGateway)
		}
		members := []string{}
		for _, e := range entries {
			members = append(members, e.GetAttributeValues("member")...)
		}
		return c.JSON(http.StatusOK, members)
	})

	e.GET("/people/by-number/:number", func(c echo.Context) error {
		number, err := strconv.Atoi(c.Param("number"))
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		entries, err := s.search(peopleBase, fmt.Sprintf("(employeeNumber=%d)", number), []string{"cn", "mail"})
		if err != nil || len(entries) == 0 {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return c.JSON(http.StatusOK, map[string]string{"cn": entries[0].GetAttributeValue("cn"), "mail": entries[0].GetAttributeValue("mail")})
	})
}
