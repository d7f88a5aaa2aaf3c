package resolve

import (
	"strings"
	"testing"
)

// TestLowMemo: lower through its memo answers strings.ToLower of what it
// is asked, for the same string asked again, the same text at another
// address, strings that start at the same byte with other lengths, a
// thousand substrings of one text sharing slots, asked in turn, and a
// string asked again after the resolver was released and its buffer
// written over (fails when release keeps the memo: the answer then lies
// in the rewritten buffer).
func TestLowMemo(t *testing.T) {
	r := &resolver{}
	check := func(s string) {
		t.Helper()
		if got, want := r.lower(s), strings.ToLower(s); got != want {
			t.Fatalf("lower(%q) = %q, want %q", s, got, want)
		}
	}
	name := "Tony Blair"
	check(name)
	check(name)
	check(strings.Clone(name))
	for n := range len(name) + 1 {
		check(name[:n])
	}
	text := strings.Repeat("The Prime Minister TONY Blair Said ÉCOLE ", 30)
	for round := range 3 {
		for i := 0; i+12 <= len(text); i += 1 + round {
			check(text[i : i+3+i%9])
		}
	}
	held := "Gordon Brown"
	check(held)
	r.release()
	for range 20 {
		check(strings.Repeat("XYZW QRST ", 5)) // written over lowBuf
	}
	check(held)
}
