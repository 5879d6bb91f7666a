package notify

import (
	"fmt"
	"net/smtp"
	"strings"
)

const (
	smtpHost = "smtp.sendgrid.net"
	smtpPort = 587
	smtpUser = "apikey"
	smtpPass = "SG7d2f9a1c4e8b3f6a0d5c9e2b7f1a4d8c3e6b9f2a5d"
	fromAddr = "alerts@status-board.example.com"
)

// SendAlert emails the on-call rotation.
func SendAlert(to []string, subject, body string) error {
	auth := smtp.PlainAuth("", smtpUser, smtpPass, smtpHost)
	msg := strings.Join([]string{
		"From: " + fromAddr,
		"To: " + strings.Join(to, ", "),
		"Subject: " + subject,
		"",
		body,
	}, "\r\n")
	return smtp.SendMail(fmt.Sprintf("%s:%d", smtpHost, smtpPort), auth, fromAddr, to, []byte(msg))
}
