package claimtrail

import (
	"fmt"
	"testing"
)

// TestMarkedSlot: two contents that take one slot (same offsets, length,
// first and last bytes), one with words in quote marks and one without,
// asked in turn, each get their own answer; and the contents of an
// article, at different offsets, spread over the memo (it fails when the
// slot ignores the offsets, or the memo trusts its slot).
func TestMarkedSlot(t *testing.T) {
	quoted := []Span{{Start: 10, End: 24, Text: `x "a b c d" y`}}
	plain := []Span{{Start: 10, End: 24, Text: `x  a b c d  y`}}
	if markedSlot(quoted) != markedSlot(plain) {
		t.Fatal("the two contents are meant to share a slot")
	}
	for round := range 3 {
		if !HasMarkedQuote(quoted) || HasMarkedQuote(plain) {
			t.Fatalf("round %d: %v and %v, want true and false", round, HasMarkedQuote(quoted), HasMarkedQuote(plain))
		}
	}
	slots := map[int]bool{}
	for i := range 200 {
		text := fmt.Sprintf("sentence number %d of the article", i%7)
		slots[markedSlot([]Span{{Start: 40 * i, End: 40*i + len(text), Text: text}})] = true
	}
	if len(slots) < 100 {
		t.Errorf("200 contents of an article took %d slots of %d", len(slots), len(markedMemo))
	}
}
