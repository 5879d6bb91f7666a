package webhooks

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

var allowedChatHosts = map[string]bool{
	"hooks.slack.com":     true,
	"discord.com":         true,
	"outlook.office.com":  true,
	"chat.googleapis.com": true,
}

type Subscription struct {
	CallbackURL string `json:"callback_url"`
	Event       string `json:"event"`
}

// Test sends a sample event to the callback a customer is about to register.
func Test(w http.ResponseWriter, r *http.Request) {
	var sub Subscription
	if err := json.NewDecoder(r.Body).Decode(&sub); err != nil {
		http.Error(w, "invalid body", http.StatusBadRequest)
		return
	}
	payload, _ := json.Marshal(map[string]string{"event": sub.Event, "test": "true"})
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, sub.CallbackURL, bytes.NewReader(payload))
	if err != nil {
		http.Error(w, "invalid callback URL", http.StatusBadRequest)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "callback unreachable", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// Fetch returns what a URL looks like to our servers, for the link checker tool.
func Fetch(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, "unreachable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

// Notify posts a message to a team chat webhook.
func Notify(w http.ResponseWriter, r *http.Request) {
	target, err := url.Parse(r.FormValue("webhook"))
	if err != nil || target.Scheme != "https" || !allowedChatHosts[target.Hostname()] {
		http.Error(w, "unsupported webhook", http.StatusBadRequest)
		return
	}
	body, _ := json.Marshal(map[string]string{"text": r.FormValue("text")})
	resp, err := client.Post(target.String(), "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, "delivery failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
