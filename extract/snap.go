package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/resolve"
)

// snapQuoteStarts widens a content piece that ends where a quotation ends
// but starts inside it to the whole quotation. The model sometimes starts
// a content at a sentence or a clitic within a quote (`"What have you
// guys been debating, John? You've been debating a coin?" Obama said`
// came out as content "'ve been debating a coin?"", and a rule for
// quotes standing alone then printed the whole quote a second time
// without its cue). Only an outermost, closed quotation counts, with the
// cue outside it, and only when no other piece of the attribution lies in
// the same quotation (a quote split by its cue keeps its parts).
func snapQuoteStarts(d *doc.Doc, found []attribute.Found) {
	eachQuotedPiece(d, found, false, func(_ int, f *attribute.Found, k int, q doc.Quote) {
		p := f.Pieces[k]
		if d.Tokens[p.Start].Start <= q.Start || d.Tokens[p.End-1].End != q.End {
			return
		}
		first := sort.Search(p.Start, func(t int) bool { return d.Tokens[t].Start >= q.Start })
		if first >= p.Start || d.Tokens[first].Start != q.Start {
			return
		}
		f.Pieces[k].Start = first
		f.Content.Start = min(f.Content.Start, first)
	})
}

// eachQuotedPiece calls fn for every content piece of found that starts
// in a quotation a snap may widen it to (see pieceQuote; allowUnclosed
// lets quotations left open through); i is the attribution's index in
// found.
func eachQuotedPiece(d *doc.Doc, found []attribute.Found, allowUnclosed bool, fn func(i int, f *attribute.Found, k int, q doc.Quote)) {
	if len(d.Quotes) == 0 {
		return
	}
	for i := range found {
		f := &found[i]
		for k, p := range f.Pieces {
			if p.Empty() {
				continue
			}
			if q, ok := pieceQuote(d, f, k, allowUnclosed); ok {
				fn(i, f, k, q)
			}
		}
	}
}

// pieceQuote returns the quotation that f.Pieces[k] starts in, when a
// snap may widen the piece to it: the outermost quotation there, closed
// (or left open, with allowUnclosed: the caller decides how far it
// runs), with f's cue outside it and no other piece of f inside it (a
// quote split by its cue keeps its parts).
func pieceQuote(d *doc.Doc, f *attribute.Found, k int, allowUnclosed bool) (doc.Quote, bool) {
	q, ok := outerQuoteAt(d, d.Tokens[f.Pieces[k].Start].Start)
	if !ok || q.Unclosed && !allowUnclosed {
		return q, false
	}
	if cs, ce := d.Tokens[f.Cue.Start].Start, d.Tokens[f.Cue.End-1].End; cs < q.End && ce > q.Start {
		return q, false // the cue is inside the quotation
	}
	for j, o := range f.Pieces {
		if j != k && !o.Empty() && d.Tokens[o.Start].Start < q.End && d.Tokens[o.End-1].End > q.Start {
			return q, false
		}
	}
	return q, true
}

// outerQuoteAt returns the outermost quotation holding byte b.
func outerQuoteAt(d *doc.Doc, b int) (doc.Quote, bool) {
	k := sort.Search(len(d.Quotes), func(k int) bool { return d.Quotes[k].Start > b }) - 1
	for ; k >= 0; k-- {
		q := d.Quotes[k]
		if q.Depth == 0 {
			return q, q.Start <= b && b < q.End
		}
	}
	return doc.Quote{}, false
}

// trimNestedSources cuts from a source another attribution's source and
// cue that it swallowed: in "Mr Cartagena said the industry expects to
// see investment" the model read the inner attribution's source as "Mr
// Cartagena said the industry"; it is "the industry" (a complementiser
// "that" after the cue goes too).
func trimNestedSources(d *doc.Doc, found []attribute.Found) {
	// only attributions whose sources start at one token can swallow each
	// other: group them by that start (a page of 100k cues must not
	// compare every pair)
	byStart := map[int][]int{}
	for i := range found {
		if !found[i].Source.Empty() {
			byStart[found[i].Source.Start] = append(byStart[found[i].Source.Start], i)
		}
	}
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || len(byStart[f.Source.Start]) < 2 {
			continue
		}
		cut := -1
		for _, j := range byStart[f.Source.Start] {
			g := &found[j]
			// the swallowed attribution's own source opens the span, its
			// cue follows it ("Mr Cartagena said"); a cue in a relative
			// clause ("Mr Fitzpatrick, who added that ...") is the
			// source's description and stays
			// (nor is a participle set off by a comma: participleAside)
			if j != i && !g.Source.Empty() && g.Source.Start == f.Source.Start && g.Source.End <= g.Cue.Start &&
				g.Cue.End <= f.Source.End && g.Cue.End > cut && !participleAside(d, g.Cue.Start, f.Source) {
				cut = g.Cue.End
			}
		}
		if cut < 0 {
			continue
		}
		if cut < f.Source.End && strings.EqualFold(d.Tokens[cut].Text, "that") {
			cut++
		}
		switch {
		case cut < f.Source.End && opensNounPhrase(d.Tokens[cut].Text):
			f.Source.Start = cut
		case cut < f.Source.End && subordinators[strings.ToLower(d.Tokens[cut].Text)]:
			// "Mr. Jackson said when asked whether ...": the asking is
			// someone else's, unnamed; the speaker's name is no source
			f.Source = attribute.Range{}
		}
	}
}

// participleAside reports whether the cue at token c is a participle
// set off by a comma inside source src ("Michael Howard, asked about the
// remark by reporters,", "Mr Jolin, adding that ...", "Ms. Nuland,
// reading the latest draft,"): it describes the source, it does not
// report. A finite "said" after an apposition's comma ("Kelly Townsend,
// a founder of ..., said Mr. Trump told") does, and so does a
// participle after a clause with a verb of its own ("The Tories
// criticised the stance, saying Mr Oaten had said": the Tories say).
func participleAside(d *doc.Doc, c int, src attribute.Range) bool {
	if c < 1 || d.Tokens[c-1].Text != "," {
		return false
	}
	p := d.Tokens[c].POS
	if p != "VBG" && p != "VBN" && !strings.EqualFold(d.Tokens[c].Text, "asked") {
		return false
	}
	for t := src.Start; t < c-1; t++ {
		if finiteVerb(d.Tokens[t].POS) {
			return false
		}
	}
	return true
}

// trimAccordingToInSource cuts a relay that opens a source out of it:
// "According to the Financial Times, chief operating officer Peter
// Chernin said" is Chernin's report, relayed by the paper, and "According
// to the Daily Wire, in 2012 Omar tweeted:" Omar's. The source starts
// after the relay's last comma (after its first when a relative clause
// follows the last), a time there left out, when what stays is a name
// or description before a verb of saying.
func trimAccordingToInSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		s, e := f.Source.Start, f.Source.End
		if e-s < 4 || f.Cue.Empty() || !strings.EqualFold(toks[s].Text, "according") || !strings.EqualFold(toks[s+1].Text, "to") ||
			strings.EqualFold(toks[f.Cue.Start].Text, "according") {
			continue
		}
		firstComma, lastComma := -1, -1
		for k := s + 2; k < e-1; k++ {
			if toks[k].Text == "," {
				if firstComma < 0 {
					firstComma = k
				}
				lastComma = k
			}
		}
		if lastComma < 0 {
			continue
		}
		start := lastComma + 1
		switch strings.ToLower(toks[start].Text) {
		case "which", "who", "that":
			start = firstComma + 1
		}
		if t := timeAfter(d, start, e); t > start && t < e {
			start = t
		}
		// only a speaker's name or description stays, before a verb of
		// saying: "the cooldown phase could echo those of the 1600s,
		// called" is no source
		if e-start > 6 || finiteIn(d, start, e) || !speechVerbs[strings.ToLower(toks[f.Cue.Start].Text)] && !speechVerbs[strings.ToLower(toks[f.Cue.End-1].Text)] {
			continue
		}
		f.Source.Start = start
	}
}

// trimReportInSource cuts from a source a report that leads into it
// when no attribution of its own was found for that report: "Update 1:
// AP reports that U.S. immigration officials say" is the officials'
// (the relay, AP, is read from the words before). The report's verb is
// a verb of saying followed by "that" and a noun phrase.
func trimReportInSource(d *doc.Doc, found []attribute.Found) {
	var cueAt map[int]bool // tokens where a found's one-word cue stands
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Source.End-f.Source.Start < 4 {
			continue
		}
		if cueAt == nil {
			cueAt = map[int]bool{}
			for _, g := range found {
				if g.Cue.End-g.Cue.Start == 1 {
					cueAt[g.Cue.Start] = true
				}
			}
		}
		for k := f.Source.Start + 1; k+2 < f.Source.End; k++ {
			t := d.Tokens[k]
			if lw := strings.ToLower(t.Text); t.Text == "," || lw == "who" || lw == "which" || lw == "whose" {
				break // "Mr Fitzpatrick, who added that ...": a description of the source
			}
			if cueAt[k] && strings.EqualFold(d.Tokens[k+1].Text, "that") && t.Quote == 0 {
				// the report has an attribution of its own: "The report
				// reveals that 84% of net users say" is the users'
				f.Source.Start = k + 2
				break
			}
			if n := d.Tokens[k+2]; t.Quote != 0 || !strings.EqualFold(d.Tokens[k+1].Text, "that") || !opensNounPhrase(n.Text) && !strings.HasPrefix(n.POS, "NN") && n.POS != "JJ" ||
				t.POS != "VBZ" && t.POS != "VBD" && t.POS != "VBP" && !((t.POS == "" || t.POS == "NNS") && finiteAfterName(d, k)) {
				continue // "the claim that", "the therapist's notes that": nouns
			}
			if l, ok := lemmaOf(strings.ToLower(t.Text)); ok && reportingVerbs[l] {
				f.Source.Start = k + 2
				break
			}
		}
	}
}

// outerReportInSource mends a source that holds its own report with no
// "that" after it ("Mr Clarke also said intelligence reports | showed",
// "BBC political correspondent Shaun Ley says opinion polls | suggest"):
// the model took the inner clause's verb for the cue and all before it
// for the source. The outer report is the attribution: the name before
// "said" or "says" speaks, that verb is the cue, and the inner clause,
// its verb included, is the content. trimReportInSource has taken the
// reports followed by "that".
func outerReportInSource(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Source.End-f.Source.Start < 4 || f.Source.End != f.Cue.Start || f.Content.Start < f.Cue.End {
			continue
		}
		for k := f.Source.Start + 1; k+1 < f.Source.End; k++ {
			t := d.Tokens[k]
			if lw := strings.ToLower(t.Text); t.Text == "," || t.Quote != 0 || lw == "who" || lw == "which" || lw == "whose" || lw == "that" {
				break // "Mr Fitzpatrick, who added that ...": a description of the source
			}
			if lw := strings.ToLower(t.Text); (lw != "said" && lw != "says") || t.POS != "VBD" && t.POS != "VBZ" && t.POS != "VBN" {
				continue
			}
			if !capitalised(d.Tokens[k-1].Text) && !cueAdverbs[strings.ToLower(d.Tokens[k-1].Text)] {
				break // the name speaks right before its verb ("Mr Clarke (also) said")
			}
			if j := foundWithCueAt(found, k); j >= 0 {
				// the outer report was found with its own source: this
				// one only repeats it, garbled, and goes (a duplicate
				// the merge of equal attributions drops)
				*f = found[j]
				f.Pieces = slices.Clone(found[j].Pieces)
				break
			}
			f.Cue = attribute.Range{Start: k, End: k + 1}
			f.Content = attribute.Range{Start: k + 1, End: f.Content.End}
			f.Pieces = []attribute.Range{f.Content}
			f.Source.End = k
			break
		}
	}
}

// foundWithCueAt returns the index of the found whose cue holds token
// k, or -1.
func foundWithCueAt(found []attribute.Found, k int) int {
	for j, g := range found {
		if g.Cue.Start <= k && k < g.Cue.End {
			return j
		}
	}
	return -1
}

// trimClauseBeforeSource cuts from a source the words of the clause
// before it that a subordinator ends: "Romney added his voice after five
// past and present Missouri Republican senators urged" is the senators'
// urging, not "his voice after five ... senators"; the subject after
// the subordinator may open with a common noun ("the changes were being
// made after film studio New Line expressed concern").
func trimClauseBeforeSource(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Source.End-f.Source.Start < 4 || f.Source.End != f.Cue.Start {
			continue
		}
		for k := f.Source.End - 3; k > f.Source.Start; k-- {
			t := d.Tokens[k]
			if t.Quote != 0 || t.Text == "," {
				break
			}
			lw := strings.ToLower(t.Text)
			coord := (lw == "and" || lw == "but") && t.POS == "CC"
			if !coord && (!clauseSubordinators[lw] || t.POS != "IN" && t.POS != "WRB") {
				continue
			}
			// after "and" or "but" a time may stand before the subject:
			// "..., but on Wednesday Mr Straw said"
			s := k + 1
			if coord {
				if e := timeAfter(d, s, f.Source.End); e > s {
					s = e
				}
			}
			// the words before it are a clause of their own (a finite
			// verb, no relative pronoun), the words after it none
			if coord {
				if s < f.Source.End && coordinatedSubject(d, f.Source.Start, k, s, f.Source.End) {
					f.Source.Start = s
				}
			} else if n := d.Tokens[s]; (opensNounPhrase(n.Text) || n.POS == "CD" || n.POS == "JJ" || n.POS == "NN" || n.POS == "NNS") &&
				finiteIn(d, max(f.Source.Start-1, 0), k) && !finiteIn(d, s, f.Source.End) {
				f.Source.Start = s
			}
			if !coord {
				break
			}
		}
	}
}

// trimSourceOpening takes out of each source the words that open its
// sentence or clause before the speaker, in this order: a time set off
// by a comma (timeBeforeSource), a subordinator, a relative pronoun or a
// list's dash (leadingSubordinator), "On <day>" (leadingTime), and a
// sentence adverb, time or place with no comma (leadingAdverbial). One
// stage, as each step only moves its own source's start and reads the
// words.
func trimSourceOpening(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		timeBeforeSource(d, f)
		leadingSubordinator(d, f)
		leadingTime(d, f)
		leadingAdverbial(d, f)
		zeroRelativeSubject(d, f)
	}
}

// zeroRelativeSubject takes the noun a relative clause without "that"
// hangs on out of a source: "Aren't those the kinds of things |
// libertarians say they hate", "One of the things | I've been saying":
// the clause's subject after the noun is who speaks. Only after nouns
// that name what is said (zeroRelativeHeads) and before a pronoun or up
// to two words with no determiner.
func zeroRelativeSubject(d *doc.Doc, f *attribute.Found) {
	toks := d.Tokens
	if k := f.Source.Start + 1; f.Source.End-f.Source.Start <= 8 && k+1 < f.Source.End && determiners[strings.ToLower(toks[f.Source.Start].Text)] &&
		claimHeads[strings.ToLower(toks[k].Text)] && (determiners[strings.ToLower(toks[k+1].Text)] || capitalised(toks[k+1].Text)) {
		// "a point the USCCB media office denied", "a statement Gilani's
		// lawyer read": a claim, then the subject of the clause about
		// it, with its own determiner or name
		f.Source.Start = k + 1
		return
	}
	for k := f.Source.End - 2; k > f.Source.Start && k >= f.Source.End-3; k-- {
		if !zeroRelativeHeads[toks[k].Text] {
			continue
		}
		for j := k + 1; j < f.Source.End; j++ {
			if determiners[strings.ToLower(toks[j].Text)] || isPunctWord(toks[j].Text) {
				return
			}
		}
		if f.Source.End-k-1 == 1 || !subjectPronouns[strings.ToLower(toks[k+1].Text)] {
			f.Source.Start = k + 1
		}
		return
	}
}

// claimHeads, after a determiner opening a source, name a claim that a
// relative clause without "that" goes on about, when a noun phrase of its
// own follows ("a point the USCCB media office denied").
var claimHeads = wordSet("point points claim claims charge charges statement assertion allegation allegations accusation view argument")

// zeroRelativeHeads name what is said, before a relative clause that
// drops its "that" ("the things libertarians say").
var zeroRelativeHeads = wordSet("things stuff words lies claims kinds points arguments move")

// timeBeforeSource cuts from a source a time phrase and its comma
// that open it ("Several hours earlier, a senior administration
// official also pushed back"): when it was said is no part of who.
func timeBeforeSource(d *doc.Doc, f *attribute.Found) {
	if f.Source.End-f.Source.Start < 3 {
		return
	}
	k := f.Source.Start
	timed := false // a word of time, not a number alone ("Abrams, 44, a Democrat,")
	for k < f.Source.End && (timeWordAt(d, k) || leadTimeWords[strings.ToLower(d.Tokens[k].Text)]) {
		timed = timed || d.Tokens[k].POS != "CD"
		k++
	}
	if !timed || k+1 >= f.Source.End || d.Tokens[k].Text != "," || !opensNounPhrase(d.Tokens[k+1].Text) {
		return
	}
	f.Source.Start = k + 1
}

// leadTimeWords open a time phrase beside timeWordAt's words ("Several
// hours earlier", "Moments later", "Shortly afterwards").
var leadTimeWords = wordSet("several a few hours minutes moments shortly afterwards afterward soon then meanwhile just")

// coordinatedSubject reports whether tokens [start, and) are a clause
// of their own and [s, end) the subject of the report after "and" or
// "but": "Duff sustained a knee injury at Newcastle and manager Jose
// Mourinho said", "the pair chatted amicably and Mr Brown insisted". The
// clause has a finite verb with a word between it and the conjunction
// ("five past and present senators" has none); after a copula only a name
// starts a new subject ("His name is Tote King and Manuel Millan says",
// not "is a minister and a member of the board"); a time alone is no
// subject ("shifted the focus and last year announced").
func coordinatedSubject(d *doc.Doc, start, and, s, end int) bool {
	toks := d.Tokens
	verb := -1
	for k := start; k < and; k++ {
		switch toks[k].POS {
		case "WP", "WDT", "WP$":
			return false
		case "VBD", "VBZ", "VBP", "MD":
			if verb < 0 {
				verb = k
			}
		}
	}
	if verb < 0 || verb+1 >= and || finiteIn(d, s, end) {
		return false
	}
	n := toks[s]
	if !(opensNounPhrase(n.Text) || n.POS == "CD" || n.POS == "JJ" || n.POS == "NN") {
		return false
	}
	if beForms[strings.ToLower(toks[verb].Text)] && !capitalised(n.Text) {
		return false
	}
	for k := s; k < end; k++ {
		if !timeWordAt(d, k) {
			return true
		}
	}
	return false
}

// timeAfter is where the subject starts after a time at token s ("on
// Wednesday", "last year", "later"), or s when none stands there.
func timeAfter(d *doc.Doc, s, end int) int {
	k := s
	if k < end && d.Tokens[k].POS == "IN" {
		k++
	}
	t := k
	for t < end && t < k+3 && timeWordAt(d, t) && !strings.EqualFold(d.Tokens[t].Text, "in") {
		t++
	}
	if t == k || t >= end {
		return s
	}
	return t
}

// finiteIn reports a finite verb, and no relative pronoun before it, in
// tokens [s, e).
func finiteIn(d *doc.Doc, s, e int) bool {
	for k := s; k < e; k++ {
		switch d.Tokens[k].POS {
		case "WP", "WDT", "WP$":
			return false
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

var clauseSubordinators = wordSet("after before since when because while until once")

// leadingSubordinators open a clause; as a source's first word they are
// the model's slip, not part of the speaker ("whereas authorities
// assert": the authorities).
var leadingSubordinators = wordSet("after before since when whenever wherever because while whilst whereas although though unless until once if")

// nameOpensClause: the name at token n follows a word that opens a
// clause ("the day after Peter Mandelson, former minister, warned",
// "and Ann Vell, the chair, said").
func nameOpensClause(d *doc.Doc, n int) bool {
	if n < 1 || d.Tokens[n-1].Sent != d.Tokens[n].Sent {
		return false
	}
	w := strings.ToLower(d.Tokens[n-1].Text)
	return clauseSubordinators[w] || w == "and" || w == "but" || w == "while" || w == "as"
}

// nameBeforeRole extends a source that is a role in lower case to the
// name in apposition before it when the model left the name out ("“...,”
// Will Davies, senior research fellow at the IPPR told": the fellow is
// Will Davies). The name must follow the quote's closing mark and comma,
// open the sentence, or open a clause after a subordinator or "and".
func nameBeforeRole(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		s := f.Source.Start
		if f.Source.Empty() || s < 3 || d.Tokens[s-1].Text != "," || capitalised(d.Tokens[s].Text) || d.Tokens[s].Quote != 0 {
			continue
		}
		n := s - 1
		for n > 0 && s-1-n < 4 && capitalised(d.Tokens[n-1].Text) && d.Tokens[n-1].Quote == 0 && d.Tokens[n-1].Sent == d.Tokens[s].Sent {
			n--
		}
		if n == s-1 || s-1-n < 2 {
			continue // a full name: two words or more
		}
		first := d.Sents[d.Tokens[s].Sent].First
		if n != first && !(n >= 2 && doc.IsQuoteToken(d.Tokens[n-1].Text) && d.Tokens[n-2].Text == ",") && !nameOpensClause(d, n) {
			continue
		}
		if lw := strings.ToLower(d.Tokens[s].Text); subjectPronouns[lw] || lw == "who" || lw == "which" || lw == "whose" || lw == "that" {
			continue // "Mr Wilson, who", "Like Saviano, he": no role
		}
		if !personNameRun(d, n, s-1) {
			continue // "On Tuesday, the mayor", "In Geneva, the WHO"
		}
		if pluralRole(d, s, f.Source.End) {
			continue // "Mr. Morell, administration officials said, deleted": an aside
		}
		overlaps := false
		for _, p := range f.Pieces {
			overlaps = overlaps || p.Start < s && p.End > n
		}
		if overlaps {
			continue // the model took the name for content: leave it
		}
		f.Source.Start = n
	}
}

// notNameStarts open capitalised runs that are phrases, not names.
var notNameStarts = wordSet("on in at by for with of as like last earlier later sorry saying after before during since from to under over when while but and so yet then now this that these those according despite amid")

// monthWords are the months no one is named after ("May", "June" and
// "April" are names too: "Theresa May, the prime minister").
var monthWords = wordSet("january february september october november december")

// personNameRun reports whether the capitalised tokens [s, e) read as a
// person's name: no opening preposition or adverb, no day (timeWords)
// or month.
func personNameRun(d *doc.Doc, s, e int) bool {
	if notNameStarts[strings.ToLower(d.Tokens[s].Text)] {
		return false
	}
	for k := s; k < e; k++ {
		if lw := strings.ToLower(d.Tokens[k].Text); timeWords[lw] || monthWords[lw] {
			return false
		}
	}
	return true
}

// pluralRole reports whether the role [s, e) is headed by a plural noun
// (its last word before a preposition, a relative or a comma): officials
// are no apposition of one name.
func pluralRole(d *doc.Doc, s, e int) bool {
	h := s
	for k := s; k < e; k++ {
		lw := strings.ToLower(d.Tokens[k].Text)
		if k > s && (roleEnds[lw] || lw == ",") {
			break
		}
		h = k
	}
	lw := strings.ToLower(d.Tokens[h].Text)
	return strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "'s") && !strings.HasSuffix(lw, "’s")
}

// roleEnds end the head of a role: what follows them modifies it.
var roleEnds = wordSet("for of at with in on from who whose which that")

// linkLeads open the lines of links to other stories that pages leave
// in their text ("Read more: Brexit: Why is the backstop so
// controversial?", "SEE ALSO: Schiff Says ..."): a headline linked to,
// not a statement of this article.
var linkLeads = []string{"read more:", "see also:", "related:", "also read:", "read also:", "more:", "recommended:", "watch:"}

// linkLine reports whether token k stands on a line that opens with a
// link lead. Such lines are short: only the 300 bytes before k are read
// for the line's start (a page of one long line has every attribution
// on it, and reading back to its start each time took quadratic time).
func linkLine(d *doc.Doc, k int) bool {
	from := max(0, d.Tokens[k].Start-300)
	nl := lastNewline(d.Text[from:d.Tokens[k].Start])
	if nl < 0 && from > 0 {
		return false
	}
	start := from + nl + 1
	line := d.Text[start:min(len(d.Text), start+16)]
	line = strings.ToLower(strings.TrimLeft(line, " \t"))
	for _, lead := range linkLeads {
		if strings.HasPrefix(line, lead) {
			return true
		}
	}
	return false
}

// dropHypothetical removes attributions whose source opens a clause of
// condition, those on a line of links (see linkLine), those whose source
// is a bare "This", "These" or "Those", and those whose source is the
// imperative "Let's" ("Let's
// face it, ... saying it's 'classified'": the writer's aside, with no
// one in it who speaks), and those said only in a counterfactual
// ("would have said") ("If Trump's plan rejected single mothers, ...", "if he said
// things which were off the mark"): what someone would say is not what
// they said. "even if" concedes what was said and stays.
func dropHypothetical(d *doc.Doc, found []attribute.Found) []attribute.Found {
	out := found[:0]
	for _, f := range found {
		if k := f.Source.Start - 1; !f.Source.Empty() && k >= 0 && strings.EqualFold(d.Tokens[k].Text, "if") &&
			(k == 0 || !strings.EqualFold(d.Tokens[k-1].Text, "even")) {
			continue
		}
		if !f.Content.Empty() && linkLine(d, f.Content.Start) && !isDash(d.Tokens[f.Cue.Start].Text) { // (a tweet signed "— Name" may open "WATCH:")
			continue // "Read more: Brexit: Why is ...?"
		}
		if counterfactualCue(d, f) || asIfCue(d, f) {
			continue // "An abuser would have said: “...”", "as if to convey": never said
		}
		if f.Source.End-f.Source.Start == 1 {
			if w := d.Tokens[f.Source.Start].Text; w == "This" || w == "These" || w == "Those" {
				continue // "This echoed the views of ...": no one
			}
		}
		if !f.Source.Empty() && strings.EqualFold(d.Tokens[f.Source.Start].Text, "let") && f.Source.End-f.Source.Start == 2 {
			if n := strings.ToLower(d.Tokens[f.Source.Start+1].Text); n == "'s" || n == "’s" || n == "us" {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// counterfactualCue reports whether f's cue is written "would have
// said" (or "could", "might", "should" have): what someone would have
// said was not said. The modal and "have" stand right before the cue's
// verb or open the cue ("would have to ask" is no such cue).
func counterfactualCue(d *doc.Doc, f attribute.Found) bool {
	if f.Cue.Empty() || f.Source.Empty() || f.Source.End > f.Cue.Start {
		return false
	}
	// the modal and "have" right before the cue's verb, or opening it
	for _, t := range []int{f.Cue.Start - 2, f.Cue.Start} {
		if t < f.Source.End-1 || t+1 >= f.Cue.End+2 || t+2 >= len(d.Tokens) {
			continue
		}
		switch strings.ToLower(d.Tokens[t].Text) {
		case "would", "could", "might", "should":
			if n := strings.ToLower(d.Tokens[t+1].Text); n == "have" || n == "'ve" || n == "’ve" {
				return true
			}
		}
	}
	return false
}

// asIfCue reports whether f's cue holds "as if" or "as though" ("each
// character repeated several times as if to convey a person speaking
// slowly"): a likeness, not words said.
func asIfCue(d *doc.Doc, f attribute.Found) bool {
	for t := f.Cue.Start; t+1 < f.Cue.End; t++ {
		if strings.EqualFold(d.Tokens[t].Text, "as") {
			if n := strings.ToLower(d.Tokens[t+1].Text); n == "if" || n == "though" {
				return true
			}
		}
	}
	return false
}

// relativeClauseSubject reports whether token k, after a relative
// "who", opens the clause's own subject (a determiner, a noun, a name, a
// personal pronoun), so that "who" is its object; "who this week
// criticised" is the subject still.
func relativeClauseSubject(d *doc.Doc, k int) bool {
	pos := d.Tokens[k].POS
	if pos == "DT" && k+1 < len(d.Tokens) && timeWords[strings.ToLower(d.Tokens[k+1].Text)] {
		return false
	}
	return pos == "DT" || pos == "PRP" || pos == "PRP$" || strings.HasPrefix(pos, "NN")
}

// leadingAdverbs open a sentence before its subject: before a pronoun
// they are no part of the speaker ("First he said ...; then he
// attacked her"). Before a name they may be ("First Minister Rhodri
// Morgan"), so only a pronoun after them counts.
var leadingAdverbs = wordSet("first then later earlier finally now still also again meanwhile instead so yet next afterwards")

// leadingSubordinator cuts a subordinator from the start of a source
// of two words or more, and a sentence adverb from a pronoun.
func leadingSubordinator(d *doc.Doc, f *attribute.Found) {
	if f.Source.End-f.Source.Start < 2 {
		return
	}
	lw := strings.ToLower(d.Tokens[f.Source.Start].Text)
	if leadingSubordinators[lw] || leadingAdverbs[lw] && f.Source.End-f.Source.Start == 2 && subjectPronouns[strings.ToLower(d.Tokens[f.Source.Start+1].Text)] {
		f.Source.Start++
	} else if speechVerbs[lw] && capitalised(d.Tokens[f.Source.Start].Text) && leadDeterminers[strings.ToLower(d.Tokens[f.Source.Start+1].Text)] {
		f.Source.Start++ // "Said the Pew report:": the verb opens the sentence, the speaker follows
	} else if (lw == "that" || lw == "which") && !capitalised(d.Tokens[f.Source.Start].Text) &&
		!(f.Source.End-f.Source.Start == 2 && strings.HasPrefix(d.Tokens[f.Source.Start+1].POS, "RB")) && d.Tokens[f.Source.Start+1].POS != "NN" {
		// a relative pronoun the model took with the relative clause's
		// subject: "a debate | that only two candidates said they
		// would attend", "which G7 nations ... have blamed for" (before
		// a singular noun it is a determiner: "as that tweeter
		// suggested")
		f.Source.Start++
	} else if (lw == "who" || lw == "whom") && !capitalised(d.Tokens[f.Source.Start].Text) && relativeClauseSubject(d, f.Source.Start+1) {
		// "who" as the object of a relative clause whose own subject
		// spoke: "a cleric who victims have accused of ...", "who the
		// paper described as ..."
		f.Source.Start++
	} else if isDash(d.Tokens[f.Source.Start].Text) || lw == "-" {
		f.Source.Start++ // a list's dash: "-His opponent's campaign admits ..."
	}
}

// finiteAfterName reports, for a token k left untagged or tagged a
// plural noun, whether it reads as
// a finite verb after a capitalised name: "AP reports", "Reuters said".
func finiteAfterName(d *doc.Doc, k int) bool {
	lw := strings.ToLower(d.Tokens[k].Text)
	if !strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ed") && lw != "said" && lw != "told" && lw != "wrote" {
		return false
	}
	prev := d.Tokens[k-1].Text
	r, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsUpper(r)
}

// trimDatelines cuts a dateline off the front of a source: "HARTFORD,
// Conn. — Connecticut Attorney General Richard Blumenthal",
// "BEIJING -- The U.S. State Department". The place in capitals and the
// dash open the story's first paragraph; the source is what follows.
func trimDatelines(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() {
			continue
		}
		if dash := datelineEnd(d, f.Source.Start, f.Source.End); dash >= 0 && dash+1 < f.Source.End {
			f.Source.Start = dash + 1
		}
	}
}

// hedgeCues mends an attribution whose cue is a hedging adverb alone
// ("Video of the incident reportedly was posted ...", "Mueller
// reportedly is keenly interested ..."): the adverb says that someone
// unnamed reports the whole clause, so its subject is no source but the
// start of the content, and the speaker is unknown.
func hedgeCues(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Cue.End-f.Cue.Start != 1 || f.Source.Empty() || len(f.Pieces) != 1 || f.Source.End > f.Cue.Start || f.Pieces[0].Start < f.Cue.End {
			continue
		}
		switch strings.ToLower(d.Tokens[f.Cue.Start].Text) {
		case "reportedly", "allegedly", "purportedly", "supposedly":
		default:
			continue
		}
		f.Pieces[0].Start = f.Source.Start
		f.Content.Start = min(f.Content.Start, f.Source.Start)
		f.Source = attribute.Range{}
	}
}

// datelineEnd returns the dash token that closes a dateline starting at
// token s (a place in capitals, a state or country after a comma), or -1.
func datelineEnd(d *doc.Doc, s, e int) int {
	toks := d.Tokens
	caps := 0
	if s >= 2 && toks[s-1].Text == "," && allCaps(toks[s-2].Text) {
		caps++ // the source starts after the place: "SALEM, [Ore. —]"
	}
	for k := s; k < e && k < s+12; k++ {
		t := toks[k].Text
		switch {
		case t == "—" || t == "--" || t == "–":
			if caps == 0 {
				return -1
			}
			return k
		case t == "," || t == ".":
		case allCaps(t):
			caps++
		case caps > 0 && capitalised(t):
			// "HARTFORD, Conn." or "AMHERST, N.H."
		default:
			return -1
		}
	}
	return -1
}

// opensNounPhrase: a capitalised word or a determiner can open the noun
// phrase left after a cut; "tank" (of "the economics think tank", where
// "think" was taken for a cue) or "how" cannot.
func opensNounPhrase(w string) bool {
	lw := strings.ToLower(w)
	return capitalised(w) || determiners[lw] || npOpeners[lw] || subjectPronouns[lw]
}

// npOpeners open a noun phrase beside determiners and subject pronouns.
var npOpeners = map[string]bool{"these": true, "those": true, "some": true, "many": true, "most": true, "several": true,
	"two": true, "three": true, "all": true, "both": true, "no": true, "it": true}

// invertedSays are the cues of "CLAIM, says X" written with the speaker
// after the verb.
var invertedSays = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "explained": true,
	"explains": true, "noted": true, "notes": true, "wrote": true, "writes": true}

// sourceAfterQuote gives a source to a report that has none whose cue
// is "said" right after a closing quote mark and a comma, and a name
// after it ("“...,” said former Representative Thomas M. Davis III, a
// Virginia Republican.": the rankers missed the long name): the words
// from the cue to the sentence's end, when they open with a capital or
// a title and hold no verb and no quote mark.
func sourceAfterQuote(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if !f.Source.Empty() || f.Cue.End-c != 1 || c < 2 || f.Cue.End >= len(toks) {
			continue
		}
		if lw := strings.ToLower(toks[c].Text); !invertedSays[lw] || toks[c-1].Text != "," && !isCloseQuote(toks[c-1].Text) {
			continue
		}
		if q := toks[c-1]; q.Text == "," && !isCloseQuote(toks[c-2].Text) || q.Text != "," && q.Quote == 0 && !isCloseQuote(q.Text) {
			continue
		}
		first := toks[f.Cue.End]
		if !capitalised(first.Text) && !determiners[strings.ToLower(first.Text)] && strings.ToLower(first.Text) != "former" {
			continue
		}
		sent := toks[f.Cue.End].Sent
		end := f.Cue.End
		ok := true
		for end < len(toks) && toks[end].Sent == sent && !sentenceEnd(toks[end].Text) {
			if toks[end].Quote != 0 || isVerbTag(toks[end].POS) && !capitalised(toks[end].Text) {
				ok = false
				break
			}
			end++
		}
		if !ok || end == f.Cue.End || end-f.Cue.End > 16 {
			continue
		}
		f.Source = attribute.Range{Start: f.Cue.End, End: end}
	}
}

// minInvertedContent is the fewest tokens a claim before ", says X" has.
const minInvertedContent = 3

// swapInvertedSource mends "The combination, say economists, marks a
// journey" read as source "The combination," and content "economists":
// the words after an inverted cue set off by commas are its speaker, a
// noun phrase with no verb, and the claim is around them (invertedContents
// then reads it).
func swapInvertedSource(d *doc.Doc, f *attribute.Found) (claimSet bool) {
	c := f.Cue.Start
	if lw := strings.ToLower(d.Tokens[c].Text); f.Source.Empty() || f.Cue.End-c != 1 || len(f.Pieces) != 1 || f.Source.End != c && f.Source.End != c-1 ||
		d.Tokens[c-1].Text != "," || !invertedSays[lw] && lw != "say" {
		return false
	}
	p := f.Pieces[0]
	if p.Start > f.Cue.End && p.Start-f.Cue.End <= 6 {
		// the model left the speaker out of the piece: "Francis, writes
		// Royal, “has little use ...”" read with the quote alone
		p = attribute.Range{Start: f.Cue.End, End: p.End}
		if quoteAfterSpeaker(d, p) != f.Pieces[0].Start-1 {
			return false
		}
	}
	if p.Start != f.Cue.End {
		return false
	}
	// the speaker ends at the comma after it: the piece's end, or a comma
	// inside it with the claim after ("Locally, too, say analysts, recent
	// political developments have worked ...")
	// (only after an adverbial that the model took for the source: "Locally,
	// too,", "On a larger scale,", "As a result,"; a name and its
	// apposition before the cue are the speaker: "Alain Terzian,
	// president of ..., said the changes, which ...")
	end := p.End
	subject := false // the words before the cue are the claim's subject
	if end-p.Start > 5 || end >= len(d.Tokens) || d.Tokens[end].Text != "," {
		end = quoteAfterSpeaker(d, p)
		subject = end > 0 && !adverbialStart(d, f.Source.Start)
		if end < 0 && adverbialStart(d, f.Source.Start) {
			for t := p.Start + 1; t < p.End-2 && t <= p.Start+5; t++ {
				if d.Tokens[t].Text == "," {
					end = t
					break
				}
			}
		}
		if end < 0 {
			return false
		}
	}
	for t := p.Start; t < end; t++ {
		if tk := d.Tokens[t]; isVerbTag(tk.POS) || tk.Quote != 0 || isPunctWord(tk.Text) {
			return false
		}
	}
	before := attribute.Range{Start: f.Source.Start, End: c - 1}
	f.Source = attribute.Range{Start: p.Start, End: end}
	if end < p.End {
		f.Pieces = []attribute.Range{{Start: end + 1, End: p.End}}
		f.Content = f.Pieces[0]
		if subject && !before.Empty() {
			// "The economy, says Ms Lopez, “is not what it was”": the claim
			// is the subject and the quote
			f.Pieces = []attribute.Range{before, f.Pieces[0]}
			f.Content.Start = before.Start
			// the quote goes to its closing mark (the model's piece stops
			// at the sentence's final stop, and the snaps ran before)
			if q, ok := outerQuoteAt(d, d.Tokens[end+1].Start); ok && !q.Unclosed {
				last := sort.Search(len(d.Tokens), func(t int) bool { return d.Tokens[t].End >= q.End })
				if last < len(d.Tokens) && d.Tokens[last].End == q.End && last >= f.Pieces[1].End &&
					d.Tokens[last].Sent == d.Tokens[end].Sent {
					f.Pieces[1].End = last + 1
					f.Content.End = max(f.Content.End, last+1)
				}
			}
			return true
		}
		return false
	}
	f.Content, f.Pieces = attribute.Range{}, nil
	return false
}

// quoteAfterSpeaker returns the comma in piece p that closes a short
// speaker and opens a quote ("Francis, writes Royal, “has little use for
// established procedures”": the piece read after the cue is "Royal,
// “has little use ...”"), or -1. The words before the comma open with a
// capital or a determiner; swapInvertedSource checks they hold no verb.
func quoteAfterSpeaker(d *doc.Doc, p attribute.Range) int {
	first := d.Tokens[p.Start].Text
	if !capitalised(first) && !determiners[strings.ToLower(first)] {
		return -1
	}
	for t := p.Start + 1; t < p.End-2 && t <= p.Start+5; t++ {
		if d.Tokens[t].Text != "," {
			continue
		}
		if q := d.Tokens[t+1]; q.Quote != 0 && isOpeningMark(q.Text) {
			return t
		}
		return -1
	}
	return -1
}

// invertedContents gives "CLAIM, says X, of Y" its claim when the model
// read the speaker's own description as the content ("It refers to
// bacteria that cannot be treated, says Brian Coombes, PhD, of McMaster
// University": content "Brian Coombes, PhD, of McMaster University",
// which a later rule dropped, leaving the claim to a non-speech "refers
// to"). The content becomes the sentence up to the comma before the cue.
func invertedContents(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if swapInvertedSource(d, f) {
			continue
		}
		c := f.Cue.Start
		if lw := strings.ToLower(d.Tokens[c].Text); f.Cue.End-c != 1 || c < 2 || f.Source.Empty() || f.Source.Start != f.Cue.End ||
			!invertedSays[lw] && lw != "say" || d.Tokens[c-1].Text != "," {
			continue
		}
		if !f.Content.Empty() && !(f.Content.Start <= f.Source.Start && f.Source.Start < f.Content.End) {
			continue // the model's content is elsewhere: leave it
		}
		first := d.Sents[d.Tokens[c].Sent].First
		for first < c-1 && d.Tokens[first].Quote != 0 && d.Tokens[first].Text != "" && isOpeningMark(d.Tokens[first].Text) {
			first++
		}
		// "At that point, says Dr Tuffy, games could become films": a
		// clause after the speaker's comma goes on with the claim (an
		// appositive, "PhD, of McMaster University", has no verb); with
		// it, a short subject before the cue is enough ("The combination,
		// say economists, marks a journey")
		rest, more := claimAfter(d, f.Source.End)
		if c-1-first < minInvertedContent && !(more && c-1-first >= 1) || quoteBetween(d, first, c-1) {
			continue // a quote before the cue is the quote rules' to place
		}
		content := attribute.Range{Start: first, End: c - 1}
		f.Content, f.Pieces = content, []attribute.Range{content}
		if more {
			f.Pieces = append(f.Pieces, rest)
			f.Content.End = rest.End
		}
		// an attribution inside the claim ends with it, not past the cue
		for j := range found {
			h := &found[j]
			if j == i || h.Cue.Start < content.Start || h.Cue.End > content.End || len(h.Pieces) != 1 ||
				h.Content.Start >= content.End || h.Content.End <= c {
				continue
			}
			h.Content.End = content.End
			h.Pieces = []attribute.Range{h.Content}
		}
	}
}

func isOpeningMark(t string) bool {
	return t == "\"" || t == "“" || t == "‘" || t == "'" || t == "``"
}

// claimAfter returns the rest of the sentence after the comma at token k
// when it is a clause (holds a verb by the part-of-speech tags; without
// tags, none), its final punctuation left out.
func claimAfter(d *doc.Doc, k int) (attribute.Range, bool) {
	if k >= len(d.Tokens) || d.Tokens[k].Text != "," {
		return attribute.Range{}, false
	}
	end := d.Sents[d.Tokens[k].Sent].Last
	for end > k+1 && isClosingPunct(d.Tokens[end-1].Text) {
		end--
	}
	if end-(k+1) < minInvertedContent {
		return attribute.Range{}, false
	}
	for t := k + 1; t < end; t++ {
		if pos := d.Tokens[t].POS; pos == "MD" || strings.HasPrefix(pos, "VB") && pos != "VBN" && pos != "VBG" {
			return attribute.Range{Start: k + 1, End: end}, true
		}
	}
	return attribute.Range{}, false
}

func isClosingPunct(t string) bool {
	return t == "." || t == "!" || t == "?" || t == "\"" || t == "”"
}

// maxDashReach bounds how far closeDashAside widens a content.
const maxDashReach = 40

// closeDashAside widens a content cut at the dash that closes an aside
// it opened ("said that in addition to the slain foreigners — from
// Italy, Poland, Germany and Spain" | "— a local museum worker and a
// security official were killed") to the end of its sentence: the claim
// goes on after the aside. Only the last piece, with one dash in it and
// the same dash right after it, when no other attribution's cue or
// source lies in what is added.
func closeDashAside(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Empty() || p.End >= len(d.Tokens) || !asideDash(d.Tokens[p.End].Text) || p.Start < f.Cue.End {
			continue
		}
		dashes := 0
		for t := p.Start; t < p.End; t++ {
			if asideDash(d.Tokens[t].Text) {
				dashes++
			}
		}
		sent := d.Tokens[p.End].Sent
		end := d.Sents[sent].Last
		for end > p.End && isPunctWord(d.Tokens[end-1].Text) && !asideDash(d.Tokens[end-1].Text) && !doc.IsQuoteToken(d.Tokens[end-1].Text) {
			end-- // (a closing quote mark stays with the words it closes)
		}
		if dashes != 1 || d.Tokens[p.Start].Sent != sent || end-p.End < 3 || end-p.End > maxDashReach || d.Tokens[p.End].Text != asideDashIn(d, p) {
			continue
		}
		taken := false
		for j := range found {
			h := &found[j]
			if j != i && (!h.Cue.Empty() && h.Cue.Start < end && h.Cue.End > p.End || !h.Source.Empty() && h.Source.Start < end && h.Source.End > p.End) {
				taken = true
				break
			}
		}
		for t := p.End + 1; t < end && !taken; t++ {
			taken = asideDash(d.Tokens[t].Text) || d.Tokens[t].Quote != 0 && inOtherContent(found, i, t)
		}
		if taken {
			continue
		}
		p.End = end
		f.Content.End = max(f.Content.End, end)
	}
}

// asideDash: a dash that sets off an aside, or a hyphen standing alone
// as one (" - ", as BBC pages write it).
func asideDash(w string) bool { return isDashWord(w) || w == "-" }

// asideDashIn returns the aside dash inside piece p.
func asideDashIn(d *doc.Doc, p *attribute.Range) string {
	for t := p.Start; t < p.End; t++ {
		if asideDash(d.Tokens[t].Text) {
			return d.Tokens[t].Text
		}
	}
	return ""
}

// inOtherContent reports whether token t lies in the content of a found
// other than found[i]: quote marks after an aside that open someone
// else's words.
func inOtherContent(found []attribute.Found, i, t int) bool {
	for j := range found {
		if j != i && found[j].Content.Start <= t && t < found[j].Content.End {
			return true
		}
	}
	return false
}

// isDashWord: an em or en dash, or two hyphens, as a token.
func isDashWord(w string) bool { return w == "—" || w == "–" || w == "--" }

// maxParenReach bounds how far a content is widened to close a
// parenthesis it cut.
const maxParenReach = 12

// balanceParens widens a content piece that cuts a parenthesis ("to 70
// euro cents (£0.48", "£3.90) an hour") to the matching mark, when it
// lies within maxParenReach tokens in the same sentence and outside any
// other piece; an unmatched mark with no partner near stays.
func balanceParens(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		for k := range f.Pieces {
			p := &f.Pieces[k]
			if p.Empty() {
				continue
			}
			depth, minDepth := 0, 0
			for t := p.Start; t < p.End; t++ {
				switch d.Tokens[t].Text {
				case "(", "-LRB-":
					depth++
				case ")", "-RRB-":
					depth--
					minDepth = min(minDepth, depth)
				}
			}
			sent := d.Tokens[p.Start].Sent
			if minDepth < 0 { // a ")" whose "(" lies before the piece
				need := -minDepth
				for t := p.Start - 1; t >= max(0, p.Start-maxParenReach) && d.Tokens[t].Sent == sent; t-- {
					if w := d.Tokens[t].Text; w == ")" {
						need++
					} else if w == "(" {
						if need--; need == 0 {
							p.Start = t
							break
						}
					}
				}
			}
			open := depth - minDepth // "(" left open at the end
			for t := p.End; open > 0 && t < min(len(d.Tokens), p.End+maxParenReach) && d.Tokens[t].Sent == sent; t++ {
				if w := d.Tokens[t].Text; w == "(" {
					open++
				} else if w == ")" {
					if open--; open == 0 {
						p.End = t + 1
					}
				}
			}
		}
		if len(f.Pieces) > 0 {
			parenSubject(d, found, i)
			f.Content.Start = min(f.Content.Start, f.Pieces[0].Start)
			f.Content.End = max(f.Content.End, f.Pieces[len(f.Pieces)-1].End)
		}
	}
}

// parenSubject starts a claim that the model began at an opening
// parenthesis back at its sentence's start, when the words before are
// its subject ("Misusing antibiotics (such as taking them when you don't
// need them) is the “single leading factor” ..., the CDC says" came out
// from "(such as"): no finite verb, no quote mark and no other report
// between.
func parenSubject(d *doc.Doc, found []attribute.Found, i int) {
	toks := d.Tokens
	p := &found[i].Pieces[0]
	if p.Empty() || toks[p.Start].Text != "(" {
		return
	}
	first := d.Sents[toks[p.Start].Sent].First
	if c := found[i].Cue; !c.Empty() && c.Start < p.Start && c.End > first || !found[i].Source.Empty() && found[i].Source.Start < p.Start && found[i].Source.End > first {
		return // its own cue or source lies before: "the CDC says (...)"
	}
	if first == p.Start || p.Start-first > maxParenReach || !startsFree(found, i, first, p.Start) {
		return
	}
	for t := first; t < p.Start; t++ {
		if finiteVerb(toks[t].POS) || toks[t].Quote != 0 || toks[t].Text == "," {
			return
		}
	}
	p.Start = first
}

// snapQuoteEnds widens a content piece that starts at a quotation's
// opening mark but stops inside it to the quotation's end: the model cut
// "“It came out of nowhere,” said Whitfield" at "nowhere", before the
// comma and the closing mark, and a rule for quotes standing alone then
// gave the whole quote to the paragraph's previous speaker. The same
// conditions as snapQuoteStarts, and no other attribution may start at
// the quotation too.
func snapQuoteEnds(d *doc.Doc, found []attribute.Found) {
	eachQuotedPiece(d, found, true, func(i int, f *attribute.Found, k int, q doc.Quote) {
		p := f.Pieces[k]
		if d.Tokens[p.Start].Start != q.Start || d.Tokens[p.End-1].End >= q.End {
			return
		}
		// two attributions that both start at the quotation ("In one
		// emailed statement, Perry stated, \"...") compete for it:
		// widening both would print it twice; the quote-standing-alone
		// rule decides
		for j := range found {
			if j == i {
				continue
			}
			for _, o := range found[j].Pieces {
				if !o.Empty() && o.Start == p.Start {
					return
				}
			}
		}
		last := sort.Search(len(d.Tokens), func(t int) bool { return d.Tokens[t].End >= q.End })
		if q.Unclosed {
			// a quote left open ends with its paragraph, white space
			// perhaps included: its last token is the last inside it;
			// it is whole only when the next paragraph opens a quote
			// (a quotation over paragraphs closes only at its end: “...
			// ¶ “... ”); else the mark may simply be lost and the rest
			// of the paragraph the reporter's
			if last >= len(d.Tokens) || d.Tokens[last].End > q.End {
				last--
			}
			if next := last + 1; next >= len(d.Tokens) || !doc.IsQuoteToken(d.Tokens[next].Text) || !d.LineBreakBefore(next) {
				return
			}
			for t := p.Start + 1; t <= last; t++ {
				if d.LineBreakBefore(t) {
					return // (and the open quote is one line)
				}
			}
		}
		if last >= len(d.Tokens) || last < p.End || !q.Unclosed && d.Tokens[last].End != q.End {
			return
		}
		f.Pieces[k].End = last + 1
		f.Content.End = max(f.Content.End, last+1)
	})
}

// snapMixedQuoteEnds widens a content piece that opens a quotation
// after some words of the reporter's and stops inside it to the
// quotation's end: "The scholars say that it is true that “It calls for
// solutions ... as possible. But it also demands ...”" was cut at the
// first sentence's end inside the marks, and the rest of the quotation
// was lost. The quotation must close in the piece's paragraph, and no
// other attribution's cue, source or piece may start inside what is
// added.
func snapMixedQuoteEnds(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 {
			continue
		}
		k := len(f.Pieces) - 1
		p := f.Pieces[k]
		if p.Empty() || p.End >= len(toks) {
			continue
		}
		ps, pe := toks[p.Start].Start, toks[p.End-1].End
		qi := sort.Search(len(d.Quotes), func(j int) bool { return d.Quotes[j].Start > ps })
		if qi >= len(d.Quotes) {
			continue
		}
		q := d.Quotes[qi]
		if q.Depth != 0 || q.Unclosed || q.Start >= pe || q.End <= pe+1 {
			continue
		}
		last := sort.Search(len(toks), func(t int) bool { return toks[t].End >= q.End })
		if last >= len(toks) || toks[last].End != q.End || toks[last].Sent == toks[p.End-1].Sent ||
			d.Sents[toks[last].Sent].Para != d.Sents[toks[p.End-1].Sent].Para || !startsFree(found, i, p.End, last+1) {
			continue
		}
		f.Pieces[k].End = last + 1
		f.Content.End = max(f.Content.End, last+1)
	}
}

// startsFree reports whether no attribution but found[self] has a cue,
// a source or a piece starting in tokens [s, e).
func startsFree(found []attribute.Found, self, s, e int) bool {
	in := func(r attribute.Range) bool { return !r.Empty() && r.Start >= s && r.Start < e }
	for j := range found {
		if j == self {
			continue
		}
		if in(found[j].Cue) || in(found[j].Source) {
			return false
		}
		for _, p := range found[j].Pieces {
			if in(p) {
				return false
			}
		}
	}
	return true
}

// trimRelativePieces cuts from a content piece that opens with a relative
// clause of the source ("said Councilwoman Dana Whitfield, who chairs the
// budget committee. “Nobody briefed us.”") everything before its first
// quotation; a piece with no quotation goes. A piece that is the only one
// stays as it is (the model's whole reading).
func trimRelativePieces(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) < 2 || f.Source.Empty() {
			continue
		}
		kept := f.Pieces[:0:0]
		for _, p := range f.Pieces {
			if p.Empty() || p.Start < f.Source.End || !relativeWords[strings.ToLower(d.Tokens[p.Start].Text)] ||
				p.Start > f.Source.End+1 || d.Tokens[p.Start].Quote != 0 {
				kept = append(kept, p)
				continue
			}
			for t := p.Start; t < p.End; t++ {
				if d.Tokens[t].Quote != 0 {
					kept = append(kept, attribute.Range{Start: t, End: p.End})
					break
				}
			}
		}
		if len(kept) > 0 && len(kept) <= len(f.Pieces) {
			f.Pieces = kept
			f.Content = attribute.Range{Start: kept[0].Start, End: kept[len(kept)-1].End}
		}
	}
}

var relativeWords = map[string]bool{"who": true, "which": true, "whose": true, "whom": true}

// subordinators open a clause about the occasion of the saying ("said
// when asked", "said after being told").
var subordinators = map[string]bool{"when": true, "after": true, "before": true, "while": true, "as": true, "if": true, "once": true}

// closeObjectRelative ends at the clause's closing comma the content of a
// report made inside a relative clause ("the lawsuit, which he expects to
// file soon in Manhattan, will name ..."; "The concerns, which the
// department says can be tied to the party, center around ..."): what
// follows the comma is the main clause's, not the relative's source's.
func closeObjectRelative(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		s := f.Source.Start
		if f.Source.Empty() || f.Cue.Empty() || len(f.Pieces) == 0 || s < 2 || !strings.EqualFold(d.Tokens[s-1].Text, "which") || d.Tokens[s-2].Text != "," {
			continue
		}
		endAtComma(d, f, func(int) bool { return true })
	}
}

// dropRelayOverReport drops an "according to X" whose content holds a
// whole quoted report of someone else, cue and source ("“...,” said Trump
// in an interview, according to TIME"; "“...,” Paul told reporters,
// according to the Spokesman-Review"): X is where the writer had that
// report from, the relay of the report inside (the qualify stage reads
// it so), and printed as the speaker of the quote it would mislead. (A
// nested report with no quote marks stays, as PolNeAR annotates it:
// "According to the affidavit, the boy told agents that ...".)
func dropRelayOverReport(d *doc.Doc, found []attribute.Found) []attribute.Found {
	according := func(f *attribute.Found) bool {
		return !f.Cue.Empty() && strings.EqualFold(d.Tokens[f.Cue.Start].Text, "according")
	}
	// the finite reports with a source ("said", "told", not the bare verb
	// of "letting people tell their stories"), by where their cue starts:
	// each "according to" looks only at those inside its own span, so a
	// page of many is not quadratic
	var reports []int
	for j := range found {
		g := &found[j]
		if g.Cue.Empty() || g.Source.Empty() || according(g) {
			continue
		}
		if w := strings.ToLower(d.Tokens[g.Cue.Start].Text); w == "say" || w == "tell" || w == "add" {
			continue
		} else if l, ok := lemmaOf(w); !ok || !reportingVerbs[l] || l == w {
			continue
		}
		reports = append(reports, j)
	}
	if len(reports) == 0 {
		return found
	}
	sort.Slice(reports, func(a, b int) bool { return found[reports[a]].Cue.Start < found[reports[b]].Cue.Start })
	var drop []bool
	for i := range found {
		f := &found[i]
		if !according(f) || !quotedIn(d, f) {
			continue
		}
		lo, hi := f.Content.Start, f.Content.End
		for _, p := range f.Pieces {
			lo, hi = min(lo, p.Start), max(hi, p.End)
		}
		hi = max(hi, f.Cue.Start)
		for k := sort.Search(len(reports), func(k int) bool { return found[reports[k]].Cue.Start >= lo }); k < len(reports); k++ {
			g := &found[reports[k]]
			if g.Cue.Start >= hi {
				break
			}
			inside := inPieces(f, g.Cue.Start) && inPieces(f, g.Source.Start) && inPieces(f, g.Source.End-1)
			if !inside && g.Cue.Start >= f.Content.Start && g.Source.Start >= f.Content.Start && g.Source.End <= f.Cue.Start && g.Cue.End <= f.Cue.Start {
				// (the quotes the report's, the cue and source between
				// them and "according to")
				inside = sharePiece(f, g)
			}
			if inside {
				if drop == nil {
					drop = make([]bool, len(found))
				}
				drop[i] = true
				break
			}
		}
	}
	if drop == nil {
		return found
	}
	out := found[:0]
	for i := range found {
		if !drop[i] {
			out = append(out, found[i])
		}
	}
	return out
}

// quotedIn reports whether f's content holds a token inside quote marks.
func quotedIn(d *doc.Doc, f *attribute.Found) bool {
	for _, p := range f.Pieces {
		for t := p.Start; t < p.End; t++ {
			if d.Tokens[t].Quote != 0 {
				return true
			}
		}
	}
	return false
}

// sharePiece reports whether a content piece of f overlaps one of g's.
func sharePiece(f, g *attribute.Found) bool {
	for _, p := range f.Pieces {
		for _, q := range g.Pieces {
			if p.Start < q.End && q.Start < p.End {
				return true
			}
		}
	}
	return false
}

// leadingTime takes a time that opens the sentence or a clause out of a
// source ("On Thursday Rangers said", "On Tuesday Sir Alan said", "...
// and on Thursday Mr Blair is saying:"): the speaker is the name that
// follows it.
func leadingTime(d *doc.Doc, f *attribute.Found) {
	s := f.Source.Start
	if f.Source.Empty() || f.Source.End-s < 3 || !strings.EqualFold(d.Tokens[s].Text, "on") && !strings.EqualFold(d.Tokens[s].Text, "in") {
		return
	}
	// opening the sentence, or a clause after "and", "but" or a comma
	// ("..., and on Thursday Mr Blair is saying:", "but in 2014 the
	// nuncio had asked")
	if s != d.Sents[d.Tokens[s].Sent].First {
		if p := strings.ToLower(d.Tokens[s-1].Text); p != "and" && p != "but" && p != "," {
			return
		}
	}
	if e := timeAfter(d, s, f.Source.End); e > s && e < f.Source.End && capitalised(d.Tokens[e].Text) {
		f.Source.Start = e
	}
}

// leadingAdverbial takes out of a source the sentence adverb, the
// time and the place phrase that open the sentence with no comma after
// them ("Last month Australia's competition watchdog said", "Earlier this
// month figures showed", "Meanwhile large numbers of backbench MPs
// insist", "Elsewhere in the email Mario says", "Later at their poster
// launch Tory co-chairman Liam Fox said"): who spoke is what follows. A
// possessive after the time ("Last year's honorary winner") makes it the
// speaker's own description, and is left.
func leadingAdverbial(d *doc.Doc, f *attribute.Found) {
	toks := d.Tokens
	s := f.Source.Start
	if f.Source.End-s < 2 || s != d.Sents[toks[s].Sent].First {
		return
	}
	k := s
	if openingConjunctions[strings.ToLower(toks[k].Text)] {
		k++ // "But on Wednesday Prime Minister Yulia Tymoshenko"
	}
	adverb := k < f.Source.End && sentenceAdverbs[strings.ToLower(toks[k].Text)]
	if adverb {
		k++
	}
	// a time: "last month", "earlier this month", "last November",
	// "Thursday afternoon" (opening with a word that only times: not
	// "June Carter Cash", "Evening Standard", "Time Warner", "One
	// analyst")
	t := k
	if lw := strings.ToLower(toks[t].Text); relativeTimeWords[lw] || weekdays[lw] {
		t++
		for t < f.Source.End && t < k+4 && (partsOfTime[strings.ToLower(toks[t].Text)] || weekdays[strings.ToLower(toks[t].Text)] || monthNames[strings.ToLower(toks[t].Text)] || strings.EqualFold(toks[t].Text, "this")) {
			t++
		}
	}
	timed := t > k && !(t == k+1 && relativeTimeWords[strings.ToLower(toks[k].Text)] && !adverb) && !isPossessive(toks[min(t, len(toks)-1)].Text) &&
		!isPossessive(toks[t-1].Text)
	if timed {
		k = t
	}
	if !adverb && !timed || k >= f.Source.End {
		return
	}
	// a place or occasion after it, up to a capitalised name: "in the
	// email", "at their poster launch"
	if lw := strings.ToLower(toks[k].Text); lw == "in" || lw == "at" || lw == "during" {
		e := k + 1
		for e < f.Source.End && e < k+6 && !capitalised(toks[e].Text) && !isPunctWord(toks[e].Text) && !isVerbTag(toks[e].POS) {
			e++
		}
		if e >= f.Source.End || e == k+1 || !capitalised(toks[e].Text) {
			return
		}
		k = e
	}
	if k >= f.Source.End || isPossessive(toks[k].Text) || isVerbTag(toks[k].POS) || isPunctWord(toks[k].Text) ||
		!capitalised(toks[k].Text) && !opensNounPhrase(toks[k].Text) && !strings.HasPrefix(toks[k].POS, "NN") && toks[k].POS != "JJ" {
		return
	}
	f.Source.Start = k
}

// sentenceAdverbs open a sentence about when or where, not who.
var sentenceAdverbs = wordSet("yesterday today tonight meanwhile separately elsewhere earlier later previously also however now then recently subsequently")

// relativeTimeWords open a time ("last month", "this week", "earlier
// this year"); alone, "last" or "this" may open the subject ("This
// report says").
var relativeTimeWords = wordSet("last this next earlier later early")

var monthNames = wordSet("january february march april may june july august september october november december")

var weekdays = wordSet("monday tuesday wednesday thursday friday saturday sunday")

// partsOfTime follow a time's first word: "last month", "Thursday
// afternoon", "earlier this year".
var partsOfTime = wordSet("morning afternoon evening night week month year weekend day")

// adverbialStart reports whether token s opens an adverbial phrase (an
// adverb, preposition or conjunction, or right after one: "As a result,").
func adverbialStart(d *doc.Doc, s int) bool {
	switch d.Tokens[s].POS {
	case "RB", "IN", "CC":
		return true
	}
	if s > 0 && d.Tokens[s-1].Sent == d.Tokens[s].Sent {
		switch d.Tokens[s-1].POS {
		case "RB", "IN":
			return true
		}
	}
	return false
}

// closeSubjectRelative ends the content of a report made in a relative
// clause on the speaker ("The boy, who says he was wearing the hat, told
// WOAI that ...", "Gilbert Haig, who says he sold tracer ammunition to
// the gunman, was arrested Friday") at the comma where the main clause's
// verb takes over.
func closeSubjectRelative(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		switch strings.ToLower(d.Tokens[f.Source.End-1].Text) {
		case "who", "which":
		default:
			continue
		}
		// (at a past or third-person verb: a base form after a comma is
		// as often the content's own, "that the UK, including Northern
		// Ireland, remain in a customs union")
		// (or at a plural verb of saying: "Critics of the backstop, which
		// proposes that ..., argue it could tie the UK")
		endAtComma(d, f, func(k int) bool {
			switch d.Tokens[k+1].POS {
			case "VBD", "VBZ", "MD":
				return true
			case "VBP":
				return pluralSayings[strings.ToLower(d.Tokens[k+1].Text)]
			}
			return false
		})
	}
}

// pluralSayings are verbs of saying in the plural present, which after a
// comma open a main clause rather than go on with a claim.
var pluralSayings = wordSet("say argue claim warn insist contend maintain believe fear note suggest predict agree admit deny")

// endAtComma ends f's last content piece, when it runs on past the cue,
// at its first comma outside quote marks that at accepts (at gets the
// comma's token, which always has a token after it in the piece).
func endAtComma(d *doc.Doc, f *attribute.Found, at func(k int) bool) {
	p := &f.Pieces[len(f.Pieces)-1]
	if p.End <= f.Cue.End {
		return
	}
	for k := max(p.Start, f.Cue.End) + 1; k+1 < p.End; k++ {
		if d.Tokens[k].Text == "," && d.Tokens[k].Quote == 0 && at(k) {
			p.End = k
			f.Content.End = k
			return
		}
	}
}

// prepositionObjectSource mends a source read from the object of a
// preposition that ends the cue ("claiming on | many occasions that",
// "saying in an interview with | the Financial Times", "called on | the
// government"): what follows the preposition is when, where or to whom
// it was said, never who said it. The speaker is the subject before the
// cue (for a participle after a comma, the main clause's subject), and
// no source when there is none.
func prepositionObjectSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.Start != f.Cue.End || f.Cue.End-f.Cue.Start < 2 {
			continue
		}
		if last := strings.ToLower(toks[f.Cue.End-1].Text); !cueEndPrepositions[last] &&
			!(last == "to" && cueLemmaIn(toks[f.Cue.Start].Text, answeringVerbs)) {
			// ("responded to | the figures:" is what was answered;
			// "according to | the Post" names its source)
			continue
		}
		c := f.Cue.Start
		var subj attribute.Range
		if toks[c].POS == "VBG" && c > 1 && toks[c-1].Text == "," {
			for v := d.Sents[toks[c].Sent].First; v < c-1; v++ {
				if finiteVerb(toks[v].POS) {
					subj = mainSubject(d, v)
					break
				}
			}
		} else {
			subj = subjectBefore(d, c)
		}
		f.Source = subj
	}
}

// cueObjectInContent starts a content after the object of a cue that
// ends in a preposition, when the model read that object into it: "As
// Paul wrote for | The Post, the more significant legal questions are
// ..." is the claim after the comma; the outlet is where it was written.
// The object is a capitalised name (with "the") of at most five words,
// and a clause follows its comma.
func cueObjectInContent(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.End-f.Cue.Start < 2 || len(f.Pieces) == 0 || f.Pieces[0].Start != f.Cue.End {
			continue
		}
		switch strings.ToLower(toks[f.Cue.End-1].Text) {
		case "for", "to", "in", "on":
		default:
			continue
		}
		p := &f.Pieces[0]
		k := p.Start
		if strings.EqualFold(toks[k].Text, "the") {
			k++
		}
		start := k
		for k < p.End && k-start < 5 && capitalised(toks[k].Text) && toks[k].Quote == 0 {
			k++
		}
		if k == start || k+1 >= p.End || toks[k].Text != "," || toks[k].Sent != toks[p.Start].Sent {
			continue
		}
		// what follows the comma is the claim, a clause: a finite verb
		// before any other comma, no list ("Marriage, or Unions") and no
		// apposition ("Maj. Nidal Hasan, who killed ...") going on
		if nx := toks[k+1]; strings.HasPrefix(nx.POS, "W") || nx.POS == "CC" {
			continue
		}
		clause := false
		for t := k + 1; t < p.End && toks[t].Text != "," && !clause; t++ {
			clause = finiteVerb(toks[t].POS)
		}
		if !clause {
			continue
		}
		p.Start = k + 1
		f.Content.Start = max(f.Content.Start, p.Start)
	}
}

// answeringVerbs take "to" before what or whom they answer or address
// ("responded to the figures", "wrote to the council"), never before
// who speaks.
var answeringVerbs = wordSet("respond reply react speak talk write")

// cueEndPrepositions end a cue whose object says when, where or to whom.
var cueEndPrepositions = wordSet("on in at with during over")

// nounCompoundReports drops a report read out of a noun phrase: in "according
// to local news reports" and "from news reports", "news" is no source and
// "reports" no verb; the phrase names where something was read. The cue
// is a plural noun of reporting right after a source of lower-case
// words, a preposition stands before the source and the content before
// it all ("amid opposition claims he was too bullish" stays: the claims
// are the opposition's and what they say follows).
func nounCompoundReports(d *doc.Doc, found []attribute.Found) []attribute.Found {
	toks := d.Tokens
	out := found[:0]
	for _, f := range found {
		if f.Cue.End-f.Cue.Start == 1 && reportNouns[toks[f.Cue.Start].Text] && !f.Source.Empty() && f.Source.End == f.Cue.Start &&
			f.Source.Start > 0 && f.Content.End <= f.Source.Start && prepositionBefore(d, f.Source.Start) && lowerWords(d, f.Source) &&
			!subjectPronouns[strings.ToLower(toks[f.Source.Start].Text)] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// reportNouns are plural nouns of reporting that read like verbs.
var reportNouns = wordSet("reports claims accounts stories")

// prepositionBefore reports whether token k follows a preposition ("from
// news reports", "according to local news reports").
func prepositionBefore(d *doc.Doc, k int) bool {
	p := d.Tokens[k-1]
	return p.POS == "IN" || p.POS == "TO" || strings.EqualFold(p.Text, "to") || strings.EqualFold(p.Text, "from")
}

// lowerWords reports whether the tokens of r are all lower-case words.
func lowerWords(d *doc.Doc, r attribute.Range) bool {
	for k := r.Start; k < r.End; k++ {
		t := d.Tokens[k].Text
		if capitalised(t) || isPunctWord(t) || doc.IsQuoteToken(t) {
			return false
		}
	}
	return true
}

// timeBeforeThat moves a time phrase that the model read as the start of
// the content into the cue: "have warned for | years that a day of
// reckoning is coming" is "have warned for years | that ...", and
// "reported over | the weekend, a father ..." is "reported over the
// weekend | a father ...".
func timeBeforeThat(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 || f.Pieces[0].Start != f.Cue.End {
			continue
		}
		prep := strings.ToLower(toks[f.Cue.End-1].Text)
		if prep != "for" && prep != "over" && prep != "during" {
			continue
		}
		p := &f.Pieces[0]
		k := p.Start
		if prep != "for" && k < p.End && strings.EqualFold(toks[k].Text, "the") {
			k++ // "over the weekend"
		}
		for k < p.End && k < p.Start+3 && (timeWordAt(d, k) || strings.EqualFold(toks[k].Text, "decades") || strings.EqualFold(toks[k].Text, "many") || strings.EqualFold(toks[k].Text, "some") ||
			prep != "for" && (strings.EqualFold(toks[k].Text, "weekend") || strings.EqualFold(toks[k].Text, "past"))) {
			k++
		}
		if k == p.Start || k+1 >= p.End || !strings.EqualFold(toks[k].Text, "that") && (prep == "for" || toks[k].Text != ",") {
			continue
		}
		f.Cue.End = k
		if toks[k].Text == "," {
			k++ // (the comma after the time is no part of what was said)
		}
		p.Start = k
		f.Content.Start = k
	}
}

// accordingToName gives a relay's name back to its source when the model
// cut the source short and started the content inside the name:
// "According to state | statistics body INSEE, growth for the three
// months was ..." is the source "state statistics body INSEE" and the
// content after its comma. The words before the comma are at most six
// nouns, adjectives and names, with no verb.
func accordingToName(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || f.Source.Empty() || len(f.Pieces) == 0 || !strings.EqualFold(toks[f.Cue.Start].Text, "according") ||
			f.Source.Start < f.Cue.End || f.Pieces[0].Start != f.Source.End {
			continue
		}
		p := &f.Pieces[0]
		comma := -1
		for k := p.Start; k < p.End && k < p.Start+6; k++ {
			if toks[k].Text == "," {
				comma = k
				break
			}
			if toks[k].Quote != 0 || !(strings.HasPrefix(toks[k].POS, "NN") || toks[k].POS == "JJ") {
				break
			}
		}
		if comma <= p.Start || comma+1 >= p.End || !capitalised(toks[comma-1].Text) {
			continue
		}
		f.Source.End = comma
		p.Start = comma + 1
		f.Content.Start = min(f.Content.Start, p.Start)
		if f.Content.Start < p.Start && len(f.Pieces) == 1 {
			f.Content.Start = p.Start
		}
	}
}

// relayBeforeSource reports whether f is an "according to" relay with
// its source after the cue, where the model may run the source on.
func relayBeforeSource(d *doc.Doc, f *attribute.Found) bool {
	return !f.Cue.Empty() && !f.Source.Empty() && strings.EqualFold(d.Tokens[f.Cue.Start].Text, "according") && f.Source.Start >= f.Cue.End
}

// accordingToSourceCut cuts a relay's source at the comma after which the
// content's clause starts, when the model ran the source on into it:
// "According to Mr Sands, | Lord Goldsmith had warned Tony Blair that
// ...", "according to three knowledgeable sources, | Trump has quizzed
// various people", "According to our correspondent, | the findings
// contain few new surprises". The words after such a comma hold a
// finite verb with no relative pronoun before it (an apposition stays
// whole: "John Binks, director of GfK, which monitors markets"). A
// content piece that started where the source ended starts after the
// comma instead.
func accordingToSourceCut(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if !relayBeforeSource(d, f) {
			continue
		}
		cut := -1
		for k := f.Source.Start + 1; k < f.Source.End-1 && cut < 0; k++ {
			if toks[k].Text != "," {
				continue
			}
			for j := k + 1; j < f.Source.End && toks[j].Text != ","; j++ {
				pos := toks[j].POS
				if strings.HasPrefix(pos, "W") {
					break // "which monitors": an apposition's relative clause
				}
				if pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD" {
					cut = k
					break
				}
			}
		}
		if cut < 0 {
			continue
		}
		old := f.Source.End
		f.Source.End = cut
		for p := range f.Pieces {
			if f.Pieces[p].Start == old {
				f.Pieces[p].Start = cut + 1
				if f.Content.Start == old {
					f.Content.Start = cut + 1
				}
			}
		}
	}
}

// accordingToSourceTail cuts a relay's source at a comma after which no
// apposition of it follows, where the model ran the source on to the
// sentence's end or into the content's subject:
//   - words that cannot open an apposition: "according to the Nationwide,
//     | their biggest monthly fall since 2001", "according to Coresight
//     Research, | double the number in 2017", "according to data from
//     NASA, | so far in 2017" (a possessive, an adverb, a subordinator, a
//     quantity: relayTailOpeners);
//   - a name after a name, when the content follows the source: "According
//     to the New York Daily News, | Brett Kavanaugh, President Donald
//     Trump's Supreme Court nominee, held ..." (the content's subject; an
//     apposition after a name is a description: "Sony's lawyer, John Doe"
//     has a lower-case word before the comma and stays).
//
// In the second case the content starts after the cut (at the name); in
// the first the words cut off belong to neither.
func accordingToSourceTail(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if !relayBeforeSource(d, f) {
			continue
		}
		contentAfter := false
		for _, p := range f.Pieces {
			if p.Start >= f.Source.End && p.Start <= f.Source.End+1 {
				contentAfter = true
			}
		}
		cut, subject := -1, false
		for k := f.Source.Start + 1; k < f.Source.End-1 && cut < 0; k++ {
			if toks[k].Text != "," {
				continue
			}
			next := toks[k+1].Text
			if possessivePronouns[next] {
				// "the Nationwide, their biggest monthly fall": a possessive
				// after a name is never its apposition ("its lawyer, X" has
				// the name second)
				if capitalised(toks[k-1].Text) {
					cut = k
				}
				continue
			}
			if relayTailOpeners[strings.ToLower(next)] && !relayAside(d, f) {
				cut = k
				break
			}
			if contentAfter && capitalised(toks[k-1].Text) && capitalised(next) && allCapitalizedWords(toks[k+1:f.Source.End]) {
				cut, subject = k, true
			}
		}
		if cut < 0 {
			continue
		}
		old := f.Source.End
		f.Source.End = cut
		if !subject {
			continue // the words cut off describe something else
		}
		for p := range f.Pieces {
			if st := f.Pieces[p].Start; st >= old && st <= old+1 {
				f.Pieces[p].Start = cut + 1
			}
		}
		if st := f.Content.Start; st >= old && st <= old+1 {
			f.Content.Start = cut + 1
		}
	}
}

// relayAside reports whether f's relay is set off by commas inside its
// sentence ("two groups of migrants, according to estimates of up to
// 6,500 people, mainly families, are heading ..."): the words after its
// source may describe the claim's subject, and the claim goes on after
// them.
func relayAside(d *doc.Doc, f *attribute.Found) bool {
	toks := d.Tokens
	if f.Cue.Start == 0 || toks[f.Cue.Start-1].Text != "," {
		return false
	}
	last := d.Sents[toks[f.Source.End-1].Sent].Last
	for k := f.Source.End; k < last; k++ {
		if !sentenceEnd(toks[k].Text) && !closingMark(toks[k].Text) {
			return true
		}
	}
	return false
}

// relayTailOpeners open words that follow a relay's source after a comma
// but never describe it (accordingToSourceTail).
var relayTailOpeners = wordSet("when while whereas where so all mainly mostly largely chiefly double twice triple half " +
	"up down compared despite although though because as just only even nearly almost roughly")

// possessivePronouns open a noun phrase owned by someone named before.
var possessivePronouns = wordSet("their his her its")

// allCapitalizedWords reports whether every word token of ts opens with a
// capital (a name; "of", "de" and the like and punctuation allowed
// inside, not first).
func allCapitalizedWords(ts []doc.Token) bool {
	if len(ts) == 0 || len(ts) > 5 {
		return false
	}
	for j, t := range ts {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && (j == 0 || !nameParticles[t.Text]) {
			return false
		}
	}
	return true
}

// opensWithVerb reports whether the clause at token k opens with its
// finite verb, an adverb before it allowed ("has never answered", "will
// be released"): what follows a subject set off by an aside.
func opensWithVerb(d *doc.Doc, k int) bool {
	toks := d.Tokens
	return finiteVerb(toks[k].POS) || toks[k].POS == "RB" && k+1 < len(toks) && finiteVerb(toks[k+1].POS)
}

// relayAsideRest gives a relay set off by commas inside a sentence the
// rest of the sentence after it: "The council, according to Mr Baines,
// has never answered the letters" came out with the content "The
// council" alone. Only when the words before are the claim's subject
// (no finite verb, no quote, in the cue's sentence) and the rest opens
// with its verb: "..., according to officials, who spoke ..." and
// "..., according to X, but ..." go on with something else. A cue of
// another attribution in the words before ("Police said the man,
// according to witnesses, was carrying a knife") starts the claim after
// it.
func relayAsideRest(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	var cueAt map[int][]int // attributions by the token their cue starts at, made when first needed
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || f.Source.Empty() || len(f.Pieces) != 1 || c < 2 || !strings.EqualFold(toks[c].Text, "according") ||
			toks[c-1].Text != "," || f.Source.Start != f.Cue.End || f.Pieces[0].End != c-1 || f.Pieces[0].Empty() {
			continue
		}
		rest, ok := claimAfter(d, f.Source.End)
		if !ok || !opensWithVerb(d, rest.Start) ||
			quoteBetween(d, rest.Start, rest.End) || !startsFree(found, i, rest.Start, rest.End) {
			continue
		}
		before := f.Pieces[0]
		if cueAt == nil {
			cueAt = map[int][]int{}
			for j := range found {
				if !found[j].Cue.Empty() {
					cueAt[found[j].Cue.Start] = append(cueAt[found[j].Cue.Start], j)
				}
			}
		}
		for t := before.Start; t < before.End; t++ {
			for _, j := range cueAt[t] {
				if g := &found[j]; j != i && g.Cue.End < before.End {
					before.Start = max(before.Start, g.Cue.End)
				}
			}
		}
		if first := d.Sents[toks[c].Sent].First; before.Start < first {
			// the model ran the content back into the sentence before ("...
			// in permanent feature freeze. The goal, according to the change
			// log, is to provide ...")
			before.Start = first
		}
		if strings.EqualFold(toks[before.Start].Text, "that") && before.End-before.Start > 1 {
			before.Start++
		}
		subject := before.Start < before.End
		for t := before.Start; t < before.End && subject; t++ {
			subject = !finiteVerb(toks[t].POS) && toks[t].Quote == 0
		}
		if !subject {
			continue // the words before are a clause of their own: the rest goes on from it
		}
		f.Pieces = []attribute.Range{before, rest}
		f.Content = attribute.Range{Start: before.Start, End: rest.End}
	}
}

// commaClauseOpener reports whether w opens a clause of its own after a
// comma: a subordinator that opens a sentence's clause (clauseOpeners),
// a conjunction, or a form the tagger misreads ("whilst", tagged as a
// past tense).
func commaClauseOpener(w string) bool {
	return clauseOpeners[w] || commaConjunctions[w]
}

var commaConjunctions = wordSet("whilst as whereas unless but and or so")

// maxAppositive bounds the words of an aside that closeAppositiveGap
// reads between the claim's subject and its verb.
const maxAppositive = 14

// closeAppositiveGap carries a claim cut after its subject over the aside
// set off by commas to its verb: "The US has also announced that
// 48-year-old Australian Mamdouh Habib, previously accused of terrorist
// offences, will be released" came out as "that 48-year-old Australian
// Mamdouh Habib". Only when the piece holds no finite verb, the aside
// none either, and the words after its closing comma open with one.
func closeAppositiveGap(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 || f.Cue.Empty() {
			continue
		}
		k := len(f.Pieces) - 1
		p := f.Pieces[k]
		if p.Empty() || p.Start < f.Cue.End || p.End+2 >= len(toks) || toks[p.End].Text != "," || toks[p.End].Sent != toks[p.Start].Sent {
			continue
		}
		if last := toks[f.Cue.End-1].POS; last == "IN" || last == "RP" {
			continue // "comment on current issues, post images ...": a cue with an object, not a clause
		}
		if !f.Source.Empty() && f.Source.End-f.Source.Start == 1 && (relativeWords[strings.ToLower(toks[f.Source.Start].Text)] || strings.EqualFold(toks[f.Source.Start].Text, "that")) {
			continue // "students who had criticized BDS, A and B, were voted down": the verb is the main clause's
		}
		verbless := true
		for t := p.Start; t < p.End && verbless; t++ {
			verbless = !finiteVerb(toks[t].POS) && toks[t].Quote == 0 && !strings.HasPrefix(toks[t].POS, "W")
		}
		if pos := toks[p.End+1].POS; !verbless || pos == "IN" || pos == "TO" {
			continue // (an aside opening with a preposition is the clause's adverbial: "the next game, with a new team to develop it, whilst ...")
		}
		closing := -1
		for t := p.End + 1; t < len(toks) && t <= p.End+maxAppositive && toks[t].Sent == toks[p.End].Sent; t++ {
			if toks[t].Text == "," {
				closing = t
				break
			}
			if finiteVerb(toks[t].POS) || toks[t].Quote != 0 || strings.HasPrefix(toks[t].POS, "W") {
				break
			}
		}
		if closing < 0 {
			continue
		}
		rest, ok := claimAfter(d, closing)
		if !ok || commaClauseOpener(strings.ToLower(toks[rest.Start].Text)) || !opensWithVerb(d, rest.Start) ||
			quoteBetween(d, p.End, rest.End) || !startsFree(found, i, closing, rest.End) {
			continue // (a report inside the aside is nested in the claim: "previously accused of ...")
		}
		f.Pieces[k].End = rest.End
		f.Content.End = max(f.Content.End, rest.End)
	}
}

// quoteAfterRelay gives a relay set off mid-sentence the quote that
// follows it when the model took the words before it for the content:
// "There would be a code including — according to the explanatory notes
// of the British Bill — “provision to protect ...”" and "... that,
// according to Bill Gertz in the Washington Times, “the U.S. government
// has traced ...”" came out with "There would be a code including —"
// and "... that" said, and the quote left to nobody. Only when the
// relay's comma or dash is followed at once by the quote and the
// content before the cue holds no quote marks of its own.
func quoteAfterRelay(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || f.Source.Empty() || len(f.Pieces) == 0 || !strings.EqualFold(toks[f.Cue.Start].Text, "according") ||
			f.Source.Start < f.Cue.End || f.Source.End+1 >= len(toks) {
			continue
		}
		switch toks[f.Source.End].Text {
		case ",", "—", "–", "-":
		default:
			continue
		}
		q := f.Source.End + 1
		if toks[q].Quote == 0 || toks[q].Sent != toks[f.Cue.Start].Sent || !claimtrail.IsQuoteMark(firstRune(toks[q].Text)) {
			continue
		}
		before := true
		for _, p := range f.Pieces {
			for k := p.Start; k < p.End && before; k++ {
				before = k < f.Cue.Start && toks[k].Quote == 0
			}
		}
		if !before {
			continue
		}
		end := q + 1
		for end < len(toks) && toks[end].Quote == toks[q].Quote {
			end++
		}
		r := attribute.Range{Start: q, End: end}
		f.Pieces = []attribute.Range{r}
		f.Content = r
	}
}

// firstRune is the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// surveyedInSource gives the participle that names a survey's people back
// to the source when the model opened the cue with it ("Many of those |
// questioned said", "29% of the people it | questioned said"): the
// people questioned said it.
func surveyedInSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.End-f.Cue.Start < 2 || f.Source.End != f.Cue.Start || !resolve.SurveyedParticiple(strings.ToLower(toks[f.Cue.Start].Text)) {
			continue
		}
		f.Source.End++
		f.Cue.Start++
	}
}

// directiveVerbs take a person and an infinitive: what was urged, asked
// or expected is the person with the infinitive ("urged Congress to take
// action", "now expect house prices to rise"), as PolNeAR marks it;
// urgingBeforeParticle do so with "on" or "with" ("called on the
// government to", "pleaded with Gerrard to").
var (
	directiveVerbs = wordSet(`urge urged urges urging ask asked asks asking order ordered orders ordering
	implore implored implores encourage encouraged encourages advise advised advises warn warned warns
	expect expected expects`)
	urgingBeforeParticle = wordSet("called calls calling pleaded pleads pleading")
)

// directiveCue reports whether the cue [s, e) ends in a directive verb,
// or in "on" or "with" after one or after a verb of urging.
func directiveCue(toks []doc.Token, s, e int) bool {
	last := strings.ToLower(toks[e-1].Text)
	if last != "on" && last != "with" {
		return directiveVerbs[last]
	}
	if e-s < 2 {
		return false
	}
	prev := strings.ToLower(toks[e-2].Text)
	return directiveVerbs[prev] || urgingBeforeParticle[prev]
}

// objectBeforeInfinitive widens a content that opens with "to" after a
// directive cue and the person it addresses back to that person: "urged |
// Congress | to take action" came out "to take action". The words
// between the cue and "to" are a short noun phrase (at most six words,
// no punctuation, no verb). A cue that ends in a preposition counts only
// as "called on" or "pleaded with".
func objectBeforeInfinitive(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[0]
		if p.Start <= f.Cue.End || p.Start-f.Cue.End > 6 || !strings.EqualFold(toks[p.Start].Text, "to") || !directiveCue(toks, f.Cue.Start, f.Cue.End) {
			continue
		}
		ok := true
		for k := f.Cue.End; k < p.Start && ok; k++ {
			pos := toks[k].POS
			ok = toks[k].Quote == 0 && !isPunctWord(toks[k].Text) && !strings.HasPrefix(pos, "VB") && pos != "MD" && pos != "IN" && pos != "WDT" && pos != "WP"
		}
		if !ok || toks[f.Cue.End].Sent != toks[p.Start].Sent {
			continue
		}
		if f.Content.Start == p.Start {
			f.Content.Start = f.Cue.End
		}
		p.Start = f.Cue.End
	}
}

// trailingJoiners end a clause's first half: a content the model closed
// on one ("... labelled them as “conspiracy theorists” and yet", "...
// over the last ten years and") stops before it, the rest of the sentence
// being the writer's.
var (
	trailingJoiners      = wordSet("and but or which who whose")
	relativePrepositions = wordSet("of in on at by for with from to about under through during into among")
)

// trimTrailingJoiner cuts a conjunction or relative pronoun (with the
// commas before it, and the "yet" of "and yet") off the end of a content
// of four tokens or more.
func trimTrailingJoiner(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		end := f.Content.End
		if end-f.Content.Start < 4 {
			continue
		}
		if lw := strings.ToLower(toks[end-1].Text); lw == "yet" && end-2 > f.Content.Start && trailingJoiners[strings.ToLower(toks[end-2].Text)] {
			end--
		}
		if !trailingJoiners[strings.ToLower(toks[end-1].Text)] || relativePrepositions[strings.ToLower(toks[end-2].Text)] {
			continue // ("the last of which": a relative's own object)
		}
		end--
		for end-1 > f.Content.Start && (toks[end-1].Text == "," || toks[end-1].Text == ";") {
			end--
		}
		if end-f.Content.Start < 3 {
			continue
		}
		if n := len(f.Pieces); n > 0 {
			last := &f.Pieces[n-1]
			if last.Start >= end {
				continue // left as it was: the cut would empty a piece
			}
			last.End = min(last.End, end)
		}
		f.Content.End = end
	}
}

// parentheticalRelative gives a report set off by commas inside a
// sentence whose content the model started at the relative word after it
// ("Its strategy is a “hybrid” approach, he explained, where broadcasts
// are supplemented ...") the words before it too: the relative clause
// goes on from the sentence's first half, which is what was said.
func parentheticalRelative(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End > f.Cue.Start || len(f.Pieces) != 1 || f.Content.Start != f.Cue.End+1 {
			continue
		}
		s, c := f.Source.Start, f.Cue.End
		if s < 2 || toks[s-1].Text != "," || toks[c].Text != "," || !relativeOpeners[strings.ToLower(toks[c+1].Text)] {
			continue
		}
		first := d.Sents[toks[s].Sent].First
		if s-1-first < 3 || toks[first].Sent != toks[c+1].Sent {
			continue
		}
		before := attribute.Range{Start: first, End: s - 1}
		if overlapsOtherContent(found, i, before) {
			continue
		}
		f.Pieces = []attribute.Range{before, f.Pieces[0]}
		f.Content = attribute.Range{Start: first, End: f.Content.End}
	}
}

// relativeOpeners open a relative clause that goes on from a noun.
var relativeOpeners = wordSet("where which who whose when whereby")

// overlapsOtherContent reports whether r overlaps the content of a found
// other than found[i].
func overlapsOtherContent(found []attribute.Found, i int, r attribute.Range) bool {
	for j := range found {
		if j != i && found[j].Content.Start < r.End && r.Start < found[j].Content.End {
			return true
		}
	}
	return false
}
