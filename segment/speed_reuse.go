package segment

import (
	"context"

	"github.com/claimtrail/claimtrail/doc"
)

// Segmenting allocates the Doc's token slice, about 100 bytes a token:
// 45% of what the default mode allocated per BBC article (53 of 118 KiB),
// memory that has to be zeroed when allocated and that brings the next
// garbage collection nearer (each marks the models' ~45 MiB). A caller
// that segments article after article and drops each Doc before the next
// (the extractor) hands the Doc back with Release and passes it to
// SegmentReuse, which builds the next Doc in the same slices.

// SegmentReuse is SegmentContext that builds the Doc in the memory of
// old, a Doc handed back by Release (nil: none), when its token slice is
// large enough for text. old must not be used after the call, nor any
// Doc that shares its slices.
func SegmentReuse(ctx context.Context, text string, old *doc.Doc) (*doc.Doc, error) {
	return segmentInto(ctx, text, old)
}

// maxReusedTokens caps the token slice Release keeps: a huge article's
// slice (up to 16 MB of text, a few million tokens) is left to the
// garbage collector rather than held for the articles after it.
const maxReusedTokens = 1 << 16

// Release readies d's memory for SegmentReuse and returns what to pass
// it: d itself, emptied, or nil when its slices are not worth keeping.
// The tokens are zeroed: segmenting writes only the fields a zero token
// lacks (add), and the slices keep no article text alive. Neither d nor
// its slices may be used after the call but through SegmentReuse.
func Release(d *doc.Doc) *doc.Doc {
	if d == nil || cap(d.Tokens) > maxReusedTokens {
		return nil
	}
	// (add writes within the length only, so the slots past it are
	// still zero)
	clear(d.Tokens)
	*d = doc.Doc{Tokens: d.Tokens[:0], Sents: d.Sents[:0], Paras: d.Paras[:0], Quotes: d.Quotes[:0]}
	return d
}
