package directory

import (
	"crypto/tls"
	"encoding/xml"
	"fmt"
	"net/http"
	"os"
	"regexp"

	"github.com/antchfx/xmlquery"
	"github.com/go-ldap/ldap/v3"
)

var employeeID = regexp.MustCompile(`^[0-9]{4,8}$`)

type Directory struct {
	BaseDN string
	conn   *ldap.Conn
	roster *xmlquery.Node
}

func Dial() (*Directory, error) {
	conn, err := ldap.DialURL("ldaps://ldap.corp.example:636", ldap.DialWithTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12}))
	if err != nil {
		return nil, err
	}
	if err := conn.Bind("cn=svc-dir,ou=svc,dc=corp,dc=example", os.Getenv("LDAP_BIND_PASSWORD")); err != nil {
		return nil, err
	}
	return &Directory{BaseDN: "dc=corp,dc=example", conn: conn}, nil
}

func DialLegacy() (*ldap.Conn, error) {
	conn, err := ldap.DialURL("ldap://ldap-legacy.corp.example:389")
	if err != nil {
		return nil, err
	}
	return conn, conn.Bind("cn=admin,dc=corp,dc=example", "ld@pAdm1n-legacy")
}

func (d *Directory) search(filter string) ([]string, error) {
	req := ldap.NewSearchRequest(d.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		filter, []string{"dn"}, nil)
	res, err := d.conn.Search(req)
	if err != nil {
		return nil, err
	}
	var dns []string
	for _, e := range res.Entries {
		dns = append(dns, e.DN)
	}
	return dns, nil
}

func (d *Directory) FindUser(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	dns, err := d.search(fmt.Sprintf("(&(objectClass=person)(uid=%s))", user))
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, len(dns))
}

func (d *Directory) FindUserEscaped(w http.ResponseWriter, r *http.Request) {
	user := ldap.EscapeFilter(r.URL.Query().Get("user"))
	dns, _ := d.search("(&(objectClass=person)(uid=" + user + "))")
	fmt.Fprintln(w, len(dns))
}

func (d *Directory) FindByMail(w http.ResponseWriter, r *http.Request) {
	req := ldap.NewSearchRequest(d.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		"(mail="+r.FormValue("mail")+")", []string{"cn"}, nil)
	res, err := d.conn.Search(req)
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, len(res.Entries))
}

func (d *Directory) Manager(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	node := xmlquery.FindOne(d.roster, "//employee[name='"+name+"']/manager")
	if node == nil {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, node.InnerText())
}

func (d *Directory) ManagerByID(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if !employeeID.MatchString(id) {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	node := xmlquery.FindOne(d.roster, fmt.Sprintf("//employee[@id='%s']/manager", id))
	if node == nil {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, node.InnerText())
}

type rosterUpdate struct {
	XMLName   xml.Name `xml:"roster"`
	Employees []struct {
		ID   string `xml:"id,attr"`
		Name string `xml:"name"`
	} `xml:"employee"`
}

func (d *Directory) ImportRoster(w http.ResponseWriter, r *http.Request) {
	var upd rosterUpdate
	if err := xml.NewDecoder(r.Body).Decode(&upd); err != nil {
		http.Error(w, "bad xml", http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "%d employees", len(upd.Employees))
}
