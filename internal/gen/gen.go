// Package gen makes large synthetic stores for load tests: articles
// recombined from the sentences of real corpora (BBC, PTC), with their
// attributions written out directly, not found by the extraction
// pipeline, so that a store of a million attributions takes minutes.
//
// Every article is a pure function of its number and the corpus, so the
// same command makes the same store on SQLite and on PostgreSQL.
package gen

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Corpus is the material articles are made of.
type Corpus struct {
	// Sentences are plain sentences without quote marks, 6 to 40 words.
	Sentences []string
	// Names are capitalised word pairs seen at least three times
	// ("Tony Blair"), most frequent first: the speakers.
	Names []string
}

var (
	namePair  = regexp.MustCompile(`(?:^|[^\pL])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?:[^\pL]|$)`)
	notAFirst = map[string]bool{"The": true, "This": true, "That": true, "But": true, "And": true, "For": true, "His": true,
		"Her": true, "Their": true, "Its": true, "When": true, "While": true, "After": true, "Mr": true, "Mrs": true,
		"Ms": true, "Dr": true, "New": true, "United": true, "Prime": true, "President": true, "Labour": true, "Conservative": true}
	quoteMarks = strings.NewReplacer(`"`, "", "\u201c", "", "\u201d", "", "\u2018", "'", "\u2019", "'", "`", "")
)

// Load reads every .txt file under dirs (one sentence a line, or
// paragraphs cut at sentence ends).
func Load(dirs ...string) (*Corpus, error) {
	c := &Corpus{}
	seen := map[string]bool{}
	counts := map[string]int{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				line := sc.Text()
				if !utf8.ValidString(line) {
					continue
				}
				for _, m := range namePair.FindAllStringSubmatch(line, -1) {
					if !notAFirst[m[1]] {
						counts[m[1]+" "+m[2]]++
					}
				}
				for _, s := range splitSentences(quoteMarks.Replace(line)) {
					if n := len(strings.Fields(s)); n >= 6 && n <= 40 && !seen[s] {
						seen[s] = true
						c.Sentences = append(c.Sentences, s)
					}
				}
			}
			return sc.Err()
		})
		if err != nil {
			return nil, fmt.Errorf("read corpus %s: %w", dir, err)
		}
	}
	for name, n := range counts {
		if n >= 3 {
			c.Names = append(c.Names, name)
		}
	}
	slices.SortFunc(c.Names, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	if len(c.Sentences) < 100 || len(c.Names) < 10 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "corpus %s too small: %d sentences, %d names (want 100 and 10)",
			strings.Join(dirs, ", "), len(c.Sentences), len(c.Names))
	}
	return c, nil
}

// splitSentences cuts a line after ". ", "? " and "! ".
func splitSentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(line); i++ {
		if (line[i] == '.' || line[i] == '?' || line[i] == '!') && line[i+1] == ' ' {
			out = append(out, strings.TrimSpace(line[start:i+1]))
			start = i + 2
		}
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// Options shape the articles.
type Options struct {
	// PerArticle is the number of attributions an article holds
	// (default 8).
	PerArticle int
	// Speakers caps the number of distinct speakers (default 5000).
	Speakers int
	// Outlets is the number of outlets (default 60).
	Outlets int
	// Seed varies the articles.
	Seed uint64
}

// Generator makes the i-th article of a synthetic store.
type Generator struct {
	c   *Corpus
	opt Options
}

// New returns a generator over c.
func New(c *Corpus, opt Options) *Generator {
	if opt.PerArticle <= 0 {
		opt.PerArticle = 8
	}
	if opt.Speakers <= 0 {
		opt.Speakers = 5000
	}
	if opt.Outlets <= 0 {
		opt.Outlets = 60
	}
	return &Generator{c: c, opt: opt}
}

// base is the publication time of article 0; article i is i minutes
// later.
var base = time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC)

// Article returns article i with its attributions: each a paragraph
// `"SENTENCE," NAME said.` (direct; about one in eight a quote shared
// with other articles, so that clusters form) between narrative
// sentences. ExtractorVersion is "gen".
func (g *Generator) Article(i int) *claimtrail.Article {
	r := rand.New(rand.NewPCG(g.opt.Seed, uint64(i)))
	c := g.c
	pick := func() string { return c.Sentences[r.IntN(len(c.Sentences))] }
	names := c.Names[:min(len(c.Names), g.opt.Speakers)]
	a := &claimtrail.Article{
		Source:           fmt.Sprintf("https://gen.example/%d", i),
		URL:              fmt.Sprintf("https://gen.example/%d", i),
		Outlet:           fmt.Sprintf("Outlet %d", r.IntN(g.opt.Outlets)),
		Published:        base.Add(time.Duration(i) * time.Minute),
		ExtractorVersion: "gen",
	}
	a.Title = strings.TrimRight(pick(), ".?!")
	var b strings.Builder
	n := 0 // code points written
	write := func(s string) { b.WriteString(s); n += utf8.RuneCountInString(s) }
	write(a.Title + "\n\n")
	for range g.opt.PerArticle {
		write(pick() + " " + pick() + "\n\n")
		quote := pick()
		if r.IntN(8) == 0 {
			// a quote from a small shared pool, repeated across outlets
			quote = c.Sentences[r.IntN(min(len(c.Sentences), 2000))]
		}
		quote = strings.TrimRight(quote, ".?!")
		name := names[(r.IntN(len(names))*r.IntN(len(names)))/len(names)] // skewed: some speak often
		contentStart := n
		write(`"` + quote + `,"`)
		content := claimtrail.Span{Start: contentStart, End: n, Text: `"` + quote + `,"`}
		write(" ")
		srcStart := n
		write(name)
		source := claimtrail.Span{Start: srcStart, End: n, Text: name}
		write(" ")
		cueStart := n
		write("said")
		cue := claimtrail.Span{Start: cueStart, End: n, Text: "said"}
		write(".\n\n")
		a.Attributions = append(a.Attributions, claimtrail.Attribution{
			Kind: claimtrail.KindDirect, Source: &source, Cue: &cue, Content: []claimtrail.Span{content},
			Quotes:     []claimtrail.Span{{Start: contentStart + 1, End: contentStart + 1 + utf8.RuneCountInString(quote), Text: quote}},
			Speaker:    claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerPerson},
			Confidence: 0.9,
		})
	}
	write(pick())
	a.Text = b.String()
	a.Hash = claimtrail.HashText(a.Text)
	return a
}
