package sqlite

import (
	"context"
	"fmt"
	"testing"
)

// TestClusterPieces: cluster_pieces holds one row per member of the
// index, with the place and text of its cluster_members row, after
// incremental batches, a replaced article (its old pieces go with its
// attributions) and a full update; the marker counts the summaries read
// through it are those of the quotes.
func TestClusterPieces(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	quotes := []string{
		bridgeQuote,
		"rebuild every crumbling bridge in Ohio by next spring",
		"The harbour will reopen by next spring, the mayor promised",
		"the harbour will reopen by next spring",
	}
	for i, q := range quotes {
		a := trailArticle(t, fmt.Sprintf("https://p.example/%d", i), fmt.Sprintf("O%d", i%2), i+1, "Ann Lee", q, true)
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ClusterNewQuotes(ctx); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		var pieces, members, same int
		err := s.ro.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM cluster_pieces), (SELECT count(*) FROM cluster_members),
			(SELECT count(*) FROM cluster_pieces p JOIN cluster_members m USING (attribution_id, piece)
				WHERE p.span_start = m.span_start AND p.span_end = m.span_end AND p.text = m.text)`).Scan(&pieces, &members, &same)
		if err != nil {
			t.Fatal(err)
		}
		if pieces == 0 || pieces != members || same != members {
			t.Errorf("%s: %d pieces, %d members, %d alike", when, pieces, members, same)
		}
		var unmarked int
		if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE marker_counts = '{}'`).Scan(&unmarked); err != nil {
			t.Fatal(err)
		}
		if unmarked > 0 {
			t.Errorf("%s: %d clusters of unsupported quotes without marker counts", when, unmarked)
		}
	}
	check("incremental")
	a := trailArticle(t, "https://p.example/0", "O0", 1, "Ann Lee", "The lithium mine in Alberta will double its output within ten years", true)
	a.Text += " "
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClusterNewQuotes(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a replaced article")
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	check("after a full update")
}
