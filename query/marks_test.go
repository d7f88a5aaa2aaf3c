package query

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// splitMarksRunes is the rune-by-rune SplitMarks that the byte-piece one
// replaced (the sqlite store used it until session 8): the reference it
// must agree with.
func splitMarksRunes(s string) (string, []claimtrail.Span) {
	var b, cur strings.Builder
	spans := []claimtrail.Span{}
	pos, start := 0, -1
	for _, r := range s {
		switch string(r) {
		case MatchOpen:
			start = pos
			cur.Reset()
			continue
		case MatchClose:
			if start >= 0 {
				spans = append(spans, claimtrail.Span{Start: start, End: pos, Text: cur.String()})
			}
			start = -1
			continue
		}
		b.WriteRune(r)
		if start >= 0 {
			cur.WriteRune(r)
		}
		pos++
	}
	return b.String(), spans
}

// TestSplitMarks: the same text and spans as the rune-by-rune version on
// headlines with nested, unclosed and unopened marks, multi-byte letters
// and invalid UTF-8.
func TestSplitMarks(t *testing.T) {
	cases := []string{"", "plain", "\x01a\x02", "x \x01Ünïcode\x02 y \x01日本\x02", "\x02stray\x01open", "\x01a\x01b\x02c\x02", "bad \xff\x01ut\xfef\x02 end", "“\x01q\x02”…"}
	alphabet := []string{"a", "é", "日", " ", "\x01", "\x02", "\xff", "…"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		gotText, gotSpans := SplitMarks(c)
		wantText, wantSpans := splitMarksRunes(c)
		if gotText != wantText || !reflect.DeepEqual(gotSpans, wantSpans) {
			t.Fatalf("SplitMarks(%q) = %q %v, want %q %v", c, gotText, gotSpans, wantText, wantSpans)
		}
	}
}
