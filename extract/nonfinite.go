package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// nonfiniteCueSubject gives a sourceless report whose cue is a gerund
// after a preposition ("the pope was accused of insensitivity after
// insisting ... that", "He was praised for saying") or an infinitive
// after "as" ("The cardinal even went so far as to suggest that") the
// subject of its sentence's first finite verb before the cue: nobody
// else is the one who insisted or suggested. The subject is read as
// subjectBefore reads a source (a pronoun, a name, or a description from
// its determiner), in the cue's sentence.
func nonfiniteCueSubject(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if !f.Source.Empty() || f.Cue.Empty() || c < 2 {
			continue
		}
		prev := strings.ToLower(toks[c-1].Text)
		switch {
		case toks[c].POS == "VBG" && gerundPrepositions[prev]:
		case strings.EqualFold(toks[c].Text, "to") && prev == "as" && f.Cue.End-c >= 2:
		default:
			continue
		}
		first := leadIn(d, c) // (a sentence of thousands of tokens is read leadWindow back)
		v := first
		for v < c-1 && !finiteVerb(toks[v].POS) {
			v++
		}
		if v >= c-1 || v == first || relativeBefore(d, first, v) || clauseBreakBetween(d, v, c) {
			continue // "The DUP, which May's ruling Conservative Party relies on, has urged ...": not the clause's verb
		}
		if subj := subjectBefore(d, v); !subj.Empty() && subj.Start >= first && subj.End <= v {
			f.Source = subj
		}
	}
}

var gerundPrepositions = wordSet("after before while when since by for without of in upon")

// relativeBefore: a relative pronoun among tokens [from, to).
func relativeBefore(d *doc.Doc, from, to int) bool {
	for k := from; k < to; k++ {
		if w := strings.ToLower(d.Tokens[k].Text); relativeWords[w] || w == "that" {
			return true
		}
	}
	return false
}

// clauseBreakBetween: a semicolon, colon or dash among tokens [from, to):
// another clause, with a subject of its own.
func clauseBreakBetween(d *doc.Doc, from, to int) bool {
	for k := from; k < to; k++ {
		if t := d.Tokens[k].Text; t == ";" || t == ":" || isDash(t) && t != "-" {
			return true
		}
	}
	return false
}
