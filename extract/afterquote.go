package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// namedAfterQuotes gives a quote the speaker named just after it with a
// verb of saying the model does not know as a cue, written either way
// round: "“...,” agreed Mr Morgenstern.", "“...,” underlined Mr
// Saldarriaga.", "“...,” Palermo detailed.", "“...?” Jones probed.",
// "“...,” exclaimed I;" Such a quote had no source: it stood alone
// and was given to whoever the paragraph named last, often the person
// addressed inside it. The verb must be a verb of communication by its
// first WordNet sense (or a framing verb the rules know), in the past or
// third person, and the name must end the clause (a stop, comma,
// semicolon or dash after it, or after one adverb: "Jones corrected
// hastily,"). Only quotes no attribution covers are read.
func namedAfterQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	out := quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		toks := d.Tokens
		if end+1 >= len(toks) || end-open < 3 || !quoteOpensSentence(d, open) {
			return cue, src, 0, false // "Asked, “Is that you?” Weiner replied", "he is “glad,” reported ABC"
		}
		switch toks[end-2].Text {
		case ",", "?", "!":
		default:
			return cue, src, 0, false
		}
		if strings.Contains(d.Text[toks[end-1].End:toks[end].Start], "\n") {
			return cue, src, 0, false // the next paragraph's words
		}
		// "agreed Mr Morgenstern." / "intimated I."
		if dialogueVerb(toks[end].Text) {
			if e := afterQuoteName(d, end+1, true); e > end+1 && clauseEndsAt(d, e) {
				return attribute.Range{Start: end, End: end + 1}, attribute.Range{Start: end + 1, End: e}, open, true
			}
		}
		// "Palermo detailed." / "All For One probed." / "Jones corrected
		// hastily," / "Jones positively purred."
		e := afterQuoteName(d, end, false)
		if e == end || e >= len(toks) {
			return cue, src, 0, false
		}
		v := e
		if lyAdverb(toks[v].Text) {
			v++
		}
		if v >= len(toks) || !dialogueVerb(toks[v].Text) && !dialogueTag(toks[v].Text) {
			return cue, src, 0, false
		}
		after := v + 1
		if after < len(toks) && lyAdverb(toks[after].Text) {
			after++
		}
		if !clauseEndsAt(d, after) {
			return cue, src, 0, false
		}
		return attribute.Range{Start: e, End: v + 1}, attribute.Range{Start: end, End: e}, open, true
	})
	for i := range out {
		f := &out[i]
		if next := max(f.Cue.End, f.Source.End); next < len(d.Tokens) && d.Tokens[next].Text == "," {
			if qe, ok := quoteOpeningAt(d, next+1); ok {
				f.Pieces = append(f.Pieces, attribute.Range{Start: next + 1, End: qe})
			}
		}
	}
	return out
}

// quoteOpensSentence: the quote opening at token open starts its sentence or
// its paragraph.
func quoteOpensSentence(d *doc.Doc, open int) bool {
	if open == 0 {
		return true
	}
	prev := d.Tokens[open-1]
	return prev.Sent != d.Tokens[open].Sent || strings.Contains(d.Text[prev.End:d.Tokens[open].Start], "\n")
}

// quoteOpeningAt returns the end token of the closed quote that opens at
// token p, within p's paragraph: the rest of what the speaker named
// between two pieces said ("“Turkey,” interrupted I, “you will please
// withdraw.”").
func quoteOpeningAt(d *doc.Doc, p int) (end int, ok bool) {
	if p >= len(d.Tokens) || strings.Contains(d.Text[d.Tokens[p-1].End:d.Tokens[p].Start], "\n") {
		return 0, false
	}
	qi := d.Tokens[p].Quote - 1
	if qi < 0 || d.Quotes[qi].Start != d.Tokens[p].Start {
		return 0, false
	}
	open, end, ok := closedQuoteTokens(d, d.Quotes[qi])
	if !ok || open != p || strings.Contains(d.Text[d.Tokens[open].Start:d.Tokens[end-1].End], "\n") {
		return 0, false
	}
	return end, true
}

// dialogueVerb: a lower-case past or third-person form of a verb whose
// first WordNet sense is one of communication, or a framing verb
// ("detailed", "probed", "agreed", "intimated", "notes").
func dialogueVerb(w string) bool {
	if w != strings.ToLower(w) || !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") {
		return false
	}
	l, ok := lemmaOf(w)
	return ok && (verbClass[l]&1 != 0 || framingVerbs[l]) || speechVerbs[w]
}

// dialogueTag: a past form of a verb with a sense of communication among
// its three most frequent ("smiled", "sighed", "purred"), which after a
// quote and its speaker's name tags the quote as that speaker's.
func dialogueTag(w string) bool {
	if w != strings.ToLower(w) || !strings.HasSuffix(w, "ed") {
		return false
	}
	l, ok := lemmaOf(w)
	return ok && verbClass[l]&4 != 0
}

// lyAdverb: a lower-case word in -ly ("hastily", "positively").
func lyAdverb(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ly") && w == strings.ToLower(w)
}

// afterQuoteName returns the end of a name starting at token p: one to
// five capitalised words ("Mr Morgenstern", "All For One", "Dr. Feel"),
// with name particles inside; "I" too when first person is allowed.
// It returns p when there is none, or when the first word is a word that
// opens sentences rather than names ("The", "But", "Then").
func afterQuoteName(d *doc.Doc, p int, firstPerson bool) int {
	toks := d.Tokens
	if p >= len(toks) {
		return p
	}
	first := toks[p].Text
	if first == "I" {
		if firstPerson {
			return p + 1
		}
		return p
	}
	if !capitalised(first) || notNameOpeners[strings.ToLower(first)] || allCaps(first) && len(first) > 3 {
		return p
	}
	e := p
	for e < len(toks) && e-p < 5 {
		w := toks[e].Text
		switch {
		case capitalised(w):
		case w == "." && e > p && toks[e-1].End == toks[e].Start && honorificAbbrev[toks[e-1].Text] && e+1 < len(toks) && capitalised(toks[e+1].Text):
		case nameParticles[strings.ToLower(w)] && e > p && e+1 < len(toks) && capitalised(toks[e+1].Text):
		default:
			return e
		}
		e++
	}
	if e < len(toks) && capitalised(toks[e].Text) {
		return p // a longer run of capitals: a heading, not a name
	}
	return e
}

// clauseEndsAt: token p closes the clause (a stop, comma, semicolon,
// colon or dash) or the text ends there.
func clauseEndsAt(d *doc.Doc, p int) bool {
	if p >= len(d.Tokens) {
		return true
	}
	t := d.Tokens[p].Text
	return t == "." || t == "," || t == ";" || t == ":" || isDash(t)
}

var (
	notNameOpeners = wordSet("the a an but and or so then this that these those there it its he she they we you his her " +
		"their our my your when while as if after before in on at of for with by from to not no yes now here")
	honorificAbbrev = wordSet("Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Capt Lt Sgt St Rev Fr Sr Jr")
)
