package postgres

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/query"
)

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		negated  bool
	}{
		{in: "bridge", want: "'bridge'"},
		{in: "pay twice", want: "('pay' & 'twice')"},
		{in: `"act of God"`, want: "('act' <-> 'of' <-> 'god')"},
		{in: "inspect*", want: "'inspect':*"},
		{in: "U.S. trade", want: "(('u' <-> 's') & 'trade')"},
		{in: "bridge -storm", want: "('bridge' & !'storm')"},
		{in: "bridge NOT storm", want: "('bridge' & !'storm')"},
		{in: "mayor OR board", want: "('mayor' | 'board')"},
		{in: "Café", want: "'cafe'"},
		{in: "NOT storm", want: "'storm'", negated: true},
		{in: "NEAR(bridge storm, 1)", want: "('bridge' <1> 'storm' | 'storm' <1> 'bridge' | 'bridge' <2> 'storm' | 'storm' <2> 'bridge')"},
	} {
		q, err := query.Parse(tc.in)
		if err != nil {
			t.Fatalf("parse %q: %v", tc.in, err)
		}
		got, neg := tsQuery(q)
		if got != tc.want || neg != tc.negated {
			t.Errorf("tsQuery(%q) = %q, %v; want %q, %v", tc.in, got, neg, tc.want, tc.negated)
		}
	}
}

// TestTSQueryParses runs odd queries through PostgreSQL: whatever the
// query language accepts is a valid tsquery.
func TestTSQueryParses(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, q := range []string{"a OR b", "NOT NOT a", "((a) OR (b)) NOT (c)", `"it's"`, "a -b -c OR d", "xyz* OR -y", "9/11 ünïcödé", "NEAR(a b c)", "O'Brien", `"don't stop"*`} {
		for _, inArticles := range []bool{false, true} {
			if _, err := s.SearchPage(ctx, q, claimtrail.AttributionFilter{InArticles: inArticles}); err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
				t.Errorf("search %q (articles %v): %v", q, inArticles, err)
			}
		}
	}
}
