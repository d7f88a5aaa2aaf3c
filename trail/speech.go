package trail

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Pieces of one speech by one speaker. Two outlets quoting one answer
// often share only a stretch of a few words ("I'm not going to talk
// about this anymore", "they cannot believe what they're finding"), too
// little for match on the words alone: many statements share such a
// stretch. When the two forms are quoted as one named speaker's within
// SpeechWindow of each other, a looser test of the words is enough
// (speechMatch): a cut or variant of speechSimilarity (sharing
// speechBigrams bigrams: two transcripts of one answer), or an overlap
// whose shared run has speechRun words with speechRunContent content
// words. Different statements of one speaker on one topic share content
// words but seldom such a run, so the words still decide; the speaker
// and the time only let fewer of them count. A link made so has a
// similarity of at most speechDiscount, below any other link's, so
// that a form joins what its words alone match before what this rule
// allows.

// SpeechWindow is how far apart in time two quotes of one named speaker
// may be published and still be read as pieces of one speech.
const SpeechWindow = ShortWindow

// speechSimilarity is the least similarity of a cut or variant of one
// speaker's words (MinSimilarity without evidence).
const speechSimilarity = 0.5

// speechRun and speechRunContent bound the shared run of an overlap of
// one speaker's words: four words with two content words (MinRun and
// minOverlapRunContent, with one more below longRun, without evidence).
const (
	speechRun        = 4
	speechRunContent = 2
)

// speechDiscount scales a speech link's similarity: every other link's
// is above it (the least an overlap can have is half of the weight of a
// run of MinRun words with four content words, 4.25, over a form of
// MaxWords: 0.0121 at 175 words; a MaxWords of 213 would take it
// below), so that the stores' saved links say which links hold only
// with evidence (speechLink).
const speechDiscount = 0.01

// speechLink reports whether a link of similarity s was made by the
// speech rule (and so depends on the forms' quotes, not only on their
// words).
func speechLink(s float64) bool { return s > 0 && s <= speechDiscount }

// speaker is what speech evidence compares of a name: two quotes name
// one speaker when their names agree as people (the same full name,
// "Bill Barr" and "William Barr" alike, or one is the other's surname
// alone) or as organisations. Only the two names are compared, so that
// evidence does not depend on the other names the index has seen.
type speaker struct {
	org     bool
	surname string // the organisation's key for an organisation
	full    string // the full-name key ("" for a surname alone)
}

func (a speaker) agrees(b speaker) bool {
	if a.org != b.org || a.surname != b.surname {
		return false
	}
	return a.org || a.full == "" || b.full == "" || a.full == b.full
}

func compareSpeakers(a, b speaker) int {
	if a.org != b.org {
		if a.org {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.surname, b.surname)
}

func speakerKey(q *Quote) (speaker, bool) {
	if !Known(q.Speaker, q.SpeakerKind) {
		return speaker{}, false
	}
	if q.SpeakerKind == claimtrail.SpeakerOrganization || q.SpeakerKind == claimtrail.SpeakerGroup {
		k := orgKey(q.Speaker)
		return speaker{org: true, surname: k}, k != ""
	}
	p := parsePerson(q.Speaker)
	s := p.surname()
	if s == "" {
		return speaker{}, false
	}
	if p.suffix != "" {
		s += " " + p.suffix
	}
	return speaker{surname: s, full: p.key()}, true
}

// spoken is one quote's speaker and time, for speechEvidence.
type spoken struct {
	who speaker
	at  time.Time
}

// spokenOf lists the quotes of n with a Known speaker and a time, by
// speaker (surname), then time.
func (ix *Index) spokenOf(n *node) []spoken {
	var out []spoken
	for _, q := range n.members() {
		qq := ix.speech(q)
		if qq.Published.IsZero() {
			continue
		}
		if k, ok := speakerKey(&qq); ok {
			out = append(out, spoken{k, qq.Published})
		}
	}
	slices.SortFunc(out, func(a, b spoken) int {
		return cmp.Or(compareSpeakers(a.who, b.who), a.at.Compare(b.at))
	})
	return out
}

// speechEvidence reports whether a quote of a and a quote of b name one
// speaker and were published within SpeechWindow of each other.
func (ix *Index) speechEvidence(a, b *node) bool {
	if len(a.members())*len(b.members()) <= 16 {
		// Most forms have a quote or two: compare them pairwise.
		for _, q := range a.members() {
			qq := ix.speech(q)
			for _, r := range b.members() {
				if rr := ix.speech(r); sameSpeech(&qq, &rr) {
					return true
				}
			}
		}
		return false
	}
	sa := ix.spokenOf(a)
	if len(sa) == 0 {
		return false
	}
	sb := ix.spokenOf(b)
	for _, x := range sa {
		// The quotes of b by x's surname from x's time less the window.
		i, _ := slices.BinarySearchFunc(sb, spoken{x.who, x.at.Add(-SpeechWindow)}, func(e, t spoken) int {
			return cmp.Or(compareSpeakers(e.who, t.who), e.at.Compare(t.at))
		})
		for ; i < len(sb) && compareSpeakers(sb[i].who, x.who) == 0 && !sb[i].at.After(x.at.Add(SpeechWindow)); i++ {
			if sb[i].who.agrees(x.who) {
				return true
			}
		}
	}
	return false
}

// sameSpeech reports whether two quotes name one speaker within
// SpeechWindow (speechEvidence of two quotes).
func sameSpeech(q, r *Quote) bool {
	if q.Published.IsZero() || r.Published.IsZero() {
		return false
	}
	if d := q.Published.Sub(r.Published); d > SpeechWindow || d < -SpeechWindow {
		return false
	}
	kq, ok := speakerKey(q)
	if !ok {
		return false
	}
	if q.Speaker == r.Speaker && q.SpeakerKind == r.SpeakerKind {
		return true
	}
	kr, ok := speakerKey(r)
	return ok && kq.agrees(kr)
}

// commonWeight is the weight of the words two forms share (as bags): a
// bound of the matched weight of any alignment of them.
func (ix *Index) commonWeight(a, b *node) float64 { return ix.sharedWeight(a, b) }

// speechMatch is match's test for two forms that the words alone do not
// join: with speechEvidence, a cut or variant of speechSimilarity or an
// overlap on a run of speechRun words, at a similarity of at most
// speechDiscount. b holds the bounds match worked out of the pair.
func (ix *Index) speechMatch(short, long *node, shared int, b pairBounds) (float64, bool) {
	// The cheap bounds of the two tests first (as match's), then the
	// evidence, then the alignments. The overlap's alignment (on ids)
	// before the evidence cost more: on the scale test's store at 1M
	// quotes speechMatch took 17 ms a batch of 1,000 that way, 9 ms
	// this way (12 batches each, alternated in one process).
	variant := false
	if shared >= speechBigrams(ix.wordCount(short)) {
		if b.common < 0 {
			b.common = ix.commonWeight(short, long)
		}
		variant = b.common >= speechSimilarity*ix.weightOf(short)
	}
	overlap := false
	if shared >= minOverlapBigrams {
		if !b.overlapKnown {
			b.mayOverlap = ix.mayOverlap(ix.idsOf(short, 0), ix.idsOf(long, 1))
		}
		overlap = b.mayOverlap
	}
	if !variant && !overlap || !ix.speechEvidence(short, long) {
		return 0, false
	}
	if variant {
		if s, ok := ix.matchesAt(short, long, speechSimilarity, speechBigrams(ix.wordCount(short))); ok {
			return speechDiscount * s, true
		}
	}
	if overlap {
		// On word ids, as match's (overlapsIDs).
		if s, ok := ix.overlapsIDs(short, long, speechRun, speechRun, speechRunContent); ok {
			// An overlap's similarity is at most overlapDiscount.
			return speechDiscount * s / overlapDiscount, true
		}
	}
	return 0, false
}

// speechTouched reports whether q, just filed under n, may change the
// speech evidence of n: it names a Known speaker and has a time, and no
// other quote of n has the same speaker, kind and time.
func (ix *Index) speechTouched(n *node, q *Quote) bool {
	if q.Published.IsZero() || !Known(q.Speaker, q.SpeakerKind) {
		return false
	}
	same := 0 // q itself among them
	for _, m := range n.members() {
		if o := ix.speech(m); o.Speaker == q.Speaker && o.SpeakerKind == q.SpeakerKind && o.Published.Equal(q.Published) {
			same++
		}
	}
	return same <= 1
}

// speechVaried reports whether the evidence of n may have grown since
// its link was saved: it holds two quotes or more, one of them with a
// Known speaker and a time, and not all of them with the same speaker,
// kind and time (the form was saved with at least one of its quotes; a
// form whose quotes all say the same has the evidence it had then).
func (ix *Index) speechVaried(n *node) bool {
	if len(n.members()) < 2 {
		return false
	}
	first, some, differ := ix.speech(n.members()[0]), false, false
	for _, m := range n.members() {
		q := ix.speech(m)
		if !q.Published.IsZero() && Known(q.Speaker, q.SpeakerKind) {
			some = true
		}
		if q.Speaker != first.Speaker || q.SpeakerKind != first.SpeakerKind || !q.Published.Equal(first.Published) {
			differ = true
		}
	}
	return some && differ
}

// holds reports whether the link of c to p still matches (after a
// quote of either went away).
func (ix *Index) holds(c, p *node) bool {
	shared := 0
	for _, g := range ix.grams(c) {
		if ix.hasGram(p, g) {
			shared++
		}
	}
	_, ok := ix.match(c, p, shared)
	return ok
}

// recheckSpeech finds a new parent for n and for its children when
// their link was a speech link that no longer holds, after n lost a
// quote (and with it, perhaps, the evidence).
func (ix *Index) recheckSpeech(n *node) {
	if n.parent != nil && speechLink(n.sim) && !shortForm(n) && !ix.holds(n, n.parent) {
		ix.relink(n)
	}
	var kids []*node
	for c := range ix.kids(n) {
		if speechLink(c.sim) && !shortForm(c) {
			kids = append(kids, c)
		}
	}
	slices.SortFunc(kids, ix.compareKeys)
	for _, c := range kids {
		if !ix.holds(c, n) {
			ix.relink(c)
		}
	}
}

// relink takes c from its parent and gives it the best parent among its
// candidates, as reparent does for a form whose parent went away.
func (ix *Index) relink(c *node) {
	ix.disown(c.parent, c)
	c.parent = nil
	ix.reparent(c)
	ix.markMoved(c)
}

// speechBigrams is how many indexed bigrams a cut or variant of one
// speaker's words of n words must share with the longer form: as
// minBigrams up to eleven words, then one per four words instead of
// three. Two outlets' transcripts of one answer differ in many small
// places ("he is" / "he's", "world view" / "worldview"), each costing
// the bigrams either side of it; on BASIL dev the one such pair among
// the missed ones (36 words, similarity 0.63) shared 11 of the 12
// bigrams minBigrams asks, and no other pair came within reach. From
// twelve words on it asks at least minOverlapBigrams, which every
// candidate pair shares (needBigrams), so every such match is a
// candidate whatever the order quotes come in.
func speechBigrams(n int) int {
	if n < 12 {
		return minBigrams(n)
	}
	return n / 4
}

// Kin. An overlap (overlaps: two forms sharing a run where their cuts
// meet) says little of who spoke: one speaker's phrase is often echoed
// by another, and most so in a family ("I think that freedom means
// freedom for everyone," a father said in 2009; his daughter's post
// of 2013 said "Freedom means freedom for everyone."). When a quote of
// one form and a quote of the other name two people of one family
// name with different given names (kinSpeakers), the overlap does not
// join them; a cut or variant of the same words still does. The guard
// depends on the forms' quotes, so a new quote may break an overlap
// link (recheckKin) and a removed one may allow one (Remove and
// Restore match the form again, as for speech links).

// fullName is the family name (with its suffix) and the formal given
// name of a quote's speaker named in full, for kinSpeakers.
type fullName struct{ surname, given string }

func (ix *Index) fullNameOf(m *member) (fullName, bool) {
	q := ix.speech(*m)
	if q.SpeakerKind != claimtrail.SpeakerPerson || !Known(q.Speaker, q.SpeakerKind) {
		return fullName{}, false
	}
	p := parsePerson(q.Speaker)
	if len(p.words) < 2 {
		return fullName{}, false
	}
	given := []rune(formal(p.words[0]))
	if len(given) < 2 {
		// An initial ("H. Clinton") may be anyone's given name.
		return fullName{}, false
	}
	// Spellings and short forms of one given name mostly share its
	// first letter ("Raul" and "Raúl", "Hilary" and "Hillary", "Bibi"
	// and "Benjamin"): only that letter is compared.
	return fullName{surname: foldName(p.surname()) + " " + p.suffix, given: foldName(string(given[0]))}, true
}

// kinSpeakers reports whether a quote of a and a quote of b name two
// people of one family name: the same surname (and suffix), given
// names that start with different letters ("Dick Cheney" and "Mary
// Cheney"; not "Bill Barr" and "William Barr", "Raul Labrador" and
// "Raúl R. Labrador", nor "Cheney" alone). Two of a family with one
// initial (Ron and Rand Paul) are left to the words.
func (ix *Index) kinSpeakers(a, b *node) bool {
	var names []fullName
	for i := range a.members() {
		if f, ok := ix.fullNameOf(&a.members()[i]); ok && !slices.Contains(names, f) {
			names = append(names, f)
		}
	}
	if len(names) == 0 {
		return false
	}
	for i := range b.members() {
		f, ok := ix.fullNameOf(&b.members()[i])
		if !ok {
			continue
		}
		for _, g := range names {
			if g.surname == f.surname && g.given != f.given {
				return true
			}
		}
	}
	return false
}

// overlapLink reports whether a link of similarity s was made as an
// overlap (at most overlapDiscount, above a speech link's): the links
// kinSpeakers may break.
func overlapLink(s float64) bool { return s > speechDiscount && s < MinSimilarity }

// kinVaried reports whether n's quotes may have changed what
// kinSpeakers says of it since its link was saved: it holds two quotes
// or more, one of them naming a person in full.
func (ix *Index) kinVaried(n *node) bool {
	if len(n.members()) < 2 {
		return false
	}
	for i := range n.members() {
		if _, ok := ix.fullNameOf(&n.members()[i]); ok {
			return true
		}
	}
	return false
}

// recheckKin finds a new parent for n and for its children whose
// overlap link no longer holds now that n has quote q (a person named
// in full may be the kin of a speaker on the other side).
func (ix *Index) recheckKin(n *node, q *Quote) {
	if q.SpeakerKind != claimtrail.SpeakerPerson || len(n.members()) < 2 {
		return
	}
	if n.parent != nil && overlapLink(n.sim) && !ix.holds(n, n.parent) {
		ix.relink(n)
	}
	var kids []*node
	for c := range ix.kids(n) {
		if overlapLink(c.sim) {
			kids = append(kids, c)
		}
	}
	slices.SortFunc(kids, ix.compareKeys)
	for _, c := range kids {
		if !ix.holds(c, n) {
			ix.relink(c)
		}
	}
}

// namedInFull reports whether n's quote with member key k names a
// person in full: its going may allow an overlap kinSpeakers refused.
func (ix *Index) namedInFull(n *node, k int64) bool {
	m := n.quote(k)
	if m == nil {
		return false
	}
	_, ok := ix.fullNameOf(m)
	return ok
}

// foldName folds a name as Tokenize folds a word: lower case, no
// diacritics.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(string(foldRune(r)))
	}
	return b.String()
}
