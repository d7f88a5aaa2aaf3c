package sqlite

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestArticleLanguage: Article.Language is stored and read back, and
// updated with the article.
func TestArticleLanguage(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := &claimtrail.Article{Source: "de.txt", URL: "https://news.example/a", Text: "„Wir bleiben“, sagte Anna Keller.", Language: "de"}
	a.Hash = claimtrail.HashText(a.Text)
	res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{a}})
	if err != nil || res[0].Err != nil {
		t.Fatalf("put: %v %+v", err, res)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Language != "de" {
		t.Errorf("Language %q, want de", got.Language)
	}
	b := *a
	b.ID, b.Text, b.Language = 0, "«Nos quedamos», dijo Ana Torres.", "es"
	b.Hash = claimtrail.HashText(b.Text)
	if res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{&b}}); err != nil || res[0].Err != nil || res[0].Outcome != claimtrail.PutUpdated {
		t.Fatalf("update: %v %+v", err, res)
	}
	if got, _ := s.Article(ctx, a.ID); got == nil || got.Language != "es" {
		t.Errorf("after update: %+v, want language es", got)
	}
}
