package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// verbThenQuotes gives a quote the subject of the verb of saying or
// thinking written just before it, with no "that" between: "the AFI
// jury concluded “the art of screen acting has two chapters ...”", "It
// is a view shared by Rooney, who believes “if we can get past Milan
// ...”", "One survey respondent identified “too many tools ...”", "when
// he answered, “I have not troubled Israel ...”". The model reads no
// report there and the quote stood alone, often unknown. The verb is a
// finite form (past or third person) of a verb whose first WordNet
// sense is communication or cognition, perhaps after an auxiliary or an
// -ly adverb (not a verb of naming: "a speech titled “...”" names a
// work); the quote has four words or more and is not the
// headline's; its subject a pronoun, "who", or a noun phrase of at most
// six words that opens its clause (after the sentence's start, a comma,
// a conjunction or "when"; not after a preposition: "at the same time
// acknowledges" has no subject of its own).
func verbThenQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	return quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		toks := d.Tokens
		v := open - 1
		if v > 0 && toks[v].Text == "," {
			v--
		}
		if v < 1 || end-open < 6 || toks[v].Sent != toks[open].Sent || d.Tokens[open].Start < headlineEnd(d) {
			return cue, src, 0, false // a scare quote of a word or three, a headline's quote
		}
		w := toks[v].Text
		if w != strings.ToLower(w) || !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") || toks[v].POS != "" && !strings.HasPrefix(toks[v].POS, "VB") {
			return cue, src, 0, false
		}
		if l, ok := lemmaOf(w); !ok || verbClass[l]&3 == 0 || namingVerbs[l] {
			return cue, src, 0, false
		}
		c := v
		for c > 0 && (lyAdverb(toks[c-1].Text) || verbHelpers[toks[c-1].Text]) {
			c--
		}
		s := c
		for s > 0 && c-s < 6 && subjectWord(toks[s-1]) {
			s--
		}
		if s == c || !subjectHead(toks[c-1]) || !clauseOpensAt(d, s) {
			return cue, src, 0, false
		}
		return attribute.Range{Start: c, End: v + 1}, attribute.Range{Start: s, End: c}, open, true
	})
}

// subjectWord: a word a subject noun phrase is made of, by its tag when
// tagged (determiners, adjectives, numbers, nouns, possessives,
// pronouns, "who"), else by its case.
func subjectWord(t doc.Token) bool {
	switch t.POS {
	case "DT", "JJ", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP", "PRP$", "WP":
		return true
	case "":
		return capitalised(t.Text) || subjectOrWho(t.Text)
	}
	return false
}

// subjectOrWho: a subject pronoun or "who".
func subjectOrWho(w string) bool {
	w = strings.ToLower(w)
	return subjectPronouns[w] || w == "who"
}

// subjectHead: the last word of a subject: a noun, a personal pronoun
// or "who".
func subjectHead(t doc.Token) bool {
	switch t.POS {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "WP":
		return t.POS != "PRP" || subjectOrWho(t.Text)
	case "":
		return capitalised(t.Text) || subjectOrWho(t.Text)
	}
	return false
}

// clauseOpensAt: token s opens a clause: the sentence's first token, or
// one after a comma, a semicolon, a conjunction or a clause opener.
func clauseOpensAt(d *doc.Doc, s int) bool {
	if s == 0 || d.Tokens[s-1].Sent != d.Tokens[s].Sent {
		return true
	}
	switch strings.ToLower(d.Tokens[s-1].Text) {
	case ",", ";", "and", "but", "when", "while", "as", "because", "after", "before", "since", "so":
		return true
	}
	return false
}

var (
	namingVerbs = wordSet("title entitle name dub call label headline caption term nickname brand")
	verbHelpers = wordSet("has have had is are was were will would could should may might can also")
)

// headlineEnd is the byte offset where the headline ends, 0 when the
// text has none: its quotes are in title case and read by the
// headline rules.
func headlineEnd(d *doc.Doc) int {
	if len(d.Paras) > 1 && title(d) != "" {
		return d.Paras[0].End
	}
	return 0
}
