package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval"
)

// quoteFixture is a reference of verbatim quotes for an invented article
// (testdata/articles/*.quotes.json): what a reader sees quoted, and who
// said it, case by case; not_quotes are marked phrases that are no speech.
type quoteFixture struct {
	Article string `json:"article"`
	Quotes  []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Case    string `json:"case"`
	} `json:"quotes"`
	NotQuotes []struct {
		Text string `json:"text"`
		Case string `json:"case"`
	} `json:"not_quotes"`
}

// TestVerbatimQuoteFixtures: every verbatim quote of the fixtures is one
// piece of some attribution's Quotes, exactly, and most have the right
// speaker (speakers also depend on resolve); no marked phrase that is not
// speech is quoted as speech.
func TestVerbatimQuoteFixtures(t *testing.T) {
	refs, _ := filepath.Glob("../testdata/articles/*.quotes.json")
	if len(refs) == 0 {
		t.Fatal("no *.quotes.json fixtures")
	}
	e := newExtractor(t)
	total, found, right := 0, 0, 0
	for _, ref := range refs {
		raw, err := os.ReadFile(ref)
		if err != nil {
			t.Fatal(err)
		}
		var fx quoteFixture
		if err := json.Unmarshal(raw, &fx); err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(ref), fx.Article))
		if err != nil {
			t.Fatal(err)
		}
		x, err := e.Extract(context.Background(), string(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range x.Attributions {
			// the store recomputes Quotes from kind and content: one rule
			if want := claimtrail.VerbatimQuotes(a.Kind, a.Content); !reflect.DeepEqual(a.Quotes, want) {
				t.Errorf("%s: Quotes %v differ from VerbatimQuotes %v", fx.Article, a.Quotes, want)
			}
		}
		runes := []rune(string(text))
		pieceOf := func(q string) *claimtrail.Attribution {
			for i := range x.Attributions {
				for _, p := range x.Attributions[i].Quotes {
					if string(runes[p.Start:p.End]) != p.Text {
						t.Errorf("%s: quote span %d-%d does not hold %q", fx.Article, p.Start, p.End, p.Text)
					}
					if p.Text == q {
						return &x.Attributions[i]
					}
				}
			}
			return nil
		}
		for _, q := range fx.Quotes {
			if !strings.Contains(string(text), q.Text) {
				t.Fatalf("%s: reference quote %q is not in the article", fx.Article, q.Text)
			}
			total++
			a := pieceOf(q.Text)
			if a == nil {
				t.Errorf("%s: %s: quote %q not found", fx.Article, q.Case, q.Text)
				continue
			}
			found++
			if eval.SpeakerMatches(q.Speaker, a.Speaker.Name) {
				right++
			} else {
				t.Logf("%s: %s: speaker %q, want %q", fx.Article, q.Case, a.Speaker.Name, q.Speaker)
			}
		}
		for _, q := range fx.NotQuotes {
			if a := pieceOf(q.Text); a != nil {
				t.Errorf("%s: %s: %q quoted as %s speech of %q", fx.Article, q.Case, q.Text, a.Kind, a.Speaker.Name)
			}
		}
	}
	t.Logf("verbatim quotes: %d/%d found, %d with the right speaker", found, total, right)
	if right*100 < found*85 {
		t.Errorf("right speaker on %d of %d found quotes, want at least 85%%", right, found)
	}
}
