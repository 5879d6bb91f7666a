package directory

import (
	"fmt"
	"net/http"
	"os"

	"github.com/go-ldap/ldap/v3"
	"github.com/gorilla/sessions"
)

const baseDN = "ou=people,dc=example,dc=com"

var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

func connect() (*ldap.Conn, error) {
	conn, err := ldap.DialURL(os.Getenv("LDAP_URL"))
	if err != nil {
		return nil, err
	}
	return conn, conn.Bind(os.Getenv("LDAP_BIND_DN"), os.Getenv("LDAP_BIND_PW"))
}

func FindUser(w http.ResponseWriter, r *http.Request) {
	conn, err := connect()
	if err != nil {
		http.Error(w, "ldap down", http.StatusBadGateway)
		return
	}
	defer conn.Close()
	user := r.URL.Query().Get("user")
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", user), []string{"cn", "mail"}, nil)
	res, err := conn.Search(req)
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", len(res.Entries))
}

func FindUserEscaped(w http.ResponseWriter, r *http.Request) {
	conn, err := connect()
	if err != nil {
		http.Error(w, "ldap down", http.StatusBadGateway)
		return
	}
	defer conn.Close()
	user := r.URL.Query().Get("user")
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", ldap.EscapeFilter(user)), []string{"cn", "mail"}, nil)
	res, err := conn.Search(req)
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", len(res.Entries))
}

func GroupMembers(w http.ResponseWriter, r *http.Request) {
	conn, err := connect()
	if err != nil {
		http.Error(w, "ldap down", http.StatusBadGateway)
		return
	}
	defer conn.Close()
	filter := "(&(objectClass=groupOfNames)(cn=" + r.FormValue("group") + "))"
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filter, []string{"member"}, nil)
	res, err := conn.Search(req)
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", len(res.Entries))
}

func SwitchAccount(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "app")
	sess.Values["account_id"] = r.FormValue("account_id")
	_ = sess.Save(r, w)
}

func SetRegion(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "app")
	region := r.FormValue("region")
	switch region {
	case "eu", "us", "apac":
	default:
		region = "us"
	}
	sess.Values["region"] = region
	_ = sess.Save(r, w)
}

func IssueToken(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: "api_session", Value: token, Path: "/"})
}

func IssueTokenSecure(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: "api_session", Value: token, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func RememberLogin(w http.ResponseWriter, r *http.Request, token string) {
	cookie := &http.Cookie{Name: "remember_me", Value: token, MaxAge: 30 * 24 * 3600, Secure: true}
	http.SetCookie(w, cookie)
}
