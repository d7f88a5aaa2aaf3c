package extract

import (
	"strings"
	"testing"
	"unicode"
)

// TestUpperAfterMarks holds upperAfterMarks to the trim and rune slice
// titleOfWork read before, on words with and without marks, marks alone,
// other quote marks (not trimmed), non-ASCII capitals and invalid bytes.
func TestUpperAfterMarks(t *testing.T) {
	for _, w := range []string{
		"", "word", "Word", `"Word`, `“‘Word`, `'word`, `«Élan`, `„Über`, `"`, `“”`,
		`”Word`, `’Word`, "\xffWord", `"` + "\xff", "ßtraße", "Ǆemal", "123", `"1in3`,
	} {
		trimmed := strings.TrimLeft(w, "\"“‘'«„")
		want := trimmed != "" && unicode.IsUpper([]rune(trimmed)[0])
		if got := upperAfterMarks(w); got != want {
			t.Errorf("upperAfterMarks(%q) = %v, want %v", w, got, want)
		}
	}
}
