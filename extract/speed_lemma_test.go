package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestLemmaOf: the remembered lemma is verbLemma's, on a first call and a
// repeated one, for verbs in every form verbLemma undoes, words that are
// no verb, words that take the same slot in turn, and concurrent callers.
func TestLemmaOf(t *testing.T) {
	words := []string{
		"", "said", "says", "saying", "say", "told", "tells", "claimed", "claims",
		"denies", "denied", "planned", "admitting", "argued", "according", "the",
		"reporters", "warned", "insisted", "went", "x", "ss", "added", "adds",
	}
	// same length, same first, middle and last bytes: one slot
	for i := range 30 {
		words = append(words, fmt.Sprintf("s%cid", 'a'+i%26), fmt.Sprintf("w%02dd", i))
	}
	check := func(w string) error {
		wl, wok := verbLemma(w)
		if l, ok := lemmaOf(w); l != wl || ok != wok {
			return fmt.Errorf("lemmaOf(%q) = %q, %v; verbLemma %q, %v", w, l, ok, wl, wok)
		}
		return nil
	}
	for round := range 3 {
		for _, w := range words {
			if err := check(w); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	// a word taken from a longer text is remembered by its content
	text := "He SAID it: she said so"
	if err := check(strings.ToLower(text[3:7])); err != nil {
		t.Fatal(err)
	}
	concurrently(t, 4, 3000, func(g, k int) error { return check(words[(k*5+g)%len(words)]) })
}
