package attribute

import (
	"strings"
	"testing"
)

// stemReference is stemOf without its test of the last byte.
func stemReference(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// TestStemLength: stemOf gives what it gave before its shortcut, and
// returns either its word itself or a string of another length, which
// newView and isReportVerbHashed rely on to tell the two apart by
// length; over words made of every mix of the suffixes' letters.
func TestStemLength(t *testing.T) {
	for _, tc := range []struct{ w, want string }{
		{"said", "said"}, {"saying", "say"}, {"claimed", "claim"}, {"denied", "deny"},
		{"argues", "argu"}, {"says", "say"}, {"press", "press"}, {"", ""}, {"s", "s"}, {"told", "told"},
	} {
		if got := stemOf(tc.w); got != tc.want {
			t.Errorf("stemOf(%q) = %q, want %q", tc.w, got, tc.want)
		}
	}
	pieces := []string{"i", "n", "g", "e", "d", "s", "a", "y"}
	var walk func(w string, depth int)
	walk = func(w string, depth int) {
		st := stemOf(w)
		if want := stemReference(w); st != want {
			t.Fatalf("stemOf(%q) = %q, before %q", w, st, want)
		}
		if len(st) == len(w) && st != w {
			t.Fatalf("stemOf(%q) = %q: another string of the same length", w, st)
		}
		if depth == 7 {
			return
		}
		for _, p := range pieces {
			walk(w+p, depth+1)
		}
	}
	walk("", 0)
}
