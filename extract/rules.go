package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/resolve"
	"github.com/claimtrail/claimtrail/segment"
)

// Layout conventions of news pages attribute statements without a verb,
// so the learned cue tagger, which reads sentences, rarely sees them; they
// are found by rule and added to what the model found:
//
//   - signatures: a quote, or an embedded tweet, signed with a dash and a
//     name: “...” ― Jane Roe; ... — Jane Roe (@janeroe) July 5, 2016;
//     a quote paragraph followed by a paragraph "- Jane Roe."
//   - transcript turns: a paragraph opening with a speaker's name in
//     capitals and a colon: "ROE: Well, look, ..."
//   - headline colons: Jane Roe: Taxes Will Rise; Poll: ...
//
// The cue is the dash or the colon, as PolNeAR annotates them.

// Confidence margins given to rule matches (see confidence): layout is a
// strong signal, but names in capitals and headline prefixes can mislead.
const (
	ruleSignatureMargin = 6
	ruleTurnMargin      = 5
	ruleHeadlineMargin  = 3
)

// layoutAttributions returns the attributions the rules find whose cue
// no attribution in found already covers.
func layoutAttributions(d *doc.Doc, found []attribute.Found) []attribute.Found {
	var cueAt []bool // tokens in a found cue, made when first needed
	taken := func(i int) bool {
		if cueAt == nil {
			cueAt = make([]bool, len(d.Tokens))
			for _, f := range found {
				for k := max(f.Cue.Start, 0); k < f.Cue.End && k < len(cueAt); k++ {
					cueAt[k] = true
				}
			}
		}
		return i >= 0 && i < len(cueAt) && cueAt[i]
	}
	var outer []int // outermost quote of each quote, made when first needed
	var out []attribute.Found
	add := func(cue, source, content attribute.Range, margin float32) {
		if content.Empty() || taken(cue.Start) {
			return
		}
		out = append(out, attribute.Found{Cue: cue, Source: source, Content: content, Pieces: []attribute.Range{content},
			CueScore: margin, ContentMargin: margin, SourceMargin: margin})
	}
	for pi, p := range d.Paras {
		first, last := paraTokens(d, p)
		if last-first < 2 {
			continue
		}
		if pi == 0 && title(d) != "" {
			// the speaker before a headline's colon is a name the body
			// uses ("John Boehner: ..."); a topic is not ("Superbugs:
			// What They Are and How You Get Them")
			if cue, src, content, ok := headlineColon(d, first, last); ok && namedInBody(d, src) {
				add(cue, src, content, ruleHeadlineMargin)
			}
			continue
		}
		if cue, src, content, ok := transcriptTurn(d, first, last); ok {
			add(cue, src, content, ruleTurnMargin)
			continue
		}
		// where the line holding token i starts, worked out at a dash
		// (rare) from where it was at the dash before (lineAt)
		line, lineAt := first, first
		for i := first; i < last; i++ {
			if !isDash(d.Tokens[i].Text) {
				continue
			}
			line, lineAt = lineFrom(d, line, lineAt, i), i
			if outer == nil && len(d.Quotes) > 0 {
				outer = outermostQuotes(d)
			}
			if cue, src, content, ok := signature(d, pi, first, last, i, line, outer); ok {
				add(cue, src, content, ruleSignatureMargin)
			}
		}
	}
	return out
}

func paraTokens(d *doc.Doc, p doc.Paragraph) (int, int) {
	if p.Last <= p.First {
		return 0, 0
	}
	return d.Sents[p.First].First, d.Sents[p.Last-1].Last
}

func isDash(t string) bool {
	switch t {
	case "―", "—", "–", "-", "--":
		return true
	}
	return false
}

func capitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// allCaps: a word of two or more letters, all capitals ("WALLACE", "MR.").
func allCaps(t string) bool {
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == '.' || r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// nameAt returns the end of a personal name starting at i: capitalised
// words, initials and name particles, at most six tokens.
func nameAt(d *doc.Doc, i, last int) int {
	j := i
	for j < last && j-i < 6 {
		if j > i && d.LineBreakBefore(j) && !strings.HasSuffix(d.Tokens[j-1].Text, ".") {
			// a name ends with its line ("– Don Lemon / Just to
			// illustrate ..."), unless the page broke it after a
			// title's period ("— Sec. / Kirstjen Nielsen")
			return j
		}
		t := d.Tokens[j].Text
		switch {
		case capitalised(t):
		case j > i && t == "." && abbreviation(d.Tokens[j-1].Text):
		case j > i && (t == "de" || t == "van" || t == "von" || t == "bin" || t == "al" || t == "da" || t == "del"):
		default:
			return j
		}
		j++
	}
	return j
}

// abbreviation reports whether t, before a period, is an initial or an
// abbreviation the segmenter knows ("Sec. Kirstjen Nielsen", "Martin
// Luther King Jr."): a period after any other word ends a name ("–
// Einstein. All of these ...").
func abbreviation(t string) bool {
	return len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z' || capitalised(t) && segment.Abbreviation(t)
}

// signature: a dash at token i signing what comes before it with a name.
// line is where i's line starts, outer the outermost quote of each quote
// (both found by the caller in one pass, so that a paragraph of many
// dashes costs no more than its length).
func signature(d *doc.Doc, pi, first, last, i, line int, outer []int) (cue, src, content attribute.Range, ok bool) {
	if !isDash(d.Tokens[i].Text) || i+1 >= last || !capitalised(d.Tokens[i+1].Text) {
		return
	}
	e := nameAt(d, i+1, last)
	// trailing periods belong to the sentence, not the name
	for e > i+2 && d.Tokens[e-1].Text == "." {
		e--
	}
	if e == i+1 {
		return
	}
	// after the name: the paragraph's or the line's end, a handle
	// "(@...", a place ", Philadelphia", a final period
	rest := e
	for rest < last && d.Tokens[rest].Text == "." {
		rest++
	}
	tweet, aside := false, false
	switch {
	case rest == last || d.LineBreakBefore(rest):
	case d.Tokens[rest].Text == "(" && rest+1 < last && len(d.Tokens[rest+1].Text) > 0 && d.Tokens[rest+1].Text[0] == '@':
		tweet = true
	case d.Tokens[rest].Text == "(":
		// a note on who the signer is or where the words are from
		// ("” – Edward Bernays (“the father of public relations”)"):
		// signs only a quote
		aside = true
	case d.Tokens[rest].Text == ",":
	default:
		return
	}
	cue, src = attribute.Range{Start: i, End: i + 1}, attribute.Range{Start: i + 1, End: e}
	if aside && (i == first || !doc.IsQuoteToken(d.Tokens[i-1].Text)) {
		return
	}
	if d.LineBreakBefore(i) && bylineFollows(d, rest, last) {
		return
	}
	switch {
	case i > first && doc.IsQuoteToken(d.Tokens[i-1].Text):
		// “...” ― Name: the quote closing just before the dash, or the
		// line it ends when its marks did not pair up
		s := line
		if q := d.Tokens[i-1].Quote; q != 0 {
			qs := d.Quotes[outer[q-1]].Start
			// the first token of the quote (token starts grow with their
			// index), not before the paragraph
			s = max(first, sort.Search(i-1, func(k int) bool { return d.Tokens[k].Start >= qs }))
		} else if !doc.IsQuoteToken(d.Tokens[line].Text) {
			return
		}
		if s > line && !endsSentence(d.Tokens[s-1].Text) {
			// a phrase quoted inside a sentence ("aka ‘full English’ –
			// Brexit."): the dash goes on with the sentence, it signs
			// nothing
			return
		}
		content = attribute.Range{Start: s, End: i}
	case i > first && tweet:
		// an embedded tweet: its text is the line before the dash, and
		// when that holds only its links ("pic.twitter.com/..."), the
		// tweet's text ends on the line before (how far up it starts
		// the page does not say: its last line is surely the tweet's)
		content = attribute.Range{Start: line, End: i}
		if line == i && line > first {
			// the signature on a line of its own ("— Bernie Sanders
			// (@BernieSanders) March 22, 2019" under the tweet's last
			// line): the tweet ends on the line above
			prev := line - 1
			for prev > first && !d.LineBreakBefore(prev) {
				prev--
			}
			content = attribute.Range{Start: prev, End: i}
			if articleLine(strings.TrimSpace(d.Text[d.Tokens[prev].Start:d.Tokens[i-1].End])) {
				return
			}
		}
		if onlyLinks(d, content.Start, i) && content.Start > first {
			line = content.Start
			prev := line - 1
			for prev > first && !d.LineBreakBefore(prev) {
				prev--
			}
			content.Start = prev
		}
		if !content.Empty() && thinTweetLine(d.Text[d.Tokens[content.Start].Start:d.Tokens[i-1].End]) {
			content.Start = tweetLinesBefore(d, content, d.Tokens[e-1].Text)
		}
	case i == first && pi > 0:
		// "- Name." under a quote paragraph
		pf, pl := paraTokens(d, d.Paras[pi-1])
		if pl-pf < 3 || !doc.IsQuoteToken(d.Tokens[pf].Text) || !doc.IsQuoteToken(d.Tokens[pl-1].Text) {
			return
		}
		content = attribute.Range{Start: pf, End: pl}
	default:
		return
	}
	return cue, src, content, !content.Empty()
}

// thinTweetLine reports whether a tweet's last line says next to nothing
// of its own once its links, handles and hashtags are set aside ("👇🏻
// pic.twitter.com/...", "#gapol (1 of 3)", "Details: https://t.co/...",
// "@tellwesterville @WestervillePD pic.twitter.com/..."): the page wrote
// the tweet's text on the lines above it.
func thinTweetLine(line string) bool {
	words := 0
	for _, f := range strings.Fields(line) {
		if tweetFurniture(f) {
			continue
		}
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words <= 3
}

// tweetFurniture: a link, a handle or a hashtag.
func tweetFurniture(f string) bool {
	return strings.HasPrefix(f, "pic.twitter.com/") || strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") ||
		strings.HasPrefix(f, "@") || strings.HasPrefix(f, "#")
}

// maxTweetChars is how long a tweet's text may be.
const maxTweetChars = 280

// tweetLinesBefore returns where the embedded tweet whose last lines are
// content starts: the lines above it, up to a tweet's length, that are
// not the article's own (a line opening or closing a quote mark, as
// prose quoting the tweet does; one ending with a colon, a lead-in;
// another tweet's signature; a line that says someone tweeted or wrote;
// one naming the signer, whom the article writes about and the tweet
// does not).
func tweetLinesBefore(d *doc.Doc, content attribute.Range, signer string) int {
	total := 0
	for _, f := range strings.Fields(d.Text[d.Tokens[content.Start].Start:d.Tokens[content.End-1].End]) {
		if !tweetFurniture(f) {
			total += len([]rune(f)) + 1
		}
	}
	s := content.Start
	for lines := 0; lines < 8 && s > 0; lines++ {
		ls := s - 1
		for ls > 0 && !d.LineBreakBefore(ls) {
			ls--
		}
		text := strings.TrimSpace(d.Text[d.Tokens[ls].Start:d.Tokens[s-1].End])
		if articleLine(text) || len(signer) > 2 && strings.Contains(text, signer) {
			break
		}
		if total += len([]rune(text)) + 1; total > maxTweetChars {
			break
		}
		s = ls
	}
	return s
}

// articleLine reports whether a line above an embedded tweet is the
// article's or the page's: see tweetLinesBefore.
func articleLine(text string) bool {
	if text == "" || strings.HasSuffix(text, ":") || strings.Contains(text, "(@") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if claimtrail.IsQuoteMark(first) || claimtrail.IsQuoteMark(last) {
		return true
	}
	lt := strings.ToLower(text)
	for _, w := range []string{"tweeted", "tweet", "wrote", " said", "posted by", "twitter",
		// page furniture between the article and an embed
		"privacy policy", "terms of use", "subscribe", "sign up", "newsletter", "advertisement", "this field", "opt out", "email *"} {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// bylineFollows reports whether the lines after a signed name, within
// two, close the article as a wire story does ("— Tracy Wilkinson / Los
// Angeles Times / ——— / ©2018 ..."): the name is the reporter's byline,
// and the quote above it belongs to whoever the story quoted.
func bylineFollows(d *doc.Doc, i, last int) bool {
	lines := 0
	for ; i < last && lines <= 2; i++ {
		if !d.LineBreakBefore(i) {
			continue
		}
		lines++
		t := d.Tokens[i].Text
		if strings.HasPrefix(t, "©") || strings.HasPrefix(t, "———") || strings.EqualFold(t, "copyright") {
			return true
		}
	}
	return false
}

// onlyLinks reports whether tokens [s, e) are web links and nothing else
// ("pic.twitter.com/YnNthhWU6U", "https://t.co/ZIeHWP57l3").
func onlyLinks(d *doc.Doc, s, e int) bool {
	if s >= e {
		return false
	}
	for _, f := range strings.Fields(d.Text[d.Tokens[s].Start:d.Tokens[e-1].End]) {
		if !strings.HasPrefix(f, "pic.twitter.com/") && !strings.HasPrefix(f, "http://") && !strings.HasPrefix(f, "https://") {
			return false
		}
	}
	return true
}

// outermostQuotes returns, for each quote region, the index of the
// outermost region holding it (itself at depth 0). Regions are sorted by
// start and nest, so the regions holding one are those left on a stack.
func outermostQuotes(d *doc.Doc) []int {
	out := make([]int, len(d.Quotes))
	var open []int
	for qi, q := range d.Quotes {
		for len(open) > 0 && !(d.Quotes[open[len(open)-1]].Start <= q.Start && q.End <= d.Quotes[open[len(open)-1]].End) {
			open = open[:len(open)-1]
		}
		out[qi] = qi
		if q.Depth > 0 && len(open) > 0 {
			out[qi] = out[open[len(open)-1]]
		}
		open = append(open, qi)
	}
	return out
}

// transcriptTurn: "NAME: ..." (after an optional opening quote mark).
func transcriptTurn(d *doc.Doc, first, last int) (cue, src, content attribute.Range, ok bool) {
	s := first
	if doc.IsQuoteToken(d.Tokens[s].Text) {
		s++
	}
	e := s
	for e < last && e-s < 3 && allCaps(d.Tokens[e].Text) {
		e++
	}
	if e == s || e >= last-1 || d.Tokens[e].Text != ":" {
		return
	}
	end := last
	if doc.IsQuoteToken(d.Tokens[end-1].Text) && s > first {
		end-- // the closing mark of the quote opened before the name
	}
	if end <= e+1 {
		return
	}
	return attribute.Range{Start: e, End: e + 1}, attribute.Range{Start: s, End: e}, attribute.Range{Start: e + 1, End: end}, true
}

// headlineColon: "Name: what they said" in a headline. The prefix is a
// short capitalised name, or up to eight words before a quotation.
func headlineColon(d *doc.Doc, first, last int) (cue, src, content attribute.Range, ok bool) {
	colon := -1
	for i := first + 1; i < last && i <= first+8; i++ {
		if d.Tokens[i].Text == ":" {
			colon = i
			break
		}
	}
	if colon < 0 || last-colon < 4 {
		return
	}
	quoted := doc.IsQuoteToken(d.Tokens[colon+1].Text)
	if colon-first > 4 && !quoted {
		return
	}
	for i := first; i < colon; i++ {
		if t := d.Tokens[i].Text; !capitalised(t) && t != "'s" && t != "’s" && t != "." {
			return
		}
	}
	if !quoted && epithetTitle(d, colon+1, last) {
		return
	}
	return attribute.Range{Start: colon, End: colon + 1}, attribute.Range{Start: first, End: colon}, attribute.Range{Start: colon + 1, End: last}, true
}

// epithetTitle reports whether tokens [s, e) after a headline's colon
// are a short noun phrase opened by an article and holding no verb: what
// a profile calls its subject ("Johnny Depp: The acting outlaw"), not
// what the subject said ("Blair: No election TV debate" is a claim).
func epithetTitle(d *doc.Doc, s, e int) bool {
	if e-s > 5 {
		return false
	}
	switch strings.ToLower(d.Tokens[s].Text) {
	case "the", "a", "an":
	default:
		return false
	}
	for k := s; k < e; k++ {
		if p := d.Tokens[k].POS; strings.HasPrefix(p, "VB") || p == "MD" {
			return false
		}
	}
	return true
}

// fixHeadlineCues moves names out of the start of cues in title-case
// headlines into the source before them: tagged lower-cased, an unknown
// surname can read as a verb ("Mayor Reyes Says ..." gave the cue "Reyes
// Says"). A word the article writes capitalised mid-sentence is a name.
func fixHeadlineCues(d *doc.Doc, found []attribute.Found) {
	var names map[string]bool
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Source.End != f.Cue.Start {
			continue
		}
		if !titleCaseSentence(d, d.Sents[d.Tokens[f.Cue.Start].Sent]) {
			continue
		}
		if names == nil {
			names = namesInBody(d)
		}
		for f.Cue.End-f.Cue.Start > 1 && names[d.Tokens[f.Cue.Start].Text] {
			f.Cue.Start++
			f.Source.End++
		}
		// the cue was the name alone ("Mayor Burns Says ...": "Burns"):
		// the verb that opens the content is the cue
		if f.Cue.End-f.Cue.Start == 1 && names[d.Tokens[f.Cue.Start].Text] && len(f.Pieces) == 1 &&
			f.Pieces[0].Start == f.Cue.End && f.Pieces[0].End-f.Pieces[0].Start > 1 && strings.HasPrefix(d.Tokens[f.Cue.End].POS, "V") {
			f.Source.End = f.Cue.End
			f.Cue = attribute.Range{Start: f.Cue.End, End: f.Cue.End + 1}
			f.Pieces[0].Start++
			f.Content = f.Pieces[0]
		}
	}
}

// namesInBody returns the words the article writes capitalised inside
// sentences that are not in title case, past their first word and not
// opening a quotation.
// namedInBody reports whether the last capitalised word of src is
// written capitalised inside a sentence of the body (not at its start),
// as names are, or names people ("Texas Mom", "Lawyer") or a speaking
// body ("Labour Party").
func namedInBody(d *doc.Doc, src attribute.Range) bool {
	if src.End-src.Start == 2 && resolve.FirstName(d.Tokens[src.Start].Text) {
		return true // a person's full name: a column's byline ("Richard Littlejohn: ...")
	}
	if src.End-src.Start > 2 && resolve.FirstName(d.Tokens[src.Start].Text) {
		// a longer one only when the body writes each later word inside
		// a sentence: "Bob Etheridge Attacks Student: ..." is a title-case
		// headline with a verb in it, no name
		for k := src.Start + 1; k < src.End; k++ {
			if w := d.Tokens[k].Text; w != "." && !usedInside(d, w) {
				return false
			}
		}
		return true
	}
	for k := src.End - 1; k >= src.Start; k-- {
		if w := d.Tokens[k].Text; capitalised(w) && w != "." {
			return resolve.PeopleNoun(w) || speakingBodies[strings.ToLower(w)] || usedInside(d, w)
		}
	}
	return false
}

// usedInside reports whether w is written inside a sentence of the body
// after the headline (not first in it, nor first in a quotation), in a
// sentence not in title case.
func usedInside(d *doc.Doc, w string) bool {
	from := 0
	if len(d.Paras) > 0 {
		from = d.Paras[0].Last // sentences after the headline's paragraph
	}
	for _, sent := range d.Sents[from:] {
		if titleCaseSentence(d, sent) {
			continue
		}
		for k := sent.First + 1; k < sent.Last; k++ {
			// a word right after a quote mark opens the quoted sentence
			if d.Tokens[k].Text == w && !doc.IsQuoteToken(d.Tokens[k-1].Text) {
				return true
			}
		}
	}
	return false
}

// speakingBodies head the names of organisations that speak in headlines
// ("British Labour Party: ...").
var speakingBodies = map[string]bool{"party": true, "committee": true, "council": true, "ministry": true, "department": true,
	"government": true, "campaign": true, "union": true, "court": true, "police": true, "commission": true, "association": true}

func namesInBody(d *doc.Doc) map[string]bool {
	names := map[string]bool{}
	for _, sent := range d.Sents {
		if titleCaseSentence(d, sent) {
			continue
		}
		for k := sent.First + 1; k < sent.Last; k++ {
			w := d.Tokens[k].Text
			if !capitalised(w) || doc.IsQuoteToken(d.Tokens[k-1].Text) || d.Tokens[k-1].Text == ":" {
				continue
			}
			names[w] = true
		}
	}
	return names
}
