package extract

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// mannerVerbs tell how words were said (a smile, a sigh, a shrug) and
// stand for "said" right after a quote: “You can call it a peace
// dividend,” smiles one broker. The cue model takes few of them (PolNeAR
// has few), and in that order, quote then verb and speaker or speaker and
// verb, they can be nothing else.
var mannerVerbs = wordSet(`smiles smiled laughs laughed sighs sighed shrugs shrugged grins grinned
chuckles chuckled groans groaned beams beamed gasps gasped jokes joked quips quipped scoffs scoffed
sneers sneered smirks smirked exclaims mutters muttered murmurs murmured snorts snorted winks winked
shrieks shrieked huffs huffed snaps snapped gushes gushed sniffs sniffed growls growled chirps chirped
barks barked hisses hissed snarls snarled grumbles grumbled gripes griped crows crowed enthuses enthused
deadpans deadpanned booms boomed bellows bellowed teases teased marvels marvelled marveled`)

// mannerQuotes finds the quotes the model left without a cue that a
// manner verb attributes: “...,” smiles one broker; “...,” Ann Cole sighs.
func mannerQuotes(d *doc.Doc, found []attribute.Found) []attribute.Found {
	if len(d.Quotes) == 0 {
		return nil
	}
	var covered []bool
	var out []attribute.Found
	for _, q := range d.Quotes {
		if q.Depth != 0 || q.Unclosed {
			continue
		}
		first := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= q.Start })
		e := first
		for e < len(d.Tokens) && d.Tokens[e].End <= q.End {
			e++
		}
		var cue, src attribute.Range
		if e-first >= 3 && first >= 3 && (d.Tokens[first-1].Text == "," || d.Tokens[first-1].Text == ":") {
			// The mayor sighed, “...”; Montini is supposed to have
			// sighed: “...”
			if v := first - 2; mannerVerbs[d.Tokens[v].Text] {
				if s := mannerSubjectBefore(d, v); !s.Empty() {
					cue, src = attribute.Range{Start: v, End: v + 1}, s
				}
			}
		}
		if !cue.Empty() {
			if covered == nil {
				covered = coveredTokens(d, found)
			}
			if !covered[first] && !covered[e-1] {
				content := attribute.Range{Start: first, End: e}
				out = append(out, attribute.Found{Cue: cue, Source: src, Content: content, Pieces: []attribute.Range{content},
					CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
			}
			continue
		}
		// a quote that ends a clause ("...," "...?" "...!") with a word
		// after it in its paragraph
		if e-first < 3 || e+1 >= len(d.Tokens) || !endsClause(d.Text[q.Start:q.End]) || strings.HasSuffix(strings.TrimRight(d.Text[q.Start:q.End], "\"'”’ "), ".") ||
			d.Sents[d.Tokens[e].Sent].Para != d.Sents[d.Tokens[e-1].Sent].Para {
			continue
		}
		if mannerVerbs[d.Tokens[e].Text] {
			// “...,” smiles one broker.
			cue, src = attribute.Range{Start: e, End: e + 1}, mannerSubject(d, e+1)
		} else {
			// “...,” Ann Cole sighs.
			for v := e + 1; v < len(d.Tokens) && v <= e+4 && d.Tokens[v].Sent == d.Tokens[e].Sent; v++ {
				if mannerVerbs[d.Tokens[v].Text] {
					if s := mannerSubject(d, e); s.End == v {
						cue, src = attribute.Range{Start: v, End: v + 1}, s
					}
					break
				}
			}
		}
		if cue.Empty() || src.Empty() {
			continue
		}
		if covered == nil {
			covered = coveredTokens(d, found)
		}
		if covered[first] || covered[e-1] {
			continue
		}
		content := attribute.Range{Start: first, End: e}
		out = append(out, attribute.Found{Cue: cue, Source: src, Content: content, Pieces: []attribute.Range{content},
			CueScore: ruleQuoteMargin, ContentMargin: ruleQuoteMargin, SourceMargin: ruleQuoteMargin})
	}
	return out
}

// mannerNotRole are lower-case words that open no role before a name
// after a manner verb ("“...,” smiled at Ann Vell").
var mannerNotRole = wordSet("at to in on for with by from as and or but of about after before when while into over")

// mannerSubject before a manner verb at token v is the subject of the
// clause that ends in it: the words back to the sentence's start or a
// comma, at most eight, past the auxiliaries right before the verb
// ("Cardinal Montini is supposed to have sighed"), opening with a
// capital, a determiner or a pronoun, with no verb of their own.
func mannerSubjectBefore(d *doc.Doc, v int) attribute.Range {
	e := v
	for e > 0 && mannerAuxiliaries[strings.ToLower(d.Tokens[e-1].Text)] {
		e--
	}
	s := e
	first := d.Sents[d.Tokens[v].Sent].First
	for s > first && e-s < 8 && d.Tokens[s-1].Text != "," && !doc.IsQuoteToken(d.Tokens[s-1].Text) {
		s--
	}
	if s == e || e-s >= 8 || s > first && d.Tokens[s-1].Text != "," {
		return attribute.Range{}
	}
	w := d.Tokens[s].Text
	lw := strings.ToLower(w)
	if _, after, ok := strings.Cut(w, "-"); ok && capitalised(after) {
		w, lw = after, strings.ToLower(after) // "then-Cardinal Montini"
	}
	if notNames[w] && !determiners[lw] || !(capitalised(w) || determiners[lw] || lw == "one" || lw == "another" || subjectPronouns[lw]) {
		return attribute.Range{}
	}
	for t := s; t < e; t++ {
		if isVerbTag(d.Tokens[t].POS) || isPunctWord(d.Tokens[t].Text) && d.Tokens[t].Text != "." && d.Tokens[t].Text != "-" {
			return attribute.Range{}
		}
	}
	return attribute.Range{Start: s, End: e}
}

// mannerAuxiliaries stand between a subject and its manner verb:
// "is supposed to have sighed", "then laughed".
var mannerAuxiliaries = wordSet("is was has had have to supposed said reported then just only also simply")

// mannerSubject is the speaker starting at token s: a name or a short
// noun phrase ("one broker", "the chairman", "Ann Cole"), ending at a
// comma, a period, a manner verb or the sentence's end, at most six
// words.
func mannerSubject(d *doc.Doc, s int) attribute.Range {
	if s >= len(d.Tokens) {
		return attribute.Range{}
	}
	w := d.Tokens[s].Text
	lw := strings.ToLower(w)
	if notNames[w] || lw == "i" || lw == "i." {
		return attribute.Range{}
	}
	// a role in lower case may open it before the name ("committee
	// member Patrick Leahy")
	roleFirst := !(capitalised(w) || determiners[lw] || lw == "one" || lw == "another" || subjectPronouns[lw])
	named := false
	e := s
	for e < len(d.Tokens) && e-s < 6 && d.Tokens[e].Sent == d.Tokens[s].Sent {
		t := d.Tokens[e].Text
		if t == "," || t == "." || t == ";" || t == "(" || mannerVerbs[t] || doc.IsQuoteToken(t) {
			break
		}
		named = named || e > s && capitalised(t)
		e++
	}
	if e == s || e-s >= 6 || roleFirst && (!named || mannerNotRole[lw] || d.Tokens[s].POS != "" && !strings.HasPrefix(d.Tokens[s].POS, "NN")) {
		return attribute.Range{}
	}
	return attribute.Range{Start: s, End: e}
}
