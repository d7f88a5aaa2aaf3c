package postgres

import (
	"context"
	"strings"
	"testing"
)

// TestClusterOrderPlan: the listing's order is read from clusters_order
// (migration 150) without a sort: the expression in the query is the
// index's, and immutable.
func TestClusterOrderPlan(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(ctx, `EXPLAIN SELECT c.id FROM clusters c ORDER BY c.articles DESC, `+clusterFirstSeen+` DESC NULLS LAST, c.id LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	p := strings.Join(plan, "\n")
	if !strings.Contains(p, "clusters_order") || strings.Contains(p, "Sort") {
		t.Errorf("plan %s, want clusters_order and no sort", p)
	}
}
