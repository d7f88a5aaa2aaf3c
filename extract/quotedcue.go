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
	inQuote := func(f attribute.Found) (doc.Quote, bool) {
		cs := d.Tokens[f.Cue.Start].Start
		for _, q := range d.Quotes {
			if q.Depth == 0 && !q.Unclosed && q.Start < cs && cs < q.End {
				return q, true
			}
		}
		return doc.Quote{}, false
	}
	drop := func(i int) bool {
		f := found[i]
		if f.Source.Empty() || f.Cue.Empty() {
			return false
		}
		q, ok := inQuote(f)
		if !ok || d.Tokens[f.Source.End-1].End > q.Start {
			return false
		}
		for j, g := range found {
			if j == i || g.Source != f.Source || g.Cue == f.Cue {
				continue
			}
			for _, p := range g.Pieces {
				if p.Start <= f.Cue.Start && f.Cue.End <= p.End {
					return true
				}
			}
		}
		return false
	}
	out := found[:0:0]
	for i, f := range found {
		if !drop(i) {
			out = append(out, f)
		}
	}
	if len(out) == len(found) {
		return found
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
	var out []attribute.Found
	for i, f := range found {
		drop := false
		if shell(f) {
			for j, g := range found {
				if j == i || !inside(g.Cue, f.Content) || !inside(g.Source, f.Content) || g.Source.Start-f.Content.Start > 4 {
					continue
				}
				if w := strings.ToLower(toks[g.Source.Start-1].Text); w == "and" || w == "but" {
					drop = true
					break
				}
			}
		}
		if drop {
			if out == nil {
				out = append(make([]attribute.Found, 0, len(found)), found[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, f)
		}
	}
	if out == nil {
		return found
	}
	return out
}
