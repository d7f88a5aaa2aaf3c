package attribute

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// TestPassesMatchesScores: the first pass's coarse test gives what the
// full scores give, on random weights and on slacks placed right at each
// token's line (where only the full scores can tell), and on the shipped
// fast model over invented text.
func TestPassesMatchesScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	m := newLinear(10, numCueLabels)
	for i := range m.W {
		// a row in five holds weights, as sparse as a trained cue table
		// (a coarse line holds at most 24 rows of 64)
		if (i/numCueLabels)%5 == 0 && rng.IntN(3) != 0 {
			m.W[i] = float32(rng.NormFloat64() * 3)
		}
	}
	m.pack()
	check := func(m *linear, feats []uint64, slack float32) {
		t.Helper()
		var sc [numCueLabels]float32
		m.scores(feats, sc[:])
		want := sc[labB]+slack > sc[labO]
		if got := m.passes(feats, slack); got != want {
			t.Fatalf("features %v slack %v: passes %v, scores say %v (B %v O %v)", feats, slack, got, want, sc[labB], sc[labO])
		}
	}
	feats := make([]uint64, 0, 40)
	for iter := 0; iter < 3000; iter++ {
		feats = feats[:0]
		for k := rng.IntN(40); k >= 0; k-- {
			feats = append(feats, rng.Uint64())
		}
		if iter%2 == 0 {
			// one feature many times: its rounding errors add up
			for k := range feats {
				feats[k] = feats[0]
			}
		}
		var sc [numCueLabels]float32
		m.scores(feats, sc[:])
		line := sc[labO] - sc[labB]
		for _, slack := range []float32{0, 15, line, line + 1e-4, line - 1e-4, float32(rng.NormFloat64() * 20)} {
			check(m, feats, slack)
		}
		// across the band the coarse sums cannot settle
		step := m.packed.scale * coarseStep / 8
		for k := 1; k <= 8*len(feats); k++ {
			check(m, feats, line+float32(k)*step)
			check(m, feats, line-float32(k)*step)
		}
	}
	if m.packed.coarse == nil {
		t.Fatal("no coarse table was built: the test checked only the fallback")
	}

	f, err := os.Open("../extract/models/attribution-fast.model.gz")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	fm, err := ReadModel(f)
	if err != nil {
		t.Fatal(err)
	}
	v := NewText(segment.Segment("The minister said on Monday that the plan \"will not work\", according to aides. " +
		"He has repeatedly claimed it was fine. Officials are expected to announce more cuts, sources told the paper.")).v
	for i := range v.d.Tokens {
		feats = v.cueFeats(i, labO, feats[:0])
		var sc [numCueLabels]float32
		fm.cue.scores(feats, sc[:])
		for _, slack := range []float32{0, 5, 15, 30, sc[labO] - sc[labB]} {
			check(fm.cue, feats, slack)
		}
	}
	if fm.cue.packed.coarse == nil {
		t.Error("the fast model's cue table has no coarse table")
	}
	// the other modes' cue tables fit coarse lines too (the default
	// mode's cue tagger reads them)
	for _, name := range []string{"attribution.model.gz", "attribution-accurate.model.gz"} {
		f, err := os.Open("../extract/models/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ReadModel(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if m.cue.packed.coarseLines() == nil {
			t.Errorf("%s: the cue table has no coarse table", name)
		}
	}
}

// TestTagCuesCoarse: the cue tagger, which settles most tokens outside a
// cue with passes, labels BBC articles as scoring every token in full
// does.
func TestTagCuesCoarse(t *testing.T) {
	docs := bbcDocs(t, 150)
	m := shippedModel(t)
	for k, d := range docs {
		v := newView(d)
		labels, scores, err := m.tagCues(context.Background(), v, nil)
		if err != nil {
			t.Fatal(err)
		}
		var feats []uint64
		var sc [numCueLabels]float32
		for _, s := range d.Sents {
			prev := labO
			for i := s.First; i < s.Last; i++ {
				wantL, wantS := int8(labO), float32(0)
				if prev != labO || !neverStartsCue(d.Tokens[i].POS) {
					feats = v.cueFeats(i, prev, feats[:0])
					m.cue.scores(feats, sc[:])
					best := bestCueLabel(sc[:], prev)
					wantL, wantS = int8(best), sc[best]-sc[labO]
				}
				if labels[i] != wantL || scores[i] != wantS {
					t.Fatalf("doc %d token %d: label %d score %v, want %d %v", k, i, labels[i], scores[i], wantL, wantS)
				}
				prev = int(wantL)
			}
		}
	}
}

// TestPairShapeSum: the rankers' pair scores from the per-model table of
// shape sums and the cue's (and a one-word source's) feature equal
// scoring pairFeats in full.
func TestPairShapeSum(t *testing.T) {
	docs := bbcDocs(t, 15)
	m := shippedModel(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var feats []uint64
	checked := 0
	eachRandomCue(docs, rng, func(v *view, sent doc.Sentence, c Range, cw uint64) {
		for _, role := range []int{roleContent, roleSource} {
			lm := m.content
			if role == roleSource {
				lm = m.source
			}
			for side := 1; side <= numSides; side++ {
				for s := sent.First; s < sent.Last; s++ {
					for e := s + 1; e <= sent.Last && e <= s+30; e++ {
						got, ok := v.packedPair(lm, role, side, s, e, cw, v.pairKey(role, side, s, e))
						if !ok {
							t.Fatal("no packed pair score")
						}
						feats = v.pairFeats(role, c, side, s, e, cw, feats[:0])
						if want := lm.score(feats); got != want {
							t.Fatalf("role %d side %d span %d-%d: %v, want %v", role, side, s, e, got, want)
						}
						checked++
					}
				}
			}
		}
	})
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

// eachRandomCue calls fn with a one-word cue at a random token of every
// sentence of four tokens or more in docs (the rankers' tests check
// their shortcuts against full scoring there), with its view, sentence
// and cue hash.
func eachRandomCue(docs []*doc.Doc, rng *rand.Rand, fn func(v *view, sent doc.Sentence, c Range, cw uint64)) {
	for _, d := range docs {
		v := newView(d)
		for _, sent := range d.Sents {
			if sent.Last-sent.First < 4 {
				continue
			}
			cs := sent.First + rng.IntN(sent.Last-sent.First-1)
			c := Range{cs, cs + 1}
			fn(v, sent, c, v.cueHash(c))
		}
	}
}

// TestRankBound: rank, which gives -Inf to candidates its bound on the
// pair part rules out, picks the best candidate with the margin and the
// top two that scoring every candidate in full gives, for the content and
// source candidates of cues at random tokens of BBC articles.
func TestRankBound(t *testing.T) {
	docs := bbcDocs(t, 40)
	m := shippedModel(t)
	rng := rand.New(rand.NewPCG(5, 6))
	buf := new(spanBuf)
	var feats []uint64
	var gap float32 // the least a pair part's bound exceeds it
	full := func(v *view, role int, lm *linear, c Range, k cand, cw uint64) float32 {
		if k.side == sideNull {
			return lm.score(v.nullFeats(c, cw, feats[:0]))
		}
		start := lm.score(v.startFeats(role, c, int(k.side), k.r.Start, cw, feats[:0]))
		end := lm.score(v.endFeats(role, c, int(k.side), k.r.End, cw, feats[:0]))
		pair := lm.score(v.pairFeats(role, c, int(k.side), k.r.Start, k.r.End, cw, feats[:0]))
		if role != roleSource || k.r.End-k.r.Start != 1 {
			b := pairBound(lm, role, int(k.side), cw)
			if pair > b {
				t.Fatalf("role %d side %d span %v: pair part %v over its bound %v", role, k.side, k.r, pair, b)
			}
			gap = min(gap, b-pair)
		}
		return start + end + pair
	}
	ruledOut, checked := 0, 0
	gap = float32(math.Inf(1))
	check := func(v *view, role int, lm *linear, c Range, cands []cand, cw uint64) {
		best, margin := v.rank(role, lm, c, cands, buf, cw)
		want := make([]float32, len(cands))
		wantBest, bestScore, second := -1, float32(math.Inf(-1)), float32(math.Inf(-1))
		for i, k := range cands {
			want[i] = full(v, role, lm, c, k, cw)
			if want[i] > bestScore || wantBest < 0 {
				second, wantBest, bestScore = bestScore, i, want[i]
			} else if want[i] > second {
				second = want[i]
			}
		}
		wantMargin := float32(10)
		if !math.IsInf(float64(second), -1) {
			wantMargin = bestScore - second
		}
		if best != wantBest || margin != wantMargin {
			t.Fatalf("role %d cue %v: best %d margin %v, want %d %v", role, c, best, margin, wantBest, wantMargin)
		}
		if got, w := topK(buf.scores, 2, nil), topK(want, 2, nil); !slices.Equal(got, w) {
			t.Fatalf("role %d cue %v: top two %v, want %v", role, c, got, w)
		}
		for i, sc := range buf.scores {
			switch {
			case sc == want[i]:
			case math.IsInf(float64(sc), -1) && want[i] < second:
				ruledOut++
			default:
				t.Fatalf("role %d cue %v candidate %d: score %v, want %v", role, c, i, sc, want[i])
			}
			checked++
		}
	}
	eachRandomCue(docs, rng, func(v *view, _ doc.Sentence, c Range, cw uint64) {
		buf.newCue()
		contents := slices.Clone(v.contentCands(c, nil))
		if len(contents) == 0 {
			return
		}
		check(v, roleContent, m.content, c, contents, cw)
		for _, ci := range topK(slices.Clone(buf.scores), 2, nil) {
			sources := append(v.sourceCands(c, contents[ci].pieces(), nil), cand{side: sideNull})
			check(v, roleSource, m.source, c, sources, cw)
		}
	})
	if ruledOut == 0 || ruledOut == checked {
		t.Fatalf("%d of %d candidates ruled out", ruledOut, checked)
	}
	t.Logf("%d of %d candidates ruled out; bounds at least %v over the pair part", ruledOut, checked, gap)
}

// TestQLines: a one-class model's q read from its lines (q1) is the q of
// the packed rows, for every row of the shipped rankers and of a model
// whose bitmap words hold up to 64 rows (past the 12 a line keeps).
func TestQLines(t *testing.T) {
	check := func(name string, m *linear) {
		p := m.packed
		for r := range uint64(1) << m.bits {
			want := int32(0)
			if i, ok := p.row(r, 1); ok {
				want = int32(p.q[i])
			}
			if got := p.q1(r); got != want {
				t.Fatalf("%s: row %d: q1 %d, want %d", name, r, got, want)
			}
		}
	}
	m, _ := sparseRandomModel(7, 8)
	check("random", m)
	shipped := shippedModel(t)
	check("content", shipped.content)
	check("source", shipped.source)
}

// shippedModel reads the default attribution model shipped with extract,
// skipping when it is not there.
func shippedModel(tb testing.TB) *Model {
	tb.Helper()
	f, err := os.Open("../extract/models/attribution.model.gz")
	if err != nil {
		tb.Skip(err)
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestScoreSumsQ1: a one-class model's score, which reads the lines
// itself, is the sum of q1 over its features times the scale, on a model
// with lines past their 12 kept rows and on the shipped rankers.
func TestScoreSumsQ1(t *testing.T) {
	m, rng := sparseRandomModel(9, 10)
	shipped := shippedModel(t)
	for _, lm := range []*linear{m, shipped.content, shipped.source} {
		for iter := range 500 {
			feats := make([]uint64, rng.IntN(40))
			for k := range feats {
				feats[k] = rng.Uint64()
				if iter%2 == 0 {
					feats[k] &= 1<<10 - 1 // rows of the random model, present or not
				}
			}
			var a int32
			for _, f := range feats {
				a += lm.packed.q1(f & lm.mask)
			}
			if got, want := lm.score(feats), float32(a)*lm.packed.scale; got != want {
				t.Fatalf("%d features: score %v, sum of q1 %v", len(feats), got, want)
			}
		}
	}
}

// TestReadLinearPacksSparse: a model read back from its weights
// (packSparse, without the dense table) packs as pack packs the dense
// table: the same rows, presence, counts and quantised weights; and a
// stream whose indices are not increasing (no writer makes one) still
// reads, through the dense table.
func TestReadLinearPacksSparse(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, classes := range []int{1, numCueLabels, 5} {
		m := newLinear(9, classes)
		for i := range m.W {
			if rng.IntN(6) == 0 {
				m.W[i] = float32(rng.NormFloat64())
			}
		}
		var buf bytes.Buffer
		if err := m.writeTo(&buf); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		m.pack()
		got, err := readLinear(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		samePacked(t, fmt.Sprintf("%d classes", classes), got.packed, m.packed)

		// a zero weight written out does not make its row present,
		// and the last of a repeated index wins
		recs := slices.Clone(data[16:])
		n := len(recs) / 8
		binary.LittleEndian.PutUint32(recs[4:], 0) // first weight zero
		swapped := slices.Clone(recs)
		copy(swapped[8*(n-1):], recs[:8])
		copy(swapped[:8], recs[8*(n-1):])
		for name, r := range map[string][]byte{"zero weight": recs, "unsorted": swapped} {
			dense := newLinear(9, classes)
			for k := range n {
				i := binary.LittleEndian.Uint32(r[8*k:])
				dense.W[i] = math.Float32frombits(binary.LittleEndian.Uint32(r[8*k+4:]))
			}
			dense.pack()
			got, err := readLinear(bytes.NewReader(append(slices.Clone(data[:16]), r...)))
			if err != nil {
				t.Fatal(err)
			}
			samePacked(t, fmt.Sprintf("%d classes, %s", classes, name), got.packed, dense.packed)
		}
	}
}

func samePacked(t *testing.T, name string, got, want *packed) {
	t.Helper()
	if !slices.Equal(got.present, want.present) || !slices.Equal(got.before, want.before) ||
		!slices.Equal(got.rows, want.rows) || !slices.Equal(got.q, want.q) || got.scale != want.scale ||
		!slices.Equal(got.lines, want.lines) {
		t.Fatalf("%s: packed model differs from pack's (%d rows against %d)", name, len(got.rows), len(want.rows))
	}
}

// TestReadCueModel: the cue tagger ReadCueModel reads is ReadModel's, so
// that a first pass selects the same sentences, for the shipped fast and
// default models and a small trained-shape one written here.
func TestReadCueModel(t *testing.T) {
	small := NewModel()
	small.cue = newLinear(6, numCueLabels)
	for i := range small.cue.W {
		small.cue.W[i] = float32(i%7) - 3
	}
	var buf bytes.Buffer
	if _, err := small.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"small": buf.Bytes()}
	for _, name := range []string{"attribution-fast.model.gz", "attribution.model.gz"} {
		b, err := os.ReadFile("../extract/models/" + name)
		if err != nil {
			t.Skip(err)
		}
		files[name] = b
	}
	docs := bbcDocs(t, 20)
	for name, b := range files {
		full, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		cue, err := ReadCueModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if cue.cue.classes != full.cue.classes || cue.cue.mask != full.cue.mask ||
			cue.cue.packed.scale != full.cue.packed.scale ||
			!slices.Equal(cue.cue.packed.present, full.cue.packed.present) ||
			!slices.Equal(cue.cue.packed.q, full.cue.packed.q) {
			t.Errorf("%s: the cue tagger read alone differs from ReadModel's", name)
		}
		for _, d := range docs {
			if got, want := cue.CueSentences(d, 15), full.CueSentences(d, 15); !slices.Equal(got, want) {
				t.Fatalf("%s: selected %v, want %v", name, got, want)
			}
		}
		if _, err := ReadCueModel(bytes.NewReader(b[:len(b)/100])); err == nil && name != "small" {
			t.Errorf("%s: a truncated file read without error", name)
		}
	}
}

// TestRoundQ: roundQ is int16(math.Round(float64(x))) over float32s of
// every magnitude within int16's range, halves and their neighbours
// among them.
func TestRoundQ(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	check := func(x float32) {
		if got, want := roundQ(x), int16(math.Round(float64(x))); got != want {
			t.Fatalf("roundQ(%v) = %d, want %d", x, got, want)
		}
	}
	for k := -32767; k <= 32767; k++ {
		for _, h := range []float32{0, 0.5, -0.5} {
			x := float32(k) + h
			if x < -32767 || x > 32767 {
				continue
			}
			check(x)
			check(math.Nextafter32(x, 0))
			check(math.Nextafter32(x, float32(math.Copysign(math.Inf(1), float64(x)))))
		}
	}
	for range 2_000_000 {
		// a random exponent, so that tiny weights are tried as much as
		// large ones
		x := float32(rng.Float64() * math.Ldexp(1, rng.IntN(45)-30))
		if rng.IntN(2) == 0 {
			x = -x
		}
		if x >= -32767 && x <= 32767 {
			check(x)
		}
	}
	for _, x := range []float32{0, float32(math.Copysign(0, -1)), math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32, 0.49999997, -0.49999997, 32767, -32767} {
		check(x)
	}
}

// TestWordFeatsSplitCueFeats: cueFeats without the word features, with
// wordFeats, holds cueFeats' features, for every token and previous
// label of BBC articles (untagged, as the first pass sees them, and with
// made-up tags); and wordFeats of two tokens with the same word, shape
// and tag are the same (what wordCache's key assumes).
func TestWordFeatsSplitCueFeats(t *testing.T) {
	docs := bbcDocs(t, 20)
	tags := []string{"NN", "VBD", "DT", "IN", "NNP", "VBZ"}
	for pass := range 2 {
		byKey := map[string][]uint64{}
		for _, d := range docs {
			if pass == 1 {
				for i := range d.Tokens {
					d.Tokens[i].POS = tags[i%len(tags)]
				}
			}
			v := newView(d)
			for i := range d.Tokens {
				for prev := range numCueLabels {
					want := v.cueFeats(i, prev, nil)
					got := append(v.cueFeatsOf(i, prev, false, nil), v.wordFeats(i, prev, nil)...)
					slices.Sort(want)
					slices.Sort(got)
					if !slices.Equal(got, want) {
						t.Fatalf("token %d %q prev %d: split features differ from cueFeats", i, d.Tokens[i].Text, prev)
					}
				}
				key := fmt.Sprintf("%s|%d|%c", v.lw[i], v.hp[i], v.shape[i])
				wf := v.wordFeats(i, labO, nil)
				if seen, ok := byKey[key]; ok && !slices.Equal(seen, wf) {
					t.Fatalf("token %d %q: word features differ from another token's with the same key", i, d.Tokens[i].Text)
				}
				byKey[key] = wf
			}
			for i := range d.Tokens {
				d.Tokens[i].POS = ""
			}
		}
	}
}

// TestCueSentencesWordCache: the first pass, which sums the word
// features from its cache, selects the sentences where some token passes
// with all its features scored, cache cold and warm, for the shipped fast
// and default models.
func TestCueSentencesWordCache(t *testing.T) {
	docs := bbcDocs(t, 40)
	for _, name := range []string{"attribution-fast.model.gz", "attribution.model.gz"} {
		b, err := os.ReadFile("../extract/models/" + name)
		if err != nil {
			t.Skip(err)
		}
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		selected := 0
		words := new(wordCache)
		for round := range 2 {
			for _, d := range docs {
				v := newView(d)
				want := make([]bool, len(d.Sents))
				for si, s := range d.Sents {
					for i := s.First; i < s.Last && !want[si]; i++ {
						want[si] = m.cue.passes(v.cueFeats(i, labO, nil), 15)
					}
					if want[si] && round == 0 {
						selected++
					}
				}
				for i := range d.Tokens {
					wd, wn := words.sums(v, i, m.cue)
					d, n := coarseSum(m.cue.packed.coarseLines(), v.wordFeats(i, labO, nil))
					if wd != d || wn != n {
						t.Fatalf("%s token %d %q: cached sums %d %d, want %d %d", name, i, v.lw[i], wd, wn, d, n)
					}
				}
				if got := m.CueSentences(d, 15); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: selected %v, want %v", name, round, got, want)
				}
			}
		}
		if selected == 0 {
			t.Fatalf("%s: no sentence selected", name)
		}
	}
}

// sparseRandomModel is a packed model whose k-th word of 64 rows holds
// about k rows, drawn from a generator seeded with seed1 and seed2: lines
// from empty to nearly full, for tests that hold packed reads to the
// weights. It returns the generator too, for the features a test draws
// next from the same stream.
func sparseRandomModel(seed1, seed2 uint64) (*linear, *rand.Rand) {
	m := newLinear(10, 1)
	rng := rand.New(rand.NewPCG(seed1, seed2))
	for r := range m.W {
		if rng.IntN(16) < r/64 {
			m.W[r] = rng.Float32()*2 - 1
		}
	}
	m.pack()
	return m, rng
}
