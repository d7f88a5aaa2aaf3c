package extract

import (
	"strings"
	"testing"
)

// TestLastNewline holds lastNewline to strings.LastIndexByte(s, '\n'),
// on texts without a newline, with one at either end, several, only
// newlines, and other bytes around them (CR, multi-byte runes).
func TestLastNewline(t *testing.T) {
	long := strings.Repeat("a line of text, “quoted” ", 20)
	for _, s := range []string{
		"", "\n", "\n\n\n", "abc", "abc\n", "\nabc", "a\nb\nc", "a\r\nb",
		long, long + "\n" + long, "\n" + long, long + "\n", "é\n€\n😀",
	} {
		if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	}
}
