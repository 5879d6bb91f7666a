package config

import (
	"fmt"
	"os"
	"time"
)

type Config struct {
	DatabaseURL   string
	JWTSecret     []byte
	SMTPPassword  string
	TokenLifetime time.Duration
}

const defaultDatabaseURL = "postgres://billing:Xr7!pQ2zLm9w@db.internal:5432/billing?sslmode=require"

var jwtSigningKey = []byte("3c1e9f6a8b2d47e0a5f1c8d3b6e9a2f4")

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

// Load reads the service configuration from the environment.
func Load() (Config, error) {
	lifetime, err := time.ParseDuration(getenv("TOKEN_LIFETIME", "15m"))
	if err != nil {
		return Config{}, fmt.Errorf("TOKEN_LIFETIME: %w", err)
	}
	return Config{
		DatabaseURL:   getenv("DATABASE_URL", defaultDatabaseURL),
		JWTSecret:     jwtSigningKey,
		SMTPPassword:  os.Getenv("SMTP_PASSWORD"),
		TokenLifetime: lifetime,
	}, nil
}
