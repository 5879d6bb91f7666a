package integrations

import (
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const weatherAPI = "https://api.weather.example.com/v1/forecast"

var webhookHosts = map[string]bool{"hooks.slack.com": true, "events.pagerduty.com": true}

type Client struct {
	HTTP      *http.Client
	AdminUser string
	AdminPass string
}

func New() *Client {
	return &Client{
		HTTP:      &http.Client{Timeout: 10 * time.Second},
		AdminUser: "integration-admin",
		AdminPass: "Sup3rS3cret-Integration!",
	}
}

func (c *Client) Unfurl(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

type webhookReq struct {
	Target  string          `json:"target"`
	Payload json.RawMessage `json:"payload"`
}

func (c *Client) TestWebhook(w http.ResponseWriter, r *http.Request) {
	var body webhookReq
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, body.Target, strings.NewReader(string(body.Payload)))
	resp, err := c.HTTP.Do(req)
	if err != nil {
		http.Error(w, "delivery failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	fmt.Fprintf(w, "delivered: %d", resp.StatusCode)
}

func (c *Client) Deliver(w http.ResponseWriter, r *http.Request) {
	target, err := url.Parse(r.FormValue("target"))
	if err != nil || target.Scheme != "https" || !webhookHosts[target.Hostname()] {
		http.Error(w, "target not allowed", http.StatusBadRequest)
		return
	}
	resp, err := c.HTTP.Post(target.String(), "application/json", r.Body)
	if err != nil {
		http.Error(w, "delivery failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

func (c *Client) Forecast(w http.ResponseWriter, r *http.Request) {
	q := url.Values{"city": {r.URL.Query().Get("city")}}
	resp, err := c.HTTP.Get(weatherAPI + "?" + q.Encode())
	if err != nil {
		http.Error(w, "forecast unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (c *Client) Mirror(w http.ResponseWriter, r *http.Request) {
	fetch := func(u string) (*http.Response, error) {
		return c.HTTP.Get(u)
	}
	resp, err := fetch("https://" + r.URL.Query().Get("host") + "/status.json")
	if err != nil {
		http.Error(w, "mirror failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

type Snapshot struct {
	Version int
	Items   []string
}

func (c *Client) Restore(w http.ResponseWriter, r *http.Request) {
	var snap Snapshot
	if err := gob.NewDecoder(r.Body).Decode(&snap); err != nil {
		http.Error(w, "bad snapshot", http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "restored %d items", len(snap.Items))
}
