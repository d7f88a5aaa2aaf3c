package extract

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/syntax"
)

// syntaxModels tags and parses each sentence of a Doc with the embedded
// models of package syntax. The parser is only loaded for the accurate
// mode (it is most of the memory). The entity tagger is not used: on
// PolNeAR dev it changed no score (69.8/67.6/52.6 without it, 69.9/67.2/52.1
// with it) and the resolver's own name finder did as well on the reference
// articles, while it cost a sixth of the extraction time.
type syntaxModels struct {
	tagger *syntax.Tagger
	parser *syntax.Parser // nil unless loaded with parse
}

// The syntax package shares its models while they are in use and lets
// them go when no extractor holds them (an ingest's clustering step):
// no cache of its own here.
var (
	loadTagger = syntax.LoadTagger
	loadParser = syntax.LoadParser
)

// loadSyntax loads the embedded tagger, and the parser when parse is set,
// once per process.
func loadSyntax(parse bool) (*syntaxModels, error) {
	tagger, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("load POS tagger: %w", err)
	}
	s := &syntaxModels{tagger: tagger}
	if parse {
		if s.parser, err = loadParser(); err != nil {
			return nil, fmt.Errorf("load parser: %w", err)
		}
	}
	return s, nil
}

type syntaxScratch struct {
	words, tags, labels []string
	heads               []int
}

var scratchPool = sync.Pool{New: func() any { return new(syntaxScratch) }}

// annotate fills POS of every token, and Head and Dep when parse is set.
// Only the sentences sel marks are annotated (all when sel is nil).
func (s *syntaxModels) annotate(d *doc.Doc, sel []bool, parse bool) {
	_ = s.annotateContext(context.Background(), d, sel, parse)
}

// annotateContext is annotate that stops with ctx's error when ctx is
// done (checked every checkEvery sentences).
func (s *syntaxModels) annotateContext(ctx context.Context, d *doc.Doc, sel []bool, parse bool) error {
	if s == nil {
		return nil
	}
	sc := scratchPool.Get().(*syntaxScratch)
	defer scratchPool.Put(sc)
	for si, sent := range d.Sents {
		if si%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := sent.Last - sent.First
		if n <= 0 || sel != nil && !sel[si] {
			continue
		}
		sc.words = sc.words[:0]
		headline := titleCaseSentence(d, sent)
		for k := sent.First; k < sent.Last; k++ {
			w := d.Tokens[k].Text
			if headline && w != "I" {
				// capitals in a title-case headline say nothing; tagged
				// as written, nearly every word comes out a proper noun
				w = strings.ToLower(w)
			}
			sc.words = append(sc.words, w)
		}
		sc.tags = grow(sc.tags, n)
		sc.labels = grow(sc.labels, n)
		if cap(sc.heads) < n {
			sc.heads = make([]int, n)
		}
		sc.heads = sc.heads[:n]
		s.tagger.Tag(sc.words, sc.tags)
		if !parse || s.parser == nil {
			for k := 0; k < n; k++ {
				d.Tokens[sent.First+k].POS = sc.tags[k]
			}
			continue
		}
		s.parser.Parse(sc.words, sc.tags, sc.heads, sc.labels)
		for k := 0; k < n; k++ {
			t := &d.Tokens[sent.First+k]
			t.POS, t.Dep = sc.tags[k], sc.labels[k]
			t.Head = -1
			if h := sc.heads[k]; h >= 0 && h < n {
				t.Head = sent.First + h
			}
		}
	}
	return nil
}

// checkEvery is how many sentences the syntax stage tags between two
// looks at its context: a few milliseconds of work at most.
const checkEvery = 64

// titleCaseSentence reports a short sentence where most words are
// capitalised: a headline in title case ("Mayor Says Port Will Stay Open").
func titleCaseSentence(d *doc.Doc, sent doc.Sentence) bool {
	if sent.Last-sent.First > 40 {
		return false
	}
	words, caps := 0, 0
	for k := sent.First; k < sent.Last; k++ {
		r, _ := utf8.DecodeRuneInString(d.Tokens[k].Text)
		switch {
		case unicode.IsUpper(r):
			words++
			caps++
		case unicode.IsLower(r):
			words++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
