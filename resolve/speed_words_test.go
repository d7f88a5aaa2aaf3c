package resolve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSharedFields: the remembered fields are strings.Fields(s), on a
// first call and a repeated one, for texts that take the same slot in
// turn and from concurrent callers; the slice is capped, so an append
// does not write into the cache.
func TestSharedFields(t *testing.T) {
	texts := []string{"", " ", "Tony Blair", "tony blair", "  Gordon\tBrown ", "the Scottish Executive",
		"Mr Smith", "Tony Blair"}
	for i := range 40 {
		texts = append(texts, fmt.Sprintf("A %02d B", i), fmt.Sprintf("A %02dXB", i))
	}
	check := func(s string) error {
		want := strings.Fields(s)
		if got := sharedFields(s); !slices.Equal(got, want) || cap(got) != len(got) {
			return fmt.Errorf("sharedFields(%q) = %q (cap %d), want %q", s, got, cap(got), want)
		}
		return nil
	}
	for round := range 3 {
		for _, s := range texts {
			if err := check(s); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	_ = append(sharedFields("Jack Straw"), "said")
	if got := sharedFields("Jack Straw"); !slices.Equal(got, []string{"Jack", "Straw"}) {
		t.Fatalf("after an append to the fields: %q", got)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Go(func() {
			for k := range 2000 {
				if err := check(texts[(k*7+g)%len(texts)]); err != nil {
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
