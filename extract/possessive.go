package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// claimNouns name something said or believed that a that-clause spells
// out: "Sony's assertion that the machines are aimed at different
// consumers", "his claims that prenatal testing leads to more abortions".
var claimNouns = wordSet("claim claims assertion assertions insistence contention allegation allegations admission " +
	"statement remark remarks comment comments suggestion warning warnings argument view belief accusation " +
	"accusations charge prediction promise pledge denial")

// possessiveClaims finds reports written as a possessor's claim noun and
// a that-clause, which the model misses nine times in ten on the corpora
// ("hit back at Mr Mallon's claim that an assembly would improve
// transport links", "despite Sony's assertion that ...", "Asked about
// Haley's claim that Iran is the culprit, ..."): see possessiveClaimAt.
// The content runs from "that" to the sentence's end or to a comma
// after which the main clause goes on with a participle or a pronoun
// ("his comment that Obama subscribed to a “phony theology,” saying he
// was referring ...", "Despite his claims that he punishes the guilty,
// it was in fact Francis who ..."); the rules after it cut the clause
// where another report begins.
func possessiveClaims(d *doc.Doc, found []attribute.Found) []attribute.Found {
	var out []attribute.Found
	toks := d.Tokens
	for t := 1; t+2 < len(toks); t++ {
		if toks[t+1].Text != "that" || toks[t].Quote != 0 {
			continue // (inside a quote "his" is the quoted speaker's to resolve)
		}
		src, cue, ok := possessiveClaimAt(d, t)
		if !ok {
			continue
		}
		sent := d.Sents[toks[t].Sent]
		end := sent.Last
		for k := t + 3; k+1 < end; k++ {
			if toks[k].Text != "," {
				continue
			}
			n, cut := k+1, k
			if n+1 < end && doc.IsQuoteToken(toks[n].Text) {
				n, cut = n+1, n+1 // past the quote the comma closed, which stays
			}
			if w := lowerOf(toks[n].Text); toks[n].POS == "VBG" || toks[n].POS == "" && strings.HasSuffix(w, "ing") || pronouns[w] {
				end = cut
				break
			}
		}
		for end > t+2 && isPunctWord(toks[end-1].Text) && toks[end-1].Quote == 0 && !doc.IsQuoteToken(toks[end-1].Text) {
			end--
		}
		if end <= t+2 {
			continue
		}
		covered := false
		for _, f := range found {
			if f.Cue.Start < cue.End && cue.Start < f.Cue.End || f.Content.Start <= t+1 && t+1 < f.Content.End && f.Cue.Start < cue.Start {
				covered = true // the model's own, or inside another report
				break
			}
		}
		if covered {
			continue
		}
		content := attribute.Range{Start: t + 1, End: end}
		out = append(out, attribute.Found{Cue: cue, Source: src, Content: content, Pieces: []attribute.Range{content}})
	}
	return out
}

// possessiveClaimAt reads the claim noun at token t, followed by "that"
// opening a complement clause (not a relative one: "his remarks that was
// circulated"), as a report: the possessor (a capitalised name before
// "'s", or a possessive pronoun the resolver follows back) is the
// source, the noun (with one modifier: "his recent insistence") the cue.
// The noun phrase must stand after a verb or a preposition, not open
// the sentence: "Parry's insistence that all offers will be refused is a
// statement of intent" is a subject whose clause ends where nothing
// marks it.
func possessiveClaimAt(d *doc.Doc, t int) (src, cue attribute.Range, ok bool) {
	toks := d.Tokens
	if t < 1 || t+2 >= len(toks) || toks[t+1].Text != "that" || !claimNouns[lowerOf(toks[t].Text)] || toks[t+2].Sent != toks[t].Sent ||
		isVerbTag(toks[t+2].POS) || auxiliaries[lowerOf(toks[t+2].Text)] {
		return src, cue, false
	}
	sent := d.Sents[toks[t].Sent]
	cueStart, p := t, t-1 // p: the possessive's last token
	if p > sent.First && !possessivePronouns[lowerOf(toks[p].Text)] && !isPossessiveMark(toks[p].Text) &&
		!capitalised(toks[p].Text) && (strings.HasPrefix(toks[p].POS, "JJ") || strings.HasSuffix(toks[p].Text, "ly") || toks[p].POS == "") {
		cueStart, p = p, p-1 // "his recent insistence", "her central allegation"
	}
	if p < sent.First {
		return src, cue, false
	}
	switch {
	case possessivePronouns[lowerOf(toks[p].Text)]:
		src = attribute.Range{Start: p, End: p + 1}
	case isPossessiveMark(toks[p].Text):
		s := p
		for s > sent.First && p-s < 4 && (capitalised(toks[s-1].Text) || toks[s-1].Text == ".") {
			s--
		}
		if s == p || !capitalised(toks[s].Text) {
			return src, cue, false // "the neocons' claims": lower-case owners are left to the model
		}
		src = attribute.Range{Start: s, End: p}
	default:
		return src, cue, false
	}
	first := src.Start
	if first > sent.First && lowerOf(toks[first-1].Text) == "the" {
		first-- // "the White House's insistence"
	}
	if first == sent.First || first == sent.First+1 && (openingConjunctions[lowerOf(toks[sent.First].Text)] || isPunctWord(toks[sent.First].Text)) {
		return src, cue, false // the subject: its clause's end is not marked
	}
	return src, attribute.Range{Start: cueStart, End: t + 1}, true
}

// possessiveClaim reports whether a is a possessor's claim noun and its
// that-clause (possessiveClaimAt), made by possessiveClaims or found by
// the model: the statement model, which reads a noun for a cue as no
// statement most of the time, is not asked.
func possessiveClaim(d *doc.Doc, byteOf func(int) int, a *claimtrail.Attribution) bool {
	if a.Source == nil || a.Cue == nil || len(a.Content) != 1 || !strings.HasPrefix(a.Content[0].Text, "that ") {
		return false
	}
	w := lowerFields(a.Cue.Text)
	if len(w) == 0 || len(w) > 2 || !claimNouns[w[len(w)-1]] {
		return false // (before the tokens are searched)
	}
	t := tokenFrom(d, byteOf(a.Cue.End)) - 1
	if t < 0 || t >= len(d.Tokens) {
		return false
	}
	src, _, ok := possessiveClaimAt(d, t)
	return ok && d.Tokens[src.Start].Start == byteOf(a.Source.Start)
}

// isPossessiveMark reports whether a token ends a possessive: "'s"
// (isPossessive) or a plural's bare apostrophe ("the Dems’").
func isPossessiveMark(w string) bool { return isPossessive(w) || w == "'" || w == "’" }
