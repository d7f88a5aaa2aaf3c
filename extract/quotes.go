package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/resolve"
)

// Quotes the learned cue tagger misses because they lie outside the
// sentence it reads, or are too short to look like content:
//
//   - block quotes: a paragraph ending "X said:" or "X told the committee:"
//     followed by a paragraph without quote marks (an HTML <blockquote>,
//     indented testimony), which X says verbatim;
//   - short answers after a speech verb and a comma or colon: She paused,
//     then continued, “OK.”
//
// Both get the cue's source; when the model found no source, the subject
// just before the cue (see subjectBefore).

// ruleQuoteMargin is the confidence margin of these rule matches.
const ruleQuoteMargin = 4

// speechVerbs are the verbs that introduce a quote after a comma or colon.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`said says say added adds continued continues replied replies
	answered answers responded responds asked asks told tells wrote writes tweeted tweets posted
	shouted yelled declared declares insisted insists explained explains stated states noted notes
	remarked quipped joked concluded concludes warned warns recalled recalls exclaimed countered
	retorted interjected whispered snapped testified testifies argued argues began begins
	read reads announced announces advised advises cautioned cautions urged urges pleaded pleads
	promised promises predicted predicts complained complains admitted admits acknowledged
	acknowledges conceded concedes claimed claims suggested suggests observed observes confirmed
	confirms reported reports commented comments mused boasted vowed vows recounted recounts
	texted texts emailed emails e-mailed e-mails messaged messages`) {
		speechVerbs[w] = true
	}
}

// leadInParticiples are the participles of saying a name and a comma
// put before a quote ("Perry claiming, “...”").
var leadInParticiples = wordSet("saying adding claiming declaring insisting explaining stating noting warning arguing announcing replying answering writing tweeting concluding")

// quoteRules returns found with the block quotes and short answers the
// model missed: a found whose cue introduces a block quote gets it as its
// content when the model gave it a content inside the cue's own paragraph;
// new attributions are appended.
func quoteRules(d *doc.Doc, found []attribute.Found) []attribute.Found {
	for i := range found {
		// "Whitfield later added: “...”": the source the model missed
		f := &found[i]
		if !f.Source.Empty() {
			nameAfterAsContent(d, f)
			quoteBeforeSaidOf(d, f)
			continue
		}
		if subjectAsContent(d, f) {
			continue
		}
		if src := subjectBefore(d, f.Cue.Start); !src.Empty() && src.End == f.Cue.Start && nameAsContent(d, f, src) {
			// “How dare you!” Attorney General Jeff Sessions said: the
			// model read the name as content
			continue
		}
		if src := nameAfterQuote(d, f.Cue); !src.Empty() && !f.Content.Empty() {
			// “...,” said Trump in an interview: the model read the name
			// as content
			f.Source = src
			continue
		}
		if f.Content.Start < f.Cue.End {
			continue
		}
		next := f.Cue.End // the colon or comma after the cue (or ending it)
		if t := d.Tokens[next-1].Text; t == ":" || t == "," {
			next--
		}
		if next+1 < len(d.Tokens) && (d.Tokens[next].Text == ":" || d.Tokens[next].Text == ",") && doc.IsQuoteToken(d.Tokens[next+1].Text) {
			f.Source = subjectBefore(d, f.Cue.Start)
		}
	}
	found = blockQuotes(d, found)
	found = append(found, shortAnswers(d, found)...)
	continuedQuotes(d, found)
	trimOthersQuotes(d, found)
	return found
}

// continuedQuotes adds to a quote split by its cue the short quote that
// continues it after the cue's sentence: “We won,” he said. “Easily.”
// (longer ones stand alone and get the speaker from context).
func continuedQuotes(d *doc.Doc, found []attribute.Found) {
	covered := coveredTokens(d, found)
	// found by the token that ends its cue's sentence
	byEnd := map[int]int{}
	for i, f := range found {
		if !f.Source.Empty() {
			byEnd[max(f.Cue.End, f.Source.End)] = i
		}
	}
	for qi, q := range d.Quotes {
		if q.Depth != 0 || wordsAtLeast(d.Text[q.Start:q.End], 4) {
			continue
		}
		t := tokenAt(d, q.Start)
		if t < 3 || d.Tokens[t].Quote != qi+1 || d.Tokens[t-1].Text != "." || covered[t] {
			continue
		}
		end := t
		for end < len(d.Tokens) && d.Tokens[end].End <= q.End {
			end++
		}
		if i, ok := byEnd[t-1]; ok {
			f := &found[i]
			if len(f.Pieces) == 0 {
				continue
			}
			last := f.Pieces[len(f.Pieces)-1]
			// the cue's sentence ends right before the quote, and the
			// content before the cue is a whole quote
			if f.Source.Empty() || last.Empty() || max(f.Cue.End, f.Source.End) != t-1 || last.End > f.Cue.Start ||
				kindOf(d, f.Pieces) != claimtrail.KindDirect || d.Sents[d.Tokens[t].Sent].Para != d.Sents[d.Tokens[f.Cue.Start].Sent].Para {
				continue
			}
			f.Pieces = append(f.Pieces, attribute.Range{Start: t, End: end})
			f.Content.End = end
		}
	}
}

// trimOthersQuotes cuts out of a content the direct quote that another
// attribution, whose cue stands beside it, gives to its own speaker: in
// "the officials said, the utility ... “so they cannot form a combustible
// amount,” Mr. McHugh said", the officials' content ends before McHugh's
// quote. When the quote's cue comes first ("Y replied, “...”") and
// stands in the same sentence as the content's cue, the content reports
// Y's words and keeps them (as PolNeAR annotates), unless it has no
// source of its own ("vows to end what he calls “...”"). Only a quote at either end of the content is cut, and only when
// the content keeps some words of its own.
func trimOthersQuotes(d *doc.Doc, found []attribute.Found) {
	byPara := map[int][]int{}
	for i, f := range found {
		if !f.Cue.Empty() {
			byPara[d.Sents[d.Tokens[f.Cue.Start].Sent].Para] = append(byPara[d.Sents[d.Tokens[f.Cue.Start].Sent].Para], i)
		}
	}
	for _, idx := range byPara {
		if len(idx) > maxPairsPara {
			continue // keep the pairing linear on pathological text
		}
		for _, gi := range idx {
			g := &found[gi]
			if len(g.Pieces) != 1 || g.Pieces[0].Empty() || kindOf(d, g.Pieces) != claimtrail.KindDirect {
				continue
			}
			q := g.Pieces[0]
			// the cue beside its quote: “...,” X said / X said, “...”
			after := g.Cue.Start >= q.End && g.Cue.Start-q.End <= 4
			if !after && !(g.Cue.End <= q.Start && q.Start-g.Cue.End <= 4) {
				continue
			}
			for _, fi := range idx {
				f := &found[fi]
				if fi == gi || f.Cue.Start >= q.Start && f.Cue.End <= q.End {
					continue
				}
				if !after && !f.Source.Empty() && d.Tokens[f.Cue.Start].Sent == d.Tokens[g.Cue.Start].Sent {
					// a sentence that reports "X said, “...”" in its
					// content reports X's words itself
					continue
				}
				for pi, p := range f.Pieces {
					switch {
					case p.Start < q.Start && p.End == q.End && q.Start-p.Start >= 3:
						p.End = q.Start
					case p.Start == q.Start && p.End > q.End && p.End-q.End >= 3:
						p.Start = q.End
					default:
						continue
					}
					for p.End > p.Start && isPunct(d.Tokens[p.End-1].Text) {
						p.End--
					}
					for p.Start < p.End && isPunct(d.Tokens[p.Start].Text) {
						p.Start++
					}
					if !p.Empty() {
						f.Pieces[pi] = p
						if len(f.Pieces) == 1 {
							f.Content = p
						}
					}
				}
			}
		}
	}
}

// maxPairsPara bounds the attributions of one paragraph that
// trimOthersQuotes compares pairwise (news paragraphs hold a handful).
const maxPairsPara = 64

func isPunct(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsPunct(r) && !claimtrail.IsQuoteMark(r)
}

// blockQuotes attributes a paragraph without quote marks to the speaker
// of the paragraph before it when that one ends with a speech cue and a
// colon.
func blockQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	covered := coveredTokens(d, found)
	// the model's cue nearest the end of each paragraph
	lastCue := map[int]int{}
	for i, f := range found {
		pi := d.Sents[d.Tokens[f.Cue.Start].Sent].Para
		if k, ok := lastCue[pi]; !ok || f.Cue.Start > found[k].Cue.Start {
			lastCue[pi] = i
		}
	}
	for pi := 0; pi+1 < len(d.Paras); pi++ {
		if pi == 0 && title(d) != "" {
			continue
		}
		first, last := paraTokens(d, d.Paras[pi])
		if last-first < 3 || d.Tokens[last-1].Text != ":" {
			continue
		}
		bFirst, bLast, ok := blockAfter(d, pi+1)
		if !ok {
			// a quotation in marks after a lead-in that ends in a colon
			// ("One Facebook user ... posted this status update:")
			if bFirst, bLast, ok = paraTokens2(d, pi+1); !ok || !doc.IsQuoteToken(d.Tokens[bFirst].Text) || covered[bFirst] {
				continue
			}
		}
		colon := last - 1
		block := attribute.Range{Start: bFirst, End: bLast}
		k, ok := lastCue[pi] // its cue may hold the colon ("said:")
		if ok {
			f := &found[k]
			if f.Content.End > last || covered[bFirst] {
				continue // the model already reads on past the colon
			}
			if !speechVerbs[strings.ToLower(d.Tokens[f.Cue.End-1].Text)] && !speechVerbs[strings.ToLower(d.Tokens[f.Cue.Start].Text)] {
				continue
			}
			// content left of the cue ("In a statement, X said:") or the
			// words between cue and colon ("told the committee:") are no
			// statement: the block is
			if f.Content.End <= f.Cue.Start || f.Content.Start >= f.Cue.End && f.Content.End >= colon-1 && f.Content.End-f.Content.Start <= 8 || f.Content.Empty() {
				f.Content = block
				f.Pieces = []attribute.Range{block}
				if f.Source.Empty() {
					f.Source = subjectBefore(d, f.Cue.Start)
				}
			}
			continue
		}
		// no cue found: a speech verb shortly before the colon
		verb := false
		for i := colon - 1; i >= first && i >= colon-8; i-- {
			if speechVerbs[strings.ToLower(d.Tokens[i].Text)] {
				cue := attribute.Range{Start: i, End: i + 1}
				found = append(found, attribute.Found{Cue: cue, Source: subjectBefore(d, i), Content: block, Pieces: []attribute.Range{block},
					CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
				verb = true
				break
			}
		}
		// nor a verb: a quotation in marks after a lead-in that names
		// who speaks ("a question came from a member of the audience:",
		// "the corporation was quick to condemn the man's actions:");
		// the colon is the cue
		if src := colonLeadSource(d, first, colon); !verb && !src.Empty() && doc.IsQuoteToken(d.Tokens[bFirst].Text) {
			found = append(found, attribute.Found{Cue: attribute.Range{Start: colon, End: colon + 1}, Source: src, Content: block, Pieces: []attribute.Range{block},
				CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
		}
	}
	return found
}

// leadSpeakerNouns head a description of whoever speaks in a lead-in:
// bodies, what they publish, and the people news quotes by role.
var leadSpeakerNouns = wordSet("corporation company firm group organisation organization agency ministry department office " +
	"campaign union council committee government administration police post article report statement website site blog " +
	"newspaper paper magazine network channel spokesman spokeswoman spokesperson lawyer attorney official officials officer " +
	"source sources analyst expert critic critics witness resident reporter writer author member members leader leaders " +
	"lawmaker lawmakers voter voters protester protesters")

// colonLeadSource finds who speaks in the sentence [first, colon) that
// leads into a quotation with a colon and holds no speech verb: a
// description opening the sentence or its main clause as its subject
// ("the corporation was quick to condemn the man's actions:", "a post
// accompanying the video provides the following commentary:"). An empty
// range when there is none. (Words that "came from a member of the
// audience:" stay unknown, as TestAudienceQuestion and
// TestColonLeadByOther want: an answer after them goes on with the
// speaker before.)
func colonLeadSource(d *doc.Doc, first, colon int) attribute.Range {
	toks := d.Tokens
	s := first
	for k := first; k < colon && k < first+12; k++ {
		if toks[k].Text != "," || k+2 >= colon {
			continue
		}
		// after an opening phrase or a first clause: "After his talk,
		// a ...", "..., and the corporation was quick to"
		if j := k + 1; isIndefiniteOrThe(toks[j].Text) || subjectPronouns[strings.ToLower(toks[j].Text)] {
			s = j
		} else if lw := strings.ToLower(toks[j].Text); (lw == "and" || lw == "but") && isIndefiniteOrThe(toks[j+1].Text) {
			s = j + 1
		}
	}
	switch strings.ToLower(toks[s].Text) {
	case "he", "she", "they":
		// a person the article goes on about: "Yet, making no attempt
		// to refute the account, he tries to wave it all aside with
		// his usual mode of argument—puerile mockery:", "He had told
		// BBC Radio Wales:"; not when someone named after the pronoun
		// may be the one who speaks ("he obtained an audience ...,
		// during which McCarrick had told him:")
		if wordWithin(d, s+1, colon, 4, speechVerbs) {
			return attribute.Range{Start: s, End: s + 1}
		}
		for k := s + 1; k < colon; k++ {
			if capitalised(toks[k].Text) {
				return attribute.Range{}
			}
		}
		return attribute.Range{Start: s, End: s + 1}
	}
	if !isIndefiniteOrThe(toks[s].Text) {
		return attribute.Range{}
	}
	for h := s + 1; h < colon && h <= s+4; h++ {
		lw := strings.ToLower(toks[h].Text)
		if toks[h].Quote != 0 || isPunctWord(toks[h].Text) || capitalised(toks[h].Text) {
			break // (a capitalised word: a name or a people, "The Tory leader", "the Italian daily")
		}
		if leadSpeakerNouns[lw] && h+1 < colon && !capitalised(toks[h+1].Text) &&
			!strings.HasPrefix(toks[h+1].POS, "NN") && !strings.HasSuffix(toks[h+1].Text, "'s") && !strings.HasSuffix(toks[h+1].Text, "’s") {
			return attribute.Range{Start: s, End: h + 1}
		}
	}
	return attribute.Range{}
}

// cueInRange reports whether a found cue starts in [s, e).
func cueInRange(found []attribute.Found, s, e int) bool {
	for _, f := range found {
		if !f.Cue.Empty() && f.Cue.Start >= s && f.Cue.Start < e {
			return true
		}
	}
	return false
}

// colonLeadIn is colonLeadSource for a quote at token t right after a
// colon in its sentence.
func colonLeadIn(d *doc.Doc, t int) attribute.Range {
	if t < 2 || d.Tokens[t-1].Text != ":" || d.Tokens[t-1].Sent != d.Tokens[t].Sent {
		return attribute.Range{}
	}
	return colonLeadSource(d, d.Sents[d.Tokens[t].Sent].First, t-1)
}

func isIndefiniteOrThe(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the":
		return true
	}
	return false
}

// paraTokens2 returns the tokens of paragraph pi when it has a few.
func paraTokens2(d *doc.Doc, pi int) (first, last int, ok bool) {
	first, last = paraTokens(d, d.Paras[pi])
	return first, last, last-first >= 4
}

// blockAfter returns the tokens of the block quote starting at paragraph
// pi: that paragraph when it opens with no quote mark and has a few words,
// and, when it is indented, the indented paragraphs after it.
func blockAfter(d *doc.Doc, pi int) (first, last int, ok bool) {
	p := d.Paras[pi]
	first, last = paraTokens(d, p)
	if last-first < 4 || doc.IsQuoteToken(d.Tokens[first].Text) || !endsSentence(d.Tokens[last-1].Text) {
		// a list item, a related story's headline ("Read more:") or
		// another introduction is no block quote
		return 0, 0, false
	}
	if indented(d, p) {
		for j := pi + 1; j < len(d.Paras) && indented(d, d.Paras[j]); j++ {
			_, last = paraTokens(d, d.Paras[j])
		}
	}
	return first, last, true
}

// endsSentence: the last token of a paragraph of running text.
func endsSentence(t string) bool {
	switch t {
	case ".", "!", "?", "…", "...", "\"", "”", "'", "’", ")":
		return true
	}
	return false
}

// indented reports whether a paragraph's line starts with white space.
func indented(d *doc.Doc, p doc.Paragraph) bool {
	i := p.Start
	return i > 0 && (d.Text[i-1] == ' ' || d.Text[i-1] == '\t')
}

// coveredTokens marks the tokens some found content covers, in time
// linear in tokens and pieces (a difference array over piece bounds).
func coveredTokens(d *doc.Doc, found []attribute.Found) []bool {
	pooled := borrowDelta(len(d.Tokens) + 1)
	defer returnDelta(pooled)
	delta := *pooled
	for _, f := range found {
		for _, p := range f.Pieces {
			if !p.Empty() {
				delta[p.Start]++
				delta[p.End]--
			}
		}
	}
	out := make([]bool, len(d.Tokens))
	n := int32(0)
	for i := range out {
		n += delta[i]
		out[i] = n > 0
	}
	return out
}

// coversTokens reports whether some found content covers token i.
func coversTokens(found []attribute.Found, i int) bool {
	for _, f := range found {
		for _, p := range f.Pieces {
			if p.Start <= i && i < p.End {
				return true
			}
		}
	}
	return false
}

// shortAnswers finds quotes, however short, that directly follow a
// speech verb and a comma or colon ("continued, “OK.”") and that no
// attribution claims.
func shortAnswers(d *doc.Doc, found []attribute.Found) []attribute.Found {
	var out []attribute.Found
	covered := coveredTokens(d, found)
	for qi, q := range d.Quotes {
		if q.Depth != 0 {
			continue
		}
		// the quote's first token: its opening mark
		t := tokenAt(d, q.Start)
		if t < 0 || d.Tokens[t].Quote != qi+1 || covered[t] {
			continue
		}
		end := t
		for end < len(d.Tokens) && d.Tokens[end].End <= q.End {
			end++
		}
		if end <= t {
			continue
		}
		content := attribute.Range{Start: t, End: end}
		var v int
		var src attribute.Range
		if t >= 2 && (d.Tokens[t-1].Text == "," || d.Tokens[t-1].Text == ":") && speechVerbs[strings.ToLower(d.Tokens[t-2].Text)] &&
			d.Sents[d.Tokens[t-2].Sent].Para == d.Sents[d.Tokens[t].Sent].Para {
			v = t - 2
			src = subjectBefore(d, v)
		} else if t >= 3 && d.Tokens[t-1].Text == "," && leadInParticiples[strings.ToLower(d.Tokens[t-2].Text)] && capitalised(d.Tokens[t-3].Text) &&
			d.Tokens[t-3].Sent == d.Tokens[t].Sent {
			// a name and a participle before the quote: "This latest ad
			// ends with Perry claiming, “...”"
			v = t - 2
			if src = subjectBefore(d, v); src.End != v {
				src = attribute.Range{}
			}
		} else if n := followingLeadIn(d, t); n > 0 {
			// Anderson states the following: “...”
			v, src = n, subjectBefore(d, n)
		} else if n, src0 := replyNoun(d, t); !src0.Empty() {
			// His response: “Well, ...”
			v, src = n, src0
		} else if n, src0 := nameLeadIn(d, t); !src0.Empty() && !inHeadline(d, q) {
			// Added Gibbs: “...”; - Brentford boss Martin Allen: “...”
			v, src = n, src0
		} else if n, src0 := subjectLeadIn(d, t); !src0.Empty() && !inHeadline(d, q) {
			// De Miranda evokes the notion in his introduction: “...”
			v, src = n, src0
		} else if src0 := colonLeadIn(d, t); !src0.Empty() && !inHeadline(d, q) && !cueInRange(found, d.Sents[d.Tokens[t].Sent].First, t) {
			// he is prepared to go this far: “...”; he had told BBC
			// Radio Wales: “...” (its speech verb the cue, else the colon)
			v, src = t-1, src0
			for k := src0.End; k < t-1 && k < src0.End+4; k++ {
				if speechVerbs[strings.ToLower(d.Tokens[k].Text)] {
					v = k
					break
				}
			}
		} else if titleOfWork(d.Text, q) && !inHeadline(d, q) {
			// “A Paradise Built in Hell: The Extraordinary Communities
			// that Arise in Disaster,” Rebecca Solnit wrote: a title
			continue
		} else if endsClause(d.Text[q.Start:q.End]) {
			// the cue after the quote: “No,” Whitfield replied; “Will
			// you?” a reporter asked her (speech closes with a comma or
			// a stop inside its marks, a scare quote does not)
			v, src = cueAfter(d, end)
		} else if end+1 < len(d.Tokens) && d.Tokens[end].Text == "," {
			// or just outside them, as the BBC writes: "legalise their
			// property", Mr Saakashvili stressed
			v, src = cueAfter(d, end+1)
		}
		if src.Empty() {
			continue
		}
		if k := cueIndex(found, v); k >= 0 {
			// the model found the cue but gave it another content: a
			// short object after it ("“...,” he told the federal court")
			// is no statement, the quote is
			f := &found[k]
			if f.Content.Start >= f.Cue.End && f.Content.End-f.Content.Start <= 6 && d.Tokens[f.Content.Start].Quote == 0 &&
				(f.Source.Empty() || f.Source.Start >= end) {
				f.Content = content
				f.Pieces = []attribute.Range{content}
				if f.Source.Empty() {
					f.Source = src
				}
			}
			continue
		}
		out = append(out, attribute.Found{Cue: attribute.Range{Start: v, End: v + 1}, Source: src, Content: content, Pieces: []attribute.Range{content},
			CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
	}
	return out
}

// followingLeadIn matches a speech verb, "the following" or "as
// follows" and a colon right before the quote starting at token t, in
// its paragraph, and returns the verb's index (0 when there is none).
func followingLeadIn(d *doc.Doc, t int) int {
	if t < 4 || d.Tokens[t-1].Text != ":" {
		return 0
	}
	w2, w3 := strings.ToLower(d.Tokens[t-2].Text), strings.ToLower(d.Tokens[t-3].Text)
	if !(w3 == "the" && w2 == "following" || w3 == "as" && w2 == "follows") {
		return 0
	}
	v := t - 4
	if !speechVerbs[strings.ToLower(d.Tokens[v].Text)] || d.Sents[d.Tokens[v].Sent].Para != d.Sents[d.Tokens[t].Sent].Para {
		return 0
	}
	return v
}

// replyNouns name what someone said, introducing it with a colon.
var replyNouns = map[string]bool{"response": true, "reply": true, "answer": true, "retort": true, "verdict": true, "message": true, "advice": true, "explanation": true, "words": true}

// replyNounBefore finds, ending at token k, "was" (or "is") after a
// reply noun and the one it was addressed to ("message to the chancellor
// was", "advice for voters is"): the noun's index, or -1.
func replyNounBefore(d *doc.Doc, k int) int {
	switch strings.ToLower(d.Tokens[k].Text) {
	case "was", "is", "were", "remains", "remained":
	default:
		return -1
	}
	for j := k - 1; j >= 2 && j >= k-6 && d.Tokens[j].Quote == 0; j-- {
		w := strings.ToLower(d.Tokens[j].Text)
		if replyNouns[w] && j == k-1 {
			return j // "His answer was:"
		}
		if (w == "to" || w == "for") && replyNouns[strings.ToLower(d.Tokens[j-1].Text)] {
			return j - 1
		}
		if isPunct(d.Tokens[j].Text) {
			break
		}
	}
	return -1
}

// replyNoun matches "His response:" or "Trump's reply:" right before the
// quote starting at token t, giving the noun as cue and the possessor as
// source.
func replyNoun(d *doc.Doc, t int) (int, attribute.Range) {
	if t < 3 {
		return 0, attribute.Range{}
	}
	n := t - 2
	switch {
	case d.Tokens[t-1].Text == ":" && replyNouns[strings.ToLower(d.Tokens[t-2].Text)]:
	case d.Tokens[t-1].Text == ":" && replyNounBefore(d, t-2) >= 0:
		// "His message to the chancellor was:"
		n = replyNounBefore(d, t-2)
	case sayingNouns[strings.ToLower(d.Tokens[t-1].Text)]:
		// no colon, a saying noun right before the quote: "Bergoglio’s
		// notorious comment “who am I to judge”"
		n = t - 1
	default:
		return 0, attribute.Range{}
	}
	p := n // where the possessive ends
	if k := n - 1; n == t-1 && k >= 2 && !capitalised(d.Tokens[k].Text) && d.Tokens[k].Quote == 0 && isPossessive(d.Tokens[k-1].Text) {
		p = k // one adjective between
	}
	switch w := d.Tokens[p-1].Text; w {
	case "his", "His", "her", "Her", "their", "Their":
		return n, attribute.Range{Start: p - 1, End: p}
	}
	if src := possessorBefore(d, p); !src.Empty() {
		return n, src
	}
	return 0, attribute.Range{}
}

// nameLeadIn matches a person's name and a colon right before the quote
// starting at token t: after a speech verb that opens its sentence
// ("Added Gibbs:", "Observes Mr Hadi:", "Said the Pew report:": the
// verb is the cue), or opening
// its sentence or a list item, perhaps with a role before it, or after
// "including" ("- Southampton boss Harry Redknapp:", "voices ...,
// including Laura Ingraham:": the colon is the cue). Without a verb the
// name must start with a first name or an honorific: a capitalised run
// before a colon is as often a label ("New Theory:"), and one after a
// preposition is whom words were addressed to ("Cardinal Burke to
// Michael Matt:").
func nameLeadIn(d *doc.Doc, t int) (int, attribute.Range) {
	colon := t - 1
	if colon < 1 || d.Tokens[colon].Text != ":" {
		return 0, attribute.Range{}
	}
	sent := d.Tokens[colon].Sent
	first := d.Sents[sent].First
	// a verb opening the sentence and a description: "Said the Pew
	// report:", "Added one official:"
	if colon-first >= 3 && colon-first <= 7 && capitalised(d.Tokens[first].Text) && speechVerbs[strings.ToLower(d.Tokens[first].Text)] &&
		leadDeterminers[strings.ToLower(d.Tokens[first+1].Text)] {
		plain := true
		for k := first + 1; k < colon && plain; k++ {
			tk := d.Tokens[k]
			plain = tk.Quote == 0 && !isPunctWord(tk.Text) && !finiteVerb(tk.POS)
		}
		if plain {
			return first, attribute.Range{Start: first + 1, End: colon}
		}
	}
	ns := colon
	// (no tags needed: the syntax stage tags only sentences with a cue)
	for ns > first && colon-ns < 4 && capitalised(d.Tokens[ns-1].Text) && d.Tokens[ns-1].Quote == 0 && !notNames[d.Tokens[ns-1].Text] {
		if ns-1 == first && ns < colon && speechVerbs[strings.ToLower(d.Tokens[ns-1].Text)] {
			break
		}
		ns--
	}
	if ns == colon {
		return 0, attribute.Range{}
	}
	if v := ns - 1; v == first && ns < colon && speechVerbs[strings.ToLower(d.Tokens[v].Text)] {
		return v, attribute.Range{Start: ns, End: colon}
	}
	name := d.Tokens[ns].Text
	if !resolve.FirstName(name) && !resolve.Honorific(name) || colon-ns < 2 {
		return 0, attribute.Range{}
	}
	// a role before the name: "Brentford boss", "Brighton nurse"
	s := ns
	for s > first && ns-s < 3 && d.Tokens[s-1].Quote == 0 && (capitalised(d.Tokens[s-1].Text) && !notNames[d.Tokens[s-1].Text] || resolve.PersonNoun(strings.ToLower(d.Tokens[s-1].Text))) {
		s--
	}
	switch {
	case s == first, s == first+1 && isDashOrBullet(d.Tokens[first].Text), strings.EqualFold(d.Tokens[s-1].Text, "including"):
		return colon, attribute.Range{Start: s, End: colon}
	case s == first+1 && capitalised(d.Tokens[first].Text) && speechVerbs[strings.ToLower(d.Tokens[first].Text)]:
		// the verb opening the sentence, then a role: "Said Wales
		// assistant coach Scott Johnson:"
		return first, attribute.Range{Start: s, End: colon}
	}
	return 0, attribute.Range{}
}

// leadDeterminers open a description after a verb that opens its
// sentence ("Said the Pew report:", "Added one official:").
var leadDeterminers = wordSet("the a an one another his her its their")

func isDashOrBullet(t string) bool {
	switch t {
	case "-", "--", "—", "–", "•", "*":
		return true
	}
	return false
}

// endsClause reports whether a quote's text ends with a comma or a stop
// just inside its closing mark.
func endsClause(q string) bool {
	q = strings.TrimRightFunc(q, func(r rune) bool { return claimtrail.IsQuoteMark(r) || unicode.IsSpace(r) })
	return strings.HasSuffix(q, ",") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, ".") || strings.HasSuffix(q, "…")
}

// cueAfter finds a subject and a speech verb right after a quote ending
// before token e, in the same paragraph: a name, a pronoun or a short
// description, then the verb ("a reporter asked her").
// openingVerbs say how a written message opens or what it says, after
// its words: “...,” one Twitter response began; “...,” the sign reads.
var openingVerbs = wordSet("began begins reads read")

func cueAfter(d *doc.Doc, e int) (int, attribute.Range) {
	if e >= len(d.Tokens) || d.Sents[d.Tokens[e].Sent].Para != d.Sents[d.Tokens[e-1].Sent].Para {
		return 0, attribute.Range{}
	}
	first := d.Tokens[e].Text
	lf := strings.ToLower(first)
	if !subjectPronouns[lf] && !determiners[lf] && lf != "one" && lf != "another" && !capitalised(first) || notNames[first] {
		return 0, attribute.Range{}
	}
	for v := e + 1; v < len(d.Tokens) && v <= e+5; v++ {
		t := d.Tokens[v].Text
		if speechVerbs[strings.ToLower(t)] || wantedToKnow(d, v) || v > e+1 && openingVerbs[strings.ToLower(t)] {
			// (“...,” one Twitter response began; “...,” the sign reads)
			return v, attribute.Range{Start: e, End: v}
		}
		if src, ok := quotedAsSaying(d, e, v); ok {
			// “...,” the Arsenal boss is quoted as saying
			return v, src
		}
		if t == "." && abbreviation(d.Tokens[v-1].Text) {
			continue // "Rep. Darrell Issa wanted to know"
		}
		if !unicode.IsLetter([]rune(t)[0]) {
			break
		}
	}
	return 0, attribute.Range{}
}

// quotedAsSaying reports whether token v opens "quoted as saying" (or
// "as telling", ...) after a passive "is" or "was" in the subject [e, v)
// after a quote, and returns the subject without the auxiliary: the one
// quoted said the words (“...,” Larijani was quoted as saying).
func quotedAsSaying(d *doc.Doc, e, v int) (attribute.Range, bool) {
	if v+2 >= len(d.Tokens) || v-e < 2 || strings.ToLower(d.Tokens[v].Text) != "quoted" || d.Tokens[v+1].Text != "as" || !quotedVerbs[strings.ToLower(d.Tokens[v+2].Text)] {
		return attribute.Range{}, false
	}
	switch strings.ToLower(d.Tokens[v-1].Text) {
	case "is", "was", "were", "are":
		return attribute.Range{Start: e, End: v - 1}, true
	}
	return attribute.Range{}, false
}

// wantedToKnow reports whether token v opens "wanted to know" (or
// "wants to know"): a question's cue after it ("“How did he see the
// report?” Rep. Darrell Issa wanted to know.").
func wantedToKnow(d *doc.Doc, v int) bool {
	if v+2 >= len(d.Tokens) {
		return false
	}
	w := strings.ToLower(d.Tokens[v].Text)
	return (w == "wanted" || w == "wants") && d.Tokens[v+1].Text == "to" && d.Tokens[v+2].Text == "know"
}

// nameAsContent: when a piece of f's content is exactly src, the name
// before its cue, that name is f's source and the quote right before it
// (if any) its content. It reports whether it changed f.
func nameAsContent(d *doc.Doc, f *attribute.Found, src attribute.Range) bool {
	k := -1
	for i, p := range f.Pieces {
		if p == src {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	f.Source = src
	pieces := append([]attribute.Range(nil), f.Pieces[:k]...)
	if q, ok := quoteBefore(d, src.Start); ok && (k == 0 || f.Pieces[k-1].End <= q.Start) {
		pieces = append(pieces, q)
	}
	pieces = append(pieces, f.Pieces[k+1:]...)
	if len(pieces) == 0 {
		f.Source = attribute.Range{}
		return false
	}
	f.Pieces = pieces
	f.Content = attribute.Range{Start: pieces[0].Start, End: pieces[len(pieces)-1].End}
	return true
}

// nameAfterAsContent mends a found that took a word inside the quote
// for its source and the name after its cue for its content (“On that
// date, yes. I was lying,” replied Mr Sullivan): the name is the source
// and the quote the content.
func nameAfterAsContent(d *doc.Doc, f *attribute.Found) {
	if d.Tokens[f.Source.Start].Quote == 0 || f.Source.End > f.Cue.Start {
		return
	}
	src := nameAfterQuote(d, f.Cue)
	if src.Empty() || f.Content != src {
		return
	}
	if q, ok := quoteBefore(d, f.Cue.Start); ok && q.Start <= f.Source.Start &&
		d.Sents[d.Tokens[q.Start].Sent].Para == d.Sents[d.Tokens[f.Cue.Start].Sent].Para {
		f.Source, f.Content, f.Pieces = src, q, []attribute.Range{q}
	}
}

// quoteBeforeSaidOf mends a found whose content is the "of" phrase after
// its cue, where a quote ends right before its source (“Why is that even
// relevant?” Bacon said of the misstatement): the quote is what was said,
// the "of" phrase only what it was said about. A quote closing on a
// comma is read right by the model; one closing on "?" or "!" was not.
func quoteBeforeSaidOf(d *doc.Doc, f *attribute.Found) {
	if f.Content.Start != f.Cue.End || f.Content.Empty() || f.Cue.Start != f.Source.End ||
		!strings.EqualFold(d.Tokens[f.Content.Start].Text, "of") || !speechVerbs[strings.ToLower(d.Tokens[f.Cue.End-1].Text)] {
		return
	}
	q, ok := quoteBefore(d, f.Source.Start)
	if !ok || d.Sents[d.Tokens[q.Start].Sent].Para != d.Sents[d.Tokens[f.Cue.Start].Sent].Para {
		return
	}
	f.Content, f.Pieces = q, []attribute.Range{q}
}

// subjectAsContent mends a found without a source whose first content
// piece is the subject that opens the cue's sentence ("The Jewish groups
// said this rhetoric “was used ...”" read as content "The Jewish groups"
// and "this rhetoric ..."): that piece is the source. It reports whether
// it changed f.
func subjectAsContent(d *doc.Doc, f *attribute.Found) bool {
	if len(f.Pieces) < 2 {
		return false
	}
	p := f.Pieces[0]
	if p.End != f.Cue.Start || p.End-p.Start > 6 || f.Pieces[1].Start != f.Cue.End || f.Cue.End-f.Cue.Start != 1 ||
		!speechVerbs[strings.ToLower(d.Tokens[f.Cue.Start].Text)] || d.Sents[d.Tokens[p.Start].Sent].First != p.Start {
		return false
	}
	if lw := strings.ToLower(d.Tokens[p.Start].Text); !determiners[lw] || lw == "what" {
		return false // "What my son said is true": the words said, not who
	}
	for k := p.Start; k < p.End; k++ {
		if d.Tokens[k].Quote != 0 || d.Tokens[k].Text == "," {
			return false
		}
	}
	f.Source = p
	f.Pieces = f.Pieces[1:]
	f.Content = attribute.Range{Start: f.Pieces[0].Start, End: f.Pieces[len(f.Pieces)-1].End}
	return true
}

// quoteBefore returns the tokens of the outermost quote that ends right
// before token t.
func quoteBefore(d *doc.Doc, t int) (attribute.Range, bool) {
	if t == 0 || d.Tokens[t-1].Quote == 0 {
		return attribute.Range{}, false
	}
	q := d.Quotes[d.Tokens[t-1].Quote-1]
	if q.Depth != 0 || q.End != d.Tokens[t-1].End {
		return attribute.Range{}, false
	}
	first := tokenAt(d, q.Start)
	if first < 0 {
		return attribute.Range{}, false
	}
	return attribute.Range{Start: first, End: t}, true
}

// nameAfterQuote returns the name right after a cue that directly
// follows a quote closing on a comma ("...,” said Trump in ...), or an
// empty range.
func nameAfterQuote(d *doc.Doc, cue attribute.Range) attribute.Range {
	c := cue.Start
	if c < 2 || cue.End >= len(d.Tokens) || !doc.IsQuoteToken(d.Tokens[c-1].Text) || d.Tokens[c-2].Text != "," || !speechVerbs[strings.ToLower(d.Tokens[c].Text)] {
		return attribute.Range{}
	}
	i := cue.End
	if !capitalised(d.Tokens[i].Text) || notNames[d.Tokens[i].Text] || d.Sents[d.Tokens[i].Sent].Para != d.Sents[d.Tokens[c].Sent].Para {
		return attribute.Range{}
	}
	// the name ends with its sentence: "replied Mr Sullivan. Mr
	// Weingarten has ..." is not one name
	last := i
	for last < len(d.Tokens) && d.Tokens[last].Sent == d.Tokens[i].Sent {
		last++
	}
	e := nameAt(d, i, last)
	for e > i+1 && d.Tokens[e-1].Text == "." {
		e--
	}
	if e == i {
		return attribute.Range{}
	}
	return attribute.Range{Start: i, End: e}
}

// tokenAt returns the index of the token starting at byte off, or -1.
func tokenAt(d *doc.Doc, off int) int {
	if k := tokenFrom(d, off); k < len(d.Tokens) && d.Tokens[k].Start == off {
		return k
	}
	return -1
}

// cueIndex returns the index of the found whose cue holds token i, or -1.
func cueIndex(found []attribute.Found, i int) int {
	for k, f := range found {
		if f.Cue.Start <= i && i < f.Cue.End {
			return k
		}
	}
	return -1
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "his": true, "her": true, "its": true, "their": true, "our": true}

// cueAdverbs stand between a subject and its cue ("Whitfield later added").
var cueAdverbs = map[string]bool{"later": true, "also": true, "then": true, "again": true, "further": true, "once": true, "still": true, "even": true, "had": true, "has": true, "have": true}

var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// notNames are capitalised words that open sentences without naming
// anyone.
var notNames = map[string]bool{"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true, "And": true,
	"When": true, "After": true, "Before": true, "Asked": true, "Speaking": true, "Then": true, "Later": true, "It": true, "This": true,
	"That": true, "There": true, "Reporters": true, "Meanwhile": true, "However": true, "Still": true, "Yet": true, "So": true, "As": true, "If": true, "While": true, "Read": true}

// subjectBefore returns the speaker written just before the cue at token
// c in its sentence: walking back over lower-case words and commas (at
// most six), the first subject pronoun, or the capitalised name that
// ends there. A description between commas after a name ("Dr. Feel, an
// Evolution user, wrote") is the name's apposition: the name and it.
// Empty when there is none.
func subjectBefore(d *doc.Doc, c int) attribute.Range {
	sFirst := d.Sents[d.Tokens[c].Sent].First
	end := c // the end of the subject: adverbs and commas before the cue are left out
	for i, n := c-1, 0; i >= sFirst && n < 6; i, n = i-1, n+1 {
		t := d.Tokens[i].Text
		lt := strings.ToLower(t)
		if subjectPronouns[lt] {
			return attribute.Range{Start: i, End: i + 1}
		}
		if determiners[lt] {
			// a description: "the report states:"
			if end > i+1 {
				if j := appositionHolder(d, i, end, sFirst); j >= 0 {
					return attribute.Range{Start: j, End: end}
				}
				return attribute.Range{Start: i, End: end}
			}
			return attribute.Range{}
		}
		if t == "," || strings.HasSuffix(lt, "ly") || cueAdverbs[lt] {
			if end == i+1 {
				end = i
			}
			continue
		}
		if capitalised(t) {
			if notNames[t] {
				return attribute.Range{}
			}
			j := i
			for j > sFirst && capitalised(d.Tokens[j-1].Text) && !notNames[d.Tokens[j-1].Text] {
				j--
			}
			if j > sFirst && determiners[strings.ToLower(d.Tokens[j-1].Text)] {
				// "Dr. Feel, an Evolution user, wrote": the name in the
				// description is not the speaker
				if h := appositionHolder(d, j-1, end, sFirst); h >= 0 {
					return attribute.Range{Start: h, End: end}
				}
			}
			if i+1 < end && j > sFirst+1 && d.Tokens[j-1].Text == "," {
				// "Paul Randle, Microsoft Windows Client product
				// manager, responded": a role with its employer, in
				// apposition to the name before it
				if h := appositionHolder(d, j, end, sFirst); h >= 0 {
					return attribute.Range{Start: h, End: end}
				}
			}
			return attribute.Range{Start: j, End: i + 1}
		}
		if doc.IsQuoteToken(t) || t == "." || t == ";" {
			return attribute.Range{}
		}
	}
	return attribute.Range{}
}

// appositionHolder returns the first token of the name that a
// description opening at det (its determiner, or its employer's name)
// stands in apposition to, between commas before a cue ("Dr. Feel, an
// Evolution user, | wrote": end is the comma closing the description),
// or -1: a comma right before det, a capitalised name of at most four
// words before it, opening the sentence or after a quote or comma.
func appositionHolder(d *doc.Doc, det, end, sFirst int) int {
	toks := d.Tokens
	if end >= len(toks) || toks[end].Text != "," || det-2 < sFirst || toks[det-1].Text != "," {
		return -1
	}
	j := det - 1
	for j > sFirst && det-1-j < 4 && capitalised(toks[j-1].Text) && !notNames[toks[j-1].Text] {
		j--
	}
	if j == det-1 || j > sFirst && toks[j-1].Text != "," && !doc.IsQuoteToken(toks[j-1].Text) {
		return -1
	}
	return j
}

// isBlock reports whether a content piece is a block quote: it starts a
// paragraph of running text (ending as a sentence ends) without a quote
// mark, right after a paragraph that ends with a colon. A list item
// ("President Obama also said: | The UK must stay in the EU to have
// influence | He is confident the Iran nuclear deal will be passed")
// sums up what was said: it is no quotation.
func isBlock(d *doc.Doc, p attribute.Range) bool {
	pi := d.Sents[d.Tokens[p.Start].Sent].Para
	if pi == 0 {
		return false
	}
	first, last := paraTokens(d, d.Paras[pi])
	_, prevLast := paraTokens(d, d.Paras[pi-1])
	return first == p.Start && prevLast > 0 && d.Tokens[prevLast-1].Text == ":" && !doc.IsQuoteToken(d.Tokens[p.Start].Text) &&
		last > first && endsSentence(d.Tokens[last-1].Text)
}

// dropNamedThings removes direct attributions whose whole quote is a
// short phrase in title case below the headline: announcing “Super Mario
// Run” names a thing, it quotes no one.
func dropNamedThings(d *doc.Doc, runes *doc.Runes, atts []claimtrail.Attribution) []claimtrail.Attribution {
	out := atts[:0]
	for _, a := range atts {
		if a.Kind == claimtrail.KindDirect && len(a.Quotes) == 1 && len(strings.Fields(a.Quotes[0].Text)) <= 4 &&
			titleCased(a.Quotes[0].Text) && paraOf(d, runes, a.Quotes[0].Start) > 0 {
			continue
		}
		out = append(out, a)
	}
	return out
}

// titleCased reports whether the words of s, but for the short ones
// titles leave in lower case, all start with a capital letter or digit,
// and there are at least two of them.
func titleCased(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		switch strings.ToLower(strings.TrimRight(w, ",.:;!?")) {
		case "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// inHeadline reports whether a quote lies in the article's headline.
func inHeadline(d *doc.Doc, q doc.Quote) bool {
	return q.End <= headlineEnd(d)
}

// headlineQuotes attributes the quotes of a headline that no cue there
// claims (‘We Will Not Be Bullied’: Crews Walk Out) to the speaker of an
// attribution in the body that says the same words: headlines are
// written in title case, so these quotes would otherwise read as titles.
// Of those said nowhere in the body, those in a headline that names one
// speaker with a cue are that speaker's, statements of four words or more
// are kept without a speaker, and the rest (titles, labels) left alone.
func headlineQuotes(d *doc.Doc, runes *doc.Runes, found []attribute.Found, atts []claimtrail.Attribution, span func(attribute.Range) claimtrail.Span) []claimtrail.Attribution {
	if len(d.Paras) < 2 || title(d) == "" {
		return nil
	}
	var out []claimtrail.Attribution
	// the one speaker the headline itself names with a cue, if one
	var head *claimtrail.Attribution
	headEnd := runes.At(d.Paras[0].End)
	for i := range atts {
		a := &atts[i]
		if a.Cue == nil || a.Cue.End > headEnd || a.Speaker.Name == "" || a.Speaker.Kind == claimtrail.SpeakerUnknown {
			continue
		}
		if head != nil && head.Speaker.Name != a.Speaker.Name {
			head = nil
			break
		}
		head = a
	}
	for qi, q := range d.Quotes {
		if !inHeadline(d, q) {
			break
		}
		if q.Depth != 0 {
			continue
		}
		t := tokenAt(d, q.Start)
		if t < 0 || d.Tokens[t].Quote != qi+1 || coversTokens(found, t) {
			continue
		}
		end := t
		for end < len(d.Tokens) && d.Tokens[end].End <= q.End {
			end++
		}
		words := quoteWords(d.Text[q.Start:q.End])
		if strings.Count(words, " ") < 1 {
			continue // one word: a label, not a statement
		}
		c := span(attribute.Range{Start: t, End: end})
		said := false
		for _, b := range atts {
			if b.Speaker.Name == "" || b.Speaker.Kind == claimtrail.SpeakerUnknown || len(b.Content) == 0 || b.Content[0].Start < c.End {
				continue
			}
			for _, bc := range b.Content {
				body := strings.Join(strings.Fields(bc.Text), " ")
				if k := strings.Index(strings.ToLower(body), words); k >= 0 && len(body) == len(strings.ToLower(body)) {
					// the body writes a name in capitals ('Mac mini')
					said = said || !titleCased(body[k:k+len(words)])
				}
			}
			if !said {
				continue
			}
			out = append(out, claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{c}, AccordingTo: []string{}, Markers: []claimtrail.Marker{},
				Speaker: b.Speaker, Confidence: round3(0.6 * b.Confidence), Flags: []string{"no-cue", "speaker-from-context"}})
			break
		}
		lead := (*claimtrail.Attribution)(nil)
		if !said && head == nil {
			lead = leadClaim(d, runes, atts, words)
		}
		switch {
		case said:
		case lead != nil:
			// Rover deal 'may cost 2,000 jobs' | "Some 2,000 jobs at MG
			// Rover's plant may be cut ..., the Financial Times has
			// reported": the lead's report of the same claim
			out = append(out, claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{c}, AccordingTo: []string{}, Markers: []claimtrail.Marker{},
				Speaker: lead.Speaker, Channel: lead.Channel, Confidence: round3(0.6 * lead.Confidence), Flags: []string{"no-cue", "speaker-from-context", flagHeadlineLead}})
		case head != nil:
			// “We Now Have Urban Ebola” In Congo, WHO Warns
			out = append(out, claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{c}, AccordingTo: []string{}, Markers: []claimtrail.Marker{},
				Speaker: head.Speaker, Confidence: round3(0.6 * head.Confidence), Flags: []string{"no-cue", "speaker-from-context"}})
		case strings.Count(words, " ") >= 3 && !namedBefore(d.Text, q):
			// a statement of four words or more, said by someone unnamed
			// (a headline is in title case, so case tells nothing)
			out = append(out, claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{c}, AccordingTo: []string{}, Markers: []claimtrail.Marker{},
				Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}, Confidence: 0.3, Flags: []string{"no-cue"}})
		}
	}
	return out
}

// flagHeadlineLead marks a headline quote whose speaker is the source of
// the lead's report of the same claim: a description there ("reports
// claim", "a survey has found") is what the story says, not a guess, and
// stays.
const flagHeadlineLead = "headline-lead"

// leadClaim returns the first attribution with a source and a speaker in
// the story's first paragraph after the headline whose content shares
// at least two of the headline quote's words of four letters or more
// (words, lower-cased): the lead writes out what a headline quotes in a
// few words ("Small firms 'hit by rising costs'" | "Rising fuel and
// materials costs are hitting confidence among the UK's small
// manufacturers ..., business lobby group the CBI says"); nil for none.
func leadClaim(d *doc.Doc, runes *doc.Runes, atts []claimtrail.Attribution, words string) *claimtrail.Attribution {
	if len(d.Paras) < 2 {
		return nil
	}
	from, to := runes.At(d.Paras[1].Start), runes.At(d.Paras[1].End)
	var want []string
	for _, w := range strings.Fields(words) {
		if len([]rune(w)) >= 4 {
			want = append(want, attribute.Stem(w))
		}
	}
	if len(want) < 2 {
		return nil
	}
	for i := range atts {
		b := &atts[i]
		if b.Source == nil || b.Cue == nil || b.Source.Start < from || b.Source.End > to || b.Speaker.Name == "" || b.Speaker.Kind == claimtrail.SpeakerUnknown || len(b.Content) == 0 {
			continue
		}
		have := map[string]bool{}
		for _, c := range b.Content {
			for _, w := range lowerFields(c.Text) {
				have[attribute.Stem(strings.Trim(w, ".,;:'’\"“”()"))] = true
			}
		}
		shared := 0
		for _, w := range want {
			if have[w] || sharesRoot(w, have) {
				shared++
			}
		}
		// (one word will do for the lead's own claim, the story's first
		// words with its source and cue after them: "Election 'could be
		// terror target'" | "Terrorists might try to target the UK ...,
		// London's most senior police officer has said")
		if shared >= 2 || shared == 1 && b.Content[0].Start == from && b.Cue.Start >= b.Content[len(b.Content)-1].End {
			return b
		}
	}
	return nil
}

// sharesRoot reports whether a word of five letters or more opens one
// of have, or one of them of five letters or more opens it: the stems of
// "terror" and "terrorists" differ, the words share their root.
func sharesRoot(w string, have map[string]bool) bool {
	if len(w) < 5 {
		return false
	}
	for h := range have {
		if len(h) >= 5 && (strings.HasPrefix(h, w) || strings.HasPrefix(w, h)) {
			return true
		}
	}
	return false
}

// headlineLeads gives a quote of the headline that no cue claimed and
// nobody was found to say (the model's own, left unknown) the speaker
// of the lead's report of the same claim (leadClaim).
func headlineLeads(d *doc.Doc, runes *doc.Runes, atts []claimtrail.Attribution) {
	if len(d.Paras) < 2 || title(d) == "" {
		return
	}
	headEnd := runes.At(d.Paras[0].End)
	for i := range atts {
		a := &atts[i]
		if a.Source != nil || a.Cue != nil || a.Kind != claimtrail.KindDirect || a.Speaker.Kind != claimtrail.SpeakerUnknown ||
			len(a.Content) != 1 || a.Content[0].End > headEnd {
			continue
		}
		words := quoteWords(a.Content[0].Text)
		if b := leadClaim(d, runes, atts, words); b != nil {
			a.Speaker, a.Channel, a.Confidence = b.Speaker, b.Channel, round3(0.6*b.Confidence)
			a.Flags = append(a.Flags, "speaker-from-context", flagHeadlineLead)
		}
	}
}

// quoteWords is a quote's text without its marks and edge punctuation,
// lower-cased, its words joined by single spaces.
func quoteWords(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimFunc(text, func(r rune) bool {
		return claimtrail.IsQuoteMark(r) || unicode.IsPunct(r) || unicode.IsSpace(r)
	})), " "))
}

// subjectLeadIn matches a sentence opened by a person's name and closed
// by a colon right before the quote starting at token t ("De Miranda
// evokes the notion in his introduction: “...”"): the person brings the
// quote in, the colon is the cue. The name is two capitalised words at
// least, or one after an honorific or a known given name.
func subjectLeadIn(d *doc.Doc, t int) (int, attribute.Range) {
	colon := t - 1
	if colon < 1 || d.Tokens[colon].Text != ":" {
		return 0, attribute.Range{}
	}
	first := d.Sents[d.Tokens[colon].Sent].First
	e := first
	for e < colon && e-first < 4 && capitalised(d.Tokens[e].Text) && d.Tokens[e].Quote == 0 && !notNames[d.Tokens[e].Text] {
		e++
	}
	if e == first || colon-e < 4 || d.Tokens[e].Text == "," || d.Tokens[e].POS == "POS" || strings.HasPrefix(d.Tokens[e].Text, "'") || strings.HasPrefix(d.Tokens[e].Text, "’") {
		return 0, attribute.Range{} // "Wilson Whinneray's side ... the first question put to them was:"
	}
	if w := strings.ToLower(d.Tokens[first].Text); speechVerbs[w] || leadOpeners[w] {
		return 0, attribute.Range{} // "Said Wales assistant coach Scott Johnson:", "Let Professor Alan Lee tell you:"
	}
	if name := d.Tokens[first].Text; e-first < 2 && !resolve.FirstName(name) && !resolve.Honorific(name) {
		return 0, attribute.Range{}
	}
	for k := e; k < colon; k++ {
		if d.Tokens[k].Quote != 0 || isPunctWord(d.Tokens[k].Text) && d.Tokens[k].Text != "," {
			return 0, attribute.Range{} // a quote or a second clause before the colon
		}
	}
	return colon, attribute.Range{Start: first, End: e}
}

// leadOpeners open a sentence before a name that is not its subject.
var leadOpeners = map[string]bool{"let": true, "what": true, "when": true, "if": true, "as": true, "but": true, "and": true, "so": true}

// sayingNouns name what someone said and may stand right before the
// quotation of it: "his comment “...”", "Lee's remark “...”".
var sayingNouns = map[string]bool{"comment": true, "remark": true, "quip": true, "words": true, "declaration": true, "pledge": true,
	"vow": true, "slogan": true, "catchphrase": true, "boast": true, "warning": true}

// possessorBefore returns the capitalised name whose possessive ends
// right before token k ("Bergoglio’s" in "Bergoglio’s notorious
// comment"), or an empty range.
func possessorBefore(d *doc.Doc, k int) attribute.Range {
	if k < 2 || !isPossessive(d.Tokens[k-1].Text) || !capitalised(d.Tokens[k-2].Text) {
		return attribute.Range{}
	}
	j := k - 2
	for j > 0 && capitalised(d.Tokens[j-1].Text) && !notNames[d.Tokens[j-1].Text] && d.Tokens[j-1].Sent == d.Tokens[k].Sent {
		j--
	}
	return attribute.Range{Start: j, End: k - 1}
}

func isPossessive(t string) bool { return t == "'s" || t == "’s" }
