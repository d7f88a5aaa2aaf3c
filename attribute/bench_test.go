package attribute

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/internal/cputime"
	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/segment"
)

// bbcDocs segments up to n BBC articles (skipping when absent).
func bbcDocs(b testing.TB, n int) []*doc.Doc {
	dir := shareddata.Dir(b, "bbc")
	var docs []*doc.Doc
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" || len(docs) >= n {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		docs = append(docs, segment.Segment(string(raw)))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(docs) == 0 {
		b.Skip("no BBC articles")
	}
	return docs
}

// BenchmarkFindBBC runs the default model's cue tagger and span rankers
// over segmented (untagged) BBC articles; one op is one article.
func BenchmarkFindBBC(b *testing.B) {
	docs := bbcDocs(b, 300)
	m := shippedModel(b)
	ctx := context.Background()
	cpuPerOp(b, func(i int) {
		if _, err := m.FindContext(ctx, NewText(docs[i%len(docs)]), nil); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkNewView builds the token view of BBC articles; one op is one
// article.
func BenchmarkNewView(b *testing.B) {
	docs := bbcDocs(b, 100)
	cpuPerOp(b, func(i int) { newView(docs[i%len(docs)]) })
}

// cpuPerOp runs op(i) for i = 0, 1, ... as the benchmark loop and
// reports its CPU time per op beside the wall time: on a machine shared
// with other jobs, CPU time is what an old and a new build can be
// compared on.
func cpuPerOp(b *testing.B, op func(i int)) {
	b.ReportAllocs()
	cpu0 := cputime.Now()
	n := 0
	for b.Loop() {
		op(n)
		n++
	}
	b.ReportMetric(float64(cputime.Now()-cpu0)/float64(n), "cpu-ns/op")
}
