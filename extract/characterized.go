package extract

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// characterizingVerbs put a name on something in someone's words: "Jobs
// described it as the “most important Mac”", "The Tory leader brands such
// criticisms as “absolutely rubbish”", "characterizing the probe as
// “ridiculous”". The words in quote marks after "as" are the speaker's.
var characterizingVerbs = wordSet(`describe describes described describing brand brands branded branding
label labels labeled labelled labeling labelling characterize characterizes characterized characterizing
characterise characterises characterised characterising portray portrays portrayed portraying
dismiss dismisses dismissed dismissing deride derides derided deriding mock mocks mocked mocking
slam slams slammed slamming blast blasts blasted blasting hail hails hailed hailing`)

// characterizedQuotes finds the quotes the model left without a report
// that a verb of characterizing gives to a speaker: the quote follows
// "VERB something as", and the speaker is the verb's subject ("Kapranos
// described his appearance as “...”", "which it describes as “...”"), the
// agent of the passive ("was described by Jobs as “...”", "described as
// “a type of fascism” by the judge"), or, for a participle, the object
// pronoun before it ("a video of him mocking Grassley as “...”") or the
// speaker of the report it follows ("Trump said, characterizing the probe
// as “ridiculous”"). A passive with no agent names nobody and is left.
func characterizedQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	if len(d.Quotes) == 0 {
		return nil
	}
	toks := d.Tokens
	var out []attribute.Found
	for _, q := range d.Quotes {
		if q.Depth != 0 || q.Unclosed {
			continue
		}
		first := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= q.Start })
		e := first
		for e < len(toks) && toks[e].End <= q.End {
			e++
		}
		as := first - 1
		if as > 0 && (toks[as].Text == "a" || toks[as].Text == "an" || toks[as].Text == "the") {
			as--
		}
		if e-first < 2 || as < 2 || !strings.EqualFold(toks[as].Text, "as") || toks[as].Sent != toks[first].Sent {
			continue
		}
		sFirst := d.Sents[toks[as].Sent].First
		v, by := -1, -1
		for k := as - 1; k >= sFirst && k >= as-15; k-- {
			if toks[k].Quote != 0 || toks[k].Text == ";" {
				break
			}
			if strings.EqualFold(toks[k].Text, "by") && by < 0 {
				by = k
			}
			if characterizingVerbs[strings.ToLower(toks[k].Text)] {
				v = k
				break
			}
		}
		if v < 0 {
			continue
		}
		src := characterizer(d, found, v, by, as, e)
		if src.Empty() {
			continue
		}
		if coveredApartFrom(found, first, e, v) {
			continue
		}
		content := attribute.Range{Start: first, End: e}
		out = append(out, attribute.Found{Cue: attribute.Range{Start: v, End: v + 1}, Source: src, Content: content, Pieces: []attribute.Range{content},
			CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
	}
	return out
}

// characterizer is who characterizes in "... VERB(v) ... as “...”": see
// characterizedQuotes. by is the first "by" between v and "as" (-1 for
// none), e the token after the quote.
func characterizer(d *doc.Doc, found []attribute.Found, v, by, as, e int) attribute.Range {
	toks := d.Tokens
	lw := strings.ToLower(toks[v].Text)
	if by > v {
		// the agent of the passive before "as"
		if r := agentRun(d, by+1, as); !r.Empty() {
			return r
		}
		return attribute.Range{}
	}
	// (a participle with nothing between it and "as" has no object: "a
	// woman described as “a former official”" is passive)
	passive := v > 0 && beForms[strings.ToLower(toks[v-1].Text)] || strings.HasSuffix(lw, "ed") && (v+1 == as || v > 0 && !subjectLike(d, v-1))
	if passive {
		// the agent after the quote: "described as “...” by the judge"
		if e < len(toks) && strings.EqualFold(toks[e].Text, "by") && toks[e].Sent == toks[as].Sent {
			end := e + 1
			for end < len(toks) && end-e <= 6 && toks[end].Sent == toks[e].Sent && !isPunctWord(toks[end].Text) {
				end++
			}
			return agentRun(d, e+1, end)
		}
		return attribute.Range{}
	}
	if strings.HasSuffix(lw, "ing") {
		if v > 0 && objectPronouns[strings.ToLower(toks[v-1].Text)] {
			return attribute.Range{Start: v - 1, End: v}
		}
		if v > 1 && toks[v-1].Text == "," {
			for _, f := range found {
				if !f.Source.Empty() && (f.Cue.End == v-1 || f.Source.End == v-1) {
					return f.Source
				}
			}
		}
		return attribute.Range{}
	}
	if subjectLike(d, v-1) {
		if lwp := strings.ToLower(toks[v-1].Text); subjectPronouns[lwp] || lwp == "it" {
			return attribute.Range{Start: v - 1, End: v}
		}
	}
	if v+1 == as {
		return attribute.Range{} // nothing named: no object, so no subject either
	}
	if strings.HasPrefix(toks[v-1].POS, "NN") && !capitalised(toks[v-1].Text) {
		// a description: "The Tory leader brands"
		sFirst := d.Sents[toks[v].Sent].First
		for k := v - 2; k >= sFirst && k >= v-5; k-- {
			if determiners[strings.ToLower(toks[k].Text)] {
				return attribute.Range{Start: k, End: v}
			}
			if toks[k].Quote != 0 || isPunctWord(toks[k].Text) || isVerbTag(toks[k].POS) {
				break
			}
		}
	}
	return subjectBefore(d, v)
}

// agentRun is the agent's words in [s, e): a name or a short noun phrase
// ("Jobs", "one civil service union", "sources"), empty when they hold a
// verb or a quote or run over six words.
func agentRun(d *doc.Doc, s, e int) attribute.Range {
	if e <= s || e-s > 6 {
		return attribute.Range{}
	}
	for k := s; k < e; k++ {
		if d.Tokens[k].Quote != 0 || isVerbTag(d.Tokens[k].POS) {
			return attribute.Range{}
		}
	}
	return attribute.Range{Start: s, End: e}
}

// subjectLike reports whether token k can end a verb's subject: a
// pronoun, a capitalised word or a noun.
func subjectLike(d *doc.Doc, k int) bool {
	if k < 0 {
		return false
	}
	t := d.Tokens[k]
	lw := strings.ToLower(t.Text)
	return subjectPronouns[lw] || lw == "it" || capitalised(t.Text) || strings.HasPrefix(t.POS, "NN")
}

// coveredApartFrom reports whether a content piece of found holds token
// first or e-1 without holding token v: the quote is some report's
// content already, unless that report's content holds the characterizing
// verb too, as an outer report does ("a video surfaced of | him mocking
// Grassley as a “...”").
func coveredApartFrom(found []attribute.Found, first, e, v int) bool {
	for _, f := range found {
		for _, p := range f.Pieces {
			if (p.Start <= first && first < p.End || p.Start <= e-1 && e-1 < p.End) && !(p.Start <= v && v < p.End) {
				return true
			}
		}
	}
	return false
}
