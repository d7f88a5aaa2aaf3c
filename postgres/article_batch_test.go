package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
)

// TestPutNewSameAsArticleByArticle writes the same batches through
// PutBatch (putNew where it applies) into one store and article by
// article (putBatch with savepoints, the path putNew must equal) into
// another, and compares outcomes and stored rows: copies of one text
// within a batch, copies of a stored text, a URL and a text without
// URL sharing a hash, an invalid article, an update.
func TestPutNewSameAsArticleByArticle(t *testing.T) {
	ctx := context.Background()
	fast, slow := openTest(t), openTest(t)
	art := func(source, url, text string, quotes int) *claimtrail.Article {
		a := &claimtrail.Article{Source: source, URL: url, Text: text, ExtractorVersion: "v1"}
		for i := range quotes {
			a.Attributions = append(a.Attributions, claimtrail.Attribution{
				Kind:    claimtrail.KindDirect,
				Speaker: claimtrail.Speaker{Name: fmt.Sprintf("Speaker %d", i), Kind: claimtrail.SpeakerPerson},
				Content: []claimtrail.Span{{Start: 0, End: 4, Text: text[:4]}},
			})
		}
		return a
	}
	bad := &claimtrail.Article{Source: "bad", Text: "Tiny.", Attributions: []claimtrail.Attribution{{
		Kind: claimtrail.KindDirect, Content: []claimtrail.Span{{Start: 3, End: 99, Text: "nope"}}}}}
	batches := []func() []*claimtrail.Article{
		func() []*claimtrail.Article { // copies in one batch, unsorted sources
			return []*claimtrail.Article{art("m.txt", "", "Alpha text here.", 2), art("c.txt", "", "Alpha text here.", 2),
				art("u.txt", "https://example.com/u", "Beta text here.", 1), bad, art("z.txt", "", "Alpha text here.", 2)}
		},
		func() []*claimtrail.Article { // copies of stored texts, a new text
			return []*claimtrail.Article{art("q.txt", "", "Alpha text here.", 2), art("a.txt", "", "Alpha text here.", 2),
				art("n.txt", "", "Gamma text here.", 3), art("u2.txt", "https://example.com/u", "Beta text here.", 1)}
		},
		func() []*claimtrail.Article { // a hash shared by a URL and no URL
			return []*claimtrail.Article{art("w.txt", "https://example.com/w", "Delta text here.", 1), art("d.txt", "", "Delta text here.", 1)}
		},
		func() []*claimtrail.Article { // an update at a URL
			return []*claimtrail.Article{art("u3.txt", "https://example.com/u", "Beta text changed.", 2), art("e.txt", "", "Epsilon text.", 1)}
		},
	}
	outcomes := func(res []claimtrail.PutResult) string {
		s := ""
		for _, r := range res {
			if r.Err != nil {
				s += "error "
			} else {
				s += string(r.Outcome) + " "
			}
		}
		return s
	}
	rows := func(s *Store) string {
		var out string
		err := s.tx(ctx, func(tx pgx.Tx) error {
			r, err := tx.Query(ctx, `SELECT a.source || '|' || coalesce(a.url, '') || '|' || a.text || '|' ||
				(SELECT count(*) FROM attributions t WHERE t.article_id = a.id) FROM articles a ORDER BY a.hash, a.source`)
			if err != nil {
				return err
			}
			got, err := pgx.CollectRows(r, pgx.RowTo[string])
			out = fmt.Sprint(got)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for i, mk := range batches {
		res, err := fast.PutBatch(ctx, claimtrail.Batch{Articles: mk()})
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		var want []claimtrail.PutResult
		err = slow.tx(ctx, func(tx pgx.Tx) error {
			want, err = putBatch(ctx, tx, claimtrail.Batch{Articles: mk()}, true, nil)
			return err
		})
		if err != nil {
			t.Fatalf("batch %d article by article: %v", i, err)
		}
		if g, w := outcomes(res), outcomes(want); g != w {
			t.Errorf("batch %d outcomes: %s, article by article %s", i, g, w)
		}
		if g, w := rows(fast), rows(slow); g != w {
			t.Errorf("batch %d stored:\n%s\narticle by article:\n%s", i, g, w)
		}
	}
	if got := rows(fast); got == "[]" {
		t.Fatal("nothing stored")
	}
}

// TestSameTextRace stores the same texts (no URL) from several batches at
// once, as two queue workers with copies of an article do, in a few
// rounds of new texts: each text is stored once, and no batch fails on
// the text-hash index and runs again (identityLocks makes the later
// batch wait and find the stored copy; without it some batch of the
// rounds ran again every time this was run).
func TestSameTextRace(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	const rounds, writers, texts = 6, 6, 16
	before := retries.Load()
	for r := range rounds {
		var wg sync.WaitGroup
		errs := make([]error, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var arts []*claimtrail.Article
				for i := range texts {
					k := (i + w*3) % texts // each batch in its own order
					arts = append(arts, &claimtrail.Article{
						Source: fmt.Sprintf("w%d/r%d-copy%d.txt", w, r, k),
						Outlet: "Harbour Post",
						Text:   fmt.Sprintf("Copy %d of notice %d. “The bridge will reopen in spring,” the mayor said on day %d.", k, r, k),
					})
				}
				_, errs[w] = s.PutBatch(ctx, claimtrail.Batch{Articles: arts})
			}()
		}
		wg.Wait()
		for w, err := range errs {
			if err != nil {
				t.Fatalf("round %d, writer %d: %v", r, w, err)
			}
		}
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != rounds*texts {
		t.Errorf("%d articles stored, want %d", n, rounds*texts)
	}
	if r := retries.Load() - before; r != 0 {
		t.Errorf("%d batches ran again", r)
	}
}
