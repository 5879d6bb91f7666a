package account

import (
	"database/sql"
	"fmt"
	"math/rand"
	"net/http"
	"time"
)

const resetAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func init() {
	rand.Seed(time.Now().UnixNano())
}

func resetToken() string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = resetAlphabet[rand.Intn(len(resetAlphabet))]
	}
	return string(b)
}

func smsCode() string {
	return fmt.Sprintf("%06d", rand.Intn(1000000))
}

type Mailer interface {
	Send(to, subject, body string) error
}

func ForgotPassword(db *sql.DB, mail Mailer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		email := r.FormValue("email")
		token := resetToken()
		_, err := db.ExecContext(r.Context(),
			"INSERT INTO password_resets (email, token, expires_at) VALUES ($1, $2, now() + interval '30 minutes')", email, token)
		if err == nil {
			mail.Send(email, "Reset your password", "https://app.example.com/reset?token="+token)
		}
		w.WriteHeader(http.StatusAccepted)
	}
}

func SendLoginCode(db *sql.DB, sms func(phone, text string) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var phone string
		if err := db.QueryRowContext(r.Context(), "SELECT phone FROM users WHERE email = $1", r.FormValue("email")).Scan(&phone); err == nil {
			code := smsCode()
			db.ExecContext(r.Context(), "UPDATE users SET login_code = $1 WHERE email = $2", code, r.FormValue("email"))
			sms(phone, "Your code is "+code)
		}
		w.WriteHeader(http.StatusAccepted)
	}
}
