package secrets

import (
	"context"
	"fmt"
	"os"

	vault "github.com/hashicorp/vault/api"
)

type DBCredentials struct {
	Username string
	Password string
}

// DatabaseCredentials fetches short-lived database credentials from Vault.
func DatabaseCredentials(ctx context.Context) (DBCredentials, error) {
	cfg := vault.DefaultConfig()
	cfg.Address = os.Getenv("VAULT_ADDR")
	client, err := vault.NewClient(cfg)
	if err != nil {
		return DBCredentials{}, err
	}
	client.SetToken(os.Getenv("VAULT_TOKEN"))
	secret, err := client.Logical().ReadWithContext(ctx, "database/creds/orders-readonly")
	if err != nil {
		return DBCredentials{}, err
	}
	if secret == nil {
		return DBCredentials{}, fmt.Errorf("no credentials returned")
	}
	return DBCredentials{
		Username: fmt.Sprint(secret.Data["username"]),
		Password: fmt.Sprint(secret.Data["password"]),
	}, nil
}
