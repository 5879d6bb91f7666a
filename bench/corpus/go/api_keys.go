package keys

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/rand"
)

// NewAPIKey returns the key shown once to the user; only its hash is stored.
func NewAPIKey() string {
	b := make([]byte, 24)
	rand.Read(b)
	return "key_" + hex.EncodeToString(b)
}

// NewWebhookSecret returns the secret partners use to verify our webhook signatures.
func NewWebhookSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// NewSessionID returns the identifier of a new server-side session.
func NewSessionID() string {
	return hex.EncodeToString([]byte{
		byte(rand.Int63()), byte(rand.Int63() >> 8), byte(rand.Int63() >> 16), byte(rand.Int63() >> 24),
		byte(rand.Int63()), byte(rand.Int63() >> 8), byte(rand.Int63() >> 16), byte(rand.Int63() >> 24),
	})
}
