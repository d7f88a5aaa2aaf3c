package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// ruleWordsMargin is the score margin of an attribution made by
// wordsOfAttributions.
const ruleWordsMargin = 4

// maxWordsNameTokens bounds the name in "In X's words": a title and a
// name of up to four words ("Dr. Anna Maria Shadlen").
const maxWordsNameTokens = 6

// wordsOfAttributions finds quotations introduced by "In X's words," or
// "In the words of X," (also "in his own words"): the quotation is X's,
// with the phrase as its cue. The model, which learned verbs of saying,
// leaves such a quote without a cue, and the quote then stood alone with
// an unknown speaker although the page names it. The phrase must end
// right before the quotation (a comma or colon between), in the same
// sentence; a quotation some found attribution already covers is left.
func wordsOfAttributions(d *doc.Doc, found []attribute.Found) []attribute.Found {
	return quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		p := open - 1
		if open < 4 || d.Tokens[p].Text != "," && d.Tokens[p].Text != ":" {
			return cue, src, 0, false
		}
		cue, src, ok = wordsOf(d, p)
		return cue, src, open, ok && d.Tokens[cue.Start].Sent == d.Tokens[open].Sent
	})
}

// quoteRuleAttributions runs a rule over the closed outermost quotes of
// d that no found attribution covers yet: read gives a quote (tokens
// [open, end)) its cue, its source and where its content starts, or
// false. The attributions it makes carry the rules' margins.
func quoteRuleAttributions(d *doc.Doc, found []attribute.Found, read func(open, end int) (cue, src attribute.Range, from int, ok bool)) []attribute.Found {
	if len(d.Quotes) == 0 {
		return nil
	}
	var covered func(s, e int) bool
	var out []attribute.Found
	for _, q := range d.Quotes {
		open, end, ok := closedQuoteTokens(d, q)
		if !ok {
			continue
		}
		cue, src, from, ok := read(open, end)
		if !ok {
			continue
		}
		if covered == nil {
			covered = coverage(d, found)
		}
		if covered(d.Tokens[open].Start, d.Tokens[end-1].End) {
			continue
		}
		content := attribute.Range{Start: from, End: end}
		out = append(out, attribute.Found{Cue: cue, Source: src, Content: content, Pieces: []attribute.Range{content},
			CueScore: ruleWordsMargin, ContentMargin: ruleWordsMargin, SourceMargin: ruleWordsMargin})
	}
	return out
}

// wordsOf reads "In X's words" or "In the words of X" ending just before
// token p, and returns the phrase (cue) and X (source).
func wordsOf(d *doc.Doc, p int) (cue, src attribute.Range, ok bool) {
	low := func(t int) string { return strings.ToLower(d.Tokens[t].Text) }
	// "In the words of X," and "In the words of X, a co-author:"
	for in := p - 4; in >= max(0, p-4-maxWordsNameTokens-maxWordsApposition); in-- {
		if !(low(in) == "in" && low(in+1) == "the" && low(in+2) == "words" && low(in+3) == "of") {
			continue
		}
		e := in + 4
		for e < p && e-in-4 < maxWordsNameTokens && (capitalised(d.Tokens[e].Text) || nameParticles[low(e)] && e > in+4) {
			e++
		}
		if e == p || e < p && d.Tokens[e].Text == "," && p-e <= maxWordsApposition && !quoteBetween(d, e, p) {
			if nameRun(d, in+4, e) {
				return attribute.Range{Start: in, End: in + 4}, attribute.Range{Start: in + 4, End: e}, true
			}
		}
		break
	}
	// "In X's (own) words,"
	w := p - 1
	if w < 3 || low(w) != "words" {
		return cue, src, false
	}
	poss := w - 1
	if low(poss) == "own" {
		poss--
	}
	if pt := low(poss); pt != "'s" && pt != "’s" && pt != "'" && pt != "’" {
		// "In his words": a pronoun source
		if pt == "his" || pt == "her" || pt == "their" {
			if poss > 0 && low(poss-1) == "in" {
				return attribute.Range{Start: poss - 1, End: p}, attribute.Range{Start: poss, End: poss + 1}, true
			}
		}
		return cue, src, false
	}
	for in := poss - 2; in >= max(0, poss-1-maxWordsNameTokens); in-- {
		if low(in) == "in" && nameRun(d, in+1, poss) {
			return attribute.Range{Start: in, End: p}, attribute.Range{Start: in + 1, End: poss}, true
		}
	}
	return cue, src, false
}

// maxWordsApposition bounds a description after the name ("In the words
// of Tom Reyes, a co-author of the study:").
const maxWordsApposition = 8

// quoteBetween reports whether a token in [s, e) lies in a quotation.
func quoteBetween(d *doc.Doc, s, e int) bool {
	for t := s; t < e; t++ {
		if d.Tokens[t].Quote != 0 {
			return true
		}
	}
	return false
}

// nameRun reports whether tokens [s, e) are a capitalised name, titles
// ("Dr.") and particles ("de", "van") allowed inside.
func nameRun(d *doc.Doc, s, e int) bool {
	if e <= s || !capitalised(d.Tokens[s].Text) {
		return false
	}
	for t := s; t < e; t++ {
		w := d.Tokens[t].Text
		if !capitalised(w) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return capitalised(d.Tokens[e-1].Text)
}

var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "da": true, "di": true, "la": true, "le": true, "bin": true, "al": true}

// judgedQuotes finds the quotes a verb of judging gives to its subject:
// "Braley was caught mocking Sen. Chuck Grassley as a “farmer from Iowa
// who never went to law school”", "Trump praised Gingrich and Santorum
// for “having the courage ...”", "The scholars corrected Mr. Ryan on his
// use of “subsidiarity” as “a rationale gutting government programs.”"
// The model reads no cue there and the quote stood alone with an unknown
// speaker. The quote must follow "as" or "for" (and perhaps "a", "an",
// "the") in the verb's sentence, at most 25 tokens after the verb, and
// the verb's subject must be written just before it.
func judgedQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	return quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		if open < 3 || end <= open+2 {
			return cue, src, 0, false
		}
		p := open - 1
		if lw := strings.ToLower(d.Tokens[p].Text); lw == "a" || lw == "an" || lw == "the" {
			p--
		}
		if lw := strings.ToLower(d.Tokens[p].Text); lw != "as" && lw != "for" {
			return cue, src, 0, false
		}
		v := -1
		for k := p - 1; k >= d.Sents[d.Tokens[open].Sent].First && k >= p-25; k-- {
			tk := d.Tokens[k]
			if tk.Quote != 0 || tk.Text == ";" || tk.Text == ":" {
				break
			}
			if l, ok := lemmaOf(strings.ToLower(tk.Text)); ok && judgingVerbs[l] && (tk.POS == "" || strings.HasPrefix(tk.POS, "VB")) {
				v = k
				break
			}
		}
		if v < 1 || beForms[strings.ToLower(d.Tokens[v-1].Text)] || strings.EqualFold(d.Tokens[v+1].Text, "by") {
			return cue, src, 0, false // the judged is the subject: "has been praised by police for"
		}
		src = subjectBefore(d, v)
		return attribute.Range{Start: v, End: v + 1}, src, v + 1, !src.Empty()
	})
}

// judgingVerbs judge someone in words the writer quotes.
var judgingVerbs = wordSet("mock praise correct criticize criticise ridicule deride dismiss brand label dub slam blast hail laud " +
	"chide rebuke fault thank applaud commend condemn lambast castigate scold")

// closedQuoteTokens gives the tokens [open, end) of an outermost, closed
// quote whose opening mark starts a token, marks included; ok is false
// for any other quote.
func closedQuoteTokens(d *doc.Doc, q doc.Quote) (open, end int, ok bool) {
	if q.Depth != 0 || q.Unclosed {
		return 0, 0, false
	}
	open = tokenFrom(d, q.Start)
	if open >= len(d.Tokens) || d.Tokens[open].Start != q.Start {
		return 0, 0, false
	}
	end = sort.Search(len(d.Tokens), func(t int) bool { return d.Tokens[t].End > q.End-1 }) + 1
	if end > len(d.Tokens) || end <= open+1 {
		return 0, 0, false
	}
	return open, end, true
}

// leadSentenceQuotes finds the quote that opens the sentence after one
// whose subject, a name, frames it with a verb of telling ("Charles
// Schultze, chairman of the Council of Economic Advisers, once summed up
// the danger of deficits with a metaphor. “It’s not so much a question of
// the wolf at the door ...”"): the model reads no report in either
// sentence, and the quote stood alone with an unknown speaker. The two
// sentences must share a paragraph, the first hold no quote mark, and its
// verb come after the name and an apposition, within a few words.
func leadSentenceQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	var cueSents map[int]bool // the sentences holding a found's cue, made when first asked
	return quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		sent := d.Tokens[open].Sent
		if sent == 0 || d.Sents[sent].First != open || d.Sents[sent-1].Para != d.Sents[sent].Para || end-open < 6 {
			return cue, src, 0, false
		}
		prev := d.Sents[sent-1]
		s := prev.First
		if openingConjunctions[strings.ToLower(d.Tokens[s].Text)] {
			s++
		}
		e := s
		for e < prev.Last && capitalised(d.Tokens[e].Text) && !notNames[d.Tokens[e].Text] {
			e++
		}
		if e-s < 2 || e-s > 4 {
			return cue, src, 0, false // a full name: "Charles Schultze"
		}
		for t := prev.First; t < prev.Last; t++ {
			if d.Tokens[t].Quote != 0 || doc.IsQuoteToken(d.Tokens[t].Text) {
				return cue, src, 0, false
			}
		}
		if cueSents == nil {
			cueSents = map[int]bool{}
			for _, f := range found {
				if !f.Cue.Empty() {
					cueSents[d.Tokens[f.Cue.Start].Sent] = true
				}
			}
		}
		if cueSents[sent-1] {
			return cue, src, 0, false // a report of its own ("put a brave face on it, saying ...") leads in
		}
		// past an apposition set off by commas, the verb
		v := e
		if v < prev.Last && d.Tokens[v].Text == "," {
			for v++; v < prev.Last && v < e+16 && d.Tokens[v].Text != ","; v++ {
			}
			v++
		}
		for v < prev.Last && v < e+20 && (cueAdverbs[strings.ToLower(d.Tokens[v].Text)] || strings.HasSuffix(d.Tokens[v].Text, "ly") || strings.EqualFold(d.Tokens[v].Text, "once")) {
			v++
		}
		if v >= prev.Last || d.Tokens[v].POS != "VBD" && d.Tokens[v].POS != "VBZ" {
			return cue, src, 0, false
		}
		if l, ok := lemmaOf(strings.ToLower(d.Tokens[v].Text)); !ok || !framingVerbs[l] {
			return cue, src, 0, false
		}
		return attribute.Range{Start: v, End: v + 1}, attribute.Range{Start: s, End: e}, open, true
	})
}

// framingVerbs tell that words follow: "summed up the danger with a
// metaphor.", "put it this way.", "recalled the night."
var framingVerbs = wordSet("sum put describe explain recall reflect muse joke quip remark recount remember reminisce " +
	"elaborate lament boast confide offer")

// trailingPronounQuotes finds the quote that closes on a comma before a
// pronoun and a verb of saying the model did not read as one ("“I think
// the food has improved,” he remarks.", "“...,” she reflects."): a plural
// noun to the model, the verb is one here, between the pronoun and the
// sentence's end (or a comma before more of the quote). The quote stood
// alone and went to whoever spoke before.
func trailingPronounQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	return quoteRuleAttributions(d, found, func(open, end int) (cue, src attribute.Range, from int, ok bool) {
		toks := d.Tokens
		if end+2 >= len(toks) || end-open < 3 || toks[end-2].Text != "," || toks[end].Sent != toks[end-1].Sent {
			return cue, src, 0, false
		}
		switch strings.ToLower(toks[end].Text) {
		case "he", "she", "they":
		default:
			if !bareNounSource(toks[end]) {
				return cue, src, 0, false
			}
		}
		v := end + 1
		if lyAdverb(toks[v].Text) && v+2 < len(toks) && toks[v+1].Sent == toks[end].Sent {
			v++ // an adverb before the verb: "dispatch frantically notes"
		}
		if t := toks[v+1].Text; t != "." && t != "," {
			return cue, src, 0, false
		}
		if !dialogueVerb(strings.ToLower(toks[v].Text)) {
			return cue, src, 0, false // a finite verb of saying: "remarks", "reflected"
		}
		return attribute.Range{Start: end + 1, End: v + 1}, attribute.Range{Start: end, End: end + 1}, open, true
	})
}

// bareNounSource reports whether t is a lower-case noun standing alone
// as a speaker after a quote (“...,” dispatch frantically notes), as
// radio traffic and institutions are written: a word of letters the
// tagger read as a noun, or as a verb's base form (a noun that is also a
// verb, "dispatch", before the verb of saying the caller checks).
func bareNounSource(t doc.Token) bool {
	if t.Text != strings.ToLower(t.Text) || !strings.HasPrefix(t.POS, "NN") && t.POS != "VB" {
		return false
	}
	for _, r := range t.Text {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
