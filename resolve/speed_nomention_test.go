package resolve

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestResolveNoMentions: with no mention to resolve, ResolveContext
// skips the article's names and answers an empty, non-nil list (what the
// loop gave), or the context's error when it is done; the next call
// resolves as before (the pooled resolver was not left half-used).
func TestResolveNoMentions(t *testing.T) {
	d := segment.Segment("Prime Minister Tony Blair said the plan would work. Mr Blair added that he was sure.")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name     string
		ctx      context.Context
		mentions []Mention
		wantErr  bool
	}{
		{"nil mentions", context.Background(), nil, false},
		{"empty mentions", context.Background(), []Mention{}, false},
		{"cancelled", cancelled, nil, true},
	} {
		got, err := ResolveContext(tc.ctx, d, tc.mentions)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: error %v, want one: %v", tc.name, err, tc.wantErr)
		}
		if !tc.wantErr && (got == nil || len(got) != 0) {
			t.Errorf("%s: got %#v, want an empty non-nil list", tc.name, got)
		}
	}
	// "Mr Blair" is Tony Blair after the calls above
	mr := -1
	for i, tok := range d.Tokens {
		if tok.Text == "Mr" {
			mr = i
		}
	}
	sp := Resolve(d, []Mention{{Start: mr, End: mr + 2}})
	if len(sp) != 1 || sp[0].Name != "Tony Blair" {
		t.Errorf("Mr Blair resolved to %#v, want Tony Blair", sp)
	}
}
