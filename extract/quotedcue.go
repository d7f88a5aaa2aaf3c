package extract

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// dropCueInsideQuote removes a second reading of a quote's speaker that
// takes its cue from inside the quote: "She added: “Four people,
// including my supervisor, stated that I came to them ...”" was read
// both as her "added:" (right) and as her "stated" (the four people's
// verb, inside her words); "The Times added that “the man's beliefs are
// not known, said Ragan, ...”" as the paper's "added" and its "said".
// The other reading, with the same source, must hold the cue inside one
// of its pieces, and the source must stand wholly before the quote's
// opening mark: a report written inside the quote ("“Some members noted
// that ...”") or one whose source opens it is the quote's own.
func dropCueInsideQuote(d *doc.Doc, found []attribute.Found) []attribute.Found {
	var drop []bool
	var bySource map[attribute.Range][]int // readings by source, made at the first candidate
	for i, f := range found {
		if f.Source.Empty() || f.Cue.Empty() {
			continue
		}
		q, ok := outerQuoteOf(d, f.Cue.Start)
		if !ok || q.Start >= d.Tokens[f.Cue.Start].Start || d.Tokens[f.Source.End-1].End > q.Start {
			continue
		}
		if bySource == nil {
			bySource = map[attribute.Range][]int{}
			for j, g := range found {
				bySource[g.Source] = append(bySource[g.Source], j)
			}
		}
		for _, j := range bySource[f.Source] {
			g := found[j]
			if j == i || g.Cue == f.Cue {
				continue
			}
			for _, p := range g.Pieces {
				if p.Start <= f.Cue.Start && f.Cue.End <= p.End {
					if drop == nil {
						drop = make([]bool, len(found))
					}
					drop[i] = true
				}
			}
		}
	}
	return withoutDropped(found, drop)
}

// outerQuoteOf returns the outermost closed quote region holding token
// k (the tokens' Quote index names the innermost; nested ones follow the
// quote that holds them).
func outerQuoteOf(d *doc.Doc, k int) (doc.Quote, bool) {
	qi := d.Tokens[k].Quote - 1
	if qi < 0 {
		return doc.Quote{}, false
	}
	start := d.Tokens[k].Start
	for ; qi >= 0; qi-- {
		q := d.Quotes[qi]
		if q.Depth == 0 {
			if q.Unclosed || q.Start > start || start >= q.End {
				return doc.Quote{}, false
			}
			return q, true
		}
	}
	return doc.Quote{}, false
}

// withoutDropped returns found less the readings drop marks (found
// itself when drop is nil).
func withoutDropped(found []attribute.Found, drop []bool) []attribute.Found {
	if drop == nil {
		return found
	}
	out := make([]attribute.Found, 0, len(found))
	for i, f := range found {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

// dropShellOverReport removes a reading whose cue holds no verb of
// saying or thinking and whose content is a word or three, then "and"
// or "but" and another reading whole, source and cue included: "Michels
// had recently undergone heart | surgery and federation spokesman Frank
// Huizinga said: “...”" gave Michels the spokesman's quote. Cues of
// punctuation and "according to" (which do vouch for a report inside
// them) are left alone.
func dropShellOverReport(d *doc.Doc, found []attribute.Found) []attribute.Found {
	toks := d.Tokens
	shell := func(f attribute.Found) bool {
		if f.Cue.Empty() || f.Content.Empty() || strings.EqualFold(toks[f.Cue.Start].Text, "according") {
			return false
		}
		words := 0
		for k := f.Cue.Start; k < f.Cue.End; k++ {
			w := strings.ToLower(toks[k].Text)
			if !unicode.IsLetter([]rune(w)[0]) {
				continue
			}
			words++
			if l, ok := lemmaOf(w); ok && verbClass[l] != 0 || speechVerbs[w] {
				return false
			}
		}
		return words > 0
	}
	inside := func(r, in attribute.Range) bool { return !r.Empty() && in.Start <= r.Start && r.End <= in.End }
	var drop []bool
	var bySourceStart map[int][]int // readings by where their source starts, made at the first shell
	for i, f := range found {
		if !shell(f) {
			continue
		}
		if bySourceStart == nil {
			bySourceStart = map[int][]int{}
			for j, g := range found {
				if !g.Source.Empty() {
					bySourceStart[g.Source.Start] = append(bySourceStart[g.Source.Start], j)
				}
			}
		}
		for s := f.Content.Start + 1; s <= f.Content.Start+4 && s < len(toks); s++ {
			if w := strings.ToLower(toks[s-1].Text); w != "and" && w != "but" {
				continue
			}
			for _, j := range bySourceStart[s] {
				if g := found[j]; j != i && inside(g.Cue, f.Content) && inside(g.Source, f.Content) {
					if drop == nil {
						drop = make([]bool, len(found))
					}
					drop[i] = true
				}
			}
		}
	}
	return withoutDropped(found, drop)
}
