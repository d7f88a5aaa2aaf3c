package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// listSubjectStart starts a source that is the end of a list of names
// ("Universal and Warner Brothers" in "Last month, Paramount, Universal
// and Warner Brothers said they were opting for HD-DVD"; "Warren and
// Sen. Cory Booker" in "Harris, Warren and Sen. Cory Booker have all
// started petitions") at the list's first name: every name before it,
// each closed by a comma, that opens the sentence or follows a comma, a
// conjunction or a subordinator; an office "for" its brief joins the
// name it titles ("Minister for Children, Young People and Families
// Margaret Hodge"). A name after a preposition, a verb or a determiner is
// no list member ("After beating Amy Winehouse, Jamelia ...", "places
// like Holland, Denmark"), nor is one after "and" (the list
// began earlier: "The Sun and the News of the World, the Guardian Media
// Group, Trinity Mirror and ..."), nor a sentence adverb ("However, Sony
// and ...").
func listSubjectStart(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		s := f.Source.Start
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End > f.Cue.Start || s < 2 || toks[s-1].Text != "," || toks[s-1].Quote != 0 ||
			!listName(toks[s]) || !hasListAnd(d, f.Source) {
			continue
		}
		start := s
		for comma, n := s-1, 0; comma > 0 && toks[comma].Text == "," && n < 20; n++ {
			first := listItemStart(d, comma)
			if first < 0 {
				break
			}
			start = first
			comma = first - 1
		}
		if start < s {
			f.Source.Start = start
		}
	}
}

// listItemStart is the first token of the name that a list's comma at
// token comma closes, -1 when the words before it are no list member.
func listItemStart(d *doc.Doc, comma int) int {
	toks := d.Tokens
	sent := toks[comma].Sent
	k := comma - 1
	for k >= 0 && k > comma-12 && toks[k].Sent == sent && toks[k].Quote == 0 && (listName(toks[k]) || listConnectors[toks[k].Text]) {
		k--
	}
	first := k + 1
	for first < comma && listConnectors[toks[first].Text] && toks[first].Text != "the" {
		first++ // "of the World" never opens a name
	}
	if first >= comma || !listName(toks[first]) && !(toks[first].Text == "the" && first+1 < comma && listName(toks[first+1])) {
		return -1
	}
	if k < 0 || toks[k].Sent != sent {
		return first // the name opens the sentence
	}
	switch before := toks[k]; {
	case before.Text == ",":
		return first
	case before.Quote != 0:
		return -1
	case strings.EqualFold(before.Text, "but") || strings.EqualFold(before.Text, "as") || leadingSubordinators[strings.ToLower(before.Text)]:
		return first
	}
	return -1
}

// listName reports whether a token can be a word of a name in a list: a
// proper noun or a capitalised adjective ("Indonesian, Indian and Hong
// Kong stock markets"); not a sentence adverb ("However", "Meanwhile").
func listName(t doc.Token) bool {
	if !capitalised(t.Text) || t.Quote != 0 {
		return false
	}
	switch t.POS {
	case "NNP", "NNPS", "JJ":
		return !sentenceAdverbs[strings.ToLower(t.Text)] && !listAdverbs[strings.ToLower(t.Text)]
	}
	return false
}

// listConnectors join the words of one name ("the Daily Mail & General
// Trust", "the Bank of England", "Sen."s period stays in its token).
var listConnectors = map[string]bool{"of": true, "the": true, "&": true, "for": true, "de": true}

// listAdverbs, beside sentenceAdverbs, open a sentence with a comma and
// are no name.
var listAdverbs = wordSet("similarly instead still yet moreover furthermore indeed nevertheless nonetheless finally overall additionally likewise again initially ironically hence thus otherwise first second third last next")

// hasListAnd reports whether a source holds an "and" outside quote marks
// before its last word: the end of a list.
func hasListAnd(d *doc.Doc, r attribute.Range) bool {
	for t := r.Start + 1; t < r.End-1; t++ {
		if d.Tokens[t].Text == "and" && d.Tokens[t].Quote == 0 {
			return true
		}
	}
	return false
}
