package trail

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// UtteranceGap is the most code points between two quoted pieces of one
// attribution, or between a piece and a quote standing alone after it
// (Quote.Alone), for them to be read as one utterance (PieceGap already
// makes pieces cut only by the cue one member): “We will win,” the
// senator said in a statement on Tuesday after the vote, “and they know
// it.” The extractor found one saying there, so its pieces are one act of
// speech. So is a quote that stands alone, with no source or cue of its
// own, or whose cue says the speaker went on (“B,” she added; He
// continued: “B”; see ContinuationCue), after a piece of its speaker
// whose cue stands between them: “A,” said Ann Lee, the mayor of Port
// Halden, at the meeting on Tuesday. “B.” The words between are then
// the first piece's cue, with the speaker's title or the occasion, or
// the second's. When the first piece's cue comes before it, what
// follows it is the reporter's (Ann Lee said “A” on Monday. At the
// meeting the next morning, “B,” she added.): no join. On BASIL dev
// this took recall from 0.718 to 0.745 at precision 0.985 (without the
// cue's place 0.756 at 0.985, but the next morning's remark would join
// Monday's). Other pieces of two attributions of the same speaker are
// one utterance only when they are at most PieceGap apart (“A.” / “B,”
// he said); further apart the words between are as often the
// reporter's as a cue (on BASIL dev, 60 code points instead of 40 took
// precision from 0.98 to 0.92).
const UtteranceGap = 200

// utteranceWords is the most words an utterance joined from pieces may
// have: a chain of pieces is cut before the piece that would take it past
// MaxWords (a longer form takes no part in matching).
const utteranceWords = MaxWords

// JoinUtterances reads the quotes of each article (by ArticleID, or by
// Source when it is 0) together and sets Utterance on the pieces that one
// speaker said next to each other: consecutive members (see
// PieceMembers) in article order, of the same named speaker, with no
// other quoted piece between them, at most UtteranceGap apart within one
// attribution or before a quote standing alone or going on with a cue
// between (Quote.Alone, Quote.Continues), and PieceGap apart across two
// attributions otherwise. Each
// piece of such a run gets the words of the whole run, joined by an
// ellipsis, and its member is matched on them (MatchText), so that the
// members of one utterance are one form. It depends only on the quotes of
// each article, so that an article's quotes, added together, cluster the
// same way whatever else is stored; quotes without piece spans are left
// alone.
func JoinUtterances(qs []Quote) {
	type run struct {
		q           int // index in qs
		first, end  int // pieces [first, end) of qs[q]
		start, stop int
		words       int
		speaker     string
	}
	byArticle := map[string][]run{}
	var order []string
	for i := range qs {
		q := &qs[i]
		q.Utterance = nil
		if len(q.Pieces) == 0 || len(q.PieceSpans) != len(q.Pieces) {
			continue
		}
		key := q.Source
		if q.ArticleID != 0 {
			key = "#" + strconv.FormatInt(q.ArticleID, 10)
		}
		if _, ok := byArticle[key]; !ok {
			order = append(order, key)
		}
		member := PieceMembers(q.PieceSpans, len(q.Pieces))
		speaker := utteranceSpeaker(q.Speaker)
		for j := 0; j < len(member); {
			k := j + 1
			for k < len(member) && member[k] == member[j] {
				k++
			}
			words := 0
			for _, p := range q.Pieces[j:k] {
				words += len(Tokenize(p))
			}
			byArticle[key] = append(byArticle[key], run{q: i, first: j, end: k,
				start: q.PieceSpans[j].Start, stop: q.PieceSpans[k-1].End, words: words, speaker: speaker})
			j = k
		}
	}
	for _, key := range order {
		runs := byArticle[key]
		slices.SortStableFunc(runs, func(a, b run) int {
			if c := cmp.Compare(a.start, b.start); c != 0 {
				return c
			}
			return cmp.Compare(a.stop, b.stop)
		})
		for i := 0; i < len(runs); {
			j, words := i+1, runs[i].words
			for j < len(runs) {
				prev, next := runs[j-1], runs[j]
				gap := PieceGap
				if o := qs[next.q].Opens; prev.q == next.q && len(o) > next.first && o[next.first] {
					gap = UtteranceGap
				}
				if n, p := &qs[next.q], &qs[prev.q]; prev.q != next.q && next.first == 0 && (n.Alone || n.Continues) &&
					(p.CueEnd > 0 && int(p.CueStart) > p.PieceSpans[0].Start && int(p.CueEnd) <= next.start ||
						n.CueEnd > 0 && int(n.CueStart) >= prev.stop && int(n.CueEnd) <= next.start) {
					// A quote standing alone or going on, with a cue
					// between: the earlier quote's, after its words,
					// or its own.
					gap = UtteranceGap
				}
				if next.speaker == "" || next.speaker != prev.speaker || next.start < prev.stop ||
					next.start-prev.stop > gap || words+next.words > utteranceWords {
					break
				}
				words += next.words
				j++
			}
			if j-i >= 2 {
				var parts []string
				for _, r := range runs[i:j] {
					parts = append(parts, qs[r.q].Pieces[r.first:r.end]...)
				}
				text := strings.Join(parts, " … ")
				for _, r := range runs[i:j] {
					q := &qs[r.q]
					if q.Utterance == nil {
						q.Utterance = make([]string, len(q.Pieces))
					}
					for p := r.first; p < r.end; p++ {
						q.Utterance[p] = text
					}
				}
			}
			i = j
		}
	}
}

// utteranceSpeaker is the speaker as compared between neighbouring
// pieces: the name as the article resolved it, or "" for none or a
// pronoun left unresolved (two pieces of "he" may be two people).
func utteranceSpeaker(name string) string {
	k := nameKey(name)
	if k == "" || pronouns[k] {
		return ""
	}
	return k
}

// continuationCues are the verbs by which a reporter says that a speaker
// went on with what they were saying.
var continuationCues = map[string]bool{"add": true, "adds": true, "added": true, "adding": true,
	"continue": true, "continues": true, "continued": true, "continuing": true,
	"conclude": true, "concludes": true, "concluded": true, "concluding": true}

// ContinuationCue reports whether a cue says the speaker went on: "added",
// "continued", "concluded", "went on" (in any of their forms).
func ContinuationCue(cue string) bool {
	ws := strings.Fields(strings.ToLower(cue))
	for i, w := range ws {
		w = strings.Trim(w, ",.:;")
		if continuationCues[w] {
			return true
		}
		if (w == "went" || w == "goes" || w == "go" || w == "going") && i+1 < len(ws) && strings.Trim(ws[i+1], ",.:;") == "on" {
			return true
		}
	}
	return false
}
