package extract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestLowerFields: the cached words are strings.Fields(strings.ToLower(s))
// (after apostrophes.Replace for lowerFieldsApos; strings.Fields(s) for
// fieldsOf), and lowerOf is strings.ToLower(s), on a first call and a
// repeated one, with texts that take the same slot in turn and from
// concurrent callers; the slice is capped, so an append does not write
// into the cache.
func TestLowerFields(t *testing.T) {
	texts := []string{
		"", " ", "said", "Said", "has SAID", "  told   reporters\tthat ",
		"don’t believe", "DON’T Believe", "İstanbul officials SAID",
		"According to", "according to", "the Prime Minister’s spokesman said on Monday",
		"said", // again: a hit
	}
	// texts of one length whose first, middle and last bytes agree share
	// a slot: the cache must still tell them apart
	for i := range 40 {
		texts = append(texts, fmt.Sprintf("x%03dx", i), fmt.Sprintf("X%03dX", i))
	}
	check := func(s string) error {
		want := strings.Fields(strings.ToLower(s))
		if got := lowerFields(s); !slices.Equal(got, want) || cap(got) != len(got) {
			return fmt.Errorf("lowerFields(%q) = %q (cap %d), want %q", s, got, cap(got), want)
		}
		want = strings.Fields(apostrophes.Replace(strings.ToLower(s)))
		if got := lowerFieldsApos(s); !slices.Equal(got, want) || cap(got) != len(got) {
			return fmt.Errorf("lowerFieldsApos(%q) = %q, want %q", s, got, want)
		}
		want = strings.Fields(s)
		if got := fieldsOf(s); !slices.Equal(got, want) || cap(got) != len(got) {
			return fmt.Errorf("fieldsOf(%q) = %q, want %q", s, got, want)
		}
		if got, want := lowerOf(s), strings.ToLower(s); got != want {
			return fmt.Errorf("lowerOf(%q) = %q, want %q", s, got, want)
		}
		return nil
	}
	// an entry of another split in a text's slot is no hit: fieldsOf's
	// words put where lowerFields looks
	planted := "Said To Reporters"
	wordsCache[wordsSlot(planted, splitLower)].Store(&wordsEntry{s: planted, split: splitAsIs, words: strings.Fields(planted)})
	texts = append(texts, planted)
	for round := range 3 {
		for _, s := range texts {
			if err := check(s); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	got := lowerFields("Mr Smith said")
	_ = append(got, "extra")
	if again := lowerFields("Mr Smith said"); !slices.Equal(again, []string{"mr", "smith", "said"}) {
		t.Fatalf("after an append to the words: %q", again)
	}
	concurrently(t, 4, 2000, func(g, k int) error { return check(texts[(k*7+g)%len(texts)]) })
}

// concurrently runs check(g, k) for k below n in each of goroutines
// goroutines at once and fails t with the first error: the caches are
// shared by concurrent extractions.
func concurrently(t *testing.T, goroutines, n int, check func(g, k int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for k := range n {
				if err := check(g, k); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
