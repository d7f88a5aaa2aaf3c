package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// coordinatedSubjectSource gives a report whose verb is the second of
// its sentence, joined by "and" or "but" to a first verb that reports
// nothing, the sentence's subject as its source when the model found
// none ("The chancellor would not comment on the reports, but insisted
// he would not be diverted", "PBS is seen in virtually all US homes, and
// describes itself as a trusted resource"): the two verbs share it. Only
// a verb of saying takes it (not "... and rejected a move"), and only
// a plain subject (up to eight words opening the sentence with a
// capital, a determiner or a pronoun, no comma, no verb of its own), and
// only when no other finite verb stands between the first verb and the
// conjunction (a clause of its own there may have another subject).
func coordinatedSubjectSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if !f.Source.Empty() || f.Cue.Empty() || f.Cue.Start < 3 {
			continue
		}
		if v := lowerOf(toks[f.Cue.End-1].Text); !speechVerbs[v] && !coordinatedReportVerbs[v] && !characterizingVerbs[v] {
			continue // a verb of saying only: "... and rejected a move", "... and already seems assured of"
		}
		and := f.Cue.Start - 1
		for and > 0 && and > f.Cue.Start-4 && cueAdverbs[strings.ToLower(toks[and].Text)] {
			and--
		}
		if !conjunctionWord(toks[and].Text) || toks[and].Quote != 0 || toks[and].Sent != toks[f.Cue.Start].Sent {
			continue
		}
		sent := d.Sents[toks[and].Sent]
		s := sent.First
		if and-s > 60 {
			continue // (a plain subject and one verb before it: the scan stays short)
		}
		if conjunctionWord(toks[s].Text) && s+1 < and {
			s++ // "But the chancellor would not comment, and insisted ..."
		}
		v := s
		for v < and && !(finiteVerb(toks[v].POS) && !capitalised(toks[v].Text)) {
			v++ // (a capital tagged as a verb is a tagger's slip: "upheld Ms Villalba's claim")
		}
		if v == s || v >= and || v-s > 8 || !opensNounPhrase(toks[s].Text) {
			continue
		}
		plain := true
		for k := s; k < v && plain; k++ {
			plain = toks[k].Text != "," && toks[k].Quote == 0 && !isVerbTag(toks[k].POS)
		}
		// the first verb's group: auxiliaries, "not", the verb
		w := v + 1
		for w < and && (isVerbTag(toks[w].POS) || strings.EqualFold(toks[w].Text, "not") || toks[w].POS == "RB") {
			w++
		}
		for k := w; k < and && plain; k++ {
			plain = !finiteVerb(toks[k].POS) && toks[k].Quote == 0 && !doc.IsQuoteToken(toks[k].Text)
		}
		if !plain || inAnyContent(found, s) {
			continue
		}
		f.Source = attribute.Range{Start: s, End: v}
	}
}

// inAnyContent reports whether token t lies in the content of any report
// found: a subject inside what someone said is not the sentence's.
func inAnyContent(found []attribute.Found, t int) bool {
	for i := range found {
		if found[i].Content.Start <= t && t < found[i].Content.End {
			return true
		}
	}
	return false
}
