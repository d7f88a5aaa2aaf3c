package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/extract"
)

func TestSplitClass(t *testing.T) {
	for _, c := range []struct {
		aFound, bFound bool
		aFile, bFile   string
		a, b           string
		want           string
	}{
		{false, true, "x", "y", "the harbor tolls", "the harbor tolls", SplitNotFound},
		{true, true, "x", "x", "the harbor tolls", "the ferry schedule", SplitSameArticle},
		{true, true, "x", "y", "The harbor tolls will pay", "for the new breakwater", SplitNoWords},
		{true, true, "x", "y", "The harbor tolls will pay", "and the Tolls, she said", SplitSharedWords},
		// Stopwords alone are no shared words.
		{true, true, "x", "y", "and that is what we will do", "we will not do that", SplitNoWords},
	} {
		if got := splitClass(c.aFound, c.bFound, c.aFile, c.bFile, c.a, c.b); got != c.want {
			t.Errorf("splitClass(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

func TestSpeakerClass(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"Ann Lee", "Ann Lee", SpeakersSame},
		{"Ann Lee", "ann lee ", SpeakersSame},
		{"Ann Lee", "Lee", SpeakersDifferent},
		{"letter", "writers", SpeakersDifferent},
		{"Ann Lee", "", SpeakersUnresolved},
		{"", "", SpeakersUnresolved},
	} {
		if got := speakerClass(c.a, c.b); got != c.want {
			t.Errorf("speakerClass(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

// TestClustersMisses scores two invented articles: the mayor's remark,
// cut by one outlet, is one trail (a gold pair found); the gold file
// also pairs two different speakers' remarks (a split pair the system
// must keep apart), which the misses list with its gold utterance.
func TestClustersMisses(t *testing.T) {
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ClustersWith(context.Background(), "testdata/utterances", "testdata/utterances/gold.jsonl", ex,
		ClusterOptions{Misses: true, TextJoins: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Quotes != 4 || rep.Found != 4 || rep.GoldPairs != 2 || rep.BothPairs != 1 || rep.SystemPairs != 1 {
		t.Fatalf("quotes %d found %d, pairs gold %d system %d both %d; want 4, 4, 2, 1, 1", rep.Quotes, rep.Found, rep.GoldPairs, rep.SystemPairs, rep.BothPairs)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Kind != "split" || rep.Misses[0].GoldA != "vale" || rep.Misses[0].GoldB != "vale" {
		t.Fatalf("misses %+v, want one split of vale", rep.Misses)
	}
	if rep.SplitUtterances["vale"] != 1 || len(rep.SplitUtterances) != 1 {
		t.Errorf("split pairs by utterance %v, want vale 1", rep.SplitUtterances)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"split pairs by utterance: vale 1\n", "split (across-no-shared-words) vale\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestTopCounts(t *testing.T) {
	counts := map[string]int{"u1": 2, "u2": 9, "u3": 2, "u4": 1}
	for _, c := range []struct {
		n    int
		want string
	}{
		{2, "u2 9, u1 2 (+2 more)"},
		{4, "u2 9, u1 2, u3 2, u4 1"},
		{9, "u2 9, u1 2, u3 2, u4 1"},
	} {
		if got := topCounts(counts, c.n); got != c.want {
			t.Errorf("topCounts(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
