package syntax

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Model file names under the output directory of Train (and syntax/models).
const (
	TaggerFile = "pos.model.gz"
	EntityFile = "ner.model.gz"
	ParserFile = "dep.model.gz"
)

// ReadDir reads every *.conllu file of dir in name order.
func ReadDir(ctx context.Context, dir string) ([]Sentence, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no .conllu files in %s", dir)
	}
	slices.Sort(paths)
	var out []Sentence
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		sents, err := ReadCoNLLU(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		out = append(out, sents...)
	}
	return out, nil
}

// TagAccuracy is the share of tokens whose predicted tag equals the gold.
func TagAccuracy(t *Tagger, sents []Sentence) float64 {
	correct, total := 0, 0
	var tags []string
	for i := range sents {
		s := &sents[i]
		tags = slices.Grow(tags[:0], s.Len())[:s.Len()]
		t.Tag(s.Words, tags)
		for j := range tags {
			if tags[j] == s.Tags[j] {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

func elapsed(start time.Time) string { return time.Since(start).Round(time.Millisecond).String() }

var _ = strings.Cut
var _ io.Writer
