package trail

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestKeyTable: the key table answers as a map would, through keys in
// and out of order, removals and compactions.
func TestKeyTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var kt keyTable
	want := map[int64]int32{}
	next := int64(0)
	for i := range 200_000 {
		var k int64
		switch r.IntN(10) {
		case 0, 1: // out of order
			k = r.Int64N(next + 1)
		default: // in order
			next += 1 + r.Int64N(3)
			k = next
		}
		if r.IntN(4) == 0 {
			kt.del(k)
			delete(want, k)
		} else {
			f := int32(i % 1000)
			kt.set(k, f)
			want[k] = f
		}
	}
	if kt.len() != len(want) {
		t.Fatalf("len %d, want %d", kt.len(), len(want))
	}
	for k, f := range want {
		if got, ok := kt.get(k); !ok || got != f {
			t.Fatalf("key %d: %d %v, want %d", k, got, ok, f)
		}
	}
	for k := range next + 1 {
		if _, ok := want[k]; !ok {
			if _, ok := kt.get(k); ok {
				t.Fatalf("removed key %d still there", k)
			}
		}
	}
	var keys []int64
	kt.each(func(k int64, f int32) {
		if want[k] != f {
			t.Fatalf("each: key %d form %d, want %d", k, f, want[k])
		}
		keys = append(keys, k)
	})
	slices.Sort(keys)
	if len(slices.Compact(keys)) != len(want) {
		t.Fatalf("each gave %d distinct keys, want %d", len(keys), len(want))
	}
}

// TestArticleRecords: members share their article's record while any
// holds it; a record no member holds is reused for the next article,
// and every member reads back its own article, time and speaker
// whatever records were freed and reused in between.
func TestArticleRecords(t *testing.T) {
	day := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	quote := func(id, article int64, speaker string, text string) Quote {
		return Quote{ID: id, ArticleID: article, Source: fmt.Sprintf("a%d", article), Published: day.AddDate(0, 0, int(article)),
			Speaker: speaker, SpeakerKind: "person", Text: "“" + text + "”"}
	}
	ix := NewIndex(nil)
	live := map[int64]Quote{}
	add := func(q Quote) { ix.Add(q); live[q.ID] = q }
	remove := func(id int64) { ix.Remove(id); delete(live, id) }
	for _, step := range []struct {
		name    string
		do      func()
		records int // article records, in use or free
		free    int
	}{
		{"two articles", func() {
			add(quote(1, 1, "Ana Diaz", "we will build the bridge next year"))
			add(quote(2, 1, "Bo Lee", "the bridge will cost too much money"))
			add(quote(3, 2, "Ana Diaz", "we will build the bridge next year"))
		}, 2, 0},
		{"last article's only member goes", func() { remove(3) }, 2, 1},
		{"a new article takes its record", func() {
			add(quote(4, 3, "Cy Moe", "nobody asked the people who live here"))
		}, 2, 0},
		{"first article goes", func() { remove(1); remove(2) }, 2, 1},
		{"the first article comes back", func() {
			add(quote(5, 1, "Bo Lee", "the bridge will cost too much money"))
			add(quote(6, 4, "Ana Diaz", "we will build the bridge next year"))
		}, 3, 0},
		{"a replaced quote keeps its article", func() {
			add(quote(6, 4, "Ana Diaz", "we will build the bridge in two years"))
		}, 3, 0},
		{"a quote from nowhere known comes and goes", func() {
			add(Quote{ID: 7, Speaker: "Dee Roy", SpeakerKind: "person", Text: "“the river is rising again this week”"})
			remove(7)
		}, 4, 1},
		{"and comes back, then another article", func() {
			add(Quote{ID: 8, Speaker: "Dee Roy", SpeakerKind: "person", Text: "“the river is rising again this week”"})
			add(quote(9, 5, "Cy Moe", "nobody asked the people who live here"))
		}, 5, 0},
	} {
		step.do()
		if len(ix.articles) != step.records || len(ix.freeArticles) != step.free {
			t.Errorf("%s: %d records, %d free; want %d, %d", step.name, len(ix.articles), len(ix.freeArticles), step.records, step.free)
		}
		refs := 0
		for _, a := range ix.articles {
			refs += int(a.refs)
		}
		if refs != ix.Len() {
			t.Errorf("%s: %d holds on article records for %d members", step.name, refs, ix.Len())
		}
		for id, want := range live {
			got, ok := ix.Member(MemberKey(id, 0))
			if !ok || got.ArticleID != want.ArticleID || !got.Published.Equal(want.Published) || got.Speaker != want.Speaker {
				t.Errorf("%s: member %d reads article %d at %v by %q (%v), want %d at %v by %q",
					step.name, id, got.ArticleID, got.Published, got.Speaker, ok, want.ArticleID, want.Published, want.Speaker)
			}
		}
	}
}
