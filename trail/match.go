package trail

import "slices"

// MinWords is the shortest quote, in words, that may join a longer one.
// Shorter quotes only cluster with identical forms: "fake news" is a
// phrase, not a trail.
const MinWords = 4

// MaxWords is the longest form, in words, that takes part in matching.
// A "quote" of more than 175 words is almost always an extraction that
// ran over several statements (a block of tweets, a whole press
// release); as the root of a cluster it would join every statement it
// happens to contain (TestOverlongSpanIsNoHub: 200 words). Such forms
// cluster only with identical forms. A statement read out whole, or a
// long answer, may run past 150 words, the bound until session 24 (the
// White House's 152-word statement on the Benghazi e-mails, which
// other outlets cut): at 175, BASIL dev recall went from 0.883 to
// 0.886 at precision 0.986 to 0.987 (4 gold pairs added, none wrong),
// and on PolNeAR train and dev (ingested with their dates) 3 links
// changed, each a cut joining the long statement it is cut from
// (Trump's answer on Cruz and oil, twice; a headline's "Stop DC at the
// Bathroom Door" and Kelli Ward's statement that ends with it), all
// right; on PTC train and dev two forms (one piece and its cut) moved:
// Harold Pinter's words now join John Pilger's 175-word piece that
// quotes them, a quote inside a quote we read as two acts of speech.
// At 200 two more PolNeAR links, also right, but a 200-word run-over
// would be a hub. Joined utterances keep their own bound
// (utteranceWords).
const MaxWords = 175

// MinSimilarity is the least weighted similarity (see fit) for two forms
// to be the same utterance. At 0.75 one content word may change in a
// six-word cut, and two in a twenty-word quote.
const MinSimilarity = 0.75

// step is one move of an alignment of a short form inside a long one.
type step uint8

const (
	stepMatch step = iota + 1
	stepShort      // a word of the short form with no counterpart
	stepLong       // a word of the long form inside the window, no counterpart
	stepSubst      // a word of each form in the same place, different
)

// shortSkipCost scales what leaving out a word of the short form costs
// the alignment (not the similarity): a quoted word missing from the
// longer form is stronger evidence than an extra word in it, and without
// it cutting stopwords off the ends would beat an honest insertion.
const shortSkipCost = 3

// fitResult is the best alignment of a short form inside a long one:
// every word of the short form is matched or skipped, the long form's
// words before and after the aligned window are free (a cut), words
// skipped inside the window cost.
type fitResult struct {
	matched  float64 // weight of matched words
	shortW   float64 // weight of the short form
	gapLong  float64 // weight of long-form words skipped inside the window
	words    int     // matched words
	content  int     // matched content words
	bigrams  int     // distinct indexed bigrams matched as adjacent pairs
	from, to int     // the window in the long form, to exclusive
	steps    []step  // in order, only when asked for
	shortIdx []int   // per step, index into short (-1 for stepLong)
	longIdx  []int   // per step, index into long (-1 for stepShort)
}

// similarity is the weighted share of words the two forms have in common
// within the window: matched / (short + extra words of the long form).
// It is 1 for an exact cut and falls with every changed word.
func (f fitResult) similarity() float64 {
	d := f.shortW + f.gapLong
	if d == 0 {
		return 0
	}
	return f.matched / d
}

// fit aligns short inside long (a fitting alignment: free ends in long)
// maximising matched weight minus the weight of skipped words. The tie
// order of moves is fixed so the result depends only on the inputs.
func fit(short, long []string, withSteps bool) fitResult {
	return fitIn(nil, short, long, withSteps)
}

// fitBuf holds fit's tables for reuse (nil: allocate them).
type fitBuf struct {
	ws, wl, score []float64
	move          []step
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

func fitIn(b *fitBuf, short, long []string, withSteps bool) fitResult {
	return fitOf(b, short, long, wordRules, withSteps)
}

// fitOf is fitIn over words of either kind (see runRules): an index
// aligns its forms' word ids (Index.matchesAt), where it weighed each
// word of both forms through the stopword map, compared the words'
// strings and joined each matched bigram into a string to count the
// distinct ones. At 1M quotes (scale-test store, 12 batches of 1,000
// each way, alternated in one process) match's variant test took 21.7
// ms of a batch that way, 11.7 on ids. Distinct bigrams are pairs of
// words here, strings joined by a space before: the same count unless
// two words held spaces (a token is letters, digits and apostrophes).
func fitOf[W comparable](b *fitBuf, short, long []W, r runRules[W], withSteps bool) fitResult {
	gap := r.gap
	if b == nil {
		b = &fitBuf{}
	}
	n, m := len(short), len(long)
	cols := m + 1
	b.ws, b.wl = grow(b.ws, n), grow(b.wl, m)
	b.score, b.move = grow(b.score, (n+1)*cols), grow(b.move, (n+1)*cols)
	ws, wl, score, move := b.ws, b.wl, b.score, b.move
	var shortW float64
	for i, w := range short {
		ws[i] = r.weight(w)
		shortW += ws[i]
	}
	for j, w := range long {
		wl[j] = r.weight(w)
	}
	// Row 0 is the free prefix of long (the rest is written below).
	clear(score[:cols])
	clear(move[:cols])
	for i := 1; i <= n; i++ {
		score[i*cols] = score[(i-1)*cols] - shortSkipCost*ws[i-1]
		move[i*cols] = stepShort
	}
	for i := 1; i <= n; i++ {
		// Right after an ellipsis in the short form the long form's words
		// were left out on purpose: skipping them is free.
		gapRow := short[i-1] == gap
		for j := 1; j <= m; j++ {
			best, mv := score[(i-1)*cols+j]-shortSkipCost*ws[i-1], stepShort
			skip := wl[j-1]
			if gapRow {
				skip = 0
			}
			if s := score[i*cols+j-1] - skip; s > best {
				best, mv = s, stepLong
			}
			if !gapRow && long[j-1] != gap {
				if short[i-1] == long[j-1] {
					if s := score[(i-1)*cols+j-1] + ws[i-1]; s >= best {
						best, mv = s, stepMatch
					}
				} else if s := score[(i-1)*cols+j-1] - ws[i-1] - wl[j-1]; s > best {
					best, mv = s, stepSubst
				}
			}
			score[i*cols+j], move[i*cols+j] = best, mv
		}
	}
	// Free suffix of long: the best end column; on a tie the later one,
	// which matched a word rather than skipping one of the short form.
	end := 0
	for j := 1; j <= m; j++ {
		if score[n*cols+j] >= score[n*cols+end] {
			end = j
		}
	}
	res := fitResult{shortW: shortW, to: end}
	var rev []step
	var revS, revL []int
	i, j := n, end
	prevMatch := false
	var seen [][2]W // matched bigrams, to count distinct ones
	for i > 0 {
		mv := move[i*cols+j]
		if j == 0 {
			mv = stepShort
		}
		switch mv {
		case stepMatch:
			res.matched += ws[i-1]
			res.words++
			if !r.stop(short[i-1]) {
				res.content++
			}
			// Walking backwards: the previous step taken was the match
			// of (i, j+1) in forward order, adjacent in both forms.
			if prevMatch && (!r.stop(short[i-1]) || !r.stop(short[i])) && short[i-1] != gap && short[i] != gap {
				g := [2]W{short[i-1], short[i]}
				if !slices.Contains(seen, g) {
					seen = append(seen, g)
				}
			}
			if withSteps {
				rev, revS, revL = append(rev, stepMatch), append(revS, i-1), append(revL, j-1)
			}
			i, j = i-1, j-1
			prevMatch = true
		case stepSubst:
			if withSteps {
				rev, revS, revL = append(rev, stepSubst), append(revS, i-1), append(revL, j-1)
			}
			i, j = i-1, j-1
			prevMatch = false
		case stepShort:
			if withSteps {
				rev, revS, revL = append(rev, stepShort), append(revS, i-1), append(revL, -1)
			}
			i--
			prevMatch = false
		case stepLong:
			if short[i-1] != gap {
				res.gapLong += wl[j-1]
			}
			if withSteps {
				rev, revS, revL = append(rev, stepLong), append(revS, -1), append(revL, j-1)
			}
			j--
			prevMatch = false
		}
	}
	res.from = j
	res.bigrams = len(seen)
	if withSteps {
		for k := len(rev) - 1; k >= 0; k-- {
			res.steps = append(res.steps, rev[k])
			res.shortIdx = append(res.shortIdx, revS[k])
			res.longIdx = append(res.longIdx, revL[k])
		}
	}
	return res
}

// minBigrams is how many distinct indexed bigrams (adjacent words, not
// both stopwords) a form of n words must share, as adjacent matched
// pairs, with a form it matches: one up to five words, then one more
// per three words. A true cut or variant keeps long runs of words
// together and passes easily; two quotes sharing a scatter of words do
// not. Because it is part of the relation, the index can skip every
// candidate sharing fewer bigrams without looking at it.
func minBigrams(n int) int { return max(1, n/3) }

// matches decides whether short is the same utterance as long, or a
// part of it, and returns the similarity. It needs MinWords matched
// words, two content words (one for a form that has only one),
// minBigrams shared bigrams (the candidate index is built on those, so
// every match is also a candidate, whatever the order), and a
// similarity of at least MinSimilarity.
func matches(short, long []string) (float64, bool) {
	return matchesIn(nil, short, long)
}

// matchesIn is matches with fit's tables in b.
func matchesIn(b *fitBuf, short, long []string) (float64, bool) {
	return matchesAt(b, short, long, MinSimilarity, minBigrams(len(short)))
}

// matchesAt is matchesIn with least similarity least and bigrams
// shared bigrams.
func matchesAt(b *fitBuf, short, long []string, least float64, bigrams int) (float64, bool) {
	if len(short) < MinWords || len(long) < MinWords {
		return 0, false
	}
	return matchesFit(fitIn(b, short, long, false), short, long, least, bigrams)
}

// matchesFit is matchesAt past the alignment: f is fit of short inside
// long (of the same words, as strings or as ids).
func matchesFit(f fitResult, short, long []string, least float64, bigrams int) (float64, bool) {
	if s, ok := fitPasses(f, short, long, least, bigrams); ok {
		return s, true
	}
	if p, ok := fitPieces(short, long); ok && p.bigrams >= bigrams && p.content >= minPiecesContent {
		// Every piece is in the long form, in another order: as sure
		// as the least variant, below any cut in order.
		return min(least, MinSimilarity), true
	}
	return 0, false
}

// fitPasses applies matchesAt's bounds to fit f of short inside long.
func fitPasses(f fitResult, short, long []string, least float64, bigrams int) (float64, bool) {
	if f.words < MinWords || f.bigrams < bigrams {
		return 0, false
	}
	need := 2
	if c := contentWords(short); c < need {
		need = c
	}
	if need == 0 || f.content < need {
		return 0, false
	}
	if ns := negationCount(short); ns != negationCount(long[f.from:f.to]) && ns != negationsAligned(short, long) {
		// "why it would be Russia" and "why it wouldn't be Russia" are
		// two utterances, the second the opposite of the first.
		return 0, false
	}
	s := f.similarity()
	return s, s >= least
}

// minPiecesContent is the fewest content words the pieces of a form
// matched in another order (fitPieces) must hold between them.
const minPiecesContent = 4

// fitPieces matches a form cut in pieces (words joined by ellipses, as
// JoinUtterances writes one outlet's pieces of a statement) whose
// pieces the long form holds in another order: “asserts his innocence
// … a politically driven vendetta” in a lawyer's statement that says
// “... has pursued a politically driven vendetta ... Congressman Grimm
// asserts his innocence of any wrongdoing.” An outlet quoting pieces
// of a statement orders them as its story goes; the fit in order
// (fitIn) pays for every word of the pieces it cannot place. Here every
// piece must stand in the long form word for word (a piece with a word
// changed is left to the fit in order), each with two words or more
// and a content word, and one of them inside a longer stretch of the
// long form: two outlets listing the same short phrases of a speaker
// in either order (praised Hitler as a “very great man” and said white
// people “deserve to die”) quote two remarks of two occasions, and
// neither form shows one statement around them. The result sums the
// pieces' fits. It reports false for a form of one piece.
func fitPieces(short, long []string) (fitResult, bool) {
	var r fitResult
	pieces, start, inside := 0, 0, false
	for i := 0; i <= len(short); i++ {
		if i < len(short) && short[i] != Gap {
			continue
		}
		seg := short[start:i]
		start = i + 1
		if len(seg) == 0 {
			continue
		}
		if len(seg) < 2 || contentWords(seg) == 0 {
			return r, false
		}
		// Each place where long holds the piece word for word (a scan,
		// not an alignment: most candidates fail at the first piece).
		found := false
		for j := 0; j+len(seg) <= len(long); j++ {
			if !slices.Equal(long[j:j+len(seg)], seg) {
				continue
			}
			found = true
			if j > 0 && long[j-1] != Gap || j+len(seg) < len(long) && long[j+len(seg)] != Gap {
				inside = true
				break
			}
		}
		if !found {
			return r, false
		}
		pieces++
		var seen []string
		for k, w := range seg {
			r.matched += weight(w)
			if !stopwords[w] {
				r.content++
			}
			if k > 0 && (!stopwords[w] || !stopwords[seg[k-1]]) {
				if g := seg[k-1] + " " + w; !slices.Contains(seen, g) {
					seen = append(seen, g)
				}
			}
		}
		r.words += len(seg)
		r.bigrams += len(seen)
	}
	r.shortW = r.matched
	return r, pieces >= 2 && inside && r.words >= MinWords
}

func negationCount(ws []string) int {
	n := 0
	for _, w := range ws {
		if isNegation(w) {
			n++
		}
	}
	return n
}

func contentWords(ws []string) int {
	n := 0
	for _, w := range ws {
		if w != Gap && !stopwords[w] {
			n++
		}
	}
	return n
}

// negationsAligned counts the negations of long inside the alignment of
// short, leaving out the words an ellipsis in short stands for: those
// were cut, not contradicted.
func negationsAligned(short, long []string) int {
	f := fit(short, long, true)
	n, lastShort := 0, -1
	for k, st := range f.steps {
		switch st {
		case stepShort:
			lastShort = f.shortIdx[k]
			continue
		case stepMatch, stepSubst:
			lastShort = f.shortIdx[k]
		case stepLong:
			if lastShort >= 0 && short[lastShort] == Gap {
				continue
			}
		}
		if isNegation(long[f.longIdx[k]]) {
			n++
		}
	}
	return n
}

// MinRun is the fewest words two forms must share as one run, in the
// same order, to be pieces of one utterance that overlap (one outlet
// quotes its start, another its end) or come in another order. A short
// run needs more content words (see longRun): set phrases such as "in
// my first hundred days" end many statements and start many cuts.
const MinRun = 5

// longRun is the run length from which minOverlapRunContent content
// words suffice; a shorter run needs one more ("in the best interest of
// the country" is a set phrase, not a statement).
const longRun = 8

// minOverlapRunContent is how many content words the shared run needs:
// "that is what we have to do" is not evidence of one utterance.
const minOverlapRunContent = 3

// minOverlapBigrams bounds the candidates tried as overlaps: a run of
// MinRun words with one more than minOverlapRunContent content words,
// or of longRun words with minOverlapRunContent, holds at least three
// indexed bigrams.
const minOverlapBigrams = 3

// overlapDiscount scales an overlap's similarity below that of any cut
// or variant (at least MinSimilarity), so that a form joins the form it
// is a cut of before one it merely overlaps.
const overlapDiscount = 0.5

// overlaps decides whether short and long are overlapping pieces of one
// utterance: they share a run of at least MinRun words (with enough
// content words, see longRun) that is where the two cuts meet,
// so on each side of it one of the forms ends (or is cut with an
// ellipsis). "I don't see any reason why it would be Russia" and "... why
// it wouldn't be Russia" share a long run, but both go on after it with
// different words: two utterances. The similarity is the run's share of
// the short form's weight, discounted (overlapDiscount).
func overlaps(short, long []string) (float64, bool) {
	return overlapsWith(short, long, MinRun, longRun, minOverlapRunContent)
}

// overlapsWith is overlaps with its bounds: runs of at least minRun
// words, with content content words from long words on and one more
// below.
func overlapsWith(short, long []string, minRun, long_, content int) (float64, bool) {
	return overlapScore(short, long, wordRules, minRun, long_, content, nil, func() float64 { return fuzzyOverlap(short, long) })
}

// wordRules are the words' own rules for overlapScore: the ellipsis,
// stopwords and weight.
var wordRules = runRules[string]{gap: Gap, content: func(w string) bool { return w != Gap && !stopwords[w] },
	stop: func(w string) bool { return stopwords[w] }, weight: weight, negation: isNegation}

// runRules tell overlapScore which word is the ellipsis, which words
// are content words and what each weighs, for words as strings or as
// an index's word ids (one id a word: equal ids are equal words).
type runRules[W comparable] struct {
	gap      W
	content  func(W) bool
	stop     func(W) bool
	weight   func(W) float64
	negation func(W) bool
}

// overlapScore is overlapsWith over words of either kind: an index
// compares word ids (Index.overlapsIDs), one int32 a word, where it
// compared the words' strings (equal lengths went to memeq) in a table
// allocated per pair, and aligned them again as strings for a fuzzy
// overlap. At 1M quotes (the scale test's store, 12 batches of 1,000
// each way, alternated in one process) the overlap test took 15.8 ms
// of a batch over strings and 5.8 ms over ids. buf, when set, holds the
// two rows of the run table between calls; fuzzy is the fuzzyOverlap
// of the two forms, called only when no exact run counts but one of
// minRun words exists.
func overlapScore[W comparable](short, long []W, r runRules[W], minRun, long_, content int, buf *[2][]int, fuzzy func() float64) (float64, bool) {
	n, m := len(short), len(long)
	if n < minRun || m < minRun {
		return 0, false
	}
	// The run starts where one form starts (or after an ellipsis) and
	// ends where one ends: a cheap test of the words at the ends first.
	gap := r.gap
	gaps := slices.Contains(short, gap) || slices.Contains(long, gap)
	if !gaps && !(slices.Contains(long, short[0]) || slices.Contains(short, long[0])) ||
		!gaps && !(slices.Contains(long, short[n-1]) || slices.Contains(short, long[m-1])) {
		return 0, false
	}
	edge := func(ws []W, i int) bool { return i < 0 || i >= len(ws) || ws[i] == gap }
	var prev, cur []int
	if buf != nil {
		if cap(buf[0]) < m+1 {
			buf[0], buf[1] = make([]int, m+1), make([]int, m+1)
		}
		prev, cur = buf[0][:m+1], buf[1][:m+1]
		clear(prev)
	} else {
		prev, cur = make([]int, m+1), make([]int, m+1)
	}
	var best float64
	var total float64
	hadRun := false // a run of MinRun words anywhere: worth a fuzzyOverlap
	for _, w := range short {
		total += r.weight(w)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			if short[i-1] == long[j-1] && short[i-1] != gap {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = 0
			}
		}
		for j := 1; j <= m; j++ {
			k := cur[j]
			if k < minRun {
				continue
			}
			hadRun = true
			// Right-maximal runs only (the left is maximal by construction).
			if i < n && j < m && short[i] == long[j] && short[i] != gap {
				continue
			}
			if !(edge(short, i-k-1) || edge(long, j-k-1)) || !(edge(short, i) || edge(long, j)) {
				continue
			}
			run := short[i-k : i]
			c := 0
			for _, x := range run {
				if r.content(x) {
					c++
				}
			}
			if c < content || (k < long_ && c < content+1) {
				continue
			}
			var w float64
			for _, x := range run {
				w += r.weight(x)
			}
			best = max(best, w)
		}
		prev, cur = cur, prev
	}
	if total == 0 {
		return 0, false
	}
	if best == 0 {
		if !hadRun {
			return 0, false
		}
		best = fuzzy()
		if best == 0 {
			return 0, false
		}
	}
	return overlapDiscount * best / total, true
}

// fuzzyOverlap is overlaps for pieces of one utterance whose shared
// stretch has a word changed ("Senator Reid respects that ..." and "Sen.
// Reid respects that ..."; "the security cable" and "the security
// cables"): the best alignment of a stretch of short with a stretch of
// long, each starting where one of the forms starts (or after an
// ellipsis) and ending where one ends (or before one), that keeps
// longRun matched words with minOverlapRunContent+1 content words
// among them and an unbroken run of MinRun, the same negations on both
// sides, and a similarity (matched weight against matched plus every
// unmatched word of both stretches) of at least MinSimilarity. It
// returns the matched weight, or 0.
func fuzzyOverlap(short, long []string) float64 {
	return fuzzyOverlapOf(nil, short, long, wordRules)
}

// fuzzyOverlapOf is fuzzyOverlap over words of either kind (see
// runRules), with the alignment's tables in b (nil: allocated).
func fuzzyOverlapOf[W comparable](b *fitBuf, short, long []W, r runRules[W]) float64 {
	if !sharesEnoughOf(short, long, r) {
		return 0
	}
	return fuzzyAlignOf(b, short, long, r)
}

// fuzzyAlign is fuzzyOverlap's alignment, without its first bound.
func fuzzyAlign(short, long []string) float64 { return fuzzyAlignOf(nil, short, long, wordRules) }

// fuzzyAlignOf is fuzzyAlign over words of either kind, with its tables
// in b (nil: allocated). Every cell of the tables it reads is written
// first, so a reused buffer needs no clearing.
func fuzzyAlignOf[W comparable](b *fitBuf, short, long []W, r runRules[W]) float64 {
	if b == nil {
		b = &fitBuf{}
	}
	gap := r.gap
	n, m := len(short), len(long)
	cols := m + 1
	const none = -1e18
	b.score, b.move = grow(b.score, (n+1)*cols), grow(b.move, (n+1)*cols)
	b.ws, b.wl = grow(b.ws, n), grow(b.wl, m)
	score, move, ws, wl := b.score, b.move, b.ws, b.wl // move 0: the alignment starts here
	for i, w := range short {
		ws[i] = r.weight(w)
	}
	for j, w := range long {
		wl[j] = r.weight(w)
	}
	bestScore, bi, bj := 0.0, -1, -1
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			best, mv := none, step(0)
			if i == 0 || j == 0 || short[i-1] == gap || long[j-1] == gap {
				best = 0
			}
			if i > 0 && j > 0 && short[i-1] != gap && long[j-1] != gap {
				if short[i-1] == long[j-1] {
					if s := score[(i-1)*cols+j-1] + ws[i-1]; s >= best {
						best, mv = s, stepMatch
					}
				} else if s := score[(i-1)*cols+j-1] - ws[i-1] - wl[j-1]; s > best {
					best, mv = s, stepSubst
				}
			}
			if i > 0 && short[i-1] != gap {
				if s := score[(i-1)*cols+j] - ws[i-1]; s > best {
					best, mv = s, stepShort
				}
			}
			if j > 0 && long[j-1] != gap {
				if s := score[i*cols+j-1] - wl[j-1]; s > best {
					best, mv = s, stepLong
				}
			}
			score[i*cols+j], move[i*cols+j] = best, mv
			end := i == n || j == m || short[i] == gap || long[j] == gap
			if end && mv == stepMatch && best > bestScore {
				bestScore, bi, bj = best, i, j
			}
		}
	}
	if bi < 0 {
		return 0
	}
	var matched, unmatched float64
	words, content, run, longest := 0, 0, 0, 0
	i, j := bi, bj
	for {
		mv := move[i*cols+j]
		if mv == 0 {
			break
		}
		switch mv {
		case stepMatch:
			matched += ws[i-1]
			words++
			if r.content(short[i-1]) {
				content++
			}
			run++
			longest = max(longest, run)
			i, j = i-1, j-1
		case stepSubst:
			unmatched += ws[i-1] + wl[j-1]
			run = 0
			i, j = i-1, j-1
		case stepShort:
			unmatched += ws[i-1]
			run = 0
			i--
		case stepLong:
			unmatched += wl[j-1]
			run = 0
			j--
		}
	}
	if words < longRun || content < minOverlapRunContent+1 || longest < MinRun ||
		matched < MinSimilarity*(matched+unmatched) ||
		negationsOf(short[i:bi], r) != negationsOf(long[j:bj], r) {
		return 0
	}
	return matched
}

// sharesEnough is fuzzyOverlap's first bound, before its alignment: the
// words an alignment matches are words the two forms share, so fewer
// than longRun shared words (or minOverlapRunContent+1 shared content
// words), counted as a multiset, mean no alignment passes. At 1M
// quotes (the scale test) a batch of 1,000 called fuzzyOverlap about
// 700 times and 5 of them found an overlap; this rules out a third of
// the alignments (4,145 -> 2,817 in six batches).
func sharesEnough(short, long []string) bool { return sharesEnoughOf(short, long, wordRules) }

// sharesEnoughOf is sharesEnough over words of either kind.
func sharesEnoughOf[W comparable](short, long []W, r runRules[W]) bool {
	var buf [64]bool
	var used []bool
	if len(long) <= len(buf) {
		used = buf[:len(long)]
	} else {
		used = make([]bool, len(long))
	}
	words, content := 0, 0
	for _, w := range short {
		if w == r.gap {
			continue
		}
		for j, x := range long {
			if x == w && !used[j] {
				used[j] = true
				words++
				if r.content(w) {
					content++
				}
				break
			}
		}
	}
	return words >= longRun && content >= minOverlapRunContent+1
}

// negationsOf is negationCount over words of either kind.
func negationsOf[W comparable](ws []W, r runRules[W]) int {
	n := 0
	for _, w := range ws {
		if r.negation(w) {
			n++
		}
	}
	return n
}
