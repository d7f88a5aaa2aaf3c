package postgres

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		invalid  bool
	}{
		{in: "bridge", want: "'bridge'"},
		{in: "pay twice", want: "'pay' & 'twice'"},
		{in: `"act of God"`, want: "('act' <-> 'of' <-> 'god')"},
		{in: "inspect*", want: "'inspect':*"},
		{in: `"act of"*`, want: "('act' <-> 'of':*)"},
		{in: "U.S. trade", want: "('u' <-> 's') & 'trade'"},
		{in: "bridge -storm", want: "'bridge' & !'storm'"},
		{in: "-storm bridge", want: "!'storm' & 'bridge'"},
		{in: "bridge NOT storm", want: "'bridge' & !'storm'"},
		{in: "mayor OR board", want: "'mayor' | 'board'"},
		{in: "(mayor OR board) bridge", want: "('mayor' | 'board') & 'bridge'"},
		{in: "OR bridge AND", want: "'bridge'"},
		{in: "bridge OR OR storm", want: "'bridge' | 'storm'"},
		{in: "(bridge", want: "('bridge')"},
		{in: "bridge ( ) storm", want: "'bridge' & 'storm'"},
		{in: "don't Café", want: "('don' <-> 't') & 'cafe'"},
		{in: "it's 'quoted' \\ & | ! <->", want: "('it' <-> 's') & 'quoted'"},
		{in: "-storm", invalid: true},
		{in: "!!! ...", invalid: true},
		{in: "", invalid: true},
	} {
		got, err := tsQuery(tc.in)
		if tc.invalid {
			if claimtrail.ErrorCode(err) != claimtrail.EINVALID {
				t.Errorf("tsQuery(%q) = %q, %v; want EINVALID", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("tsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestTSQueryParses runs odd queries through PostgreSQL: whatever a user
// types is a valid query or a clear EINVALID, never a server error.
func TestTSQueryParses(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, q := range []string{"a OR", "NOT NOT a", "((a) OR (b)) NOT (c", `"unclosed phrase`, "a -b -c OR d", "x* OR -y", "9/11 ünïcödé"} {
		if _, err := s.Search(ctx, q, claimtrail.AttributionFilter{}); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
		if _, err := s.Search(ctx, q, claimtrail.AttributionFilter{InArticles: true}); err != nil {
			t.Errorf("search articles %q: %v", q, err)
		}
	}
}
