package sso

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/go-ldap/ldap/v3"
)

var ErrInvalidCredentials = errors.New("invalid credentials")

type Directory struct {
	URL    string
	BaseDN string
}

func (d *Directory) connect() (*ldap.Conn, error) {
	conn, err := ldap.DialURL(d.URL, ldap.DialWithTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12}))
	if err != nil {
		return nil, err
	}
	if err := conn.Bind(os.Getenv("LDAP_BIND_DN"), os.Getenv("LDAP_BIND_PASSWORD")); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// Authenticate finds the user's entry, then binds as that entry with the given password.
func (d *Directory) Authenticate(username, password string) (string, error) {
	conn, err := d.connect()
	if err != nil {
		return "", err
	}
	defer conn.Close()
	req := ldap.NewSearchRequest(d.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 2, 10, false,
		fmt.Sprintf("(&(objectClass=inetOrgPerson)(uid=%s))", username),
		[]string{"dn", "mail"}, nil)
	res, err := conn.Search(req)
	if err != nil || len(res.Entries) != 1 {
		return "", ErrInvalidCredentials
	}
	if err := conn.Bind(res.Entries[0].DN, password); err != nil {
		return "", ErrInvalidCredentials
	}
	return res.Entries[0].GetAttributeValue("mail"), nil
}

// Mail returns the address of the given user, for the invite form's autocomplete.
func (d *Directory) Mail(username string) (string, error) {
	conn, err := d.connect()
	if err != nil {
		return "", err
	}
	defer conn.Close()
	filter := "(&(objectClass=inetOrgPerson)(uid=" + ldap.EscapeFilter(username) + "))"
	res, err := conn.Search(ldap.NewSearchRequest(d.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false, filter, []string{"mail"}, nil))
	if err != nil || len(res.Entries) == 0 {
		return "", err
	}
	return res.Entries[0].GetAttributeValue("mail"), nil
}

// LoginHandler serves the sign-in form of the intranet portal.
func (d *Directory) LoginHandler(w http.ResponseWriter, r *http.Request) {
	mail, err := d.Authenticate(r.FormValue("username"), r.FormValue("password"))
	if err != nil {
		http.Error(w, "sign-in failed", http.StatusUnauthorized)
		return
	}
	fmt.Fprintf(w, "signed in as %q\n", mail)
}
