package trail

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func TestClusterSummary(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 5, d, 12, 0, 0, 0, time.UTC) }
	full := "“I perceive the danger as far greater than me, and we will rebuild every bridge in Ohio by next spring.”"
	quotes := []Quote{
		{ID: 1, ArticleID: 10, Source: "a.txt", Outlet: "Herald", Published: day(3), Text: full, Speaker: "Donald Trump", SpeakerKind: claimtrail.SpeakerPerson},
		{ID: 2, ArticleID: 11, Source: "b.txt", Outlet: "Courier", Published: day(2), Text: "I perceive the danger as far greater than me, and we will rebuild every bridge in Ohio by next spring", Speaker: "Trump", SpeakerKind: claimtrail.SpeakerPerson,
			Markers: []claimtrail.Marker{{Type: claimtrail.MarkerUnsupported}}},
		{ID: 3, ArticleID: 12, Source: "c.txt", Outlet: "Gazette", Published: day(4), Text: "rebuild every bridge in Ohio", Speaker: "Mike Pence", SpeakerKind: claimtrail.SpeakerPerson,
			Markers: []claimtrail.Marker{{Type: claimtrail.MarkerUnsupported}}},
		{ID: 4, ArticleID: 13, Source: "d.txt", Outlet: "Gazette", Published: day(5), Text: "I perceived the danger as far greater than him, and we will rebuild every bridge in Ohio", Speaker: "he", SpeakerKind: claimtrail.SpeakerUnknown,
			Markers: []claimtrail.Marker{{Type: claimtrail.MarkerUnsupported}}},
		// Unrelated, shares "by next spring".
		{ID: 5, ArticleID: 14, Source: "e.txt", Outlet: "Herald", Published: day(1), Text: "The harbour will reopen by next spring, the mayor said", Speaker: "Jane Roe"},
	}
	ix := NewIndex(nil)
	for _, q := range quotes {
		ix.Add(q)
	}
	cs := ix.Clusters(2)
	if len(cs) != 1 {
		t.Fatalf("got %d clusters with 2+ articles, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if want := "I perceive the danger as far greater than me, and we will rebuild every bridge in Ohio by next spring"; c.Text != want && c.Text != want+"." {
		t.Errorf("canonical %q", c.Text)
	}
	if !c.FirstSeen.Equal(day(2)) || c.FirstOutlet != "Courier" {
		t.Errorf("first seen %v %q, want day 2 Courier", c.FirstSeen, c.FirstOutlet)
	}
	if c.Articles != 4 || c.Outlets != 3 {
		t.Errorf("articles %d outlets %d, want 4 and 3", c.Articles, c.Outlets)
	}
	if len(c.Speakers) != 2 || c.Speakers[0].Name != "Donald Trump" || c.Speakers[1].Name != "Mike Pence" || !c.PossibleMisattrib {
		t.Errorf("speakers %v misattribution %v", c.Speakers, c.PossibleMisattrib)
	}
	if c.Speaker.Name != "Donald Trump" || c.Speaker.Kind != claimtrail.SpeakerPerson {
		t.Errorf("majority speaker %+v, want Donald Trump (two of the three quotes with a known speaker)", c.Speaker)
	}
	if got := c.MarkerCounts[claimtrail.MarkerUnsupported]; got != 2 {
		t.Errorf("unsupported counted by %d outlets, want 2 (Courier, Gazette)", got)
	}
	if len(c.Members) != 4 || c.Members[0].AttributionID != 2 {
		t.Fatalf("members %+v", c.Members)
	}
	var variant claimtrail.ClusterMember
	for _, m := range c.Members {
		if m.AttributionID == 4 {
			variant = m
		}
		if m.AttributionID == 3 && len(m.Diff) != 0 {
			t.Errorf("cut form has diff %+v", m.Diff)
		}
	}
	want := []claimtrail.WordDiff{{Op: "replace", Canonical: "perceive", Variant: "perceived"}, {Op: "replace", Canonical: "me", Variant: "him"}}
	if len(variant.Diff) != 2 || variant.Diff[0] != want[0] || variant.Diff[1] != want[1] {
		t.Errorf("variant diff %+v, want %+v", variant.Diff, want)
	}
	if id, _ := ix.ClusterOf(MemberKey(5, 0)); id == ClusterID(c.ID) {
		t.Errorf("the harbour quote joined the bridge cluster")
	}
	if got, ok := ix.Cluster(ClusterID(c.ID)); !ok || got.Articles != 4 {
		t.Errorf("Cluster(%d) = %v, %v", c.ID, got, ok)
	}
}

func TestPartialJoinsBestRootWithoutBridging(t *testing.T) {
	// The partial quote is in both long quotes word for word, so the tie
	// goes to the higher-ranked root, and the two long quotes stay apart.
	a := "the reactor in Gdansk will be modernised by 2030 and the miners will be paid"
	b := "the reactor in Gdansk will be modernised by 2030 said nobody in the cabinet today"
	p := "reactor in Gdansk will be modernised"
	var first ClusterID
	for k, order := range [][]string{{a, b, p}, {p, b, a}, {b, p, a}} {
		ix := NewIndex(nil)
		byText := map[string]int64{}
		for i, text := range order {
			byText[text] = MemberKey(int64(i+1), 0)
			ix.Add(Quote{ID: int64(i + 1), ArticleID: int64(i + 1), Text: text})
		}
		got := ix.Assignments()
		ca, cb, cp := got[byText[a]], got[byText[b]], got[byText[p]]
		if ca == cb {
			t.Errorf("order %d: the two long quotes merged", k)
		}
		if cp != ca && cp != cb {
			t.Errorf("order %d: partial quote in neither root", k)
		}
		if k == 0 {
			first = cp
		} else if cp != first {
			t.Errorf("order %d: partial quote joined cluster %d, %d in the first order", k, cp, first)
		}
	}
}

func TestTrivialQuotesStayApart(t *testing.T) {
	ix := NewIndex(nil)
	a := ix.Add(Quote{ID: 1, ArticleID: 1, Text: "he said."})
	b := ix.Add(Quote{ID: 2, ArticleID: 2, Text: "He said"})
	c := ix.Add(Quote{ID: 3, ArticleID: 3, Text: "“Witch hunt!”"})
	d := ix.Add(Quote{ID: 4, ArticleID: 4, Text: "witch hunt"})
	if a == b {
		t.Error("two quotes of only function words share a cluster")
	}
	if c != d {
		t.Error("the same short phrase in two articles is two clusters")
	}
	e := ix.Add(Quote{ID: 5, ArticleID: 5, Text: "said the American."})
	f := ix.Add(Quote{ID: 6, ArticleID: 6, Text: "said the American"})
	if e == f {
		t.Error("a three-word form with one content word groups")
	}
}

func TestMisattributed(t *testing.T) {
	set := func(pairs ...string) map[string]map[string]struct{} {
		m := map[string]map[string]struct{}{}
		for i := 0; i < len(pairs); i += 2 {
			if m[pairs[i]] == nil {
				m[pairs[i]] = map[string]struct{}{}
			}
			m[pairs[i]][pairs[i+1]] = struct{}{}
		}
		return m
	}
	tests := []struct {
		name string
		in   map[string]map[string]struct{}
		want bool
	}{
		{"one speaker", set("Donald Trump", "Herald", "Donald Trump", "Post"), false},
		{"two people, two outlets", set("Donald Trump", "Herald", "Mike Pence", "Post"), true},
		{"two people, one outlet", set("Donald Trump", "Herald", "Mike Pence", "Herald"), false},
		{"surname and full name", set("Donald Trump", "Herald", "Trump", "Post"), false},
		{"two full names, one surname", set("Donald Trump", "Herald", "Ivanka Trump", "Post"), true},
		{"junior", set("Donald Trump", "Herald", "Donald Trump Jr.", "Post"), true},
		{"extraction slip", set("Donald Trump", "Herald", "On Thursday", "Post"), false},
		{"lower-case description", set("Donald Trump", "Herald", "senior Labour backbencher", "Post"), false},
	}
	for _, tt := range tests {
		if got := misattributed(tt.in); got != tt.want {
			t.Errorf("%s: misattributed = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOverlongSpanIsNoHub(t *testing.T) {
	ix := NewIndex(nil)
	a := "Release the Mueller report to the American people right now"
	b := "This report should be made public immediately and without delay"
	long := a + ". " + b + ". " + strings.Repeat("And there is more text the extractor swallowed here. ", 20)
	ix.Add(Quote{ID: 1, ArticleID: 1, Text: a})
	ix.Add(Quote{ID: 2, ArticleID: 2, Text: b})
	ix.Add(Quote{ID: 3, ArticleID: 3, Text: long})
	ca, _ := ix.ClusterOf(MemberKey(1, 0))
	cb, _ := ix.ClusterOf(MemberKey(2, 0))
	if ca == cb {
		t.Error("an overlong span joined two statements")
	}
}

// TestLongStatementTakesCuts: a statement read out whole (one quote of
// up to MaxWords words: a press secretary's statement, a long answer)
// is the root its cuts join; a longer span is taken for an extraction
// that ran over several statements and joins nothing (see
// TestOverlongSpanIsNoHub).
func TestLongStatementTakesCuts(t *testing.T) {
	// Invented words, none repeated: the statement's own.
	statement := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = fmt.Sprintf("harbor%dtoll", i)
		}
		return strings.Join(ws, " ")
	}
	tests := []struct {
		words int
		join  bool
	}{
		{120, true},
		{152, true}, // the Benghazi e-mails statement: 150 was the bound until session 24
		{MaxWords, true},
		{MaxWords + 1, false},
	}
	for _, tt := range tests {
		long := statement(tt.words)
		cut := strings.Join(strings.Fields(long)[40:60], " ")
		for _, order := range [][2]string{{long, cut}, {cut, long}} {
			ix := NewIndex(nil)
			for i, text := range order {
				ix.Add(Quote{ID: int64(i + 1), ArticleID: int64(i + 1), Source: fmt.Sprint("a", i), Text: text})
			}
			if got := mustCluster(t, ix, 1) == mustCluster(t, ix, 2); got != tt.join {
				t.Errorf("a cut of a %d-word statement (the %s first): joined %v, want %v",
					tt.words, map[bool]string{true: "statement", false: "cut"}[order[0] == long], got, tt.join)
			}
		}
	}
}

// TestMisattributionOnlyForDifferentPeople: outlets writing one person's
// name two ways are not a misattribution; two people are.
func TestMisattributionOnlyForDifferentPeople(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Bill Barr", "William Barr", false},
		{"Trump", "Donald Trump", false},
		{"Donald J. Trump", "Donald Trump", false},
		{"Ivanka Trump", "Donald Trump", true},
		{"William Barr", "Robert Mueller", true},
	}
	for _, tt := range tests {
		got := misattributed(map[string]map[string]struct{}{
			tt.a: {"Outlet A": {}},
			tt.b: {"Outlet B": {}},
		})
		if got != tt.want {
			t.Errorf("%q in one outlet, %q in another: misattributed %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestClusterNewest holds ClusterNewest to a walk over the members (each
// member's cluster, the highest key of each), on synthetic quotes with
// some removed (trees that lost forms and regrew).
func TestClusterNewest(t *testing.T) {
	ix := NewIndex(nil)
	all := synthSet(13, 200, 80)
	for _, q := range all {
		ix.Add(q.Quote)
	}
	for i, q := range all {
		if i%7 == 3 {
			ix.Remove(q.ID)
		}
	}
	want := map[int64]int64{}
	ix.EachSortedKey(func(k int64) {
		c, _ := ix.ClusterOf(k)
		want[int64(c)] = max(want[int64(c)], k)
	})
	ids, newest := ix.ClusterNewest()
	got := map[int64]int64{}
	for i, c := range ids {
		if _, dup := got[c]; dup {
			t.Fatalf("cluster %d twice", c)
		}
		got[c] = newest[i]
	}
	if len(got) < 50 || !maps.Equal(got, want) {
		t.Fatalf("ClusterNewest: %d clusters, the members' walk %d (or they differ)", len(got), len(want))
	}
}
