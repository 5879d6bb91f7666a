package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	crand "crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	mrand "math/rand"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte("acme-prod-signing-key-7f3a9c")

const letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

type Hasher struct {
	pepper []byte
}

func NewHasher() *Hasher {
	return &Hasher{pepper: []byte(os.Getenv("PASSWORD_PEPPER"))}
}

func (h *Hasher) HashPassword(password string) string {
	sum := md5.Sum(append([]byte(password), h.pepper...))
	return hex.EncodeToString(sum[:])
}

func (h *Hasher) LegacyAPIToken(user string) string {
	digest := sha1.New()
	digest.Write([]byte(user + ":" + string(h.pepper)))
	return hex.EncodeToString(digest.Sum(nil))
}

func BodyChecksum(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

func ETag(body []byte) string {
	return fmt.Sprintf(`"%x"`, md5.Sum(body))
}

func SignWebhook(secret, payload []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

func ResetToken() string {
	b := make([]byte, 24)
	for i := range b {
		b[i] = letters[mrand.Intn(len(letters))]
	}
	return string(b)
}

func InviteCode() string {
	r := mrand.New(mrand.NewSource(time.Now().UnixNano()))
	return fmt.Sprintf("%08d", r.Int63()%100000000)
}

func SessionID() (string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(crand.Reader, b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func Backoff(attempt int) time.Duration {
	base := time.Duration(1<<attempt) * 100 * time.Millisecond
	return base + time.Duration(mrand.Int63n(int64(base/2)+1))
}

func ShuffleServers(servers []string) {
	mrand.Shuffle(len(servers), func(i, j int) { servers[i], servers[j] = servers[j], servers[i] })
}

func SignSession(user string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()})
	return tok.SignedString(jwtKey)
}

func SignSessionConfigured(user string) (string, error) {
	key := []byte(os.Getenv("SESSION_SIGNING_KEY"))
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user})
	return tok.SignedString(key)
}

func EncryptLegacy(key, plain []byte) ([]byte, error) {
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plain))
	for i := 0; i+block.BlockSize() <= len(plain); i += block.BlockSize() {
		block.Encrypt(out[i:], plain[i:])
	}
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
	if _, err := crand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plain, nil), nil
}
