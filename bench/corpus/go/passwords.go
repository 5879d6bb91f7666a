package users

import (
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"io"
)

// HashPassword returns salt and digest, stored in users.password_salt and users.password_hash.
func HashPassword(password string) (salt, digest string, err error) {
	buf := make([]byte, 8)
	if _, err := io.ReadFull(rand.Reader, buf); err != nil {
		return "", "", err
	}
	salt = hex.EncodeToString(buf)
	sum := md5.Sum([]byte(salt + password))
	return salt, hex.EncodeToString(sum[:]), nil
}

func CheckPassword(password, salt, digest string) bool {
	sum := md5.Sum([]byte(salt + password))
	return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(digest)) == 1
}

// EncryptSSN protects social security numbers at rest in the HR table.
func EncryptSSN(key []byte, ssn string) ([]byte, error) {
	if len(key) != 8 {
		return nil, errors.New("key must be 8 bytes")
	}
	block, err := des.NewCipher(key)
	if err != nil {
		return nil, err
	}
	plaintext := []byte(ssn)
	for len(plaintext)%block.BlockSize() != 0 {
		plaintext = append(plaintext, ' ')
	}
	iv := make([]byte, block.BlockSize())
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	out := make([]byte, len(plaintext))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plaintext)
	return append(iv, out...), nil
}
