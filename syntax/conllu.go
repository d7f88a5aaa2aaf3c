// Package syntax tags, recognises named entities in, and dependency-parses
// English sentences in pure Go. Its three models (an averaged-perceptron
// part-of-speech tagger, an averaged-perceptron BIO entity tagger and a
// greedy arc-hybrid transition parser) are trained from the Stanford
// CoreNLP silver annotations that ship with PolNeAR, and are embedded in the
// binary so that the attribution extractor needs no files at run time.
//
// Tokens are plain strings as they appear in the text. Both PTB forms
// (the quote tokens made of two backquotes or two apostrophes, -LRB-, --)
// and the raw forms a tokenizer sees (curly and straight quotes, brackets,
// em dashes, ellipses) are accepted: the feature functions map them to one
// form. Output tags are the Penn Treebank tags CoreNLP writes, including
// its quote tags (two backquotes for an opening quote, two apostrophes for
// a closing one) and -LRB-/-RRB- for brackets; entity tags are BIO over
// PER, ORG, LOC and MISC, and dependency labels are CoreNLP's
// basic Universal-style relations (nsubj, ccomp, dobj, ...).
package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U file as CoreNLP wrote it for
// PolNeAR. All slices have the same length, one entry per token.
type Sentence struct {
	Words  []string
	Lemmas []string
	Tags   []string // Penn Treebank POS tags
	Heads  []int    // 0-based index of the head token, -1 for the root
	Labels []string // basic dependency relations
	// Ents is the entity tag in BIO form over PER, ORG, LOC and MISC
	// ("B-PER", "I-ORG", "O"); CoreNLP's other classes (DATE, NUMBER, ...)
	// become "O".
	Ents []string
	// Begin and End are the character offsets CoreNLP recorded (-1 when
	// absent).
	Begin, End []int
}

// Len is the number of tokens.
func (s *Sentence) Len() int { return len(s.Words) }

// nerTypes maps CoreNLP's CoNLL 4-class names to the short types we keep.
var nerTypes = map[string]string{
	"PERSON":       "PER",
	"ORGANIZATION": "ORG",
	"LOCATION":     "LOC",
	"MISC":         "MISC",
}

// ReadCoNLLU reads CoNLL-U text in the layout of the PolNeAR CoreNLP files:
// id, word, lemma, _, Penn POS, _, head, deprel, _, Begin=|End=|NER=.
// Comment lines are skipped, blank lines end sentences, and multi-word or
// empty-node lines (ids with "-" or ".") are ignored. Malformed lines give
// an error naming the line; it never panics. Head ids outside the sentence
// are reported as errors too, so that every returned sentence is a tree
// candidate whose heads index into it.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var (
		out    []Sentence
		cur    Sentence
		lineNo int
	)
	flush := func() error {
		if len(cur.Words) == 0 {
			return nil
		}
		n := len(cur.Words)
		for i := range n {
			h := cur.Heads[i]
			if h < -1 || h >= n {
				return fmt.Errorf("line %d: sentence ending here has head %d outside 0..%d", lineNo, h+1, n)
			}
		}
		cur.Ents = bioFromIO(cur.Ents)
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return out, err
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 8 {
			return out, fmt.Errorf("line %d: %d columns, want at least 8", lineNo, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return out, fmt.Errorf("line %d: token id %q: %w", lineNo, cols[0], err)
		}
		if id != len(cur.Words)+1 {
			return out, fmt.Errorf("line %d: token id %d, want %d", lineNo, id, len(cur.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil {
				return out, fmt.Errorf("line %d: head %q: %w", lineNo, cols[6], err)
			}
			if h < 0 || h > 1<<20 {
				return out, fmt.Errorf("line %d: head %d out of range", lineNo, h)
			}
			head = h - 1
		}
		begin, end, ner := -1, -1, "O"
		if len(cols) >= 10 {
			begin, end, ner = parseMisc(cols[9])
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Lemmas = append(cur.Lemmas, cols[2])
		cur.Tags = append(cur.Tags, cols[4])
		cur.Heads = append(cur.Heads, head)
		cur.Labels = append(cur.Labels, cols[7])
		cur.Ents = append(cur.Ents, ner)
		cur.Begin = append(cur.Begin, begin)
		cur.End = append(cur.End, end)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read conllu: %w", err)
	}
	if err := flush(); err != nil {
		return out, err
	}
	return out, nil
}

// parseMisc reads "Begin=0|End=3|NER=PERSON", returning -1 offsets when
// missing and the kept entity type ("PER", ...) or "O".
func parseMisc(misc string) (begin, end int, ner string) {
	begin, end, ner = -1, -1, "O"
	for field := range strings.SplitSeq(misc, "|") {
		k, v, ok := strings.Cut(field, "=")
		if !ok {
			continue
		}
		switch k {
		case "Begin":
			if n, err := strconv.Atoi(v); err == nil {
				begin = n
			}
		case "End":
			if n, err := strconv.Atoi(v); err == nil {
				end = n
			}
		case "NER":
			if t, ok := nerTypes[v]; ok {
				ner = t
			}
		}
	}
	return begin, end, ner
}

// bioFromIO turns per-token entity types (IO encoding, as CoreNLP writes
// them: consecutive tokens of one type are one mention) into BIO tags.
func bioFromIO(types []string) []string {
	out := make([]string, len(types))
	prev := "O"
	for i, t := range types {
		switch {
		case t == "O":
			out[i] = "O"
		case t == prev:
			out[i] = "I-" + t
		default:
			out[i] = "B-" + t
		}
		prev = t
	}
	return out
}

// EntitySpans lists the [start,end) token spans and types of the entities
// in a BIO sequence. An I- tag that does not continue an entity of the same
// type starts a new one, the usual lenient reading.
func EntitySpans(ents []string) []EntitySpan {
	var out []EntitySpan
	open := -1
	typ := ""
	for i, e := range ents {
		prefix, t, _ := strings.Cut(e, "-")
		switch {
		case prefix == "B" || (prefix == "I" && (open < 0 || t != typ)):
			if open >= 0 {
				out = append(out, EntitySpan{open, i, typ})
			}
			open, typ = i, t
		case prefix == "I":
			// continues
		default:
			if open >= 0 {
				out = append(out, EntitySpan{open, i, typ})
			}
			open, typ = -1, ""
		}
	}
	if open >= 0 {
		out = append(out, EntitySpan{open, len(ents), typ})
	}
	return out
}

// EntitySpan is one named-entity mention over tokens [Start, End).
type EntitySpan struct {
	Start, End int
	Type       string // PER, ORG, LOC or MISC
}
