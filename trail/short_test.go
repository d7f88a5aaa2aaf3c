package trail

import (
	"strings"
	"testing"
	"time"
)

func TestShortPiecesNeedEvidence(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	long := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day(1), Speaker: "Ann Lee", SpeakerKind: "person",
		Text: "Mitt Romney's Medicare ad is dishonest and hypocritical, and he knows it"}
	tests := []struct {
		name  string
		short Quote
		join  bool
	}{
		{"same article", Quote{ID: 2, ArticleID: 1, Source: "a1", Published: day(1), Text: "dishonest and hypocritical"}, true},
		{"same speaker, within the window", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(4), Speaker: "Ann Lee", SpeakerKind: "person", Text: "“dishonest and hypocritical”"}, true},
		{"same speaker, weeks later", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(30), Speaker: "Ann Lee", SpeakerKind: "person", Text: "dishonest and hypocritical"}, false},
		{"another speaker", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Speaker: "Bo Park", SpeakerKind: "person", Text: "dishonest and hypocritical"}, false},
		{"words not contiguous", Quote{ID: 2, ArticleID: 1, Source: "a1", Published: day(1), Text: "dishonest hypocritical"}, false},
		{"four words, same speaker", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Speaker: "Ann Lee", SpeakerKind: "person", Text: "Mitt Romney's Medicare ad"}, true},
		{"three words, one content word, same speaker", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Speaker: "Ann Lee", SpeakerKind: "person", Text: "and he knows"}, true},
		{"three words, one content word, no evidence", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Text: "and he knows"}, false},
		{"two words, one content word, same article", Quote{ID: 2, ArticleID: 1, Source: "a1", Published: day(1), Text: "he knows"}, false},
		{"four words, a critic repeating them", Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Speaker: "Bo Park", SpeakerKind: "person", Text: "Mitt Romney's Medicare ad"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][]Quote{{long, tt.short}, {tt.short, long}} {
				ix := NewIndex(nil)
				for _, q := range order {
					ix.Add(q)
				}
				a, _ := ix.ClusterOf(MemberKey(1, 0))
				b, _ := ix.ClusterOf(MemberKey(2, 0))
				if (a == b) != tt.join {
					t.Errorf("order %d first: joined %v, want %v", order[0].ID, a == b, tt.join)
				}
			}
		})
	}
	// Evidence that goes away takes the piece out again.
	ix := NewIndex(nil)
	ix.Add(long)
	ix.Add(Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day(2), Text: "dishonest and hypocritical"})
	ix.Add(Quote{ID: 3, ArticleID: 2, Source: "a2", Published: day(2), Text: "Mitt Romney's Medicare ad is dishonest and hypocritical, and he knows it"})
	if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); a != b {
		t.Fatal("a long form quoted in the piece's article is evidence")
	}
	ix.Remove(3)
	if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); a == b {
		t.Error("the piece stayed after its evidence was removed")
	}
	// Restore from the saved links gives the same clusters.
	ix.Add(Quote{ID: 3, ArticleID: 2, Source: "a2", Published: day(2), Text: "Mitt Romney's Medicare ad is dishonest and hypocritical, and he knows it"})
	want := ix.Assignments()
	var qs []Quote
	for _, n := range ix.forms() {
		for _, q := range n.members() {
			qs = append(qs, ix.quoteOf(n, &q))
		}
	}
	got := Restore(nil, qs, ix.Links()).Assignments()
	for id, c := range want {
		if got[id] != c {
			t.Errorf("restored quote %d in %d, want %d", id, got[id], c)
		}
	}
}

// indexesInEveryOrder builds one index per order of the three quotes
// (all six) and hands each to check with its order: clustering must not
// depend on the order quotes come in.
func indexesInEveryOrder(a, b, c Quote, check func(order []Quote, ix *Index)) {
	for _, order := range [][]Quote{{a, b, c}, {a, c, b}, {b, a, c}, {b, c, a}, {c, a, b}, {c, b, a}} {
		ix := NewIndex(nil)
		for _, q := range order {
			ix.Add(q)
		}
		check(order, ix)
	}
}

func mustCluster(t *testing.T, ix *Index, id int64) ClusterID {
	t.Helper()
	c, ok := ix.ClusterOf(MemberKey(id, 0))
	if !ok {
		t.Fatalf("quote %d not in the index", id)
	}
	return c
}

// TestShortEvidenceNames: the speakers of a short piece and a longer
// form are compared as two names: two people of one family name (a
// father and his daughter) are no evidence, a surname alone is the
// evidence of any full name with it, and neither depends on the other
// names the index has seen or the order quotes came in (resolved by the
// names seen so far, "Lee" was Tom Lee's while his daughter Ann had not
// been quoted, and no one's after).
func TestShortEvidenceNames(t *testing.T) {
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		short, long string
		join        bool
	}{
		{"Ann Lee", "Tom Lee", false},
		{"Lee", "Tom Lee", true},
		{"Ann Lee", "Lee", true},
		{"Ann Lee", "Ann Lee", true},
	} {
		long := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day, Speaker: c.long, SpeakerKind: "person",
			Text: "My daughter is dead wrong on the question of the harbor tolls"}
		short := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day, Speaker: c.short, SpeakerKind: "person", Text: "is dead wrong"}
		other := Quote{ID: 3, ArticleID: 3, Source: "a3", Published: day, Speaker: "Ann Lee", SpeakerKind: "person",
			Text: "The ferry will run on Sundays from April"}
		indexesInEveryOrder(long, short, other, func(order []Quote, ix *Index) {
			if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); (a == b) != c.join {
				t.Errorf("%q / %q, order %d %d %d: joined %v, want %v", c.short, c.long,
					order[0].ID, order[1].ID, order[2].ID, a == b, c.join)
			}
		})
	}
}

// TestShortEvidenceAliases: a name the aliases file merges into the
// longer form's speaker is the same speaker ("The Harbormaster" is Ann
// Lee), in either order; without the file it is not.
func TestShortEvidenceAliases(t *testing.T) {
	al, err := ParseAliases(strings.NewReader("Ann Lee\tThe Harbormaster\n"))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	long := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day, Speaker: "Ann Lee", SpeakerKind: "person",
		Text: "The harbor tolls are dead wrong for the fishing fleet this year"}
	short := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day, Speaker: "The Harbormaster", SpeakerKind: "person", Text: "dead wrong"}
	for _, c := range []struct {
		aliases *Aliases
		join    bool
	}{{al, true}, {nil, false}} {
		for _, order := range [][]Quote{{long, short}, {short, long}} {
			ix := NewIndex(c.aliases)
			for _, q := range order {
				ix.Add(q)
			}
			if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); (a == b) != c.join {
				t.Errorf("aliases %v, order %d first: joined %v, want %v", c.aliases != nil, order[0].ID, a == b, c.join)
			}
		}
	}
}
