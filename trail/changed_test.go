package trail

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestChangedLinksAfterFreshRestore: an index restored with no saved
// links keeps no set of changed forms (every form is new: on a fresh
// ingest's update that set named every form while the store wrote), yet
// ChangedLinks after later changes says what an index built by Add says:
// every form's link, and the forms removed since.
func TestChangedLinksAfterFreshRestore(t *testing.T) {
	quotes := synthSet(3, 60, 20)
	var first []Quote
	for _, q := range quotes {
		first = append(first, q.Quote)
	}
	tests := []struct {
		name  string
		after func(ix *Index) // changes after the build
	}{
		{"no change", func(*Index) {}},
		{"removals", func(ix *Index) {
			for i, q := range quotes {
				if i%5 == 0 {
					ix.Remove(q.ID)
				}
			}
		}},
		{"removals and new words", func(ix *Index) {
			for i, q := range quotes {
				switch i % 4 {
				case 0:
					ix.Remove(q.ID)
				case 1:
					q.Text += " And that was all of it."
					ix.Add(q.Quote)
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			added := NewIndex(nil)
			for _, q := range first {
				added.Add(q)
			}
			restored := Restore(nil, first, nil)
			if len(restored.changed) != 0 || !restored.allChanged {
				t.Fatalf("restored with no links: %d changed forms kept, allChanged %v; want none, true", len(restored.changed), restored.allChanged)
			}
			tc.after(added)
			tc.after(restored)
			wantUp, wantGone := added.ChangedLinks()
			gotUp, gotGone := restored.ChangedLinks()
			if !reflect.DeepEqual(gotUp, wantUp) || !reflect.DeepEqual(gotGone, wantGone) {
				t.Fatalf("ChangedLinks: %d upserts, %d removed; want %d, %d", len(gotUp), len(gotGone), len(wantUp), len(wantGone))
			}
			if up, gone := restored.ChangedLinks(); len(up)+len(gone) != 0 {
				t.Fatalf("ChangedLinks again: %d upserts, %d removed; want none", len(up), len(gone))
			}
		})
	}
}

// TestSortedKeys: SortedKeys is Keys (sorted, every live key once)
// whether the keys came in order, out of order (the table's extra
// keys) or were removed (its dead keys).
func TestSortedKeys(t *testing.T) {
	quotes := synthSet(4, 40, 10)
	tests := []struct {
		name  string
		order func([]synthQuote) []synthQuote
		drop  int // remove every drop-th quote (0: none)
	}{
		{"in order", func(q []synthQuote) []synthQuote { return q }, 0},
		{"reversed", func(q []synthQuote) []synthQuote { q = slices.Clone(q); slices.Reverse(q); return q }, 0},
		{"with removals", func(q []synthQuote) []synthQuote { return q }, 3},
		{"reversed with removals", func(q []synthQuote) []synthQuote { q = slices.Clone(q); slices.Reverse(q); return q }, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix := NewIndex(nil)
			qs := tc.order(quotes)
			for _, q := range qs {
				ix.Add(q.Quote)
			}
			for i, q := range qs {
				if tc.drop > 0 && i%tc.drop == 0 {
					ix.Remove(q.ID)
				}
			}
			want := ix.Keys()
			got := ix.SortedKeys()
			if !slices.Equal(got, want) || len(got) != ix.Len() {
				t.Fatalf("SortedKeys: %d keys, want %d (Len %d)", len(got), len(want), ix.Len())
			}
			for _, k := range got {
				if _, ok := ix.ClusterOf(k); !ok {
					t.Fatalf("SortedKeys: key %d has no cluster", k)
				}
			}
		})
	}
}

// TestRestoreChangedLinks: after a Restore with saved links, the links
// ChangedLinks reports, applied to the saved ones, give the restored
// graph: a store's full update appends them instead of comparing the
// saved graph with the new one (which held both in memory). It fails
// when a form's link changes unreported, or a removed form is missed.
func TestRestoreChangedLinks(t *testing.T) {
	all := synthSet(6, 300, 120)
	for _, tc := range []struct {
		name       string
		seed       uint64
		gone, news int // in ten: quotes only before, only after
	}{
		{"unchanged", 1, 0, 0},
		{"new quotes", 2, 0, 3},
		{"removed quotes", 3, 2, 0},
		{"both", 4, 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, after := splitBeforeAfter(all, rand.New(rand.NewPCG(tc.seed, 7)), tc.gone, tc.news)
			old := NewIndex(nil)
			for _, q := range before {
				old.Add(q)
			}
			saved := old.Links()
			restored := Restore(nil, after, saved)
			up, gone := restored.ChangedLinks()
			graph := map[string]Link{}
			for _, l := range saved {
				graph[l.Form] = l
			}
			for _, l := range up {
				graph[l.Form] = l
			}
			for _, f := range gone {
				delete(graph, f)
			}
			want := restored.Links()
			if len(graph) != len(want) {
				t.Fatalf("saved links with the changes: %d forms, want %d", len(graph), len(want))
			}
			for _, l := range want {
				if graph[l.Form] != l {
					t.Fatalf("form %q: %+v after the changes, want %+v", l.Form, graph[l.Form], l)
				}
			}
		})
	}
}

// TestFinishFromError: the error that stops reading the saved links is
// FinishFrom's, with no index.
func TestFinishFromError(t *testing.T) {
	r := NewRestorer(nil)
	var qs []Quote
	for _, q := range synthSet(1, 20, 5) {
		qs = append(qs, q.Quote)
	}
	r.Place(qs)
	stop := errors.New("read failed")
	ix, err := r.FinishFrom(func(saved func(Link)) error {
		saved(Link{Form: "no such form"})
		return stop
	})
	if !errors.Is(err, stop) || ix != nil {
		t.Fatalf("FinishFrom = %v, %v; want nil, %v", ix, err, stop)
	}
}

// splitBeforeAfter deals the quotes of all into a store's two states,
// drawing one number in ten per quote: below gone only before (removed
// since), below gone+news only after (new), else in both.
func splitBeforeAfter(all []synthQuote, r *rand.Rand, gone, news int) (before, after []Quote) {
	for _, q := range all {
		switch k := r.IntN(10); {
		case k < gone:
			before = append(before, q.Quote)
		case k < gone+news:
			after = append(after, q.Quote)
		default:
			before = append(before, q.Quote)
			after = append(after, q.Quote)
		}
	}
	return before, after
}
