package segment

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceAt: spaceAt, whose ASCII bytes are answered from a table of
// their own, gives the size of every separator rune and 0 for any other,
// as unicode.IsSpace (and the zero-width space and byte-order mark) say.
func TestSpaceAt(t *testing.T) {
	runes := []rune{'\u00a0', '\u0085', '\u1680', '\u2003', '\u2028', '\u200b', '\ufeff', '\u3000', 'é', '“', '—', utf8.RuneError}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		text := "a" + string(r) + "b"
		want := 0
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			want = utf8.RuneLen(r)
		}
		if got := spaceAt(text, 1, len(text)); got != want {
			t.Errorf("spaceAt(%q) = %d, want %d", r, got, want)
		}
	}
}

// TestSegmentContextStops: a cancelled context stops the segmentation of
// a text longer than stopEvery tokens, and a text shorter is segmented
// whole (stop looks at the context every stopEvery tokens).
func TestSegmentContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		words int
		err   error
	}{
		{10, nil},
		{3 * stopEvery, context.Canceled},
	} {
		d, err := SegmentContext(ctx, strings.Repeat("Officials said so. ", tc.words/3))
		if !errors.Is(err, tc.err) || (err == nil) != (d != nil) {
			t.Errorf("%d words: doc %v, error %v; want error %v", tc.words, d != nil, err, tc.err)
		}
	}
}
