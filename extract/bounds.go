package extract

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/qualify"
	"github.com/claimtrail/claimtrail/resolve"
)

// fixContentBounds mends content pieces whose ends the model reads into
// the words around the content on real news, where a reader sees at once
// where the said words start and stop:
//   - the people told are no part of what was told: "he warned a
//     conservative audience that “...”" starts at "that";
//   - a cue set off by commas inside the content ends at the comma that
//     closes it: "Progressivism, he told the Conservative Political Action
//     Conference, is a cancer" resumes at "is";
//   - what a colon introduces is the content: "concluded her Facebook
//     post: “Please like and share”" is the quotation;
//   - a report inside a clause of time or condition ends with the clause:
//     "When Mr. Shulman said he had, Mr. Jordan produced records" is "he
//     had";
//   - a dash that hands over to a new report ends the content: "said he
//     wants the right candidate -- he said he still plans to endorse".
func fixContentBounds(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		describedAfterQuote(d, f)
		for k := range f.Pieces {
			p := &f.Pieces[k]
			if p.Empty() || p.Start < f.Cue.End {
				continue
			}
			if s := addresseeEnd(d, f.Cue, *p); s > p.Start {
				p.Start = s
			} else if s := addresseeNoThat(d, f.Cue, *p); s > p.Start {
				p.Start = s
			}
			if !f.Source.Empty() {
				if s := asideEnd(d, f, *p); s > p.Start {
					p.Start = s
					if k == 0 {
						if lead, ok := asideLead(d, f); ok {
							f.Pieces = append([]attribute.Range{lead}, f.Pieces...)
							p = &f.Pieces[1]
						}
					}
				}
			}
			if s := colonLead(d, *p); s > p.Start {
				p.Start = s
			}
			if k == len(f.Pieces)-1 {
				if e := clauseEnd(d, f, *p); e > p.Start && e < p.End {
					p.End = e
				}
			}
			if e := dashHandover(d, *p); e > p.Start && e < p.End {
				p.End = e
			}
			if e := possessedNounCueEnd(d, f, *p); e > p.Start && e < p.End {
				p.End = e
			}
		}
		if r, ok := asideResume(d, f); ok {
			f.Pieces = append(f.Pieces, r)
		}
		if last := &f.Pieces[len(f.Pieces)-1]; last.End > f.Cue.End {
			if e := relativeResume(d, *last); e > last.End {
				last.End = e
			}
			if e := frontedResume(d, *last, bareSubordinate(d, f, *last)); e > last.End {
				last.End = e
			}
			if e := verbResume(d, *last); e > last.End {
				last.End = e
			}
		}
		f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[len(f.Pieces)-1].End}
	}
}

// describedAfterQuote mends a report whose content runs from a closed
// quote into the description before its speaker's name: "“... the
// movie?” Mr Kashyap's lawyer Mihir Desai said" came out as content "Mr
// Kashyap's lawyer" by source "Mihir Desai", "“We won!” his lawyer Tom
// Reyes said" as content "“We won!” his lawyer". The description joins
// the source and the quote is the content.
func describedAfterQuote(d *doc.Doc, f *attribute.Found) {
	if len(f.Pieces) != 1 || f.Source.Empty() {
		return
	}
	toks := d.Tokens
	p := f.Pieces[0]
	if p.Empty() || p.End != f.Source.Start || f.Cue.Start < f.Source.End || p.Start < 1 {
		return
	}
	// the quote's closing mark: the last mark before the source, in the
	// piece or just before it
	m := -1
	for t := p.End - 1; t >= p.Start-1 && t >= p.End-7; t-- {
		if mark := []rune(toks[t].Text); toks[t].Quote != 0 && toks[t+1].Quote == 0 && len(mark) == 1 && claimtrail.IsQuoteMark(mark[0]) {
			m = t
			break
		}
	}
	if m < 0 || m+1 >= p.End || d.Sents[toks[m].Sent].Para != d.Sents[toks[m+1].Sent].Para || toks[f.Cue.End-1].Text == ":" {
		return // (a colon hands on to what follows: "The report continued:")
	}
	src := m + 1
	for src < p.End && (toks[src].POS == "IN" || toks[src].POS == "RB") {
		src++ // "“...,” as one Ford lawyer has said"
	}
	for t := src; t < p.End; t++ {
		if strings.HasPrefix(toks[t].POS, "VB") || toks[t].POS == "MD" || isPunctWord(toks[t].Text) {
			return // a clause, not a description
		}
	}
	s := p.Start
	if m < p.Start {
		// the piece is the description alone: the quote before it
		s = m
		for s > 0 && toks[s-1].Quote == toks[m].Quote {
			s--
		}
		if m-s < 3 || toks[s].Sent < toks[m].Sent-3 {
			return
		}
	}
	f.Source.Start = src
	f.Pieces[0] = attribute.Range{Start: s, End: m + 1}
}

// asideResume is the rest of a content whose source and cue are an aside
// set off by commas, when the model kept only the words before it
// ("Dredging, she told the port users, is a waste of money": "is a waste
// of money" joins "Dredging"): from the comma that closes the aside to
// the sentence's end, when a finite verb follows that comma.
func asideResume(d *doc.Doc, f *attribute.Found) (attribute.Range, bool) {
	last := f.Pieces[len(f.Pieces)-1]
	if f.Source.Start < 1 || last.End != f.Source.Start-1 || d.Tokens[last.End].Text != "," || f.Cue.Start < f.Source.End {
		return attribute.Range{}, false
	}
	sent := d.Tokens[f.Source.Start].Sent
	end := d.Sents[sent].Last
	for t := f.Cue.End; t < end && t < f.Cue.End+10; t++ {
		tk := d.Tokens[t]
		if tk.Quote != 0 || isVerbTag(tk.POS) {
			return attribute.Range{}, false
		}
		if tk.Text != "," {
			continue
		}
		if t+1 >= end || !isClauseTag(d.Tokens[t+1].POS) {
			return attribute.Range{}, false
		}
		e := end
		for e > t+2 && isPunctWord(d.Tokens[e-1].Text) && d.Tokens[e-1].Quote == 0 {
			e--
		}
		return attribute.Range{Start: t + 1, End: e}, true
	}
	return attribute.Range{}, false
}

// relativeResume is where a piece ends when the model stopped it before a
// relative clause that its subject carries ("added that Harbourton, which
// has lost two boatyards, will need the money" came out "that
// Harbourton"): a piece with no finite verb, followed by ", which" or ",
// who", runs on to the sentence's end when a comma and a finite verb
// close the relative clause. p.End when it does not.
func relativeResume(d *doc.Doc, p attribute.Range) int {
	if p.End+2 >= len(d.Tokens) || d.Tokens[p.End].Text != "," || !relativeWords[strings.ToLower(d.Tokens[p.End+1].Text)] {
		return p.End
	}
	if p.End-p.Start > scanLimit {
		return p.End
	}
	for t := p.Start; t < p.End; t++ {
		// no verb but a gerund or participle ("merging the prison
		// service"): "asking a voter to fix their ballot, which is not
		// allowed," has its own clause
		if isClauseTag(d.Tokens[t].POS) || d.Tokens[t].POS == "VB" || d.Tokens[t].Quote != 0 {
			return p.End
		}
	}
	sent := d.Tokens[p.End].Sent
	end := d.Sents[sent].Last
	for t := p.End + 2; t < end-1 && t < p.End+scanLimit; t++ {
		if d.Tokens[t].Quote != 0 {
			return p.End
		}
		if d.Tokens[t].Text == "," && isClauseTag(d.Tokens[t+1].POS) {
			e := end
			for e > t+2 && isPunctWord(d.Tokens[e-1].Text) && d.Tokens[e-1].Quote == 0 {
				e--
			}
			return e
		}
	}
	return p.End
}

// frontedResume is where a content that opens with "that" and a fronted
// phrase or clause ends, when the model stopped at the comma closing the
// phrase: "recalls that in all her scientific programming work, only once
// did someone include her", "argued that since it had a US subsidiary,
// the US court could declare it bankrupt". The main clause after the
// comma (a finite verb within a few words, not after "and" or a
// participle: "that during meetings Mr Ebbers passed over questions,
// giving only brief answers" has its own) runs to the sentence's end, or
// to a comma before a closing report ("..., she said"); p.End when it
// does not apply, or when quote marks lie on the way.
//
// With bare, the content opens with the subordinate clause itself, no
// "that" before it (bareSubordinate: "Mr Gummer said if Parliament failed
// to find a route, a new referendum should be held").
func frontedResume(d *doc.Doc, p attribute.Range, bare bool) int {
	toks := d.Tokens
	if p.End-p.Start < 3 || p.End-p.Start > scanLimit || p.End+2 >= len(toks) || toks[p.End].Text != "," ||
		!bare && (!strings.EqualFold(toks[p.Start].Text, "that") || toks[p.Start+1].POS != "IN") {
		return p.End
	}
	if next := toks[p.End+1]; next.POS == "CC" || strings.HasPrefix(next.POS, "VB") || next.Quote != 0 {
		return p.End
	}
	end := d.Sents[toks[p.End].Sent].Last
	verb := false
	for t := p.End + 1; t < end && t <= p.End+8 && !isPunctWord(toks[t].Text); t++ {
		if isClauseTag(toks[t].POS) {
			verb = true
			break
		}
	}
	if !verb {
		return p.End
	}
	e := p.End + 1
	for ; e < end; e++ {
		if toks[e].Quote != 0 {
			return p.End
		}
		if toks[e].Text == ";" || toks[e].Text == "," && (closingReport(d, e+1, end) || e+1 < end && (strings.EqualFold(toks[e+1].Text, "a") || strings.EqualFold(toks[e+1].Text, "an"))) {
			break // (and an aside on what was said: "..., a contention her lawyer disputed")
		}
	}
	for e > p.End+1 && strings.Contains(".,;:!?", toks[e-1].Text) {
		e--
	}
	return e
}

// possessedNounCueEnd is where the content of a noun cue owned by its
// source ends: "President Trump’s public lecture about | Germany not
// buying natural gas from Russia | was aimed at cutting Putin off", "His
// warning against | making the resistance a battle | is odd": the whole
// phrase is the subject of the writer's sentence, whose finite verb the
// model read into the content. p.End when the cue is a verb, the source
// owns nothing, or the content opens a clause of its own ("that ...",
// "whether ...") whose verbs are what was said.
func possessedNounCueEnd(d *doc.Doc, f *attribute.Found, p attribute.Range) int {
	toks := d.Tokens
	if f.Source.Empty() || p.Start != f.Cue.End || p.End-p.Start < 3 {
		return p.End
	}
	last := strings.ToLower(toks[f.Source.End-1].Text)
	owned := last == "'s" || last == "’s" || f.Source.End-f.Source.Start == 1 && (last == "his" || last == "her" || last == "their" || last == "its")
	if !owned {
		return p.End
	}
	// (the phrase opens the sentence, or its clause after a comma: the
	// subject; after a preposition it is no subject, "delivered on his
	// promise to bring back the jobs his supporters lost")
	if s := f.Source.Start; s > d.Sents[toks[s].Sent].First && toks[s-1].Text != "," {
		return p.End
	}
	noun := false
	for k := f.Cue.Start; k < f.Cue.End; k++ {
		if strings.HasPrefix(toks[k].POS, "VB") || toks[k].POS == "MD" {
			return p.End // a verb: "Oxfam's | said"
		}
		noun = noun || strings.HasPrefix(toks[k].POS, "NN")
	}
	if lw := strings.ToLower(toks[p.Start].Text); !noun || clauseOpeners[lw] || ownClauseOpeners[lw] {
		return p.End
	}
	for k := p.Start + 1; k < p.End; k++ {
		if toks[k].Quote != 0 {
			continue
		}
		if pos := toks[k].POS; pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD" {
			e := k
			for e > p.Start+1 && strings.Contains(".,;:", toks[e-1].Text) {
				e--
			}
			return e
		}
	}
	return p.End
}

// ownClauseOpeners open a content that is a clause with verbs of its own
// (possessedNounCueEnd).
var ownClauseOpeners = wordSet("that whether how what why who which where")

// bareSubordinate reports whether content piece p opens right after f's
// cue with a subordinating conjunction of condition, time or concession
// ("said if ...", "warned although ..."), not after a verb of asking,
// whose "if" is "whether" ("asked if he would stay, ...").
func bareSubordinate(d *doc.Doc, f *attribute.Found, p attribute.Range) bool {
	if p.Start != f.Cue.End || p.Start >= len(d.Tokens) || !frontedSubordinators[strings.ToLower(d.Tokens[p.Start].Text)] {
		return false
	}
	for k := f.Cue.Start; k < f.Cue.End; k++ {
		if l, ok := lemmaOf(strings.ToLower(d.Tokens[k].Text)); ok && (l == "ask" || l == "wonder" || l == "question" || l == "inquire" || l == "enquire") {
			return false
		}
	}
	return true
}

// frontedSubordinators open a clause fronted before the main clause of
// what was said (bareSubordinate).
var frontedSubordinators = wordSet("if although though while when unless once because")

// verbResume is where a "that" clause ends when the model stopped it
// after its subject, before its verb: "reports indicating that multiple
// shooters | carried out the attack and that the FBI is covering this
// up" (content "that multiple shooters"). The clause runs on from the
// verb to the next comma, semicolon or the sentence's end; p.End when the
// piece has a finite verb of its own, no verb follows it, or quote marks
// lie on the way.
func verbResume(d *doc.Doc, p attribute.Range) int {
	toks := d.Tokens
	if p.End-p.Start < 2 || p.End-p.Start > 12 || p.End >= len(toks) || !strings.EqualFold(toks[p.Start].Text, "that") ||
		!isClauseTag(toks[p.End].POS) || toks[p.End].Quote != 0 || toks[p.End].Sent != toks[p.End-1].Sent {
		return p.End
	}
	for t := p.Start + 1; t < p.End; t++ {
		if isClauseTag(toks[t].POS) || toks[t].Quote != 0 || isPunctWord(toks[t].Text) {
			return p.End
		}
	}
	end := d.Sents[toks[p.End].Sent].Last
	e := p.End
	for ; e < end && toks[e].Text != "," && toks[e].Text != ";"; e++ {
		if toks[e].Quote != 0 {
			return p.End
		}
	}
	for e > p.End+1 && strings.Contains(".!?:", toks[e-1].Text) {
		e--
	}
	return e
}

// closingReport: the tokens [k, end) are a short report that closes a
// sentence ("she said.", "Mr Ragan told reporters."): a speech verb
// within the first four of them.
func closingReport(d *doc.Doc, k, end int) bool { return wordWithin(d, k, end, 4, speechVerbs) }

// wordWithin reports whether one of the n tokens from t (before end) is,
// lower-cased, a word of set.
func wordWithin(d *doc.Doc, t, end, n int, set map[string]bool) bool {
	for k := t; k < end && k < t+n; k++ {
		if set[strings.ToLower(d.Tokens[k].Text)] {
			return true
		}
	}
	return false
}

// isClauseTag: a finite verb or a modal.
func isClauseTag(pos string) bool {
	switch pos {
	case "VBD", "VBP", "VBZ", "MD":
		return true
	}
	return false
}

// dropInnerDuplicates removes an attribution whose content is another's
// and whose source and cue lie between that other's cue and content
// and whose cue is a colon's layout ("Oduya closed her written
// statement: “...”" was read twice, once with "her" speaking through
// "written statement:"), as the bounds above can make two readings of
// one quotation the same.
func dropInnerDuplicates(d *doc.Doc, found []attribute.Found) []attribute.Found {
	byContent := map[attribute.Range][]int{}
	for i, f := range found {
		if !f.Content.Empty() {
			byContent[f.Content] = append(byContent[f.Content], i)
		}
	}
	inner := func(f, o attribute.Found) bool {
		if d.Tokens[f.Cue.End-1].Text != ":" || d.Tokens[o.Cue.End-1].Text == ":" || strings.EqualFold(d.Tokens[o.Cue.Start].Text, "according") {
			// (a report inside an "according to" is what the relay
			// relays: "According to the Daily Wire, Omar tweeted: “...”")
			return false // a report nested in another is its own ("X said Mr. Trump told them that")
		}
		lo := f.Cue.Start
		if !f.Source.Empty() {
			lo = min(lo, f.Source.Start)
		}
		return lo >= o.Cue.End && f.Cue.End <= f.Content.Start && o.Cue.End <= o.Content.Start
	}
	out := make([]attribute.Found, 0, len(found))
	for i, f := range found {
		dup := false
		for _, j := range byContent[f.Content] {
			dup = dup || j != i && inner(f, found[j])
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// swapInvertedName turns round a report whose source is the clause said
// and whose content is the name after the cue ("Online communities could
// encourage debate, says the Institute of Public Policy Research (IPPR)"
// came out with the clause speaking and the institute said): a content
// of capitalised words only, after the cue, to the sentence's end, and a
// source of four words or more ending in a comma just before the cue.
func swapInvertedName(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Source.End != f.Cue.Start || f.Source.End-f.Source.Start < 5 ||
			f.Cue.End-f.Cue.Start != 1 || !invertibleCues[strings.ToLower(d.Tokens[f.Cue.Start].Text)] {
			continue
		}
		p := f.Pieces[0]
		if p.Start != f.Cue.End || p.End-p.Start > 10 || d.Tokens[f.Source.End-1].Text != "," {
			continue
		}
		if end := d.Sents[d.Tokens[p.Start].Sent].Last; p.End < end && !isPunctWord(d.Tokens[p.End].Text) {
			continue
		}
		name := false
		for t := p.Start; t < p.End; t++ {
			w := d.Tokens[t].Text
			if capitalised(w) {
				name = true
			} else if !lowerInName[w] && !isPunctWord(w) && !(name && mediaTail[w]) || d.Tokens[t].Quote != 0 {
				// (an outlet's kind after its name: "reported AP news agency")
				name = false
				break
			}
		}
		if !name {
			continue
		}
		src := attribute.Range{Start: p.Start, End: p.End}
		f.Pieces = []attribute.Range{{Start: f.Source.Start, End: f.Source.End - 1}}
		f.Content = f.Pieces[0]
		f.Source = src
	}
}

// swapInvertedAside turns round a report whose speaker is an aside
// after an inverted cue ("The idea, says BT, is to shape a 21st Century
// model" came out with "The idea," speaking and "BT, is to shape ..." as
// content): a source ending in a comma right before an invertible cue,
// a content that opens with a capitalised name and its comma: the name
// is the source, the words before the aside and after it the content.
func swapInvertedAside(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Source.End != f.Cue.Start || f.Cue.End-f.Cue.Start != 1 ||
			!invertibleCues[strings.ToLower(d.Tokens[f.Cue.Start].Text)] || d.Tokens[f.Source.End-1].Text != "," {
			continue
		}
		p := f.Pieces[0]
		if p.Start != f.Cue.End {
			continue
		}
		c := -1 // the comma that closes the name
		for t := p.Start; t < p.End && t < p.Start+6; t++ {
			tk := d.Tokens[t]
			if tk.Text == "," {
				c = t
				break
			}
			if !capitalised(tk.Text) && !lowerInName[tk.Text] || tk.Quote != 0 {
				break
			}
		}
		if c <= p.Start || c+2 >= p.End || !isVerbTag(d.Tokens[c+1].POS) {
			continue
		}
		src := attribute.Range{Start: p.Start, End: c}
		f.Pieces = []attribute.Range{{Start: f.Source.Start, End: f.Source.End - 1}, {Start: c + 1, End: p.End}}
		f.Content = attribute.Range{Start: f.Source.Start, End: p.End}
		f.Source = src
	}
}

// swapInvertedDescription turns round a report written "clause, claimed
// the union organisation." that came out with the clause's first word
// as the source and the description after the cue as the content: a
// content of at most six lower-case words that opens with a determiner,
// names something that can speak and runs from the cue to the
// sentence's end or to a comma before an aside on the clause, after a
// comma and a clause of five words or more.
func swapInvertedDescription(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Cue.Empty() || f.Cue.End-f.Cue.Start != 1 ||
			!invertibleCues[strings.ToLower(d.Tokens[f.Cue.Start].Text)] || f.Source.End > f.Cue.Start {
			continue
		}
		p := f.Pieces[0]
		c := f.Cue.Start - 1
		// (the description may be followed by a comma and an aside on the
		// clause: "..., said the report, the highest total sold to date")
		aside := false
		relEnd := -1 // the end of a relative clause on the description
		for t := p.Start + 1; t < p.End && t <= p.Start+6; t++ {
			if d.Tokens[t].Text == "," {
				p.End, aside = t, true
				break
			}
			// (or by a relative clause to the sentence's end: "..., says
			// the boss of the organisation that cleared them of missing a
			// drugs test")
			if lw := lowerOf(d.Tokens[t].Text); (lw == "that" || lw == "who" || lw == "which") && t > p.Start+1 && strings.HasPrefix(d.Tokens[t-1].POS, "NN") {
				e := d.Sents[d.Tokens[t].Sent].Last
				for e > t && isPunctWord(d.Tokens[e-1].Text) {
					e--
				}
				if e == p.End || e+1 == p.End && isPunctWord(d.Tokens[e].Text) {
					p.End, relEnd = t, e
				}
				break
			}
		}
		if p.Start != f.Cue.End || p.End-p.Start > 6 || p.End-p.Start < 2 || c < 5 || d.Tokens[c].Text != "," ||
			!determiners[strings.ToLower(d.Tokens[p.Start].Text)] {
			continue
		}
		sent := d.Tokens[p.Start].Sent
		first := d.Sents[sent].First
		if end := d.Sents[sent].Last; !aside && relEnd < 0 && p.End < end && !isPunctWord(d.Tokens[p.End].Text) || c-first < 5 || f.Source.Start < first {
			continue
		}
		words := make([]string, 0, p.End-p.Start)
		ok := true
		for t := p.Start; t < p.End; t++ {
			tk := d.Tokens[t]
			// (a name may modify the head: "say the Bucharest side")
			if capitalised(tk.Text) && (t == p.Start || t == p.End-1) || tk.Quote != 0 || isVerbTag(tk.POS) && !capitalised(tk.Text) || strings.EqualFold(tk.Text, "that") {
				ok = false
				break
			}
			words = append(words, tk.Text)
		}
		if !ok || !resolve.SpeakingWordIn(strings.Join(words, " ")) {
			continue
		}
		f.Source = attribute.Range{Start: p.Start, End: p.End}
		if relEnd > 0 {
			f.Source.End = relEnd
		}
		if w := strings.ToLower(d.Tokens[first].Text); (w == "but" || w == "and" || w == "yet" || w == "so") && first+1 < c {
			first++ // "But the percentage ... “hardly changed”, said its chief executive"
		}
		f.Pieces = []attribute.Range{{Start: first, End: c}}
		if end := d.Sents[sent].Last; aside && p.End+1 < end && isVerbTag(d.Tokens[p.End+1].POS) {
			// the clause goes on after the aside: "The only parts that would
			// keep going, said the operators of the site, were the forums"
			e := end
			for e > p.End+1 && isPunctWord(d.Tokens[e-1].Text) {
				e--
			}
			f.Pieces = append(f.Pieces, attribute.Range{Start: p.End + 1, End: e})
		}
		f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[len(f.Pieces)-1].End}
	}
}

// swapAppositiveSource turns round a report written "CLAIM, the source,
// who said he had spoken to people inside, told Reuters." that came out
// with the claim's subject speaking and the source with its relative
// clause said: a piece right before the cue that opens with a
// determiner and a noun that can speak, then a comma and "who", after a
// comma that ends the claim.
func swapAppositiveSource(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Cue.Empty() {
			continue
		}
		p := f.Pieces[0]
		if gap := f.Cue.Start - p.End; gap < 0 || gap > 1 || gap == 1 && d.Tokens[p.End].Text != "," ||
			f.Source.End > p.Start || p.Start < 2 || d.Tokens[p.Start-1].Text != "," || p.End-p.Start < 5 {
			continue
		}
		if !determiners[strings.ToLower(d.Tokens[p.Start].Text)] {
			continue
		}
		comma := -1 // the comma before "who"
		for t := p.Start + 1; t < p.End-1 && t <= p.Start+4; t++ {
			if d.Tokens[t].Text == "," {
				comma = t
				break
			}
		}
		if comma < 0 || !strings.EqualFold(d.Tokens[comma+1].Text, "who") ||
			!resolve.SpeakingWordIn(d.Text[d.Tokens[p.Start].Start:d.Tokens[comma-1].End]) {
			continue
		}
		if d.Tokens[f.Source.Start].Sent != d.Tokens[p.Start].Sent || p.Start-1-f.Source.Start < 5 {
			continue
		}
		end := p.End
		if d.Tokens[end-1].Text == "," {
			end--
		}
		claim := attribute.Range{Start: f.Source.Start, End: p.Start - 1}
		f.Source = attribute.Range{Start: p.Start, End: end}
		f.Pieces = []attribute.Range{claim}
		f.Content = claim
	}
}

// swapInvertedNounPhrase turns round a report written "clause, say
// analysts Jupiter Research." that came out with the clause speaking and
// the speakers said ("The popularity of the net has meant ..., say
// analysts Jupiter Research", "..., say researchers at BDO Stoy
// Hayward", "..., say two reports", "..., say industry experts, who
// gathered at ..."): a content of at most eight words with no verb, from
// the cue to the sentence's end or a comma, naming something that can
// speak or a name, after a comma that closes a clause (a verb in it) of
// five words or more.
func swapInvertedNounPhrase(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Cue.Empty() || f.Cue.End-f.Cue.Start != 1 || f.Source.End != f.Cue.Start {
			continue
		}
		if lw := lowerOf(d.Tokens[f.Cue.Start].Text); !invertibleCues[lw] && lw != "say" {
			continue
		}
		p, c := f.Pieces[0], f.Cue.Start-1
		if p.Start != f.Cue.End || c-f.Source.Start < 5 || d.Tokens[c].Text != "," {
			continue
		}
		end := p.Start // the noun phrase: to the sentence's end or a comma
		for end < p.End && end < p.Start+9 && !isPunctWord(d.Tokens[end].Text) {
			end++
		}
		sent := d.Tokens[p.Start].Sent
		if end == p.Start || end-p.Start > 8 || end < d.Sents[sent].Last && d.Tokens[end].Text != "," && d.Tokens[end].Text != "." {
			continue
		}
		ok, verb := true, false
		for t := p.Start; t < end; t++ {
			tk := d.Tokens[t]
			if tk.Quote != 0 || isVerbTag(tk.POS) && !capitalised(tk.Text) || strings.EqualFold(tk.Text, "that") {
				ok = false
				break
			}
		}
		for t := f.Source.Start; t < c && !verb; t++ {
			verb = isVerbTag(d.Tokens[t].POS)
		}
		if !ok || !verb || !resolve.SpeakingWordIn(d.Text[d.Tokens[p.Start].Start:d.Tokens[end-1].End]) {
			continue
		}
		f.Pieces = []attribute.Range{{Start: f.Source.Start, End: c}}
		f.Content = f.Pieces[0]
		f.Source = attribute.Range{Start: p.Start, End: end}
	}
}

// quoteBeforeSource gives "“...,” one user wrote on the forum" its
// quote: the model took the place written on ("the forum") for the
// content and "wrote on" for the cue, and the quote was left to whoever
// spoke before. A cue of a plain verb of saying and a preposition whose
// content follows it, after a short source that comes right after a
// quote closing on a comma, is the verb alone, and the quote its content.
func quoteBeforeSource(d *doc.Doc, found []attribute.Found) {
	// shortSource: six words at most, or ten for a name and its
	// apposition ("Dr. Feel, an Evolution user,")
	shortSource := func(d *doc.Doc, r attribute.Range) bool {
		n := r.End - r.Start
		if n <= 6 {
			return true
		}
		if n > 10 || !capitalised(d.Tokens[r.Start].Text) {
			return false
		}
		for k := r.Start + 1; k < r.End-1; k++ {
			if d.Tokens[k].Text == "," {
				return determiners[strings.ToLower(d.Tokens[k+1].Text)]
			}
		}
		return false
	}
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Source.End != f.Cue.Start || f.Pieces[0].Start != f.Cue.End ||
			f.Source.Start < 3 || !shortSource(d, f.Source) || !cueLemmaIn(d.Tokens[f.Cue.Start].Text, plainSayingVerbs) {
			continue
		}
		// the preposition ends the cue ("wrote on"), or opens the content
		// found ("says | to me before I leave the lab")
		switch f.Cue.End - f.Cue.Start {
		case 2:
			if !placePrepositions[strings.ToLower(d.Tokens[f.Cue.Start+1].Text)] {
				continue
			}
		case 1:
			if p := f.Pieces[0]; p.End-p.Start < 2 || !placePrepositions[strings.ToLower(d.Tokens[p.Start].Text)] || d.Tokens[p.Start].Quote != 0 {
				continue
			}
		default:
			continue
		}
		quote, ok := quoteClosingBefore(d, f.Source.Start)
		if !ok {
			continue
		}
		f.Cue.End = f.Cue.Start + 1
		f.Content = quote
		f.Pieces = []attribute.Range{f.Content}
	}
}

// placePrepositions follow a verb of saying before where or what about
// it was said ("wrote on the forum", "complained about the price").
var placePrepositions = wordSet("on about in at to over from during via")

// plainSayingVerbs say that words were spoken or written, nothing more.
var plainSayingVerbs = wordSet("say tell write add complain reply explain insist post tweet comment")

// modalOutOfSource gives the cue back a modal the source took ("he will"
// | "say": the "he" went unresolved, and quotes after it took a speaker
// from paragraphs away): a source of two words or more ending in a modal
// right before its cue.
func modalOutOfSource(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End != f.Cue.Start || f.Source.End-f.Source.Start < 2 {
			continue
		}
		if !modals[d.Tokens[f.Source.End-1].Text] {
			continue // (lower case only: "Theresa May")
		}
		f.Source.End--
		f.Cue.Start--
	}
}

// titleOutOfCue gives back to the content a person's title (or a
// number's hedge: "said about 8,500 vehicles") the cue took after its
// verb ("Pountney criticised referee Steve Lander's
// performance": the cue is "criticised", the referee is what was
// criticised): a last cue word in lower case that names a person, right
// before a capitalised name that opens the content.
func titleOutOfCue(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Cue.End-f.Cue.Start < 2 || len(f.Pieces) == 0 || f.Pieces[0].Start != f.Cue.End || f.Cue.End >= len(d.Tokens) {
			continue
		}
		last := d.Tokens[f.Cue.End-1]
		lw := strings.ToLower(last.Text)
		if (lw == "about" || lw == "around" || lw == "nearly" || lw == "almost") && d.Tokens[f.Cue.End].POS == "CD" {
			// a number's hedge: "said about 8,500 vehicles had arrived"
			f.Cue.End--
			f.Pieces[0].Start--
			if f.Content.Start == f.Cue.End+1 {
				f.Content.Start--
			}
			continue
		}
		if capitalised(last.Text) || !resolve.PersonNoun(lw) || !capitalised(d.Tokens[f.Cue.End].Text) ||
			strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || last.POS == "VBD" || last.POS == "VBN" || last.POS == "VBZ" || last.POS == "VBG" ||
			!isVerbTag(d.Tokens[f.Cue.End-2].POS) {
			continue // "has accused Tony Blair": the verb itself, "the accused" aside
		}
		f.Cue.End--
		f.Pieces[0].Start--
		if f.Content.Start == f.Cue.End+1 {
			f.Content.Start--
		}
	}
}

// sourceInContent gives a quotation the speaker written after it when
// the model read the speaker into the content and left the source empty
// ("“... the status quo,” Mr. Labrador, a former immigration lawyer
// elected in the Tea Party wave of 2010, said in a statement": the long
// apposition hid the source): the piece that ends at the cue ends at the
// quotation's close, and the words from the name after it to the cue are
// the source.
func sourceInContent(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 || f.Cue.Empty() {
			continue
		}
		// the piece that ends at the cue, or at a source that is the
		// tail of the speaker's apposition ("“...,” Rep. Jerrold Nadler,
		// D-N.Y., the former chairman of the subcommittee on the
		// Constitution, | Civil Rights and Civil Liberties, | told")
		at, srcEnd := f.Cue.Start, -1
		if !f.Source.Empty() {
			if f.Source.End != f.Cue.Start || f.Source.Start < 1 || d.Tokens[f.Source.Start-1].Text != "," {
				continue
			}
			at, srcEnd = f.Source.Start, f.Source.End
		}
		var last *attribute.Range
		for k := range f.Pieces {
			if p := &f.Pieces[k]; p.End == at || p.End+1 == at && d.Tokens[p.End].Text == "," {
				last = p
			}
		}
		if last == nil {
			continue
		}
		// the last closing mark inside the piece, followed by a comma
		// (after it or inside the quote) and a capitalised word
		q := -1
		for t := last.End - 1; t > last.Start && t >= last.End-scanLimit; t-- {
			if d.Tokens[t].Quote != 0 {
				q = t
				break
			}
		}
		if q < 0 || q+2 >= last.End {
			continue
		}
		n := q + 1
		if d.Tokens[n].Text == "," {
			n++
		}
		if n >= last.End || !capitalised(d.Tokens[n].Text) || d.Tokens[n].Quote != 0 {
			continue
		}
		src := attribute.Range{Start: n, End: last.End}
		if srcEnd > 0 {
			src.End = srcEnd
			if hasFiniteVerb(d, src) {
				continue // "Labour had broken promises ..., he said": a clause, no apposition
			}
		}
		for src.End > src.Start && d.Tokens[src.End-1].Text == "," {
			src.End--
		}
		if src.End-src.Start < 2 || src.End-src.Start > 40 {
			continue
		}
		f.Source = src
		last.End = q + 1
		f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[len(f.Pieces)-1].End}
	}
}

// invertibleCues are the verbs a reporter writes before the speaker
// ("..., says the institute").
var invertibleCues = wordSet("said says added adds wrote writes reported reports noted notes warned warns claimed claims " +
	"argued argues explained explains insisted insists estimated estimates")

// scanLimit bounds how many tokens the rules here read from a piece's
// edge: news sentences are far shorter, and a page of one endless
// sentence must stay linear.
const scanLimit = 400

// addresseeCues take the people told as an object before "that".
// toWhomVerbs say something to someone with "to" ("reported to the
// officers that"), unlike "pointed to" or "agreed to".
var toWhomVerbs = wordSet("reported reports said says explained explains admitted admits confessed confesses " +
	"complained complains mentioned mentions described describes stated states announced announces revealed reveals " +
	"disclosed discloses confirmed confirms conceded concedes boasted boasts bragged brags lied lies")

var addresseeCues = wordSet("tell tells told telling warn warns warned warning assure assures assured assuring " +
	"remind reminds reminded reminding inform informs informed informing notify notifies notified notifying " +
	"advise advises advised advising caution cautions cautioned cautioning reassure reassures reassured reassuring " +
	"convince convinces convinced convincing persuade persuades persuaded persuading promise promises promised promising " +
	"brief briefs briefed briefing email emails emailed e-mailed texted wrote write writes writing")

var cuePrepositions = wordSet("on in to at with")

// saysAtVenue reports whether a cue that ends in a preposition says where
// or to whom words were said ("said in a statement to", "also states on",
// "declaring at", "pointed out to"), not what was pointed to or called
// for ("pointed to the fact that", "called on ministers to").
func saysAtVenue(d *doc.Doc, cue attribute.Range) bool {
	for t := cue.Start; t < cue.End; t++ {
		if venueSayWords[strings.ToLower(d.Tokens[t].Text)] {
			return true
		}
	}
	return false
}

var venueSayWords = wordSet("said says say states stated wrote writes declared declaring told statement interview out")

// addresseeEnd is where the content starts when a piece that opens right
// after an addressee cue holds the people told and then "that" (p.Start
// when it does not).
func addresseeEnd(d *doc.Doc, cue attribute.Range, p attribute.Range) int {
	// (a cue that ends in a preposition has its object before "that":
	// "also states on his website that")
	last := strings.ToLower(d.Tokens[cue.End-1].Text)
	// (and one that ends in "to" has whom it was said to: "reported to
	// the responding officers that")
	if !addresseeCues[last] && !(cuePrepositions[last] && saysAtVenue(d, cue)) && !(last == "to" && cue.End-cue.Start >= 2 && toWhomVerbs[strings.ToLower(d.Tokens[cue.Start].Text)]) || p.Start != cue.End {
		return p.Start
	}
	for t := p.Start; t < p.End && t < p.Start+12; t++ {
		tk := d.Tokens[t]
		if strings.EqualFold(tk.Text, "that") {
			if t == p.Start || t+1 >= p.End {
				return p.Start
			}
			return t
		}
		if tk.POS == "IN" && t > p.Start && timePhraseAt(d, t+1, p.End) {
			continue // when it was said: "reported to church authorities as early as 2002 that"
		}
		if tk.POS == "IN" && t > p.Start && speechNounAt(d, t+1, p.End) {
			continue // how it was said: "warned his priests in a letter that"
		}
		if tk.Quote != 0 || isPunctWord(tk.Text) || isClauseTag(tk.POS) || tk.POS == "IN" && !strings.EqualFold(tk.Text, "of") || tk.POS == "WDT" || tk.POS == "WP" ||
			t >= p.Start+8 && !timeWordAt(d, t) {
			return p.Start
		}
	}
	return p.Start
}

// addresseeNoThat is where the content starts when the people told come
// right after an addressee cue with no "that" after them, and the model
// started the content inside them: "told Labour members the Tories
// offered" (content "members the Tories ..."), "told BBC Radio 4's Today
// Programme it was not fair", "has promised him he wants to stay". The
// people told are an object pronoun, or capitalised words (a
// possessive and a number among them) and perhaps one plural noun of
// people; a subject must follow them. p.Start when it does not apply.
func addresseeNoThat(d *doc.Doc, cue attribute.Range, p attribute.Range) int {
	last := strings.ToLower(d.Tokens[cue.End-1].Text)
	if !addresseeCues[last] || p.Start > cue.End+6 {
		return p.Start
	}
	k := cue.End
	if m := toldOutletEnd(d, k, p.End); m > k {
		return m
	}
	switch {
	case k < len(d.Tokens) && objectPronouns[strings.ToLower(d.Tokens[k].Text)]:
		k++
	case k < len(d.Tokens) && capitalised(d.Tokens[k].Text):
		for k < len(d.Tokens) && k < cue.End+8 && (capitalised(d.Tokens[k].Text) || d.Tokens[k].POS == "POS" || d.Tokens[k].Text == "'s" || d.Tokens[k].Text == "’s" || d.Tokens[k].POS == "CD") && d.Tokens[k].Quote == 0 {
			k++
		}
		if k < len(d.Tokens) && (d.Tokens[k].POS == "NNS" && resolve.PersonNoun(strings.ToLower(strings.TrimSuffix(d.Tokens[k].Text, "s"))) || mediaWords[strings.ToLower(d.Tokens[k].Text)]) {
			k++ // "Labour members", "BBC reporters", "Today programme"
		}
	default:
		return p.Start
	}
	if k <= p.Start || k >= p.End || k >= len(d.Tokens) {
		return p.Start
	}
	switch lw := strings.ToLower(d.Tokens[k].Text); {
	case subjectPronouns[lw], lw == "it" || lw == "you" || lw == "the" || lw == "a" || lw == "an" || lw == "there":
		return k
	}
	return p.Start
}

var mediaWords = wordSet("programme program show newspaper paper website magazine channel")

// toldOutletEnd is where a clause starts after a news outlet told
// something with no "that" ("told the BBC progress had been made", "told
// the BBC News website the party avoided", "told the Associated Press
// news agency the deal was", "told the BBC World Service programme Go
// Digital he hoped"), the outlet starting at token k; k when no outlet
// of qualify's lists stands there or no clause follows it before end.
// The outlet is the relay, not what was said.
func toldOutletEnd(d *doc.Doc, k, end int) int {
	toks := d.Tokens
	s := k
	// (with no "the" the capitalised run of addresseeNoThat reads it:
	// "told BBC Radio 4's Today programme it was")
	if s >= end || !strings.EqualFold(toks[s].Text, "the") {
		return k
	}
	s++
	name := ""
	j := -1 // the outlet's name is toks[s:j]
	for t := s; t < end && t < s+5 && capitalised(toks[t].Text) && toks[t].Quote == 0; t++ {
		if name != "" {
			name += " "
		}
		name += toks[t].Text
		if qualify.IsMedia("the " + name) {
			j = t + 1
		}
	}
	if j < 0 {
		return k
	}
	// what of the outlet: "'s Talking Point programme", "World Service
	// programme Go Digital", "News website", "news agency", "newspaper"
	t := j
	if t < end && (toks[t].Text == "'s" || toks[t].Text == "’s") {
		t++
	}
	u := t
	for u < end && u < t+4 && capitalised(toks[u].Text) && toks[u].Quote == 0 {
		u++
	}
	if u < end && strings.EqualFold(toks[u].Text, "news") && u+1 < end && strings.EqualFold(toks[u+1].Text, "agency") {
		u++
	}
	if u < end && (mediaWords[strings.ToLower(toks[u].Text)] || strings.EqualFold(toks[u].Text, "agency")) {
		j = u + 1
		// the programme's name after its kind, before a subject
		v := j
		for v < end && v < j+4 && capitalised(toks[v].Text) && toks[v].Quote == 0 {
			v++
		}
		if v > j && v < end && subjectPronouns[strings.ToLower(toks[v].Text)] {
			j = v
		}
	} else if t > j {
		return k // "the BBC's Mark Mardell": a person of the outlet
	}
	if j >= end {
		return k
	}
	// a clause follows: its subject, not "of", "about", "that" or a verb
	nx := toks[j]
	lw := strings.ToLower(nx.Text)
	switch {
	case nx.Quote != 0 || isPunctWord(nx.Text) || lw == "that" || nx.POS == "IN" || nx.POS == "TO" || strings.HasPrefix(nx.POS, "VB") || nx.POS == "MD":
		return k
	}
	return j
}

// timePhraseAt reports whether a time is named within three tokens from
// t (before end): "early as 2002", "last week", "Monday".
func timePhraseAt(d *doc.Doc, t, end int) bool {
	for k := t; k < end && k < t+3; k++ {
		if timeWordAt(d, k) {
			return true
		}
	}
	return false
}

// speechNounAt reports whether a speech noun follows within three tokens
// from t (before end): "a letter", "an email", "a statement".
func speechNounAt(d *doc.Doc, t, end int) bool { return wordWithin(d, t, end, 3, speechNouns) }

// timeWordAt reports whether token t names or fixes a time: a number, a
// day or period word, "early", "late", "last".
func timeWordAt(d *doc.Doc, t int) bool {
	tk := d.Tokens[t]
	lw := strings.ToLower(tk.Text)
	return tk.POS == "CD" || timeWords[lw] || lw == "early" || lw == "earlier" || lw == "late" || lw == "later" || lw == "last" || lw == "as" || lw == "in" || lw == "on"
}

// asideEnd is where a content piece after its cue resumes when the
// source and cue are an aside set off by commas ("Progressivism, he told
// the Conservative Political Action Conference, is a cancer") and the
// piece starts inside the aside (p.Start when it does not).
func asideEnd(d *doc.Doc, f *attribute.Found, p attribute.Range) int {
	// the piece must start past the cue's first words: the model saw
	// something there that is no content (a piece that starts right
	// after the cue, "said that Yugansk, which was ...", is left alone)
	if f.Source.Start < 1 || d.Tokens[f.Source.Start-1].Text != "," || f.Cue.Start < f.Source.End || p.Start == f.Cue.End {
		return p.Start
	}
	sent := d.Tokens[f.Source.Start].Sent
	for t := f.Cue.End; t < p.End && t < f.Cue.End+10; t++ {
		tk := d.Tokens[t]
		if tk.Sent != sent || tk.Quote != 0 || isVerbTag(tk.POS) {
			return p.Start
		}
		if tk.Text == "," {
			if t < p.Start || t+1 >= p.End {
				return p.Start
			}
			return t + 1
		}
	}
	return p.Start
}

// asideLead is the subject a content opens with before an aside of its
// source and cue ("Progressivism, he told the conference, is a cancer"):
// from the sentence's start to the comma before the source, when those
// words are a plain noun phrase (not "On Tuesday," or "In Washington,").
func asideLead(d *doc.Doc, f *attribute.Found) (attribute.Range, bool) {
	c := f.Source.Start - 1
	first := d.Sents[d.Tokens[c].Sent].First
	if c <= first || c-first > 12 {
		return attribute.Range{}, false
	}
	for t := first; t < c; t++ {
		tk := d.Tokens[t]
		if tk.Quote != 0 || timeWords[strings.ToLower(tk.Text)] {
			return attribute.Range{}, false
		}
		switch tk.POS {
		case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "PRP$", "POS", "CD", "CC":
		default:
			return attribute.Range{}, false
		}
	}
	return attribute.Range{Start: first, End: c}, true
}

var timeWords = wordSet("yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday " +
	"morning afternoon evening night week month year weekend day days weeks months years time")

// colonLead is where a piece starts when it opens with a few words of
// the writer's and a colon before a quotation that runs to its end ("her
// Facebook post: “Please like and share”").
func colonLead(d *doc.Doc, p attribute.Range) int {
	for t := p.Start; t < p.End-2 && t < p.Start+8; t++ {
		tk := d.Tokens[t]
		if tk.Quote != 0 || isClauseTag(tk.POS) {
			return p.Start
		}
		if tk.Text == ":" {
			q := d.Tokens[t+1]
			if q.Quote == 0 || d.Tokens[p.End-1].Quote != q.Quote || !isOpeningMark(q.Text) {
				return p.Start
			}
			return t + 1
		}
	}
	return p.Start
}

// clauseOpeners open a clause of time, condition or concession before the
// main clause.
// ("As Paul wrote for The Post, the questions are ..." is another shape:
// the main clause is what was written).
var clauseOpeners = wordSet("when after before while if once since until because although though whenever")

// clauseEnd is where the last piece ends when the report sits in a
// clause that opens its sentence ("When Mr. Shulman said he had, Mr.
// Jordan produced records"): at the clause's comma, outside quotes (p.End
// when it does not).
func clauseEnd(d *doc.Doc, f *attribute.Found, p attribute.Range) int {
	if f.Source.Empty() || p.Start != f.Cue.End {
		return p.End
	}
	first := d.Sents[d.Tokens[f.Source.Start].Sent].First
	if f.Source.Start != first+1 || !clauseOpeners[strings.ToLower(d.Tokens[first].Text)] || f.Source.End-f.Source.Start > 6 {
		return p.End
	}
	for t := f.Source.Start; t < f.Source.End; t++ {
		if tk := d.Tokens[t]; tk.Text == "," || isVerbTag(tk.POS) {
			return p.End // "While details were scant, Mr Gates," is no plain subject
		}
	}
	for t := p.Start + 1; t < p.End-1 && t < p.Start+scanLimit; t++ {
		if tk := d.Tokens[t]; tk.Text == "," && tk.Quote == 0 && opensMainClause(d.Tokens[t+1]) {
			return t
		}
		// the clause's comma inside the quote that closes it: "While
		// the indictment lists the firm as “Corporation A,” a simple
		// search reveals ..." ends with the quote
		if tk := d.Tokens[t]; tk.Quote != 0 && d.Tokens[t+1].Quote == 0 && doc.IsQuoteToken(tk.Text) && d.Tokens[t-1].Text == "," && opensMainClause(d.Tokens[t+1]) {
			return t + 1
		}
	}
	return p.End
}

// opensMainClause reports whether a token after a comma can open the
// main clause after a clause of time or condition: a subject ("Mr.
// Jordan", "others", "the most recent surveys", "he"), "then" or a
// question word ("why would officials agree"); not a list's next item or
// "no matter how".
func opensMainClause(t doc.Token) bool {
	lw := strings.ToLower(t.Text)
	switch {
	case lw == "no" || lw == "and" || lw == "or" || lw == "but":
		return false
	case lw == "then":
		return true
	}
	switch t.POS {
	case "PRP", "DT", "PRP$", "NNP", "NNPS", "NNS", "CD", "WRB", "WP":
		return true
	}
	return false
}

// dashHandover is where a piece ends when a dash outside quotes hands
// over to a new report of the same kind ("-- he said he still plans"),
// p.End when it does not.
func dashHandover(d *doc.Doc, p attribute.Range) int {
	for t := p.Start + 1; t < p.End-2 && t < p.Start+scanLimit; t++ {
		tk := d.Tokens[t]
		if tk.Quote != 0 || tk.Text != "--" && tk.Text != "—" && tk.Text != "–" {
			continue
		}
		for u := t + 2; u < p.End && u <= t+4; u++ {
			if saysWord[strings.ToLower(d.Tokens[u].Text)] {
				return t
			}
			if isPunctWord(d.Tokens[u].Text) {
				break
			}
		}
	}
	return p.End
}

var saysWord = wordSet("said says added adds told tells wrote writes insisted insists argued argues")

func isVerbTag(pos string) bool {
	switch pos {
	case "VB", "VBD", "VBP", "VBZ", "VBG", "VBN", "MD":
		return true
	}
	return false
}

func isPunctWord(t string) bool {
	for _, r := range t {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && !strings.ContainsRune("“”‘’—–«»„", r) {
			return false
		}
	}
	return t != ""
}

// endAtNextReport ends a content that runs on into the next report of the
// same sentence ("why the administration initially claimed the attack
// was the result of a protest, Biden explained “the intelligence
// community told us that.”" came out with Biden's words in the
// administration's content): when another attribution's source opens
// after a comma inside the piece, with its cue after the source and its
// content after the cue, the piece ends at that comma.
func endAtNextReport(d *doc.Doc, found []attribute.Found) {
	bySource := sourceStarts(found)
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Start < f.Cue.End {
			continue
		}
		// the commas inside the piece, each with the reports whose source
		// opens after it (at most scanLimit tokens: a page of one endless
		// sentence stays linear)
	commas:
		for c := p.Start + 1; c < p.End-1 && c < p.Start+scanLimit; c++ {
			conj, reach := false, 0
			switch {
			case lowerIs(d.Tokens[c].Text, "but"):
				conj, reach = true, 8 // "insisted that a comeback was unlikely, but speaking in Thailand Hingis admitted:"
			default:
				if d.Tokens[c].Text != "," {
					continue
				}
			}
			var starts []int
			if conj {
				for k := c + 1; k < p.End && k <= c+reach && d.Tokens[k].Sent == d.Tokens[c].Sent; k++ {
					if t := strings.ToLower(d.Tokens[k].Text); t == "," || t == "and" || t == "but" {
						break // (a report after a comma or another conjunction is cut there)
					}
					starts = append(starts, bySource[k]...)
				}
			} else {
				starts = bySource[c+1]
			}
			for _, j := range starts {
				g := &found[j]
				if j == i || g.Cue.Empty() || g.Content.Empty() || g.Cue.Start < g.Source.End || g.Content.Start < g.Cue.End {
					continue
				}
				if g.Cue.End < len(d.Tokens) && d.Tokens[g.Cue.End].Text == "," {
					continue // an aside: "a by-product, he claims, of the Tories"
				}
				if d.Tokens[c].Quote != 0 || d.Tokens[c].Sent != d.Tokens[p.Start].Sent ||
					!clauseBefore(d, p.Start, c) || !plainSource(d, g.Source) {
					continue
				}
				end := c
				if t := d.Tokens[end-1].Text; conj && (t == "," || isDash(t)) {
					end--
				}
				p.End = end
				f.Content.End = end
				break commas
			}
		}
	}
}

// thatClauseToItsVerb carries a content that stops at a comma after
// "that" and its subject, before the clause's verb ("claimed in the suit
// that Kemp, while secretary of state, failed to maintain “...”" came
// out as "that Kemp"), on to the end of the sentence: a that-clause with
// no verb says nothing. It stops before another attribution's source or
// cue in the sentence.
func thatClauseToItsVerb(d *doc.Doc, found []attribute.Found) {
	var taken []bool // tokens in a source or cue, made when first needed
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) != 1 {
			continue
		}
		p := &f.Pieces[0]
		if p.Start < f.Cue.End || p.End >= len(d.Tokens) || !strings.EqualFold(d.Tokens[p.Start].Text, "that") {
			continue
		}
		if subordinateOnly(d, *p) {
			// "said that while airlines would comply with the new rules, |
			// the extra costs would be passed on": the clause of time or
			// condition is no statement without the clause it opens
		} else if p.End-p.Start > 12 || d.Tokens[p.End].Text != "," {
			continue
		} else {
			// (a participle is no verb of the clause's own: "that a
			// share sale made last year, which cut GM's holding, ...
			// have terminated the agreement"; past six words only a
			// finite verb counts)
			verb := false
			for t := p.Start + 1; t < p.End; t++ {
				if pos := d.Tokens[t].POS; finiteVerb(pos) || pos == "VB" || p.End-p.Start <= 6 && isVerbTag(pos) || d.Tokens[t].Quote != 0 {
					verb = true
				}
			}
			if verb {
				continue
			}
		}
		if taken == nil {
			taken = make([]bool, len(d.Tokens))
			for _, g := range found {
				for _, r := range []attribute.Range{g.Source, g.Cue} {
					for t := max(r.Start, 0); t < r.End && t < len(taken); t++ {
						taken[t] = true
					}
				}
			}
		}
		sn := d.Sents[d.Tokens[p.Start].Sent]
		end := p.End
		for t := p.End; t < sn.Last && t < p.Start+scanLimit && !taken[t]; t++ {
			end = t + 1
		}
		for end > p.End && isPunctWord(d.Tokens[end-1].Text) && d.Tokens[end-1].Quote == 0 {
			end--
		}
		if end <= p.End+2 {
			continue
		}
		p.End = end
		f.Content.End = max(f.Content.End, end)
	}
}

// subordinateOnly reports whether the piece p is "that", a subordinator
// and its clause, with no comma inside, ending at a comma or a dash
// ("that if the embargo is lifted", "that although the Act does not
// provide exemptions for foreign firms"): the main clause is still to
// come.
func subordinateOnly(d *doc.Doc, p attribute.Range) bool {
	if p.End-p.Start < 3 || p.End-p.Start > 40 || !clauseOpeners[strings.ToLower(d.Tokens[p.Start+1].Text)] {
		return false
	}
	switch d.Tokens[p.End].Text {
	case ",", "-", "--", "—", "–":
	default:
		return false
	}
	for t := p.Start + 2; t < p.End; t++ {
		if d.Tokens[t].Text == "," || d.Tokens[t].Quote != 0 {
			return false
		}
	}
	return true
}

// sourceFromRelative gives back a source's head when the model took as
// the source the last names of a relative clause about it ("Labour’s
// Yvette Cooper MP, who leads the group that includes Nicky Morgan,
// Oliver Letwin, and Nick Boles, said" came out with "Oliver Letwin, and
// Nick Boles," speaking): a source that is the tail of a list of names,
// inside a clause opened by ", who" after a name at the sentence's
// start, right before the cue, is the whole phrase from that name.
func sourceFromRelative(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End != f.Cue.Start || f.Source.Start < 3 {
			continue
		}
		// the source is the tail of a list of names inside the clause:
		// it opens after "Name," and ends with a comma before the cue
		// (or, in a clause opened by ", which", after any comma or "and":
		// "brought by Nebraska’s attorney general, Jon Bruning, and
		// Oklahoma’s attorney general, Scott Pruitt,")
		afterName := d.Tokens[f.Source.Start-1].Text == "," && capitalised(d.Tokens[f.Source.Start-2].Text)
		afterAnd := strings.EqualFold(d.Tokens[f.Source.Start-1].Text, "and") && d.Tokens[f.Source.Start-2].Text == ","
		afterComma := d.Tokens[f.Source.Start-1].Text == ","
		if !afterComma && !afterAnd || !capitalised(d.Tokens[f.Source.Start].Text) || d.Tokens[f.Source.End-1].Text != "," {
			continue
		}
		sn := d.Sents[d.Tokens[f.Source.Start].Sent]
		w := -1
		for t := f.Source.Start - 1; t > sn.First && t > f.Source.Start-scanLimit; t-- {
			tk := d.Tokens[t]
			if tk.Quote != 0 {
				break
			}
			if lw := strings.ToLower(tk.Text); (lw == "who" || lw == "which") && d.Tokens[t-1].Text == "," {
				w = t
			}
		}
		if w < 0 || w-1-sn.First > 10 {
			continue
		}
		which := strings.EqualFold(d.Tokens[w].Text, "which")
		if !afterName && !which && !afterAnd {
			continue
		}
		// the words before ", who": a name, no verb (before ", which"
		// and a list joined by "and", a noun: "The lawsuit, which was
		// brought by ...")
		name := false
		for t := sn.First; t < w-1; t++ {
			tk := d.Tokens[t]
			if isVerbTag(tk.POS) || tk.Quote != 0 {
				name = false
				break
			}
			if capitalised(tk.Text) && t > sn.First || which && strings.HasPrefix(tk.POS, "NN") {
				name = true
			}
		}
		if !name {
			continue
		}
		f.Source.Start = sn.First
	}
}

// sourceFromRelativeObject gives back a source's head when the model took
// as the source the object of a verb inside a relative clause about it
// ("One of the conservative members in the House who wanted to postpone
// the June 19 vote for majority leader quickly indicated" came out with
// "the June 19 vote for majority leader" indicating): a source right
// after a verb, in a clause opened by "who" after a noun phrase that
// opens the sentence, is the whole phrase from the sentence's start.
func sourceFromRelativeObject(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End != f.Cue.Start || f.Source.Start < 3 {
			continue
		}
		if v := d.Tokens[f.Source.Start-1]; !isVerbTag(v.POS) || v.POS == "MD" || auxiliaries[strings.ToLower(v.Text)] {
			continue
		}
		sn := d.Sents[d.Tokens[f.Source.Start].Sent]
		w := -1
		for t := f.Source.Start - 2; t > sn.First && t > f.Source.Start-12; t-- {
			if d.Tokens[t].Quote != 0 || d.Tokens[t].Text == "," {
				break
			}
			if strings.EqualFold(d.Tokens[t].Text, "who") {
				w = t
				break
			}
		}
		if w < 0 || w-sn.First > 12 {
			continue
		}
		// the words before "who": a noun phrase, no verb, no comma
		ok := true
		for t := sn.First; t < w; t++ {
			if tk := d.Tokens[t]; isVerbTag(tk.POS) || tk.Quote != 0 || tk.Text == "," {
				ok = false
				break
			}
		}
		if ok {
			f.Source.Start = sn.First
		}
	}
}

// endAtCoordinatedReport ends a report's content before a second verb
// of saying its subject goes on with ("The EC says the Council will adopt
// a draft version but said it would review ...", "It added that the show
// would support new talent, and said: “...”"): what follows "and said"
// or "but said" is another report, not part of the first's content. A
// verb the extractor found as a cue of its own counts too ("defended Rock
// and confirmed that he would still present the ceremony") when it has
// the same source.
func endAtCoordinatedReport(d *doc.Doc, found []attribute.Found) {
	// the source of the report whose cue opens at a token
	sourceOfCueAt := make(map[int]attribute.Range, len(found))
	for _, f := range found {
		if !f.Cue.Empty() {
			sourceOfCueAt[f.Cue.Start] = f.Source
		}
	}
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Start < f.Cue.End || d.Tokens[p.Start].Quote != 0 || d.Tokens[f.Cue.End-1].Text == ":" || strings.EqualFold(d.Tokens[f.Cue.Start].Text, "according") {
			continue
		}
		if lw := lowerOf(d.Tokens[p.Start].Text); lw == "i" || lw == "we" {
			continue // words in the first person go on in their speaker's voice
		}
		for c := p.Start + 2; c < p.End-1 && c < p.Start+scanLimit; c++ {
			tk := d.Tokens[c]
			lw := lowerOf(tk.Text)
			if tk.Quote != 0 || lw == "who" || lw == "which" {
				break // a quotation inside is the speaker's own words; a relative clause goes on with its own subject
			}
			if lw != "and" && lw != "but" {
				continue
			}
			v := c + 1
			if v < p.End && d.Tokens[v].POS == "RB" {
				v++
			}
			if v >= p.End || !coordinatedReportVerbs[lowerOf(d.Tokens[v].Text)] && !sameSourcedCue(d, sourceOfCueAt, v, f) {
				continue
			}
			end := c
			if t := d.Tokens[end-1].Text; t == "," || isDash(t) {
				end--
			}
			p.End = end
			f.Content.End = min(f.Content.End, end)
			break
		}
	}
}

// sameSourcedCue reports whether the verb at token v is the cue of a
// report with the same written source as f's, in the same tense as f's
// cue and no auxiliary: the subject goes on with a second report, not
// the content's subject with its own verb ("inflation fell to 4.3% and
// is expected to remain", "contend that executives met and agreed to
// ..." stay whole).
func sameSourcedCue(d *doc.Doc, sourceOfCueAt map[int]attribute.Range, v int, f *attribute.Found) bool {
	other, ok := sourceOfCueAt[v]
	if !ok || f.Source.Empty() || other != f.Source {
		return false
	}
	tag := d.Tokens[v].POS
	if tag != "VBD" && tag != "VBZ" && tag != "VBP" || auxiliaries[strings.ToLower(d.Tokens[v].Text)] {
		return false
	}
	for k := f.Cue.End - 1; k >= f.Cue.Start; k-- {
		if c := d.Tokens[k].POS; c == "VBD" || c == "VBZ" || c == "VBP" {
			return c == tag || c != "VBD" && tag != "VBD"
		}
	}
	return false
}

// coordinatedReportVerbs are past and present tenses of saying that a
// subject can go on with after "and" or "but" ("told" not: "Paul Ryan
// called him and told him" goes on in the content's own clause).
var coordinatedReportVerbs = wordSet("said says added adds warned warns insisted insists argued argues " +
	"stressed stresses noted notes claimed claims admitted admits denied denies")

// sourceStarts indexes attributions by the token their source opens at.
func sourceStarts(found []attribute.Found) map[int][]int {
	m := make(map[int][]int, len(found))
	for j, g := range found {
		if !g.Source.Empty() {
			m[g.Source.Start] = append(m[g.Source.Start], j)
		}
	}
	return m
}

// clauseBefore reports whether tokens s..c (the words before a comma) are
// a clause of their own: a finite verb among them, no comma, and no
// opening subordinator ("that since only a third of children do sport,
// the government is promising" goes on past the comma; "by 2008, he
// wanted" has no verb before it).
func clauseBefore(d *doc.Doc, s, c int) bool {
	if c-s > scanLimit {
		return false
	}
	k := s
	if strings.EqualFold(d.Tokens[k].Text, "that") {
		k++
	}
	if k < c && (subordinators[strings.ToLower(d.Tokens[k].Text)] || clauseOpeners[strings.ToLower(d.Tokens[k].Text)]) {
		return false
	}
	verb := false
	for t := k; t < c; t++ {
		tk := d.Tokens[t]
		if tk.Text == "," || tk.Text == ";" || tk.Text == ":" {
			return false
		}
		if tk.Quote == 0 && (isVerbTag(tk.POS) && tk.POS != "VBG" && tk.POS != "VBN" || tk.POS == "" && t > k) {
			verb = true
		}
	}
	return verb
}

// plainSource reports whether a source can open a new report after a
// comma: not a pronoun of the speaker's own words or a relative one ("the man, who later disappeared,
// claimed") and not a list ("Google, Amazon, eBay and Yahoo showed").
func plainSource(d *doc.Doc, src attribute.Range) bool {
	switch strings.ToLower(d.Tokens[src.Start].Text) {
	case "who", "which", "that", "whom", "whose", "i", "we", "you":
		// nor a speaker's own "I think" inside what is said
		return false
	}
	for t := src.Start; t < src.End; t++ {
		if lw := strings.ToLower(d.Tokens[t].Text); lw == "," || lw == "and" || lw == "or" {
			return false
		}
	}
	return true
}

// relativeClauseEnd ends the content of a report made in a relative
// clause where the clause closes and the main clause's verb resumes
// ("The congressman, who described the incident as “mischief,”
// continued to allege" is "the incident as “mischief,”"): a source that
// is "who" or "which" after a comma, or a participle cue in an aside
// after the subject that opens the sentence ("The post below, claiming
// ..., had been removed"), and a comma in the content (or a closing
// quote mark just after one) followed by a finite verb.
func relativeClauseEnd(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		// (or a participle aside right after its subject: "The post
		// below, claiming a person was fired for the actions against
		// Richard, had been removed")
		participle := !f.Source.Empty() && f.Cue.Start >= 2 && f.Cue.End-f.Cue.Start == 1 && d.Tokens[f.Cue.Start].POS == "VBG" &&
			d.Tokens[f.Cue.Start-1].Text == "," && f.Source.End >= f.Cue.Start-3 && f.Source.End < f.Cue.Start &&
			d.Tokens[f.Source.Start].Sent == d.Tokens[f.Cue.Start].Sent && f.Source.Start == d.Sents[d.Tokens[f.Source.Start].Sent].First
		if !participle {
			if f.Source.Empty() || len(f.Pieces) == 0 {
				continue
			}
			// "who" alone after a comma, or a source that ends in it
			// ("Senator James Lankford, an Oklahoma Republican who")
			w := f.Source.End - 1
			if lw := lowerOf(d.Tokens[w].Text); lw != "who" && lw != "which" {
				continue
			}
			if f.Source.End-f.Source.Start == 1 && (w == 0 || d.Tokens[w-1].Text != ",") {
				continue
			}
		}
		if len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Start < f.Cue.End {
			continue
		}
		for t := p.Start + 1; t < p.End-1 && t < p.Start+scanLimit; t++ {
			if d.Tokens[t].Text != "," {
				continue
			}
			u, end := t+1, t
			if isCloseQuote(d.Tokens[u].Text) {
				u++
				end = u // the quotation keeps its comma and mark
			}
			if u+1 < p.End && d.Tokens[u].POS == "RB" && finiteVerb(d.Tokens[u+1].POS) {
				u++ // "..., nevertheless played down"
			}
			if u < p.End && finiteVerb(d.Tokens[u].POS) {
				p.End = end
				f.Content.End = end
			}
			break // a first comma that does not close the clause opens an aside
		}
	}
}

func finiteVerb(pos string) bool { return pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD" }

func isCloseQuote(t string) bool { return t == "”" || t == "\"" || t == "’" || t == "''" }

// quotationAfterLead starts a later piece of a quotation at its quote
// mark when the words between the cue and that mark are a sentence of
// their own outside quote marks: an apposition or addressee that closes
// the cue's sentence ("“...,” said Ken Ito, chief economist at a bank in
// Tokyo. “Personal consumption looks good”", "“...,” Mr. Blumenthal said
// to the group gathered in Norwalk. “And you exemplify it.”").
func quotationAfterLead(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) < 2 || f.Pieces[0].Empty() || d.Tokens[f.Pieces[0].Start].Quote == 0 {
			continue
		}
		for k := 1; k < len(f.Pieces); k++ {
			p := &f.Pieces[k]
			if p.Empty() || p.Start < f.Cue.End || d.Tokens[p.Start].Quote != 0 {
				continue
			}
			for t := p.Start; t < p.End && t < p.Start+scanLimit; t++ {
				if d.Tokens[t].Quote == 0 {
					continue
				}
				if t > p.Start && sentenceEnd(d.Tokens[t-1].Text) {
					p.Start = t
				}
				break
			}
		}
		f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[len(f.Pieces)-1].End}
	}
}

func sentenceEnd(t string) bool { return t == "." || t == "!" || t == "?" }

// quotationAfterObject gives a report whose content is only the object
// of its verb, right before a colon and a quotation, that quotation as
// its content: "also praised the film director: “Thank you ...”", "echoed
// those sentiments: “...”", "concludes the letter with this appeal:
// “...”". The object says what the words are about; the quotation is
// what was said. A content with a verb of its own (a clause) stays.
func quotationAfterObject(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Pieces[0].Empty() || f.Pieces[0].Start < f.Cue.End {
			continue
		}
		p := f.Pieces[0]
		colon := p.End
		if colon+1 >= len(d.Tokens) || d.Tokens[colon].Text != ":" || d.Tokens[colon+1].Quote == 0 ||
			d.Sents[d.Tokens[colon+1].Sent].Para != d.Sents[d.Tokens[p.Start].Sent].Para {
			continue
		}
		clause := false
		for t := p.Start; t < p.End; t++ {
			if d.Tokens[t].Quote != 0 || isVerbTag(d.Tokens[t].POS) || strings.EqualFold(d.Tokens[t].Text, "that") {
				clause = true
				break
			}
		}
		q := d.Tokens[colon+1].Quote
		if clause || d.Quotes[q-1].Unclosed || !doc.IsQuoteToken(d.Tokens[colon+1].Text) {
			continue
		}
		e := colon + 1
		for e < len(d.Tokens) && d.Tokens[e].Start < d.Quotes[q-1].End {
			e++
		}
		f.Pieces = []attribute.Range{{Start: colon + 1, End: e}}
		f.Content = f.Pieces[0]
	}
}

// dropPiecesAfterOtherCue ends a quotation's pieces where another report
// comes between them: in "“...,” Bono recently said. Drummer Larry Mullen
// Jr echoed those sentiments: “...”" the second quotation is Mullen's.
// A piece goes, with those after it, when another attribution's source
// and cue both lie between it and the piece before (after this one's own
// cue) and that attribution's content holds the piece.
func dropPiecesAfterOtherCue(d *doc.Doc, found []attribute.Found) {
	bySource := sourceStarts(found)
	for i := range found {
		f := &found[i]
		if len(f.Pieces) < 2 {
			continue
		}
		for k := 1; k < len(f.Pieces); k++ {
			gapStart, gapEnd := f.Pieces[k-1].End, f.Pieces[k].Start
			if f.Cue.Start >= gapStart && f.Cue.End <= gapEnd {
				gapStart = max(f.Cue.End, f.Source.End) // after this attribution's own cue and source
			}
			other := false
			for t := gapStart; t < gapEnd && t < gapStart+scanLimit && !other; t++ {
				for _, j := range bySource[t] {
					g := &found[j]
					if j != i && !g.Cue.Empty() && g.Cue.End <= gapEnd &&
						!strings.EqualFold(d.Tokens[g.Cue.Start].Text, "according") && // only where the words were read
						(g.Source.Start == 0 || !strings.EqualFold(d.Tokens[g.Source.Start-1].Text, "by")) && // "when asked by Reid"
						g.Content.Start < f.Pieces[k].End && f.Pieces[k].Start < g.Content.End {
						other = true
						break
					}
				}
			}
			if other {
				f.Pieces = f.Pieces[:k]
				f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[k-1].End}
				break
			}
		}
	}
}

// coordinatedParticiple gives a quotation that follows a second
// participle of saying ("issued a statement calling the article
// “misleading” and claiming “AARP has not changed its position”") the
// source of the first one, with the second participle as its cue; the
// model read only the first.
func coordinatedParticiple(d *doc.Doc, found []attribute.Found) []attribute.Found {
	cues := map[int]bool{}
	for _, f := range found {
		if !f.Cue.Empty() {
			cues[f.Cue.Start] = true
		}
	}
	var added []attribute.Found
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Content.Empty() || len(f.Pieces) != 1 || d.Tokens[f.Cue.End-1].POS != "VBG" {
			continue
		}
		sent := d.Tokens[f.Cue.Start].Sent
		// the "and" right after the content, or inside it when the model
		// ran the content on over the second participle
		a := f.Content.End
		for k := f.Content.Start + 1; k < f.Content.End && k < f.Content.Start+scanLimit; k++ {
			if strings.EqualFold(d.Tokens[k].Text, "and") && d.Tokens[k].Quote == 0 && k+1 < len(d.Tokens) && d.Tokens[k+1].POS == "VBG" {
				a = k
				break
			}
		}
		if a+2 >= len(d.Tokens) || !strings.EqualFold(d.Tokens[a].Text, "and") || d.Tokens[a].Sent != sent {
			continue
		}
		v := a + 1
		l, ok := lemmaOf(strings.ToLower(d.Tokens[v].Text))
		if d.Tokens[v].POS != "VBG" || !ok || !reportingVerbs[l] || cues[v] {
			continue
		}
		q := v + 1
		if q >= len(d.Tokens) || d.Tokens[q].Quote == 0 || !doc.IsQuoteToken(d.Tokens[q].Text) {
			continue
		}
		e := q + 1 // the quotation runs while its tokens are inside quote marks
		for e < len(d.Tokens) && e < q+scanLimit && d.Tokens[e].Quote != 0 {
			e++
		}
		content := attribute.Range{Start: q, End: e}
		if a < f.Content.End {
			f.Content.End, f.Pieces[0].End = a, a
		}
		added = append(added, attribute.Found{Cue: attribute.Range{Start: v, End: v + 1}, Source: f.Source, Content: content,
			Pieces: []attribute.Range{content}, CueScore: f.CueScore, ContentMargin: f.ContentMargin, SourceMargin: f.SourceMargin})
		cues[v] = true
	}
	return append(found, added...)
}

func hasFiniteVerb(d *doc.Doc, r attribute.Range) bool {
	for t := r.Start; t < r.End; t++ {
		if finiteVerb(d.Tokens[t].POS) {
			return true
		}
	}
	return false
}

// subordinateClauseEnd ends the content of a report made in a clause
// that a subordinator opens at the sentence's start ("When, at his first
// Angelus address, Pope Francis told the crowd how much he loved the
// writing of Walter Kasper, quite a lot of us ... started understanding")
// at the comma where the main clause begins: the first comma in the piece,
// outside quote marks or closing one ("And while advertisers claim to
// allow the user to opt out of "interest-based ads," it's not clear
// ..."), after which a finite verb comes within twelve words before any
// other comma. A conjunction may open the sentence before the subordinator
// ("But while Ryan slams the overhaul for cutting Medicare, even he
// acknowledged ..."). A "that" clause ends there only when a finite verb
// stands before the comma ("While Iran told the agency that it plans
// only to increase enrichment, the announcement came with threats"): one
// without opens with a fronted phrase of its own ("that despite the
// limits, anyone can buy more").
func subordinateClauseEnd(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || f.Source.Empty() || len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Start < f.Cue.End || toks[p.Start].Quote != 0 {
			continue
		}
		needVerb := false
		switch strings.ToLower(toks[p.Start].Text) {
		case "that", "whether", "if":
			needVerb = true
		}
		sent := d.Sents[toks[f.Source.Start].Sent]
		lead := sent.First
		if sentenceConjunctions[strings.ToLower(toks[lead].Text)] && lead+1 < len(toks) {
			lead++
		}
		if !leadingSubordinators[strings.ToLower(toks[lead].Text)] || f.Source.Start <= lead || f.Source.Start-lead > 60 || clauseClosedBefore(d, lead+1, f.Source.Start) {
			continue
		}
		sawVerb := false
		for c := p.Start + 1; c < p.End-2 && c < p.Start+scanLimit; c++ {
			end, next := c, c+1
			if toks[c].Quote != 0 {
				// words quoted inside the clause; of their commas only one
				// that closes the quote: `ads,"`
				if toks[c].Text != "," || !doc.IsQuoteToken(toks[c+1].Text) || toks[c+2].Quote != 0 {
					continue
				}
				end, next = c+2, c+2
			} else if toks[c].Text != "," {
				sawVerb = sawVerb || finiteVerb(toks[c].POS)
				continue
			}
			if c < p.Start+2 {
				continue
			}
			if needVerb && !sawVerb || next+1 >= p.End {
				break
			}
			subject := next
			if strings.EqualFold(toks[subject].Text, "even") {
				subject++ // "..., even he acknowledged"
			}
			if !opensNounPhrase(toks[subject].Text) && !npOpeners[strings.ToLower(toks[subject].Text)] && strings.ToLower(toks[subject].Text) != "other" {
				break // no subject after the comma: a list goes on ("what parts would be deleted")
			}
			main := false
			for k := subject + 1; k < p.End && k <= subject+11 && toks[k].Text != ","; k++ {
				if finiteVerb(toks[k].POS) {
					main = true
					break
				}
			}
			if main {
				p.End = end
				f.Content.End = min(f.Content.End, end)
			}
			break
		}
	}
}

// clauseClosedBefore reports whether a clause with a finite verb ends at
// a comma between tokens from and to: the subordinate clause closed before
// the source ("Since the plague can kill in hours, experts warn that
// ..."), so the report is the main clause.
func clauseClosedBefore(d *doc.Doc, from, to int) bool {
	verb := false
	for t := from; t < to; t++ {
		switch tk := d.Tokens[t]; {
		case finiteVerb(tk.POS):
			verb = true
		case tk.Text == "," && verb:
			return true
		}
	}
	return false
}

// sentenceConjunctions may open a sentence before its first clause.
var sentenceConjunctions = wordSet("and but so yet")

// accordingToInRelative starts the content of a mid-sentence "according
// to X" inside a relative clause at that clause ("She said rampant
// competition between online music services, of which there are now 230
// according to recent figures, could drive ..." is "there are now 230"
// by the figures, not all she said): a piece before the cue that holds
// ", which", ", of which" or ", where" opens after it.
func accordingToInRelative(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) != 1 || !strings.EqualFold(toks[f.Cue.Start].Text, "according") {
			continue
		}
		p := &f.Pieces[0]
		// no comma before "according to", one after its source: the
		// phrase stands inside the clause ("230 according to recent
		// figures, could drive"), not after the sentence ("..., which
		// takes place in May, according to a report")
		if p.End != f.Cue.Start || f.Cue.Start == 0 || toks[f.Cue.Start-1].Quote != 0 || f.Source.Empty() || f.Source.End >= len(toks) || toks[f.Source.End].Text != "," {
			continue
		}
		for c := p.End - 2; c > p.Start; c-- {
			if toks[c].Text != "," {
				continue
			}
			w, s := strings.ToLower(toks[c+1].Text), c+2
			if w == "of" && c+2 < p.End && strings.EqualFold(toks[c+2].Text, "which") {
				s = c + 3
			} else if w != "which" && w != "where" {
				break // the nearest comma opens no relative clause
			}
			if s+2 < p.End {
				p.Start, f.Content.Start = s, s
			}
			break
		}
	}
}

// endBeforeAccordingTo ends a content before a trailing ", according to
// X" that closes its sentence ("She told officers that she thought she
// was home, according to the affidavit"): X is where the writer had the
// report from, said of the whole sentence, not words of the speaker (the
// qualify stage reads it as the relay when X is a news outlet), also
// with an apposition or a relative clause on X ("according to The Hill,
// a political publication in Washington"). An aside that the content
// goes on after ("the demi-god who, according to legend, nearly set
// ...") and words inside quote marks are kept.
func endBeforeAccordingTo(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) == 0 || strings.EqualFold(toks[f.Cue.Start].Text, "according") {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		if p.Start < f.Cue.End {
			continue
		}
		for c := p.Start + 1; c+2 < p.End && c < p.Start+scanLimit; c++ {
			if toks[c].Text != "," || toks[c].Quote != 0 || !strings.EqualFold(toks[c+1].Text, "according") || !strings.EqualFold(toks[c+2].Text, "to") {
				continue
			}
			tail, relative := true, false
			for k := c + 3; k < p.End && tail; k++ {
				switch tk := toks[k]; {
				case tk.Sent != toks[c].Sent:
					tail = false
				case tk.Text == ",":
					// an apposition or a relative clause on X runs on in
					// the tail: "according to The Hill, a political
					// publication in Washington", "according to Sen. Dick
					// Durbin, D-Ill., the No. 2 Democrat", "according to
					// the NYDN, which claims to have obtained the letter"
					next := ""
					if k+1 < p.End {
						next = lowerOf(toks[k+1].Text)
					}
					switch {
					case next == "which" || next == "who" || next == "whose":
						relative = true
					case next == "a" || next == "an" || next == "the" || k+1 < p.End && capitalised(toks[k+1].Text) && toks[k+1].Quote == 0:
					default:
						tail = false
					}
				case finiteVerb(tk.POS) && !relative:
					tail = false
				}
			}
			if tail {
				p.End = c
				f.Content.End = c
			}
			break
		}
	}
}

// inPieces reports whether token t lies in one of f's content pieces.
func inPieces(f *attribute.Found, t int) bool {
	for _, p := range f.Pieces {
		if p.Start <= t && t < p.End {
			return true
		}
	}
	return false
}

// untangleNested mends two attributions that each hold the other's cue
// in their content, which cannot both be right: a report written after
// its content, inside another's content ("Most voters believe the
// minister was damaged, a poll suggests", "..., Mr Blair told the
// Guardian", "... to the DEC. “...,” he added"), ends the other's
// content before it: at the comma before the report, or before the
// quotation the report closes when that quotation opens a sentence. A
// relative clause ("Beattie, who seemed unrepentant ..., insisting") and
// "according to" (an aside as often as a report) are left alone.
func untangleNested(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	byCue := cueOrder(found)
	for i := range found {
		a := &found[i]
		if a.Cue.Empty() || len(a.Pieces) == 0 {
			continue
		}
		// a reads forward from its cue; b is a report written after its
		// content, whose source and cue stand in a's last piece (only
		// the reports whose cue is there are looked at, a few at most:
		// a page of 100k reports stays linear)
		p := &a.Pieces[len(a.Pieces)-1]
		lo := sort.Search(len(byCue), func(k int) bool { return found[byCue[k]].Cue.Start >= p.Start })
		for k := lo; k < len(byCue) && k < lo+scanLimit; k++ {
			j := byCue[k]
			b := &found[j]
			if b.Cue.Start >= p.End {
				break
			}
			if i == j || b.Cue.Empty() || b.Source.Empty() || len(b.Pieces) == 0 || !inPieces(b, a.Cue.Start) {
				continue
			}
			frame := min(b.Cue.Start, b.Source.Start)
			if a.Content.Start < a.Cue.End || b.Content.Start >= b.Cue.Start || frame <= p.Start || frame >= p.End ||
				strings.EqualFold(toks[b.Cue.Start].Text, "according") {
				continue
			}
			switch strings.ToLower(toks[b.Source.Start].Text) {
			case "who", "which", "that", "whom", "whose":
				continue
			}
			cut := -1
			switch prev := toks[frame-1]; {
			case prev.Text == ",":
				cut = frame - 1
			case isCloseQuote(prev.Text) && prev.Quote != 0:
				open := frame - 1 // the quotation's opening mark
				for open > p.Start && toks[open-1].Quote == prev.Quote {
					open--
				}
				if open > a.Cue.End && open > p.Start && sentenceEnd(toks[open-1].Text) {
					cut = open
					if b.Content.Start < open && len(b.Pieces) == 1 {
						b.Pieces[0].Start, b.Content.Start = open, open
					}
				}
			}
			if cut > p.Start {
				p.End = cut
				a.Content.End = cut
			}
		}
	}
}

// possessorSource gives a cue that is a noun after a possessive ("mocked
// the neocons’ claims that ...", "rejected critics' calls for", "poured
// cold water on President Putin's promises of") the possessor as its
// source: the claims are theirs, not those of the subject who mocked or
// rejected them.
func possessorSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || c < 2 || toks[c-1].POS != "POS" || !strings.HasPrefix(toks[c].POS, "NN") ||
			!f.Source.Empty() && f.Source.End >= c-1 || toks[c-1].Sent != toks[c].Sent ||
			toks[f.Cue.End-1].Text == ":" || f.Cue.End < len(toks) && toks[f.Cue.End].Text == ":" {
			// (a colon after the noun opens the writer's subject's quote:
			// "pinned their hopes on Mueller's findings: “...”")
			continue
		}
		s, noun := c-1, false
		for s > 0 && c-1-s < 5 && toks[s-1].Sent == toks[c].Sent {
			p := toks[s-1].POS
			if strings.HasPrefix(p, "NN") {
				noun = true
			} else if p != "JJ" && p != "DT" {
				break
			}
			s--
			if p == "DT" {
				break
			}
		}
		if !noun {
			continue
		}
		f.Source = attribute.Range{Start: s, End: c - 1}
	}
}

// conjunctionSource gives a source read as the bare "and" or "but" of a
// second verb ("the BCC found the economy faced “major risks” and warned
// that ...", "Ms Jowell insisted: “...” And continued: “...”") the source
// of the report before it in the sentence (or the sentence before, when
// the conjunction opens its own), in the same paragraph.
func conjunctionSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	var byCue []int // made when a conjunction source is met
	for i := range found {
		f := &found[i]
		if f.Source.End-f.Source.Start != 1 || !conjunctionWord(toks[f.Source.Start].Text) {
			continue
		}
		if byCue == nil {
			byCue = cueOrder(found)
		}
		sent := toks[f.Source.Start].Sent
		opens := f.Source.Start == d.Sents[sent].First
		best := -1
		// the reports whose cue starts before the conjunction, nearest
		// first (a few at most: a page of 100k stays linear)
		hi := sort.Search(len(byCue), func(k int) bool { return found[byCue[k]].Cue.Start >= f.Source.Start })
		for k := hi - 1; k >= 0 && k >= hi-scanLimit && best < 0; k-- {
			j := byCue[k]
			g := &found[j]
			gs := toks[g.Cue.Start].Sent
			if gs < sent-1 {
				break
			}
			if j == i || g.Source.Empty() || g.Cue.End > f.Source.Start || g.Source.End-g.Source.Start == 1 && conjunctionWord(toks[g.Source.Start].Text) {
				continue
			}
			if gs == sent || opens && gs == sent-1 && d.Sents[gs].Para == d.Sents[sent].Para {
				best = j
			}
		}
		if best >= 0 {
			f.Source = found[best].Source
		}
	}
}

// sharedSubjectSource gives a second verb joined by "and" or "but" to a
// report before it in the sentence ("The court said they were in the
// same position that Sony was in, and said that the networks could not
// be deemed illegal" came out with Sony saying the second) the source of
// that report when the model took a noun inside the first report's
// content: the coordinated verb shares the sentence's subject, and a
// word inside what the subject said is not who said the rest.
func sharedSubjectSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	var byCue []int // made when a coordinated cue is met
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || f.Cue.Start < 2 || f.Source.End > f.Cue.Start {
			continue
		}
		// (a source the model left empty is mended the same way: "Theresa
		// May has reiterated that ... and warned the UK would ...")
		lo, at := 0, f.Cue.Start
		if !f.Source.Empty() {
			lo, at = f.Source.End, f.Source.Start
		}
		and := f.Cue.Start - 1
		for and > lo && and > f.Cue.Start-4 && cueAdverbs[strings.ToLower(toks[and].Text)] {
			and--
		}
		if and <= lo || !conjunctionWord(toks[and].Text) || toks[and].Sent != toks[f.Cue.Start].Sent {
			continue
		}
		if byCue == nil {
			byCue = cueOrder(found)
		}
		hi := sort.Search(len(byCue), func(k int) bool { return found[byCue[k]].Cue.Start >= at })
		for k := hi - 1; k >= 0 && k >= hi-scanLimit; k-- {
			g := &found[byCue[k]]
			if toks[g.Cue.Start].Sent != toks[f.Cue.Start].Sent {
				break
			}
			if g == f || g.Source.Empty() || g.Source.End > g.Cue.Start || !f.Source.Empty() && (g.Content.Start > f.Source.Start || g.Content.End < f.Source.End) ||
				f.Source.Empty() && g.Content.Start > and {
				continue
			}
			// the first report's content reaches the conjunction (a comma
			// may stand between): the second verb is its subject's
			if e := g.Content.End; e != and && !(e+1 == and && toks[e].Text == ",") {
				break
			}
			if subjectOfMainClause(d, g.Source) && !relativeVerbIn(d, attribute.Range{Start: g.Cue.End, End: and}) {
				f.Source = g.Source
			}
			break
		}
	}
}

// subjectOfMainClause reports whether no finite verb stands between the start of
// r's sentence and r: r is the main clause's subject, not one in a clause
// under another verb ("The congressman wasn't sure why the ADL wrote").
func subjectOfMainClause(d *doc.Doc, r attribute.Range) bool {
	for t := d.Sents[d.Tokens[r.Start].Sent].First; t < r.Start; t++ {
		if finiteVerb(d.Tokens[t].POS) {
			return false
		}
	}
	return true
}

// relativeVerbIn reports whether r holds a relative word and a finite
// verb after it (at most an adverb between): a verb joined by "and" after
// r may share the relative's subject ("a letter that graphically detailed
// his abuse and said ...").
func relativeVerbIn(d *doc.Doc, r attribute.Range) bool {
	toks := d.Tokens
	for t := r.Start; t+1 < r.End; t++ {
		if !clauseRelatives[strings.ToLower(toks[t].Text)] {
			continue
		}
		v := t + 1
		if toks[v].POS == "RB" && v+1 < r.End {
			v++
		}
		if finiteVerb(toks[v].POS) {
			return true
		}
	}
	return false
}

func conjunctionWord(t string) bool {
	return strings.EqualFold(t, "and") || strings.EqualFold(t, "but")
}

// titleNouns name a work whose title follows in quote marks: “...,” Mr.
// Paul said on the CNN program “State of the Union.”
var titleNouns = map[string]bool{"program": true, "programme": true, "show": true, "series": true, "film": true, "movie": true,
	"book": true, "memoir": true, "album": true, "song": true, "column": true, "op-ed": true, "article": true, "documentary": true,
	"episode": true, "podcast": true, "magazine": true, "newspaper": true, "broadcast": true, "play": true, "novel": true}

// dropTitlePieces drops a content piece in quote marks that is the title
// of the work a cue's place names (“...,” he said on the CNN program
// “State of the Union.”), or of the programme told (“...,” he told “Face
// the Nation.”): a title, not words of the speaker.
func dropTitlePieces(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) < 2 {
			continue
		}
		kept := f.Pieces[:0]
		for k, p := range f.Pieces {
			if k > 0 && p.Start > 0 && p.Start >= f.Cue.End && toks[p.Start].Quote != 0 && titleNouns[strings.ToLower(toks[p.Start-1].Text)] {
				continue
			}
			// (a programme told in the addressee's place: "he told “Face
			// the Nation.”")
			if k > 0 && p.Start == f.Cue.End && toks[p.Start].Quote != 0 && addresseeCues[strings.ToLower(toks[f.Cue.End-1].Text)] &&
				titleCased(d.Text[toks[p.Start].Start:toks[p.End-1].End]) && !moreWordsThan(d.Text[toks[p.Start].Start:toks[p.End-1].End], 6) {
				continue
			}
			kept = append(kept, p)
		}
		if len(kept) == len(f.Pieces) {
			continue
		}
		f.Pieces = kept
		f.Content = attribute.Range{Start: kept[0].Start, End: kept[len(kept)-1].End}
	}
}

// verblessThatClause runs a content on to its sentence's end when it
// stopped at a quote closed with a comma inside a that-clause that has no
// verb yet: "defended the company on the grounds that its “surge
// prices,” | including those seen during the crisis, are determined by an
// algorithm", "reports that an 85-page briefing entitled “The Good
// Censor,” | advises tech companies to ...". The clause's verb comes
// after the quote, so the claim does too. Only when the rest of the
// sentence holds a finite verb and no other attribution's cue (a comma
// in a closing quote also ends `“...,” he said`-style quotes).
func verblessThatClause(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 || f.Cue.Empty() {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		e := p.End - 1
		if f.Cue.End > p.Start || e < p.Start+2 || toks[e].Quote == 0 || toks[e-1].Text != "," || !closingMark(toks[e].Text) {
			continue
		}
		that := -1
		for k := p.Start; k < e; k++ {
			if toks[k].Quote == 0 && strings.EqualFold(toks[k].Text, "that") {
				that = k
			}
		}
		if that < 0 {
			continue
		}
		verbless := true
		for k := that + 1; k < e && verbless; k++ {
			verbless = !finiteVerb(toks[k].POS)
		}
		sent := d.Sents[toks[e].Sent]
		last := sent.Last
		for last > e+1 && (sentenceEnd(toks[last-1].Text) || closingMark(toks[last-1].Text)) {
			last--
		}
		if !verbless || last-e < 3 {
			continue
		}
		hasVerb, other := false, false
		for k := e + 1; k < last; k++ {
			hasVerb = hasVerb || finiteVerb(toks[k].POS)
		}
		for j, g := range found {
			// (an attribution whose content holds this one's cue is the
			// model reading the whole sentence as a claim: "its prices ...
			// are determined by an algorithm")
			if j != i && g.Cue.Start > e && g.Cue.Start < last && !(g.Content.Start <= f.Cue.Start && f.Cue.Start < g.Content.End) {
				other = true
			}
		}
		if !hasVerb || other {
			continue
		}
		p.End = last
		f.Content.End = max(f.Content.End, last)
	}
}

// closingMark reports whether t is a quote mark that can close a quote.
func closingMark(t string) bool {
	return t == "\"" || t == "”" || t == "’" || t == "'"
}

// dropAppositivePiece takes the description of a source that stands
// after it from the content piece that starts there: `2004 was a
// "stellar year" said Roger Bennett, | director general of Elspa` came
// out with "director general of Elspa" as a second piece, and "Not least,
// said Paul King, | principal security consultant at Cisco, because ..."
// with the description opening the second piece. The words up to the
// next comma hold a person noun in their first four words and no verb
// (so "It was, said Mr Smith, a disaster" keeps "a disaster"); needs the
// part-of-speech tags.
func dropAppositivePiece(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) < 2 || f.Source.Empty() || f.Source.End+1 >= len(toks) || toks[f.Source.End].Text != "," {
			continue
		}
		changed := false
		kept := f.Pieces[:0]
		for k, p := range f.Pieces {
			if k == 0 || p.Start != f.Source.End+1 || toks[p.Start].Quote != 0 {
				kept = append(kept, p)
				continue
			}
			j, person, verb := p.Start, false, false
			for ; j < p.End && toks[j].Text != ","; j++ {
				pos := toks[j].POS
				if pos == "" || strings.HasPrefix(pos, "VB") || pos == "MD" || strings.HasPrefix(pos, "W") {
					verb = true
					break
				}
				if j-p.Start < 4 && strings.HasPrefix(pos, "NN") && resolve.PersonNoun(strings.ToLower(toks[j].Text)) {
					person = true
				}
			}
			if verb || !person {
				kept = append(kept, p)
				continue
			}
			changed = true
			if j+1 < p.End {
				kept = append(kept, attribute.Range{Start: j + 1, End: p.End})
			}
		}
		if !changed {
			continue
		}
		f.Pieces = kept
		f.Content = attribute.Range{Start: kept[0].Start, End: kept[len(kept)-1].End}
	}
}

// participleSubject gives a participle after a comma whose source was
// read as the object of the verb before it ("Boehner publicly chided
// Obama on Friday for the lack of progress, accusing the president of
// ...") the subject of that verb: the participle's clause is about the
// main clause's subject.
func participleSubject(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.End-c != 1 || toks[c].POS != "VBG" || c < 2 || toks[c-1].Text != "," || f.Source.Empty() || f.Source.Start < 1 ||
			f.Source.End >= c || toks[f.Source.Start].Sent != toks[c].Sent {
			continue
		}
		v := f.Source.Start - 1
		if p := toks[v].POS; p != "VBD" && p != "VBZ" && p != "VBP" {
			continue
		}
		subject := false // the source has a verb of its own: "Swisher meant Clinton corrected her, adding"
		for k := f.Source.End; k < c-1 && !subject; k++ {
			subject = finiteVerb(toks[k].POS)
		}
		if subj := subjectBefore(d, v); !subj.Empty() && !subject {
			f.Source = subj
		}
	}
}

// participleAfterReport gives a participle right after another report
// and its comma ("The rule change is likely to ..., Mr. Williams said,
// describing it as a “rounding error”", "..., BMW said, adding that")
// that report's source: the model took the claim's subject for the one
// describing or adding, but the participle goes on with whoever was just
// said to speak. The other report's cue (or its source, when written
// after the cue: "said BMW, adding") must end right before the comma,
// the report open after a comma or a quote, and the participle's source
// stand before that report's cue.
func participleAfterReport(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	var byEnd map[int]int // the token before a comma -> the found whose cue or source ends there
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || c < 3 || toks[c-1].Text != "," || !strings.HasSuffix(lowerOf(toks[c].Text), "ing") ||
			f.Source.Empty() || f.Source.End >= c {
			continue
		}
		if byEnd == nil {
			byEnd = map[int]int{}
			for j, g := range found {
				if g.Source.Empty() || g.Cue.Empty() || strings.EqualFold(toks[g.Cue.Start].Text, "according") {
					continue
				}
				byEnd[g.Cue.End-1] = j + 1
				if g.Source.Start > g.Cue.Start {
					byEnd[g.Source.End-1] = j + 1
				}
			}
		}
		j := byEnd[c-2] - 1
		if j < 0 || j == i {
			continue
		}
		g := found[j]
		if f.Source.End > g.Cue.Start || g.Source == f.Source || toks[g.Cue.Start].Sent != toks[c].Sent {
			continue
		}
		// the other report stands after the claim's comma (or a quote's
		// close), not inside a clause of its own: "the kind of
		// accommodation Faggioli is calling for, writing" is the
		// warner's writing, "as Breitbart News reported, demanding" the
		// locals' demand
		k := min(g.Source.Start, g.Cue.Start) - 1
		if k < 1 || toks[k].Text != "," && !(doc.IsQuoteToken(toks[k].Text) && strings.ContainsAny(toks[k-1].Text, ",.?!")) {
			continue
		}
		f.Source = g.Source
	}
}

// participleAfterAddressee gives a participle right after the person
// written to ("Nicola Sturgeon wrote to Mr McConnell accusing him of an
// error", "I wrote to Cardinal Parolin asking if the sanctions were
// still valid") the writer: the model read the addressee as the one
// accusing or asking. Only after "wrote to", "sent (a letter) to" and
// the like (writtenToVerbs, at most three words between the verb and
// "to"), when the writer before the verb is a pronoun or a name
// (mainSubject).
func participleAfterAddressee(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || toks[c].POS != "VBG" || f.Source.Empty() || f.Source.Start < 2 || f.Source.End > c || c-f.Source.End > 3 ||
			!strings.EqualFold(toks[f.Source.Start-1].Text, "to") {
			continue
		}
		when := true // (a day between: "wrote to Mr McConnell on Tuesday accusing him")
		for k := f.Source.End; k < c && when; k++ {
			lw := strings.ToLower(toks[k].Text)
			when = timeWords[lw] || lw == "on" || lw == "last" || lw == "this" || lw == "late" || lw == "early"
		}
		if !when {
			continue
		}
		first := d.Sents[toks[c].Sent].First
		v := -1
		for k := f.Source.Start - 2; k >= first && k >= f.Source.Start-5; k-- {
			if writtenToVerbs[strings.ToLower(toks[k].Text)] && finiteVerb(toks[k].POS) {
				v = k
				break
			}
		}
		if v < 0 {
			continue
		}
		if subj := mainSubject(d, v); !subj.Empty() {
			f.Source = subj
		}
	}
}

// writtenToVerbs send words to someone: "wrote to X asking ...".
var writtenToVerbs = wordSet("wrote writes write sent sends send emailed emails texted cabled")

// participleAfterNounClause gives a participle after a comma whose
// source was read as the subject of a clause completing a noun
// ("Santorum tried to clarify his comment that President Obama
// subscribed to a “phony theology,” saying he was referring to ...") the
// subject of the main clause: the clause says what the comment was, the
// participle what its maker did.
func participleAfterNounClause(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.End-c != 1 || toks[c].POS != "VBG" || c < 3 || f.Source.Empty() || f.Source.Start < 3 || f.Source.End >= c {
			continue
		}
		if toks[c-1].Text != "," && !(doc.IsQuoteToken(toks[c-1].Text) && toks[c-2].Text == ",") {
			continue
		}
		that := f.Source.Start - 1
		if !strings.EqualFold(toks[that].Text, "that") || toks[that-1].POS != "NN" && toks[that-1].POS != "NNS" || toks[that-1].Sent != toks[c].Sent {
			continue
		}
		first := d.Sents[toks[c].Sent].First
		v := that - 2
		for v >= first && !finiteVerb(toks[v].POS) {
			v--
		}
		if v <= first {
			continue
		}
		if subj := mainSubject(d, v); !subj.Empty() {
			f.Source = subj
		}
	}
}

// participleAfterSubordinate gives a participle after the main clause
// ("When Carson died, President Bush led the public tributes, saying the
// presenter “had a profound influence ...”") the main clause's subject
// when the model took the subject of the subordinate clause that opens
// the sentence: the participle goes with the main clause.
func participleAfterSubordinate(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.End-c != 1 || toks[c].POS != "VBG" || c < 3 || f.Source.Empty() || f.Source.End >= c || toks[c-1].Text != "," {
			continue
		}
		first := d.Sents[toks[c].Sent].First
		if toks[f.Source.Start].Sent != toks[c].Sent || !clauseOpeners[strings.ToLower(toks[first].Text)] {
			continue
		}
		comma := -1 // the comma that closes the subordinate clause
		for t := first + 1; t < c-1; t++ {
			if toks[t].Text == "," {
				comma = t
				break
			}
		}
		if comma < 0 || f.Source.Start > comma {
			continue
		}
		v := comma + 1
		for v < c-1 && !finiteVerb(toks[v].POS) {
			v++
		}
		if v >= c-1 {
			continue
		}
		// (a pronoun there most often stands for the name before it:
		// "Although Scalise has not seen the report, he commented ...,
		// claiming")
		if subj := mainSubject(d, v); !subj.Empty() && subj.Start > comma && !subjectPronouns[strings.ToLower(toks[subj.Start].Text)] {
			f.Source = subj
		}
	}
}

// mainSubject returns the subject right before the finite verb v: a
// subject pronoun or a capitalised name, adverbs and a day ("on Sunday")
// between them left out. Empty when there is none.
func mainSubject(d *doc.Doc, v int) attribute.Range {
	toks := d.Tokens
	first := d.Sents[toks[v].Sent].First
	k := v - 1
	for k >= first && (toks[k].POS == "RB" || strings.HasSuffix(toks[k].Text, "ly")) {
		k--
	}
	if k-1 >= first && timeWords[strings.ToLower(toks[k].Text)] && toks[k-1].POS == "IN" {
		k -= 2
	}
	if k < first {
		return attribute.Range{}
	}
	if subjectPronouns[strings.ToLower(toks[k].Text)] {
		return attribute.Range{Start: k, End: k + 1}
	}
	if !capitalised(toks[k].Text) || notNames[toks[k].Text] {
		return attribute.Range{}
	}
	j := k
	for j > first && capitalised(toks[j-1].Text) && !notNames[toks[j-1].Text] {
		j--
	}
	return attribute.Range{Start: j, End: k + 1}
}

// mediaTail are words that say what kind of outlet the name before them
// is: "AP news agency", "the Sun newspaper".
var mediaTail = map[string]bool{"news": true, "agency": true, "newspaper": true, "magazine": true, "website": true, "channel": true,
	"network": true, "daily": true, "tabloid": true, "service": true, "wire": true, "broadcaster": true}

// cueOrder returns the indices of the founds with a cue, by where the
// cue starts.
func cueOrder(found []attribute.Found) []int {
	order := make([]int, 0, len(found))
	for i := range found {
		if !found[i].Cue.Empty() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return found[order[a]].Cue.Start < found[order[b]].Cue.Start })
	return order
}

// relativeThatStart mends a report written after its content ("...,
// Iyer said") whose content the model started at a "that" inside the
// sentence: in "Amazon could apply its logistics to create efficiencies
// that would maintain its profits, Iyer said" and "Should that happen,
// Yukos will have little chance ..., analysts said" the speaker said the
// whole sentence, not the relative clause or what follows "Should". The
// content then starts where its sentence starts. A "that" right after an
// opening conjunction ("But that is going to change, according to the
// panel") is the clause's own subject and stays; so does a content
// holding another report's cue or a quote mark before the "that", and a
// "that" the report's own object ("the stereotypes that Alex talked
// about").
func relativeThatStart(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || len(f.Pieces) != 1 || f.Pieces[0].Empty() || f.Pieces[0].End > f.Cue.Start {
			continue
		}
		p := &f.Pieces[0]
		if p.End-p.Start < 3 || !strings.EqualFold(d.Tokens[p.Start].Text, "that") {
			continue
		}
		first := d.Sents[d.Tokens[p.Start].Sent].First
		if first >= p.Start || first+1 == p.Start && openingConjunctions[strings.ToLower(d.Tokens[first].Text)] {
			continue
		}
		if !plainRun(d, found, i, first, p.Start) {
			continue
		}
		p.Start = first
		f.Content.Start = first
	}
}

// plainRun reports whether tokens [from, to) hold no quote and no cue of
// another attribution than found[self].
func plainRun(d *doc.Doc, found []attribute.Found, self, from, to int) bool {
	for k := from; k < to; k++ {
		if d.Tokens[k].Quote != 0 {
			return false
		}
	}
	for j := range found {
		if j != self && found[j].Cue.Start < to && found[j].Cue.End > from {
			return false
		}
	}
	return true
}

// openingConjunctions open a sentence that goes on from the last one.
var openingConjunctions = map[string]bool{"and": true, "but": true, "yet": true, "so": true, "or": true, "nor": true}

// relativeAsideSource gives a cue inside a relative clause its relative
// pronoun for a source when an aside stands between them ("a quote by
// his predecessor Benedict, who, a month before being elected pope,
// lamented “how much filth” there was" came out with the letter's
// writer, the sentence's subject, lamenting; "who, a year before he
// retired, warned" with "he"): "who" and the aside's commas open the
// clause, and the cue that follows the aside, after at most a few
// adverbs, is the clause's verb, whose subject is "who", not a word
// before it or in the aside. So is a cue right after ", who" when the
// model took a source before it.
func relativeAsideSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.Empty() || f.Source.Empty() || f.Source.Start >= f.Cue.Start {
			continue
		}
		// the comma that closes the aside, adverbs between it and the cue
		c := f.Cue.Start - 1
		for c > 0 && c > f.Cue.Start-3 && (cueAdverbs[strings.ToLower(toks[c].Text)] || strings.HasSuffix(toks[c].Text, "ly")) {
			c--
		}
		if c < 3 {
			continue
		}
		if strings.EqualFold(toks[c].Text, "who") && toks[c-1].Text == "," && f.Source.End <= c-1 {
			f.Source = attribute.Range{Start: c, End: c + 1} // ", who warned": no aside
			continue
		}
		if toks[c].Text != "," {
			continue
		}
		sent := toks[f.Cue.Start].Sent
		w := -1
		for t := c - 1; t > c-16 && t > 1 && toks[t].Sent == sent; t-- {
			if toks[t].Quote != 0 || toks[t].Text == ";" {
				break
			}
			if strings.EqualFold(toks[t].Text, "who") && toks[t-1].Text == "," && toks[t+1].Text == "," && t+1 < c {
				w = t
				break
			}
		}
		if w < 0 || f.Source.End > c || f.Source.Start == w {
			continue
		}
		f.Source = attribute.Range{Start: w, End: w + 1}
	}
}

// passiveRaisingSource takes the source out of a report made in the
// passive ("Ms Kelly is reported to be "pro-life"", "Real Madrid are also
// believed to be monitoring him", "Mr Houston is alleged to have said",
// "the next bank - thought likely to be Korea Exchange Bank"): the
// subject is who the words are about; who reports, believes or alleges
// it the sentence does not say, and the speaker is an explicit unknown.
func passiveRaisingSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End > f.Cue.Start || f.Cue.End+1 >= len(toks) {
			continue
		}
		last := strings.ToLower(toks[f.Cue.End-1].Text)
		if !raisingParticiples[last] {
			continue
		}
		passive := false
		for t := f.Cue.Start; t < f.Cue.End-1; t++ {
			passive = passive || beForms[strings.ToLower(toks[t].Text)]
		}
		// (a bare participle after a dash or a comma: "- thought likely to")
		if f.Cue.End-f.Cue.Start == 1 && f.Cue.Start > 0 && (isDash(toks[f.Cue.Start-1].Text) || toks[f.Cue.Start-1].Text == ",") {
			passive = true
		}
		next := strings.ToLower(toks[f.Cue.End].Text)
		raised := next == "likely" || next == "unlikely" || next == "to" && toks[f.Cue.End+1].POS == "VB"
		if !passive || !raised {
			continue
		}
		// "is alleged to have said", "is said to believe": the subject
		// speaks or thinks, and the report relays it
		v := f.Cue.End + 1
		if v < len(toks) && strings.EqualFold(toks[v].Text, "have") {
			v++
		}
		if v < len(toks) && innerActs[strings.ToLower(toks[v].Text)] {
			continue
		}
		f.Source = attribute.Range{}
	}
}

// innerActs are what a raised subject is reported to have said or
// thought: "is alleged to have said", "is said to believe".
var innerActs = wordSet("said told written wrote shouted screamed described called claimed warned admitted boasted threatened " +
	"believe think favour favor want oppose support back feel fear accept reject")

// raisingParticiples report in the passive with the subject raised: "is
// said to", "are believed to", "is thought likely to".
var raisingParticiples = wordSet("said thought believed reported alleged rumoured rumored understood known considered feared estimated claimed")

// resumptiveAsideEnd ends a content at a comma followed by a noun that
// sums the words up and a relative clause about them ("that women's
// bodies will resist getting pregnant from a “legitimate rape,” comments
// that have been widely condemned", "..., a charge which the
// administration denies", "..., a prediction which has alarmed critics"):
// the writer's aside on what was said, no part of it. Words inside quote
// marks are the speaker's and are left ("“..., a decision that will
// define our country”").
func resumptiveAsideEnd(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 {
			continue
		}
		p := &f.Pieces[len(f.Pieces)-1]
		for t := p.Start + 3; t+2 < p.End; t++ {
			if toks[t].Text != "," {
				continue
			}
			n := t + 1
			if doc.IsQuoteToken(toks[n].Text) {
				n++ // the comma inside the closing mark: "rape,” comments"
			}
			if n < p.End && (strings.EqualFold(toks[n].Text, "a") || strings.EqualFold(toks[n].Text, "an")) {
				n++
			}
			if n+1 >= p.End || toks[n].Quote != 0 || !resumptiveNouns[strings.ToLower(toks[n].Text)] || !clauseRelatives[strings.ToLower(toks[n+1].Text)] {
				continue
			}
			end := t
			if n > t+1 && doc.IsQuoteToken(toks[t+1].Text) {
				end = t + 2 // keep the closing mark
			}
			p.End = end
			f.Content.End = min(f.Content.End, end)
			break
		}
	}
}

// resumptiveNouns sum up what was said in a writer's aside after it.
var resumptiveNouns = wordSet("comment comments remark remarks claim claims assertion statement charge allegation allegations " +
	"accusation accusations suggestion prediction warning argument")

// caughtSaying gives a participle after a passive of being caught or
// heard ("after the RNC chairman was caught on camera saying that ...",
// "was overheard telling aides") the passive's subject for its source:
// the one caught said it, not the sentence's subject the model took
// ("Several conservatives offered reactions to Michael Steele, after the
// chairman was caught on camera saying").
func caughtSaying(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || toks[c].POS != "VBG" || c < 3 {
			continue
		}
		// back over "on camera", "on tape", "on a hot mic" to the participle
		v := c - 1
		for v > c-6 && v > 0 && !caughtParticiples[strings.ToLower(toks[v].Text)] {
			if w := strings.ToLower(toks[v].Text); w != "on" && w != "a" && w != "an" && w != "the" && w != "hot" && !strings.HasPrefix(toks[v].POS, "NN") {
				v = 0
				break
			}
			v--
		}
		if v < 2 || !caughtParticiples[strings.ToLower(toks[v].Text)] || !beForms[strings.ToLower(toks[v-1].Text)] {
			continue
		}
		// the subject: back from the be-form to a comma, a subordinator
		// or the sentence's start ("after | the RNC chairman | was")
		e := v - 1
		s := e
		first := d.Sents[toks[e].Sent].First
		for s > first && e-s < 6 && toks[s-1].Text != "," && !clauseSubordinators[strings.ToLower(toks[s-1].Text)] && !isVerbTag(toks[s-1].POS) {
			s--
		}
		subj := attribute.Range{Start: s, End: e}
		if s == e || e-s >= 6 || s > first && toks[s-1].Text != "," && !clauseSubordinators[strings.ToLower(toks[s-1].Text)] ||
			!nounPhrase(d, subj) || subj == f.Source {
			continue
		}
		f.Source = subj
	}
}

// caughtParticiples: caught or heard saying, by a camera or a listener.
var caughtParticiples = wordSet("caught heard overheard filmed recorded videotaped taped seen spotted")

// subjectInCue gives back to the content the subject the cue took in
// ("warned demand for | Opec's crude would outstrip supply", "predicted
// demand for | such crossover vehicles would soar", "insisted his attack
// on | Labour was not a publicity stunt"): a cue of a verb of saying, a
// noun phrase and a preposition, with a clause after it whose verb the
// noun phrase is the subject of. The cue is the verb; the content opens
// at the noun phrase.
func subjectInCue(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue
		if c.End-c.Start < 3 || len(f.Pieces) != 1 || f.Pieces[0].Start != c.End || !clauseCues[strings.ToLower(toks[c.Start].Text)] {
			continue
		}
		if last := toks[c.End-1]; last.POS != "IN" && last.POS != "TO" {
			continue
		}
		noun := false
		for t := c.Start + 1; t < c.End-1; t++ {
			switch p := toks[t].POS; {
			case strings.HasPrefix(p, "NN"), p == "VBG":
				noun = true
			case p == "DT", p == "PRP$", p == "JJ":
			default:
				noun = false
				t = c.End // not a noun phrase ("said in a statement to")
			}
		}
		if !noun {
			continue
		}
		// the clause's own verb comes before any word that opens a
		// clause of the noun's ("concerns about | whether Obama was born")
		p := f.Pieces[0]
		verb := false
		for t := p.Start; t < p.End && t < p.Start+10 && !verb; t++ {
			if w := strings.ToLower(toks[t].Text); clauseRelatives[w] || questionOpeners[w] || toks[t].Text == "," {
				break
			}
			verb = finiteVerb(toks[t].POS) && t > p.Start
		}
		if !verb {
			continue
		}
		f.Cue.End = c.Start + 1
		f.Pieces[0].Start = c.Start + 1
		f.Content.Start = min(f.Content.Start, c.Start+1)
	}
}

// clauseCues take a clause for their content, whose subject the cue
// may have taken in (subjectInCue).
var clauseCues = wordSet("said says warned warns predicted predicts insisted insists argued argues admitted admits claimed claims " +
	"believes believed expects expected forecast forecasts reckons reckoned thinks thought suggested suggests")

// clauseRelatives open a relative clause whose subject or object is the
// noun before it ("that" too, unlike relativeWords).
var clauseRelatives = wordSet("which that who whom")

// sourceInsideRelative gives a report whose content the model began at a
// relative word and ran over its own cue ("a situation which critics say
// is more transparent" came out with "a situation" saying "which critics
// say is ...", "an amendment, which the EU says is needed, ..." with "the
// law") the words between the relative word and the cue for its source:
// in "which critics say is", "critics" say it, and the clause's verb
// follows the cue. The reporter's inverted form ("which, said Mr
// Hopkins, is part of ...") has the source after the cue, up to a comma.
// The content is the relative word and the rest of the clause.
func sourceInsideRelative(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Cue.Empty() {
			continue
		}
		p := f.Pieces[0]
		if f.Cue.Start <= p.Start+1 || f.Cue.End >= p.End || !clauseRelatives[strings.ToLower(toks[p.Start].Text)] ||
			!f.Source.Empty() && f.Source.End > p.Start {
			continue
		}
		// "that" after a verb opens what was said, not a relative clause
		if strings.EqualFold(toks[p.Start].Text, "that") && (p.Start == 0 || isVerbTag(toks[p.Start-1].POS)) {
			continue
		}
		s := p.Start + 1
		if toks[s].Text == "," {
			s++
		}
		if strings.EqualFold(toks[s].Text, "as") {
			s++
		}
		var src attribute.Range
		rest := f.Cue.End
		if s == f.Cue.Start {
			// "which, said Mr Hopkins, is ...": the source runs to a comma
			if toks[s-1].Text != "," {
				continue
			}
			e := f.Cue.End
			for e < p.End && e < f.Cue.End+6 && toks[e].Text != "," {
				e++
			}
			if e >= p.End || toks[e].Text != "," {
				continue
			}
			src, rest = attribute.Range{Start: f.Cue.End, End: e}, e+1
		} else {
			src = attribute.Range{Start: s, End: f.Cue.Start}
			if toks[f.Cue.Start-1].Text == "," {
				src.End-- // "which, as he points out, has"
				if src.End <= src.Start || toks[f.Cue.End].Text != "," {
					continue
				}
				rest++
			}
			// the clause goes on with its own verb after the cue ("say is",
			// "said echoed"), or the relative word is the cue's object
			// ("which Mr Bez described as")
			if !isVerbTag(toks[rest].POS) && !strings.EqualFold(toks[rest].Text, "as") {
				continue
			}
		}
		if src.End-src.Start > 6 || !nounPhrase(d, src) || rest >= p.End {
			continue
		}
		// "Nintendo is releasing a console that it says will ...": a
		// pronoun in the clause stands for the sentence's subject, which
		// the model took, and names it better
		if !thirdPersonPronoun(d, src) || f.Source.Empty() || f.Source.Start != d.Sents[toks[f.Source.Start].Sent].First {
			f.Source = src
		}
		// the clause ends at a comma before the sentence's own verb ("the
		// law, which the EU says is needed to harmonise with the US, is
		// little more than a law on ideas")
		end := p.End
		for t := rest + 1; t+1 < p.End; t++ {
			if toks[t].Text == "," && finiteVerb(toks[t+1].POS) {
				end = t
				break
			}
		}
		f.Pieces = []attribute.Range{{Start: p.Start, End: p.Start + 1}, {Start: rest, End: end}}
		f.Content.End = end
	}
}

// thirdPersonPronoun reports whether r is one pronoun for someone named
// elsewhere ("he", "it", "they").
func thirdPersonPronoun(d *doc.Doc, r attribute.Range) bool {
	if r.End-r.Start != 1 {
		return false
	}
	switch strings.ToLower(d.Tokens[r.Start].Text) {
	case "he", "she", "it", "they":
		return true
	}
	return false
}

// nounPhrase reports whether r holds a noun or a pronoun and no verb and
// no punctuation: a short subject.
func nounPhrase(d *doc.Doc, r attribute.Range) bool {
	noun := false
	for t := r.Start; t < r.End; t++ {
		pos := d.Tokens[t].POS
		switch {
		case isVerbTag(pos) || d.Tokens[t].Quote != 0 || isPunctWord(d.Tokens[t].Text):
			return false
		case strings.HasPrefix(pos, "NN") || strings.HasPrefix(pos, "PRP"):
			noun = true
		}
	}
	return noun
}

// contentFromDash gives a report whose source and cue come after it
// ("..., the aides said") the whole sentence for its content when the
// model began it just after a dash: the dash opens an aside or an
// afterthought inside what was said ("Liquidity - a measure of the
// number of parties willing to trade - was about half its normal level,
// traders said", "a path to legal status — but not citizenship — for
// many immigrants, the aides said"), not the report. A dateline before
// the dash ("WASHINGTON, D.C. — The report ...", "STOCKHOLM (Reuters)
// –") ends in capitals or a bracket and is left alone, and so is a sentence with a quote mark before the dash,
// and a piece after the dash of one or two words or ending in a
// relative pronoun (the cue is then in a clause about the aside: "- a
// claim Romney rejected", "— the last of which she describes as").
func contentFromDash(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Cue.Empty() || f.Pieces[0].Empty() || f.Cue.Start < f.Pieces[0].End || !f.Source.Empty() && f.Source.Start < f.Pieces[0].End {
			continue
		}
		p := f.Pieces[0]
		if p.Start < 2 || p.End-p.Start < 3 || !isDashWord(toks[p.Start-1].Text) && toks[p.Start-1].Text != "-" {
			continue
		}
		switch last := strings.ToLower(toks[p.End-1].Text); {
		case isDashWord(last), last == "-", last == "which", last == "who", last == "whom", last == "that":
			continue // the cue is in a clause inside the aside: "Arizona — the last of which she describes as"
		}
		if before := toks[p.Start-2].Text; before == ")" || len(before) > 1 && strings.ToUpper(before) == before {
			continue // a dateline: "STOCKHOLM (Reuters) –"
		}
		if doc.IsQuoteToken(toks[p.Start].Text) && p.Start+1 < p.End && !plainLowerWord(toks[p.Start+1].Text) {
			continue // a whole quotation set off by the dash: "erupted – “@Uber_Sydney stop ...,” one response began"
		}
		sent := toks[p.Start].Sent
		first := d.Sents[sent].First
		if toks[f.Cue.Start].Sent != sent || first >= p.Start-1 {
			continue
		}
		ok := true
		for t := first; t < p.Start-1 && ok; t++ {
			ok = toks[t].Quote == 0 && !doc.IsQuoteToken(toks[t].Text)
		}
		if !ok {
			continue
		}
		f.Pieces[0].Start = first
		f.Content.Start = min(f.Content.Start, first)
	}
}

// plainLowerWord reports whether w opens with a lower-case ASCII letter.
func plainLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// accordingToCue reports whether cue is the two words "according to".
func accordingToCue(d *doc.Doc, cue attribute.Range) bool {
	return cue.End-cue.Start == 2 && strings.EqualFold(d.Tokens[cue.Start].Text, "according") && strings.EqualFold(d.Tokens[cue.Start+1].Text, "to")
}

// accordingToWholeClause gives a report closed by "according to X"
// ("..., according to data analysis firm 1010data.") the whole sentence
// before it when the model began its content in the middle of a clause
// ("One of these, Solimo, sells generic versions of everything from
// K-Cup coffee pods to ..." began at "K-Cup", "Rising interest rates
// and the accompanying slowdown ... have knocked" at "the
// accompanying"): what "according to" vouches for is the clause it
// closes. A content that starts after a comma, a colon, a dash, a
// bracket or a quote mark (a lead-in: "By 2007, it is predicted"; a
// list; a dateline) or after one word is left alone, and so is a
// sentence with a quote mark or another report's cue before the
// content.
func accordingToWholeClause(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || !accordingToCue(d, f.Cue) || f.Pieces[0].Empty() || f.Cue.Start < f.Pieces[0].End {
			continue
		}
		p := f.Pieces[0]
		sent := toks[p.Start].Sent
		first := d.Sents[sent].First
		// (the content runs up to the comma before "according to", and
		// more than one word stands before it: a lone "But" or
		// "Although" the model left out on purpose)
		if first >= p.Start-1 || toks[f.Cue.Start].Sent != sent || toks[f.Cue.Start-1].Text != "," || p.End < f.Cue.Start-1 {
			continue
		}
		switch prev := toks[p.Start-1].Text; {
		case prev == ",", prev == ":", prev == ";", prev == "-", isDashWord(prev), doc.IsQuoteToken(prev), prev == ")", prev == "(":
			continue
		}
		switch strings.ToLower(toks[p.End-1].Text) {
		case "which", "who", "that":
			continue // "Adidas has a trainer which, according to ..., can"
		}
		ok := plainRun(d, found, i, first, p.Start)
		for t := first; t < p.Start && ok; t++ {
			ok = !doc.IsQuoteToken(toks[t].Text) // (an unpaired mark too)
		}
		if !ok {
			continue
		}
		f.Pieces[0].Start = first
		f.Content.Start = min(f.Content.Start, first)
	}
}

// sourceTakenForContent turns round a report written "clause, <speaker>
// has said." that came out with no source and the speaker for its
// content ("Terrorists might try to target the UK in the run-up to the
// election, London's most senior police officer has said." gave "London's
// most senior police officer" as what was said): a content of at most
// eight words with no verb, between a comma and the cue that ends the
// sentence, naming something that can speak, after a clause of five
// words or more with a verb, is the source, and the clause the content.
func sourceTakenForContent(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || !f.Source.Empty() || f.Cue.Empty() || f.Pieces[0].End != f.Cue.Start {
			continue
		}
		p := f.Pieces[0]
		sent := toks[p.Start].Sent
		first := d.Sents[sent].First
		if p.Start-1 <= first+4 || toks[p.Start-1].Text != "," || p.End-p.Start > 8 || f.Cue.End >= len(toks) || !sentenceEnd(toks[f.Cue.End].Text) {
			continue
		}
		ok := true
		for t := p.Start; t < p.End && ok; t++ {
			tk := toks[t]
			ok = tk.Quote == 0 && !doc.IsQuoteToken(tk.Text) && (!isVerbTag(tk.POS) || capitalised(tk.Text))
		}
		verb := false
		for t := first; t < p.Start-1 && ok; t++ {
			ok = toks[t].Quote == 0 && !doc.IsQuoteToken(toks[t].Text)
			verb = verb || isVerbTag(toks[t].POS)
		}
		if !ok || !verb || !resolve.SpeakingWordIn(d.Text[toks[p.Start].Start:toks[p.End-1].End]) {
			continue
		}
		f.Source = p
		f.Pieces = []attribute.Range{{Start: first, End: p.Start - 1}}
		f.Content = f.Pieces[0]
	}
}

// byGerundSubject gives a cue written as a gerund after "by" ("Facebook
// and other tech companies often deflect accusations ... by arguing
// “consent”") the subject of the sentence's verb when the model gave it
// none or only the subject's first party ("Google" of "Google and other
// tech companies"): the one who deflects is the one who argues. The subject is the
// phrase that opens the sentence up to its first verb (adverbs before
// the verb left out), of at most eight words with no comma; the gerund
// a verb of saying.
func byGerundSubject(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.Empty() || c < 3 || toks[c].POS != "VBG" || !strings.EqualFold(toks[c-1].Text, "by") {
			continue
		}
		if l, ok := lemmaOf(strings.ToLower(toks[c].Text)); !ok || !reportingVerbs[l] {
			continue // a deed ("by defending neo-Pharisaical sophistry")
		}
		first := d.Sents[toks[c].Sent].First
		v := -1
		for k := first + 1; k < c-1; k++ {
			if tk := toks[k]; tk.Text == "," || tk.Quote != 0 || doc.IsQuoteToken(tk.Text) {
				break
			}
			if finiteVerb(toks[k].POS) {
				v = k
				break
			}
		}
		if v < 0 || v-first > 9 {
			continue
		}
		end := v
		for end > first+1 && (toks[end-1].POS == "RB" || strings.HasSuffix(toks[end-1].Text, "ly")) {
			end--
		}
		if end-first > 8 || !capitalised(toks[first].Text) {
			continue
		}
		// (a source the model gave is kept unless it is the first of the
		// subject's parties: "Google" of "Google and other tech companies")
		if !f.Source.Empty() && !(f.Source.Start == first && f.Source.End < end && strings.EqualFold(toks[f.Source.End].Text, "and")) {
			continue
		}
		f.Source = attribute.Range{Start: first, End: end}
	}
}

// accordingToClauseAfter gives an "according to X," written inside a
// sentence the clause after it when the model took only the words before
// it: a lead-in with no verb ("In 2004, according to forecasts from the
// Ministry of Commerce, China's oil imports will be 110m tons" came out
// as "In 2004") keeps its words and gains the clause, and a sentence
// before a colon ("... no insurance: according to estimates from India,
// only one-quarter ...") gives way to the clause, which is what the
// relay vouches for.
func accordingToClauseAfter(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || !accordingToCue(d, f.Cue) || f.Source.Empty() || f.Source.Start != f.Cue.End || f.Pieces[0].End > f.Cue.Start {
			continue
		}
		p := f.Pieces[0]
		sent := toks[f.Cue.Start].Sent
		last := d.Sents[sent].Last // exclusive
		c := f.Source.End
		if c >= last || toks[c].Text != "," || toks[p.Start].Sent != sent {
			continue
		}
		end := last
		for end > c+1 && (isPunctWord(toks[end-1].Text) || sentenceEnd(toks[end-1].Text)) {
			end--
		}
		if end-(c+1) < 3 {
			continue
		}
		verb := false
		for t := c + 1; t < end; t++ {
			if toks[t].Quote != 0 || doc.IsQuoteToken(toks[t].Text) {
				verb = false
				break
			}
			verb = verb || finiteVerb(toks[t].POS)
		}
		if !verb {
			continue
		}
		clause := attribute.Range{Start: c + 1, End: end}
		switch lead := toks[p.End-1].Text; {
		case lead == ":" || lead == ";":
			f.Pieces = []attribute.Range{clause}
		case p.Start == d.Sents[sent].First && p.End-p.Start <= 6 && !hasFiniteVerb(d, p):
			f.Pieces = []attribute.Range{p, clause}
		default:
			continue
		}
		f.Content = attribute.Range{Start: f.Pieces[0].Start, End: clause.End}
	}
}

// quoteAfterAsideReport gives a quote appended to a sentence that holds
// another report ("To alleviate the threat, the officials said, the
// utility switched its manhole covers to vented ones, “so they cannot
// form a combustible amount,” Mr. McHugh said") to the source after it
// alone: the quote is Mr. McHugh's, the rest of the sentence the
// officials'. The later report's content is cut to the quote, and the
// aside report's content ends before the comma that opens the quote.
func quoteAfterAsideReport(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		b := &found[i]
		if len(b.Pieces) != 1 || b.Source.Empty() || b.Cue.Empty() || b.Source.Start < b.Pieces[0].End {
			continue
		}
		p := b.Pieces[0]
		// the quote that ends the piece, opened after a comma inside it
		last := p.End - 1
		for last > p.Start && isPunctWord(toks[last].Text) && toks[last].Quote == 0 {
			last--
		}
		qi := toks[last].Quote
		if qi == 0 {
			continue
		}
		q := last
		for q > p.Start && toks[q-1].Quote == qi {
			q--
		}
		if q <= p.Start+1 || toks[q-1].Text != "," || toks[q].Sent != toks[b.Cue.Start].Sent {
			continue
		}
		// another report whose source and cue stand as an aside in the
		// piece before the quote, its content around them ("To alleviate
		// the threat, the officials said, the utility ..."); a cue that
		// governs the quote ("dropped charges, “saying he was ...”") is
		// no aside
		aside := -1
		for j := range found {
			a := &found[j]
			if j != i && len(a.Pieces) >= 2 && !a.Cue.Empty() && a.Cue.Start >= p.Start && a.Cue.End < q && !a.Source.Empty() && a.Source.Start >= p.Start &&
				a.Pieces[0].End <= a.Source.Start && a.Pieces[len(a.Pieces)-1].Start >= a.Cue.End {
				aside = j
				break
			}
		}
		if aside < 0 {
			continue
		}
		b.Pieces = []attribute.Range{{Start: q, End: p.End}}
		b.Content = b.Pieces[0]
		a := &found[aside]
		for k := range a.Pieces {
			if a.Pieces[k].Start < q-1 && a.Pieces[k].End > q-1 {
				a.Pieces[k].End = q - 1
			}
		}
		if n := len(a.Pieces); n > 0 {
			a.Content.End = min(a.Content.End, a.Pieces[n-1].End)
		}
	}
}
