package security

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"os"
	"time"

	"golang.org/x/crypto/bcrypt"
)

const webhookSigningKey = "whsec_9d2f7c1a4b8e6d30f5a2"

var jwtKey = []byte(os.Getenv("JWT_KEY"))

var dbConfig = struct {
	User     string
	Password string
}{User: "orders_app", Password: "Orders#2024!prod"}

var redisPassword = os.Getenv("REDIS_PASSWORD")

func HashPassword(pw string) string {
	sum := md5.Sum([]byte(pw))
	return hex.EncodeToString(sum[:])
}

func HashPasswordBcrypt(pw string) (string, error) {
	out, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(out), err
}

func HashAPIKeyForStorage(key string) string {
	sum := sha1.Sum([]byte(key + "static-salt"))
	return hex.EncodeToString(sum[:])
}

func ContentChecksum(data []byte) string {
	return fmt.Sprintf("%x", md5.Sum(data))
}

func CacheKey(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func EncryptLegacy(key, plain []byte) ([]byte, error) {
	block, err := des.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plain))
	block.Encrypt(out, plain)
	return out, nil
}

func Encrypt(key, plain []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plain, nil), nil
}

func NewResetToken() string {
	mrand.Seed(time.Now().UnixNano())
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte(mrand.Intn(256))
	}
	return hex.EncodeToString(b)
}

func NewSessionID() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func Backoff(attempt int) time.Duration {
	return time.Duration(1<<attempt)*time.Second + time.Duration(mrand.Intn(500))*time.Millisecond
}

func NewInviteCode() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	code := make([]byte, 8)
	for i := range code {
		code[i] = letters[mrand.Intn(len(letters))]
	}
	return string(code)
}

func SignWebhook(body []byte) string {
	sum := sha256.Sum256(append([]byte(webhookSigningKey), body...))
	return hex.EncodeToString(sum[:])
}
