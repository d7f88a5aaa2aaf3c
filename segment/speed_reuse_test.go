package segment

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
)

// TestSegmentReuse: a Doc built in a released Doc's memory is the Doc
// SegmentContext builds, whatever the article before it held (longer or
// shorter, quotes or none) and whatever a later stage wrote in its tokens
// (tags, heads, entities). It fails when Release leaves a field of a
// token behind or SegmentReuse keeps a slice's old elements.
func TestSegmentReuse(t *testing.T) {
	long := strings.Repeat(`"We will not back down," Mr. Smith said on Monday. `, 40)
	texts := []string{
		long,
		"Short one.",
		"The minister said the plan would work.\n\nIt “failed”, critics said.",
		long + "\n\n" + long,
		"",
		"“Unclosed quote at the end",
		"A line\nand another line.",
	}
	ctx := context.Background()
	var old *doc.Doc
	for round := range 2 {
		for i, text := range texts {
			want, err := SegmentContext(ctx, text)
			if err != nil {
				t.Fatal(err)
			}
			got, err := SegmentReuse(ctx, text, old)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(nilEmpty(got), nilEmpty(want)) {
				t.Fatalf("round %d, text %d: the reused Doc differs from SegmentContext's", round, i)
			}
			// what the later stages write
			for k := range got.Tokens {
				got.Tokens[k].POS, got.Tokens[k].Dep, got.Tokens[k].Ent = "NN", "nsubj", "B-PER"
				got.Tokens[k].Head, got.Tokens[k].Quote = k+1, 3
			}
			old = Release(got)
			if old == nil {
				t.Fatalf("text %d: Release kept nothing", i)
			}
		}
	}
}

// TestReleaseHuge: a huge article's token slice is not kept.
func TestReleaseHuge(t *testing.T) {
	d := &doc.Doc{Tokens: make([]doc.Token, 0, maxReusedTokens+1)}
	if Release(d) != nil {
		t.Error("Release kept a token slice over maxReusedTokens")
	}
	if Release(nil) != nil {
		t.Error("Release(nil) is not nil")
	}
}

// nilEmpty returns a copy of d with its empty slices nil: a reused Doc
// keeps an empty slice's memory where a new one has none, which no
// reader tells apart.
func nilEmpty(d *doc.Doc) doc.Doc {
	c := *d
	if len(c.Tokens) == 0 {
		c.Tokens = nil
	}
	if len(c.Sents) == 0 {
		c.Sents = nil
	}
	if len(c.Paras) == 0 {
		c.Paras = nil
	}
	if len(c.Quotes) == 0 {
		c.Quotes = nil
	}
	return c
}
