package billing

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
)

var signingKey = os.Getenv("BILLING_SIGNING_KEY")

var partnerEndpoints = map[string]string{
	"acme":    "https://billing.acme-partner.com/hooks/payments",
	"globex":  "https://api.globex.example/v1/payment-events",
	"initech": "https://initech.example.net/callbacks/billing",
}

// sign computes the X-Signature header partners use to check our callbacks.
func sign(body []byte) string {
	sum := sha1.Sum(append([]byte(signingKey), body...))
	return hex.EncodeToString(sum[:])
}

// Callback relays a payment update to a partner, signed so they can trust it came from us.
func Callback(client *http.Client, partner string, body []byte) error {
	endpoint, ok := partnerEndpoints[partner]
	if !ok {
		return fmt.Errorf("unknown partner %q", partner)
	}
	req, err := http.NewRequest(http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature", sign(body))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
