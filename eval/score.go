// Package eval scores the extractor: on a PolNeAR split the way CofeNet
// (COLING 2022) scores PolNeAR, on a hand-made reference answer such as the
// seed article's, and for speed (Bench).
//
// # How PolNeAR is scored
//
// Each role (source, cue, content) is scored separately as a set of spans
// per document, micro-averaged over all documents: precision = matched
// predicted spans / predicted spans, recall = matched gold spans / gold
// spans. Spans are compared as [start, end) code-point ranges after
// trimming surrounding whitespace. A discontinuous span counts as its
// envelope, first fragment's start to last fragment's end: in PolNeAR a
// quote split by its cue ("“...,” said X, “...”") is ONE discontinuous
// content span, so a predicted attribution's content pieces are likewise
// joined into their envelope and scored as ONE content span. PolNeAR's
// rare second content argument ("Content2", a further quote of the same
// relation far from the first) is a gold content span of its own.
//
// Within a role, identical spans of one document count once, on both
// sides: when two attributions share a source mention ("Caddell said ...
// speaking of ..."), that mention is one source span, as in CofeNet's
// token tagging where a token carries one label.
//
// Matching is one-to-one. Exact: a predicted span is correct when a gold
// span has the same trimmed offsets. Overlap: a predicted span is correct
// when it is paired with a gold span whose character Jaccard index
// (shared code points / code points in either) is at least 0.5; the
// pairing is a maximum matching over all such pairs, so one predicted span
// never counts for two gold spans or the reverse, and no valid pairing is
// missed because a greedy choice took a partner first.
package eval

import (
	"cmp"
	"encoding/json"
	"slices"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/polnear"
)

// Role is one of the three parts of an attribution that are scored.
type Role int

const (
	Source Role = iota
	Cue
	Content
	numRoles
)

// Roles lists the roles in display order.
var Roles = [numRoles]Role{Source, Cue, Content}

func (r Role) String() string {
	switch r {
	case Source:
		return "source"
	case Cue:
		return "cue"
	case Content:
		return "content"
	}
	return "?"
}

// Span is a scored span: [Start, End) code points, trimmed of whitespace.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Jaccard is the character Jaccard index of two spans: the code points
// they share over the code points either covers.
func Jaccard(a, b Span) float64 {
	inter := min(a.End, b.End) - max(a.Start, b.Start)
	if inter <= 0 {
		return 0
	}
	union := a.Len() + b.Len() - inter
	return float64(inter) / float64(union)
}

// OverlapThreshold is the Jaccard index from which two spans match in
// overlap scoring.
const OverlapThreshold = 0.5

// DocSpans holds one document's spans per role, deduplicated and sorted.
type DocSpans [numRoles][]Span

// trimmer trims spans of one text of surrounding whitespace.
type trimmer struct{ runes []rune }

func newTrimmer(text string) trimmer { return trimmer{runes: []rune(text)} }

// trim clamps s to the text and strips whitespace at both ends; ok is
// false when nothing is left.
func (t trimmer) trim(s Span) (Span, bool) {
	s.Start = max(s.Start, 0)
	s.End = min(s.End, len(t.runes))
	for s.Start < s.End && unicode.IsSpace(t.runes[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && unicode.IsSpace(t.runes[s.End-1]) {
		s.End--
	}
	return s, s.Start < s.End
}

func (d *DocSpans) add(t trimmer, r Role, s Span) {
	if s, ok := t.trim(s); ok {
		d[r] = append(d[r], s)
	}
}

// normalize sorts and deduplicates every role's spans.
func (d *DocSpans) normalize() {
	for r := range d {
		slices.SortFunc(d[r], func(a, b Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		d[r] = slices.Compact(d[r])
	}
}

// GoldSpans returns the scored spans of a PolNeAR document.
func GoldSpans(doc *polnear.Document) DocSpans {
	var d DocSpans
	t := newTrimmer(doc.Text)
	add := func(r Role, s *polnear.Span) {
		if s != nil {
			d.add(t, r, Span{s.Start, s.End})
		}
	}
	for _, a := range doc.Attributions {
		add(Source, a.Source)
		add(Cue, a.Cue)
		add(Content, a.Content)
		for _, c := range a.ExtraContent {
			add(Content, c)
		}
	}
	d.normalize()
	return d
}

// PredictedSpans returns the scored spans of an extractor's attributions
// over text: source, cue, and the envelope of the content pieces.
func PredictedSpans(text string, attrs []claimtrail.Attribution) DocSpans {
	var d DocSpans
	t := newTrimmer(text)
	for _, a := range attrs {
		if a.Source != nil {
			d.add(t, Source, Span{a.Source.Start, a.Source.End})
		}
		if a.Cue != nil {
			d.add(t, Cue, Span{a.Cue.Start, a.Cue.End})
		}
		if env, ok := envelope(a.Content); ok {
			d.add(t, Content, env)
		}
	}
	d.normalize()
	return d
}

// envelope spans from the first piece's start to the last piece's end.
func envelope(pieces []claimtrail.Span) (Span, bool) {
	if len(pieces) == 0 {
		return Span{}, false
	}
	env := Span{pieces[0].Start, pieces[0].End}
	for _, p := range pieces[1:] {
		env.Start = min(env.Start, p.Start)
		env.End = max(env.End, p.End)
	}
	return env, true
}

// Counts are one role's tallies.
type Counts struct {
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	// Exact and Overlap count matched pairs under each criterion.
	Exact   int `json:"exact"`
	Overlap int `json:"overlap"`
}

// Add adds o's tallies to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Exact += o.Exact
	c.Overlap += o.Overlap
}

// PRF is precision, recall and F1 as fractions in [0, 1].
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(matched, predicted, gold int) PRF {
	var p PRF
	if predicted > 0 {
		p.Precision = float64(matched) / float64(predicted)
	}
	if gold > 0 {
		p.Recall = float64(matched) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// ExactPRF scores exact matches.
func (c Counts) ExactPRF() PRF { return prf(c.Exact, c.Predicted, c.Gold) }

// OverlapPRF scores overlap matches.
func (c Counts) OverlapPRF() PRF { return prf(c.Overlap, c.Predicted, c.Gold) }

// RoleCounts are the tallies of all three roles.
type RoleCounts [numRoles]Counts

// Add adds o's tallies to rc.
func (rc *RoleCounts) Add(o RoleCounts) {
	for r := range rc {
		rc[r].Add(o[r])
	}
}

// ScoreDocument compares one document's predicted spans with its gold.
func ScoreDocument(gold, pred DocSpans) RoleCounts {
	var rc RoleCounts
	for r := range rc {
		rc[r] = Counts{
			Gold:      len(gold[r]),
			Predicted: len(pred[r]),
			Exact:     exactMatches(gold[r], pred[r]),
			Overlap:   overlapMatches(gold[r], pred[r]),
		}
	}
	return rc
}

// exactMatches counts spans present in both sorted, deduplicated lists.
func exactMatches(gold, pred []Span) int {
	n, i, j := 0, 0, 0
	for i < len(gold) && j < len(pred) {
		switch c := cmp.Or(cmp.Compare(gold[i].Start, pred[j].Start), cmp.Compare(gold[i].End, pred[j].End)); {
		case c == 0:
			n++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return n
}

// overlapMatches is the size of a maximum one-to-one matching between gold
// and predicted spans with Jaccard ≥ OverlapThreshold (augmenting paths;
// a document has tens of spans per role, so this is cheap).
func overlapMatches(gold, pred []Span) int {
	if len(gold) == 0 || len(pred) == 0 {
		return 0
	}
	// Candidates per predicted span, best Jaccard first, so that the first
	// pairing tried is the natural one.
	cands := make([][]int, len(pred))
	for p, ps := range pred {
		for g, gs := range gold {
			// Spans are sorted by start: none after this one can overlap.
			if gs.Start >= ps.End {
				break
			}
			if Jaccard(gs, ps) >= OverlapThreshold {
				cands[p] = append(cands[p], g)
			}
		}
		slices.SortStableFunc(cands[p], func(a, b int) int {
			return cmp.Compare(Jaccard(gold[b], ps), Jaccard(gold[a], ps))
		})
	}
	goldOf := make([]int, len(gold)) // gold index → matched pred + 1
	var augment func(p int, seen []bool) bool
	augment = func(p int, seen []bool) bool {
		for _, g := range cands[p] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if goldOf[g] == 0 || augment(goldOf[g]-1, seen) {
				goldOf[g] = p + 1
				return true
			}
		}
		return false
	}
	n := 0
	seen := make([]bool, len(gold))
	for p := range pred {
		if len(cands[p]) == 0 {
			continue
		}
		clear(seen)
		if augment(p, seen) {
			n++
		}
	}
	return n
}

// roleJSON is one role's tallies with their scores, for JSON readers.
type roleJSON struct {
	Counts
	ExactPRF   PRF `json:"exact_prf"`
	OverlapPRF PRF `json:"overlap_prf"`
}

func newRoleJSON(c Counts) roleJSON {
	return roleJSON{Counts: c, ExactPRF: c.ExactPRF(), OverlapPRF: c.OverlapPRF()}
}

// MarshalJSON writes the roles by name, each with its counts and scores,
// so that scripts need not know the role order or recompute F1.
func (rc RoleCounts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Source  roleJSON `json:"source"`
		Cue     roleJSON `json:"cue"`
		Content roleJSON `json:"content"`
	}{newRoleJSON(rc[Source]), newRoleJSON(rc[Cue]), newRoleJSON(rc[Content])})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (rc *RoleCounts) UnmarshalJSON(b []byte) error {
	var v struct {
		Source, Cue, Content Counts
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*rc = RoleCounts{v.Source, v.Cue, v.Content}
	return nil
}
