package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// dropSameContent keeps one attribution of each set that prints the same
// content pieces, as two readings of one sentence can ("Mr Panke said
// ..., implying that ..."; "According to the Daily Wire, Omar tweeted:
// “...”" read once as the paper's and once as Omar's): a reader sees the
// same words twice otherwise. It settles three cases, and leaves the
// rest (which reading is right is not known here):
//   - a relay ("according to X") and a report of the same words: the
//     report stays, X becomes its relay;
//   - two reports by the same speaker: the one whose cue is nearer the
//     content stays (it introduces these words; the other's introduces
//     words nearby: "Mr Panke said sales rose, implying that ...", "He
//     told BBC News 24: “...” Mr Kilroy-Silk also told Sky News there
//     was ..."), then the one with a finite verb for a cue over a
//     participle or a bare colon, then the one with a name for a source
//     over a pronoun, then the first;
//   - two reports by different speakers, one written right at the
//     content with a verb of saying and the other well away from it
//     ("producer Shogo Tomiyama added: “...” Godzilla first appeared in
//     1954"): the one at the content stays.
//
// What a dropped relay or report of the same speaker knew (relay,
// channel, markers) moves to the kept.
// PolNeAR's view (stances on) keeps both: it annotates every cue as an
// attribution of its own, a relay over a report included.
func dropSameContent(atts []claimtrail.Attribution) []claimtrail.Attribution {
	first := map[string]int{}
	drop := make([]bool, len(atts))
	dropped := 0
	for i := range atts {
		k := contentKey(&atts[i])
		if k == "" {
			continue
		}
		j, ok := first[k]
		if !ok {
			first[k] = i
			continue
		}
		keep, lose := settleSame(&atts[j], &atts[i])
		if keep < 0 {
			continue
		}
		keepAt, loseAt := []int{j, i}[keep], []int{j, i}[lose]
		if atts[keepAt].Speaker.Name == atts[loseAt].Speaker.Name || isRelay(&atts[loseAt]) {
			absorb(&atts[keepAt], &atts[loseAt])
		}
		drop[loseAt] = true
		dropped++
		first[k] = keepAt
	}
	return undropped(atts, drop, dropped)
}

// contentKey is the content pieces' spans as a map key ("" for none).
func contentKey(a *claimtrail.Attribution) string {
	if len(a.Content) == 0 {
		return ""
	}
	var b strings.Builder
	for _, c := range a.Content {
		b.WriteString(strconv.Itoa(c.Start))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(c.End))
		b.WriteByte(' ')
	}
	return b.String()
}

// settleSame says which of a (0) and b (1) to keep and which to drop; -1,
// -1 when the two are left alone.
func settleSame(a, b *claimtrail.Attribution) (keep, lose int) {
	ra, rb := isRelay(a), isRelay(b)
	switch {
	case ra && !rb && reports(b):
		return 1, 0
	case rb && !ra && reports(a):
		return 0, 1
	case ra || rb:
		return -1, -1
	}
	if a.Speaker.Name != b.Speaker.Name {
		// two speakers: only a report written right at the content
		// against one standing well away from it ("producer Shogo
		// Tomiyama added: “...” Godzilla first appeared in 1954")
		ga, gb := frameGap(a), frameGap(b)
		switch {
		case ga <= nearFrame && gb >= farFrame && speaks(a):
			return 0, 1
		case gb <= nearFrame && ga >= farFrame && speaks(b):
			return 1, 0
		}
		return -1, -1
	}
	if a.Speaker.Name == "" {
		return -1, -1
	}
	if ga, gb := cueGap(a), cueGap(b); ga != gb {
		if ga < gb {
			return 0, 1
		}
		return 1, 0
	}
	if ca, cb := cueRank(a), cueRank(b); ca != cb {
		if ca > cb {
			return 0, 1
		}
		return 1, 0
	}
	if pa, pb := pronounSource(a), pronounSource(b); pa != pb {
		if pb {
			return 0, 1
		}
		return 1, 0
	}
	return 0, 1
}

// reports reports whether a is a report a relay can move to: its
// speaker resolved and its cue a verb or a participle.
func reports(a *claimtrail.Attribution) bool {
	return a.Source != nil && a.Speaker.Name != "" && cueRank(a) > 0
}

// cueRank ranks a cue as the verb of a report: a finite verb (2) over a
// participle ("implying", "adding") (1) over a bare colon or none (0).
func cueRank(a *claimtrail.Attribution) int {
	if a.Cue == nil {
		return 0
	}
	c := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(a.Cue.Text), ":"))
	if c == "" {
		return 0
	}
	w, _, _ := strings.Cut(c, " ")
	if strings.HasSuffix(lowerOf(w), "ing") {
		return 1
	}
	return 2
}

// cueGap is how many code points lie between a's cue and its content (0
// for a cue inside the content).
func cueGap(a *claimtrail.Attribution) int {
	if a.Cue == nil {
		return 1 << 30
	}
	first, last := a.Content[0].Start, a.Content[len(a.Content)-1].End
	switch {
	case a.Cue.End <= first:
		return first - a.Cue.End
	case a.Cue.Start >= last:
		return a.Cue.Start - last
	}
	return 0
}

// nearFrame and farFrame, in code points between a report's source or
// cue and its content, tell a report written at the content from one
// written away from it.
const (
	nearFrame = 3
	farFrame  = 8
)

// frameGap is how many code points lie between a's content and the
// nearer of its source and cue (0 for one inside the content).
func frameGap(a *claimtrail.Attribution) int {
	g := cueGap(a)
	if a.Source == nil {
		return g
	}
	first, last := a.Content[0].Start, a.Content[len(a.Content)-1].End
	switch {
	case a.Source.End <= first:
		g = min(g, first-a.Source.End)
	case a.Source.Start >= last:
		g = min(g, a.Source.Start-last)
	default:
		g = 0
	}
	return g
}

// speaks reports whether a names its speaker and has a verb of saying in
// its cue ("added:", "said in a statement"; not "afterward"), its source
// next to the cue (not "US Customs claimed ... but his lawyer told the
// BBC ... and added:").
func speaks(a *claimtrail.Attribution) bool {
	if a.Speaker.Name == "" || a.Cue == nil {
		return false
	}
	if s := a.Source; s != nil && (s.End <= a.Cue.Start && a.Cue.Start-s.End > 20 || s.Start >= a.Cue.End && s.Start-a.Cue.End > 20) {
		return false
	}
	for _, w := range strings.Fields(a.Cue.Text) {
		if speechVerbs[lowerOf(strings.TrimRight(w, ":,"))] {
			return true
		}
	}
	return false
}

// pronounSource reports whether a's source is a lone pronoun ("he").
func pronounSource(a *claimtrail.Attribution) bool {
	return a.Source != nil && subjectPronouns[lowerOf(a.Source.Text)]
}

// absorb gives keep what lose knew that keep does not: lose's speaker as
// a relay when lose is one, its relays, channel and markers.
func absorb(keep, lose *claimtrail.Attribution) {
	// (a relay that opens the sentence after the content relays that
	// sentence, not this: "It added: “...” According to the FT's
	// correspondent, the new rules ...")
	after := lose.Cue != nil && strings.HasPrefix(lose.Cue.Text, "According") && lose.Cue.Start >= keep.Content[len(keep.Content)-1].End
	if isRelay(lose) && !after && lose.Speaker.Name != "" && lose.Speaker.Name != keep.Speaker.Name && !slices.Contains(keep.AccordingTo, lose.Speaker.Name) {
		keep.AccordingTo = append(keep.AccordingTo, lose.Speaker.Name)
	}
	for _, r := range lose.AccordingTo {
		if r != keep.Speaker.Name && !slices.Contains(keep.AccordingTo, r) {
			keep.AccordingTo = append(keep.AccordingTo, r)
		}
	}
	if keep.Channel == "" {
		keep.Channel = lose.Channel
	}
	for _, m := range lose.Markers {
		if !slices.ContainsFunc(keep.Markers, func(k claimtrail.Marker) bool { return k.Type == m.Type }) {
			keep.Markers = append(keep.Markers, m)
		}
	}
	keep.Confidence = max(keep.Confidence, lose.Confidence)
}

// dropContainedContent keeps one attribution where one's content lies
// inside another's and no source or cue of the inner one stands in the
// outer content (so the inner is no report nested in the outer, but a
// second, shorter reading of the same words: "Mr Fox said: “...” |
// saying: “...”", "In one emailed statement, Perry stated, “...”" read
// once with "one" speaking through "emailed statement"):
//   - an inner one with no speaker goes when the outer has one;
//   - of two by one speaker the outer stays, but when the outer is a
//     quote standing alone (no cue), the inner (with its cue) takes the
//     outer's whole content if both start together, and both stay if
//     not;
//   - two named speakers are left alone.
func dropContainedContent(atts []claimtrail.Attribution) []claimtrail.Attribution {
	drop := make([]bool, len(atts))
	dropped := 0
	order := make([]int, len(atts))
	for i := range order {
		order[i] = i
	}
	// by content start, then the longer first: an outer comes before
	// what it contains
	slices.SortFunc(order, func(x, y int) int {
		a, b := &atts[x], &atts[y]
		if len(a.Content) == 0 || len(b.Content) == 0 {
			return len(b.Content) - len(a.Content)
		}
		if s := a.Content[0].Start - b.Content[0].Start; s != 0 {
			return s
		}
		return lastEnd(b) - lastEnd(a)
	})
	for oi, o := range order {
		outer := &atts[o]
		if drop[o] || len(outer.Content) == 0 {
			continue
		}
		os, oe := outer.Content[0].Start, lastEnd(outer)
		for _, n := range order[oi+1:] {
			inner := &atts[n]
			if len(inner.Content) == 0 || inner.Content[0].Start >= oe {
				break
			}
			if drop[n] || lastEnd(inner) > oe || inner.Content[0].Start < os || frameInside(inner, os, oe) ||
				inner.Content[0].Start == os && lastEnd(inner) == oe {
				continue
			}
			switch {
			case inner.Speaker.Name == "" && outer.Speaker.Name != "":
				drop[n] = true
			case inner.Speaker.Name != "" && inner.Speaker.Name == outer.Speaker.Name:
				if outer.Cue == nil && inner.Cue != nil {
					if inner.Content[0].Start != os {
						continue // (the cue's words are not the whole quote's)
					}
					inner.Content, inner.Kind = outer.Content, outer.Kind
					inner.Quotes = claimtrail.VerbatimQuotes(inner.Kind, inner.Content)
					drop[o] = true
				} else {
					absorb(outer, inner)
					drop[n] = true
				}
			default:
				continue
			}
			dropped++
			if drop[o] {
				break
			}
		}
	}
	return undropped(atts, drop, dropped)
}

// lastEnd is where a's content ends.
func lastEnd(a *claimtrail.Attribution) int { return a.Content[len(a.Content)-1].End }

// frameInside reports whether a's source or cue starts in [s, e).
func frameInside(a *claimtrail.Attribution, s, e int) bool {
	return a.Cue != nil && a.Cue.Start >= s && a.Cue.Start < e || a.Source != nil && a.Source.Start >= s && a.Source.Start < e
}

// undropped is atts without those drop marks (dropped of them).
func undropped(atts []claimtrail.Attribution, drop []bool, dropped int) []claimtrail.Attribution {
	if dropped == 0 {
		return atts
	}
	out := make([]claimtrail.Attribution, 0, len(atts)-dropped)
	for i := range atts {
		if !drop[i] {
			out = append(out, atts[i])
		}
	}
	return out
}
