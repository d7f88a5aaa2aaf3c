package trail

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestKeyTable: the key table answers as a map would, through keys in
// and out of order, removals and compactions, with neighbouring keys
// close (one block of offsets holds keyBlock of them) and far apart
// (past 32 bits: a block each), and walks its keys in order.
func TestKeyTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		gap  int64 // most between neighbouring keys in order
	}{{"close", 3}, {"mixed", 1 << 31}, {"far", 1 << 34}} {
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
				next += 1 + r.Int64N(tc.gap)
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
			t.Fatalf("%s: len %d, want %d", tc.name, kt.len(), len(want))
		}
		for k, f := range want {
			if got, ok := kt.get(k); !ok || got != f {
				t.Fatalf("%s: key %d: %d %v, want %d", tc.name, k, got, ok, f)
			}
		}
		for range 200_000 {
			k := r.Int64N(next + 1)
			if _, ok := want[k]; !ok {
				if _, ok := kt.get(k); ok {
					t.Fatalf("%s: removed or absent key %d is there", tc.name, k)
				}
			}
		}
		var keys []int64
		kt.each(func(k int64, f int32) {
			if want[k] != f {
				t.Fatalf("%s: each: key %d form %d, want %d", tc.name, k, f, want[k])
			}
			keys = append(keys, k)
		})
		slices.Sort(keys)
		if len(slices.Compact(keys)) != len(want) {
			t.Fatalf("%s: each gave %d distinct keys, want %d", tc.name, len(keys), len(want))
		}
		var inOrder []int64
		kt.sorted(func(k int64) error { inOrder = append(inOrder, k); return nil })
		if !slices.Equal(inOrder, keys) {
			t.Fatalf("%s: sorted gave %d keys, not the %d keys in order", tc.name, len(inOrder), len(keys))
		}
		if tc.gap == 3 && len(kt.bases) > len(kt.offs)/keyBlock+1 {
			t.Errorf("%s: %d blocks for %d keys", tc.name, len(kt.bases), len(kt.offs))
		}
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

// TestPackTime: an article record's time reads back as the same time
// (==: instant and location), the zero time included, whatever its
// location; a location other than UTC is the one returned apart.
func TestPackTime(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		name string
		t    time.Time
		far  bool // location kept apart
	}{
		{"zero", time.Time{}, false},
		{"utc", time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC), false},
		{"nanoseconds", time.Date(2024, 1, 1, 6, 0, 0, 999_999_999, time.UTC), false},
		{"before 1970", time.Date(1901, 12, 13, 20, 45, 52, 1, time.UTC), false},
		{"far future", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"year one", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), false},
		{"parsed Z", mustParse(t, "2026-12-06T11:30:07Z"), false},
		{"fixed zone", time.Date(2024, 5, 1, 12, 0, 0, 5, paris), true},
		{"parsed offset", mustParse(t, "2024-05-01T12:00:00+02:00"), true},
		{"local", time.Date(2024, 5, 1, 12, 0, 0, 0, time.Local), time.Local != time.UTC},
		{"zero in a zone", time.Time{}.In(paris), true},
	} {
		sec, nsec, loc := packTime(tc.t)
		if (loc != nil) != tc.far {
			t.Errorf("%s: location kept apart %v, want %v", tc.name, loc != nil, tc.far)
		}
		if got := unpackTime(sec, nsec, loc); got != tc.t {
			t.Errorf("%s: %v (%#v) reads back as %v (%#v)", tc.name, tc.t, tc.t, got, got)
		}
	}
}

func mustParse(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestArticleRecordsApart: an article with no id is told by its source
// and one with a time not in UTC keeps its location; both are forgotten
// with their record.
func TestArticleRecordsApart(t *testing.T) {
	zone := time.FixedZone("X", -5*3600)
	at := time.Date(2021, 7, 4, 9, 0, 0, 0, zone)
	ix := NewIndex(nil)
	qs := []Quote{
		{ID: 1, Source: "s1", Speaker: "Ana Diaz", SpeakerKind: "person", Text: "“we will build the bridge next year”"},
		{ID: 2, Source: "s2", Speaker: "Ana Diaz", SpeakerKind: "person", Text: "“we will build the bridge next year”"},
		{ID: 3, ArticleID: 9, Published: at, Speaker: "Bo Lee", SpeakerKind: "person", Text: "“the bridge will cost too much money”"},
	}
	for _, q := range qs {
		ix.Add(q)
	}
	if len(ix.articles) != 3 || len(ix.articleMore) != 3 {
		t.Fatalf("%d records, %d kept apart; want 3, 3", len(ix.articles), len(ix.articleMore))
	}
	for _, q := range qs {
		f := ix.formOf(MemberKey(q.ID, 0))
		m := f.quote(MemberKey(q.ID, 0))
		want := q.Source
		if q.ArticleID != 0 {
			want = fmt.Sprint(q.ArticleID)
		}
		if got := ix.articleKey(*m); got != want {
			t.Errorf("quote %d: article key %q, want %q", q.ID, got, want)
		}
		if got := ix.published(*m); got != q.Published || got.Location() != q.Published.Location() {
			t.Errorf("quote %d: published %v, want %v", q.ID, got, q.Published)
		}
	}
	for _, q := range qs {
		ix.Remove(q.ID)
	}
	if len(ix.articleMore) != 0 {
		t.Errorf("%d records kept apart after every member went", len(ix.articleMore))
	}
}
