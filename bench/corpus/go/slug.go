package content

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Slugify turns "Crème Brûlée: A Guide!" into "creme-brulee-a-guide".
func Slugify(title string, maxLen int) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	plain, _, _ := transform.String(t, title)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(plain) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.TrimSuffix(b.String(), "-")
	if len(slug) > maxLen {
		slug = strings.TrimSuffix(slug[:maxLen], "-")
	}
	if slug == "" {
		return "untitled"
	}
	return slug
}

// Unique appends -2, -3, ... until the slug is not taken.
func Unique(slug string, taken func(string) bool) string {
	candidate := slug
	for n := 2; taken(candidate); n++ {
		candidate = slug + "-" + strconv.Itoa(n)
	}
	return candidate
}
