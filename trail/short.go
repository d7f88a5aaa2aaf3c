package trail

import (
	"slices"
	"time"
)

// Short pieces. A quote of two or three words ("dishonest and
// hypocritical") is too little to match on its words alone: many
// statements contain them. It joins a longer form that contains its
// words exactly only with evidence that it is a piece of that
// statement: a quote of each in the same article, or the same speaker
// quoted with each within ShortWindow. Its parent, like any form's, is
// a function of the quotes in the index (the longest form with
// evidence), so the order quotes arrive in does not matter.

// ShortWindow is how far apart in time a short piece and a longer form
// by the same speaker may be quoted and still be one statement.
const ShortWindow = 7 * 24 * time.Hour

// ShortMaxWords is the longest short piece, in words: "a war of
// Obama's choosing" is as likely a phrase a critic repeats as a cut of
// the remark that coined it, so a piece of up to four words joins only
// with evidence.
const ShortMaxWords = 4

// shortForm: two to ShortMaxWords words, not trivial (trivial forms are
// keyed per quote and stay alone), or three words of which one is a
// content word ("get this done": trivial, so each quote of it is its
// own form, but with evidence a piece of the statement it is cut from;
// two such words, "the mistrust", are as often the reporter's choice
// of a word the speaker used elsewhere). Set when the form is made
// (isShort): a form's words do not change.
func shortForm(n *node) bool { return n.short }

// isShort is shortForm of a new form n of the words toks.
func isShort(n *node, toks []Token) bool {
	if len(toks) < 2 || len(toks) > ShortMaxWords {
		return false
	}
	if !n.trivial {
		return true
	}
	content := 0
	for _, t := range toks {
		if t.Norm != Gap && !stopwords[t.Norm] {
			content++
		}
	}
	return len(toks) == 3 && content > 0
}

// containsRun reports whether short's words occur contiguously in long.
func containsRun(long, short []int32) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		if slices.Equal(long[i:i+len(short)], short) {
			return true
		}
	}
	return false
}

// evidenceIndex is what evidence needs of one form's quotes.
type evidenceIndex struct {
	n        *node
	articles map[string]bool
}

func (ix *Index) evidenceOf(n *node) evidenceIndex {
	e := evidenceIndex{n: n, articles: map[string]bool{}}
	for _, q := range n.members() {
		e.articles[ix.articleKey(q)] = true
	}
	return e
}

// evidence reports whether a quote of other shares an article with e's
// form, or names the same speaker within ShortWindow of one of its
// quotes (speechEvidence: the two names are compared, "Cheney" and
// "Dick Cheney" alike but not "Mary Cheney" and "Dick Cheney", and
// nothing else the index has seen, so that the evidence does not
// depend on the order quotes came in: resolved by the names seen so
// far, "Cheney" was Dick Cheney's or no one's depending on whether his
// daughter had been quoted yet).
func (ix *Index) evidence(e evidenceIndex, other *node) bool {
	for _, q := range other.members() {
		if e.articles[ix.articleKey(q)] {
			return true
		}
	}
	return ix.speechEvidence(e.n, other) || ix.aliasEvidence(e.n, other)
}

// aliasEvidence is speechEvidence with the names the aliases file
// merges ("The Donald" → "Donald Trump") read as their canonical name:
// a fixed mapping, so the evidence still depends only on the two forms'
// quotes. Without forced merges it is false at once.
func (ix *Index) aliasEvidence(a, b *node) bool {
	al := ix.Names.aliases
	if al == nil || len(al.canonical) == 0 {
		return false
	}
	aliased := func(q Quote) (Quote, bool) {
		c, ok := al.forced(q.Speaker)
		if ok {
			q.Speaker = c
		}
		return q, ok
	}
	for _, m := range a.members() {
		q, qa := aliased(ix.speech(m))
		for _, o := range b.members() {
			r, ra := aliased(ix.speech(o))
			if (qa || ra) && sameSpeech(&q, &r) {
				return true
			}
		}
	}
	return false
}

// linkShort gives a short form the longest form that contains its words
// and has evidence, or no parent.
func (ix *Index) linkShort(s *node) {
	var best *node
	if gs := ix.grams(s); len(gs) > 0 {
		// Every containing form is posted under each of s's bigrams
		// (a capped list holds the highest-ranked ones, the parents
		// linkShort prefers): scan the shortest list.
		shortest, size := gs[0], ix.postLen(gs[0])
		for _, g := range gs[1:] {
			if k := ix.postLen(g); k < size {
				shortest, size = g, k
			}
		}
		list := ix.posted(shortest)
		var e *evidenceIndex
		for _, id := range list {
			l := ix.formAt(id)
			if l == s || !containsRun(ix.idsOf(l, 1), ix.idsOf(s, 0)) || (best != nil && !ix.outranks(l, best)) {
				continue
			}
			if e == nil {
				x := ix.evidenceOf(s)
				e = &x
			}
			if ix.evidence(*e, l) {
				best = l
			}
		}
	}
	if best == s.parent {
		return
	}
	if best == nil {
		ix.changed[ix.keyOf(s)] = struct{}{}
		ix.disown(s.parent, s)
		s.parent, s.sim = nil, 0
		ix.markMoved(s)
		return
	}
	ix.setParent(s, best, 1)
}

// offerShort lets the short forms whose words a longer form contains
// take it as parent when it now has evidence and outranks theirs.
func (ix *Index) offerShort(l *node) {
	if len(ix.shortPost) == 0 {
		return
	}
	seen := map[*node]bool{}
	var e *evidenceIndex
	for _, g := range ix.grams(l) {
		for _, s := range ix.shortPost[g] {
			if seen[s] || s.parent == l || (s.parent != nil && !ix.outranks(l, s.parent)) || !containsRun(ix.idsOf(l, 1), ix.idsOf(s, 0)) {
				seen[s] = true
				continue
			}
			seen[s] = true
			if e == nil {
				x := ix.evidenceOf(l)
				e = &x
			}
			if ix.evidence(*e, s) {
				ix.setParent(s, l, 1)
			}
		}
	}
}

// maxShortPostings bounds the lists of short forms: a bigram in more
// than this many short forms is dropped from them (MaxPostings was 100
// when both were one bound).
const maxShortPostings = 100

// postShort adds a short form to the lists offerShort reads: a bigram
// in more than maxShortPostings short forms is dropped from them.
func (ix *Index) postShort(s *node) {
	for _, g := range ix.grams(s) {
		if _, ok := ix.shortStop[g]; ok {
			continue
		}
		l := append(ix.shortPost[g], s)
		if len(l) > maxShortPostings {
			delete(ix.shortPost, g)
			ix.shortStop[g] = struct{}{}
			continue
		}
		ix.shortPost[g] = l
	}
}

func (ix *Index) unpostShort(s *node) {
	for _, g := range ix.grams(s) {
		l := ix.shortPost[g]
		if i := slices.Index(l, s); i >= 0 {
			l = slices.Delete(l, i, i+1)
		}
		if len(l) == 0 {
			delete(ix.shortPost, g)
		} else {
			ix.shortPost[g] = l
		}
	}
}
