package trail

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// overlapsRef is overlapsWith as it was before overlapScore: the run
// table over the words' strings. TestOverlapsIDs checks the index's
// comparison of word ids against it.
func overlapsRef(short, long []string, minRun, long_, content int) (float64, bool) {
	n, m := len(short), len(long)
	if n < minRun || m < minRun {
		return 0, false
	}
	gaps := slices.Contains(short, Gap) || slices.Contains(long, Gap)
	if !gaps && !(slices.Contains(long, short[0]) || slices.Contains(short, long[0])) ||
		!gaps && !(slices.Contains(long, short[n-1]) || slices.Contains(short, long[m-1])) {
		return 0, false
	}
	edge := func(ws []string, i int) bool { return i < 0 || i >= len(ws) || ws[i] == Gap }
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	var best, total float64
	hadRun := false
	for _, w := range short {
		total += weight(w)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			if short[i-1] == long[j-1] && short[i-1] != Gap {
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
			if i < n && j < m && short[i] == long[j] && short[i] != Gap {
				continue
			}
			if !(edge(short, i-k-1) || edge(long, j-k-1)) || !(edge(short, i) || edge(long, j)) {
				continue
			}
			run := short[i-k : i]
			if c := contentWords(run); c < content || (k < long_ && c < content+1) {
				continue
			}
			var w float64
			for _, x := range run {
				w += weight(x)
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
		fuzzyRefCalls++
		if !sharesEnoughRef(short, long) {
			return 0, false
		}
		if best = fuzzyAlignRef(short, long); best == 0 {
			return 0, false
		}
		fuzzyRefFound++
	}
	return overlapDiscount * best / total, true
}

// fuzzyRefCalls and fuzzyRefFound count overlapsRef's fuzzy alignments
// and those that found an overlap.
var fuzzyRefCalls, fuzzyRefFound int

// fuzzyAlignRef and sharesEnoughRef are fuzzyAlign and sharesEnough as
// they were before fuzzyAlignOf (over the words' strings).
func fuzzyAlignRef(short, long []string) float64 {
	n, m := len(short), len(long)
	cols := m + 1
	const none = -1e18
	score := make([]float64, (n+1)*cols)
	move := make([]step, (n+1)*cols) // 0: the alignment starts here
	ws := make([]float64, n)
	wl := make([]float64, m)
	for i, w := range short {
		ws[i] = weight(w)
	}
	for j, w := range long {
		wl[j] = weight(w)
	}
	bestScore, bi, bj := 0.0, -1, -1
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			best, mv := none, step(0)
			if i == 0 || j == 0 || short[i-1] == Gap || long[j-1] == Gap {
				best = 0
			}
			if i > 0 && j > 0 && short[i-1] != Gap && long[j-1] != Gap {
				if short[i-1] == long[j-1] {
					if s := score[(i-1)*cols+j-1] + ws[i-1]; s >= best {
						best, mv = s, stepMatch
					}
				} else if s := score[(i-1)*cols+j-1] - ws[i-1] - wl[j-1]; s > best {
					best, mv = s, stepSubst
				}
			}
			if i > 0 && short[i-1] != Gap {
				if s := score[(i-1)*cols+j] - ws[i-1]; s > best {
					best, mv = s, stepShort
				}
			}
			if j > 0 && long[j-1] != Gap {
				if s := score[i*cols+j-1] - wl[j-1]; s > best {
					best, mv = s, stepLong
				}
			}
			score[i*cols+j], move[i*cols+j] = best, mv
			end := i == n || j == m || short[i] == Gap || long[j] == Gap
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
			if !stopwords[short[i-1]] {
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
		negationCount(short[i:bi]) != negationCount(long[j:bj]) {
		return 0
	}
	return matched
}

func sharesEnoughRef(short, long []string) bool {
	var buf [64]bool
	var used []bool
	if len(long) <= len(buf) {
		used = buf[:len(long)]
	} else {
		used = make([]bool, len(long))
	}
	words, content := 0, 0
	for _, w := range short {
		if w == Gap {
			continue
		}
		for j, x := range long {
			if x == w && !used[j] {
				used[j] = true
				words++
				if !stopwords[w] {
					content++
				}
				break
			}
		}
	}
	return words >= longRun && content >= minOverlapRunContent+1
}

// TestOverlapsIDs: match compares two forms' word ids (overlapsIDs),
// one index reusing its run table from pair to pair, and finds the same
// overlaps with the same similarity, to the bit, as the run table and
// the fuzzy alignment over their words did (overlapsRef, as they were
// before): cuts of one another with a word
// changed or an ellipsis, and random pairs of a small vocabulary with
// stopwords, so that runs, runs without content and fuzzy overlaps all
// occur.
func TestOverlapsIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vocab, words := randomWords(r)
	ix := NewIndex(nil)
	form := func(ws []string) *node {
		var l []int32
		for _, w := range ws {
			l = append(l, ix.wordID(w))
		}
		return ix.testForm(l)
	}
	kinds := map[string]int{}
	for i := range 30000 {
		long := words(3 + r.IntN(25))
		var short []string
		switch i % 3 {
		case 0:
			// A cut of long, a word changed, going on past its end.
			from := r.IntN(len(long))
			short = append(slices.Clone(long[from:]), words(r.IntN(8))...)
			short[r.IntN(len(short))] = vocab[r.IntN(len(vocab))]
		case 1:
			// The end of one and the start of the other.
			short = append(words(r.IntN(6)), long[:r.IntN(len(long))+1]...)
		default:
			short = words(3 + r.IntN(25))
		}
		for _, p := range [][2][]string{{short, long}, {long, short}} {
			want, wantOK := overlapsRef(p[0], p[1], MinRun, longRun, minOverlapRunContent)
			got, gotOK := ix.overlapsIDs(form(p[0]), form(p[1]), MinRun, longRun, minOverlapRunContent)
			if got != want || gotOK != wantOK {
				t.Fatalf("overlapsIDs(%q, %q) = %v, %v; the words' run table: %v, %v", p[0], p[1], got, gotOK, want, wantOK)
			}
			switch {
			case !wantOK:
				kinds["none"]++
			case want*overlapDiscount == 0:
			default:
				kinds["overlap"]++
			}
			// speech's bounds (speechMatch), on ids and on strings.
			want, wantOK = overlapsRef(p[0], p[1], speechRun, speechRun, speechRunContent)
			if got, gotOK := ix.overlapsIDs(form(p[0]), form(p[1]), speechRun, speechRun, speechRunContent); got != want || gotOK != wantOK {
				t.Fatalf("overlapsIDs(%q, %q) speech bounds = %v, %v; want %v, %v", p[0], p[1], got, gotOK, want, wantOK)
			}
			if got, gotOK := overlapsWith(p[0], p[1], speechRun, speechRun, speechRunContent); got != want || gotOK != wantOK {
				t.Fatalf("overlapsWith(%q, %q) speech bounds = %v, %v; want %v, %v", p[0], p[1], got, gotOK, want, wantOK)
			}
		}
	}
	if kinds["none"] == 0 || kinds["overlap"] == 0 || fuzzyRefFound == 0 || fuzzyRefFound == fuzzyRefCalls {
		t.Fatalf("pairs by outcome %v, fuzzy overlaps %d of %d: the test reaches one side only", kinds, fuzzyRefFound, fuzzyRefCalls)
	}
	t.Logf("pairs by outcome %v, fuzzy overlaps %d of %d", kinds, fuzzyRefFound, fuzzyRefCalls)
}

// fitInRef is fitIn as it was before fitOf (over the words' strings,
// matched bigrams joined into strings).
func fitInRef(b *fitBuf, short, long []string, withSteps bool) fitResult {
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
		ws[i] = weight(w)
		shortW += ws[i]
	}
	for j, w := range long {
		wl[j] = weight(w)
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
		gapRow := short[i-1] == Gap
		for j := 1; j <= m; j++ {
			best, mv := score[(i-1)*cols+j]-shortSkipCost*ws[i-1], stepShort
			skip := wl[j-1]
			if gapRow {
				skip = 0
			}
			if s := score[i*cols+j-1] - skip; s > best {
				best, mv = s, stepLong
			}
			if !gapRow && long[j-1] != Gap {
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
	r := fitResult{shortW: shortW, to: end}
	var rev []step
	var revS, revL []int
	i, j := n, end
	prevMatch := false
	var seen []string // matched bigrams, to count distinct ones
	for i > 0 {
		mv := move[i*cols+j]
		if j == 0 {
			mv = stepShort
		}
		switch mv {
		case stepMatch:
			r.matched += ws[i-1]
			r.words++
			if !stopwords[short[i-1]] {
				r.content++
			}
			// Walking backwards: the previous step taken was the match
			// of (i, j+1) in forward order, adjacent in both forms.
			if prevMatch && (!stopwords[short[i-1]] || !stopwords[short[i]]) && short[i-1] != Gap && short[i] != Gap {
				g := short[i-1] + " " + short[i]
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
			if short[i-1] != Gap {
				r.gapLong += wl[j-1]
			}
			if withSteps {
				rev, revS, revL = append(rev, stepLong), append(revS, -1), append(revL, j-1)
			}
			j--
			prevMatch = false
		}
	}
	r.from = j
	r.bigrams = len(seen)
	if withSteps {
		for k := len(rev) - 1; k >= 0; k-- {
			r.steps = append(r.steps, rev[k])
			r.shortIdx = append(r.shortIdx, revS[k])
			r.longIdx = append(r.longIdx, revL[k])
		}
	}
	return r
}

// TestFitIDs: an index aligns two forms on their word ids (fitOf) to
// the same fit, steps and all, as fitIn over their words did
// (fitInRef), and its matchesAt decides as matchesAt over the words.
func TestFitIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	vocab, words := randomWords(r)
	ix := NewIndex(nil)
	ix.rules = ix.idRules()
	ids := func(ws []string) []int32 {
		var out []int32
		for _, w := range ws {
			out = append(out, ix.wordID(w))
		}
		return out
	}
	matched := 0
	for i := range 20000 {
		long := words(3 + r.IntN(25))
		var short []string
		if i%2 == 0 {
			// A cut of long with a word changed.
			from := r.IntN(len(long))
			short = slices.Clone(long[from:min(len(long), from+3+r.IntN(12))])
			short[r.IntN(len(short))] = vocab[r.IntN(len(vocab))]
		} else {
			short = words(3 + r.IntN(12))
		}
		for _, steps := range []bool{false, true} {
			want := fitInRef(nil, short, long, steps)
			if got := fitOf(&ix.fitBuf, ids(short), ids(long), ix.rules, steps); !reflect.DeepEqual(got, want) {
				t.Fatalf("fitOf(%q, %q, %v) = %+v; fitIn over the words: %+v", short, long, steps, got, want)
			}
		}
		a, b := ix.testForm(ids(short)), ix.testForm(ids(long))
		for _, least := range []float64{MinSimilarity, speechSimilarity} {
			bigrams := minBigrams(len(short))
			var want float64
			wantOK := false
			if len(short) >= MinWords && len(long) >= MinWords {
				want, wantOK = matchesFit(fitInRef(nil, short, long, false), short, long, least, bigrams)
			}
			got, gotOK := ix.matchesAt(a, b, least, bigrams)
			if got != want || gotOK != wantOK {
				t.Fatalf("matchesAt(%q, %q, %v) = %v, %v; over the words %v, %v", short, long, least, got, gotOK, want, wantOK)
			}
			if gotOK {
				matched++
			}
		}
	}
	if matched == 0 {
		t.Fatal("no pair matched: the test reaches one side only")
	}
	t.Logf("%d of 40000 matched", matched)
}

// randomWords returns a small vocabulary with stopwords and the gap mark,
// and a maker of n words drawn from it by r, so that runs, runs without
// content and fuzzy overlaps all occur.
func randomWords(r *rand.Rand) ([]string, func(n int) []string) {
	vocab := strings.Fields("russia pushing hard democrats senate vote trump election border wall the will be very for they to a of that not never " + Gap)
	return vocab, func(n int) []string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return ws
	}
}
