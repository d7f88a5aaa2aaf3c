package trail

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// The synthetic set: base quotes written from word lists and clause
// templates, each repeated by several "outlets" whole, cut, elided, with
// a word changed, re-punctuated or re-cased; and distractors that share
// common political phrases with the bases (and each other) but are other
// utterances. A quote's label is the base it came from.

var (
	synthNouns = strings.Fields(`economy border tariffs pipeline hospital refinery
		vaccine harbour railway wages pensions budget treaty embassy reactor
		factory farmers miners teachers nurses veterans students bridges tunnels
		airport satellite subsidy deficit inflation mortgage rent taxes drought
		wildfire flooding coastline forest glacier election ballot senate court
		verdict inquiry scandal pipeline union strike dockworkers fishermen
		steel copper lithium uranium grain coffee cotton timber fleet navy
		missile drone cyberattack hackers refugees asylum visa passport census
		archive library museum stadium orchestra festival broadband spectrum
		algorithm platform chatbot startup banks bonds currency lottery casino`)
	synthVerbs = [][3]string{
		{"protect", "protects", "protected"}, {"destroy", "destroys", "destroyed"},
		{"rebuild", "rebuilds", "rebuilt"}, {"perceive", "perceives", "perceived"},
		{"defend", "defends", "defended"}, {"abandon", "abandons", "abandoned"},
		{"fund", "funds", "funded"}, {"cancel", "cancels", "cancelled"},
		{"investigate", "investigates", "investigated"}, {"expand", "expands", "expanded"},
		{"privatise", "privatises", "privatised"}, {"ban", "bans", "banned"},
		{"tax", "taxes", "taxed"}, {"export", "exports", "exported"},
		{"reform", "reforms", "reformed"}, {"sabotage", "sabotages", "sabotaged"},
		{"modernise", "modernises", "modernised"}, {"audit", "audits", "audited"},
		{"subsidise", "subsidises", "subsidised"}, {"regulate", "regulates", "regulated"},
		{"dismantle", "dismantles", "dismantled"}, {"celebrate", "celebrates", "celebrated"},
		{"ignore", "ignores", "ignored"}, {"betray", "betrays", "betrayed"},
		{"welcome", "welcomes", "welcomed"}, {"reject", "rejects", "rejected"},
		{"negotiate", "negotiates", "negotiated"}, {"mislead", "misleads", "misled"},
		{"overturn", "overturns", "overturned"}, {"restore", "restores", "restored"},
		{"deliver", "delivers", "delivered"}, {"block", "blocks", "blocked"},
	}
	synthAdjs = strings.Fields(`disastrous historic reckless brilliant corrupt fragile
		enormous tiny secret illegal unfair generous broken booming failing
		dangerous peaceful crooked rigged heroic shameful ancient modern rural
		northern southern coastal foreign domestic nuclear green wealthy poorest
		unprecedented catastrophic beautiful terrible outdated bloated lean
		transparent hidden massive crumbling thriving`)
	synthPlaces = strings.Fields(`Ohio Texas Helsinki Lagos Manila Bavaria Quebec
		Valparaiso Tasmania Kerala Patagonia Sicily Yorkshire Alberta Hokkaido
		Mombasa Tbilisi Montevideo Gdansk Marseille Busan Cebu Arequipa Tromso
		Aberdeen Natal Oaxaca Izmir Cork Bergen`)
	synthTimes = []string{"by next spring", "before the election", "this winter",
		"within ten years", "by the end of March", "next week", "in my first hundred days",
		"for a generation", "starting tomorrow", "by 2030", "over the summer", "this decade"}
	synthSubjects = []string{"we", "I", "my government", "this administration", "our party",
		"the opposition", "they", "my opponent", "the minister", "these people", "nobody"}
	synthModals = []string{"will", "must", "should", "are going to", "can never", "would", "refuse to", "want to"}
	// commonPhrases are what unrelated quotes share and must not merge on.
	commonPhrases = []string{"at the end of the day", "the American people", "make no mistake",
		"I want to be very clear", "the fact of the matter is", "let me be clear",
		"we will not back down", "in the best interest of the country", "with all due respect",
		"this is a very serious matter", "believe me", "frankly speaking"}
)

type synthQuote struct {
	label int
	Quote
}

type synthGen struct {
	r *rand.Rand
}

func (g *synthGen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *synthGen) verb() [3]string { return synthVerbs[g.r.IntN(len(synthVerbs))] }

// clause writes one clause from a random template.
func (g *synthGen) clause() string {
	v := g.verb()
	switch g.r.IntN(9) {
	case 0:
		return fmt.Sprintf("%s %s %s the %s %s in %s %s", g.pick(synthSubjects), g.pick(synthModals), v[0], g.pick(synthAdjs), g.pick(synthNouns), g.pick(synthPlaces), g.pick(synthTimes))
	case 1:
		return fmt.Sprintf("the %s %s %s the %s and the %s", g.pick(synthAdjs), g.pick(synthNouns), v[2], g.pick(synthNouns), g.pick(synthNouns))
	case 2:
		return fmt.Sprintf("nobody %s the %s like I do because the %s in %s is %s", v[1], g.pick(synthNouns), g.pick(synthNouns), g.pick(synthPlaces), g.pick(synthAdjs))
	case 3:
		return fmt.Sprintf("they %s the %s far more than me", v[1], g.pick(synthNouns))
	case 4:
		return fmt.Sprintf("%s %s %s the %s of %s and its %s %s", g.pick(synthSubjects), g.pick(synthModals), v[0], g.pick(synthNouns), g.pick(synthPlaces), g.pick(synthAdjs), g.pick(synthNouns))
	case 5:
		return fmt.Sprintf("it is a %s %s and a %s %s", g.pick(synthAdjs), g.pick(synthNouns), g.pick(synthAdjs), g.pick(synthNouns))
	case 6:
		return fmt.Sprintf("every %s in %s %s a %s %s %s", g.pick(synthNouns), g.pick(synthPlaces), v[1], g.pick(synthAdjs), g.pick(synthNouns), g.pick(synthTimes))
	case 7:
		return fmt.Sprintf("%s, %s %s %s the %s", g.pick(commonPhrases), g.pick(synthSubjects), g.pick(synthModals), v[0], g.pick(synthNouns))
	default:
		return fmt.Sprintf("the %s and the %s %s %s %s", g.pick(synthNouns), g.pick(synthNouns), g.pick(synthModals), v[0], g.pick(synthPlaces))
	}
}

var synthJoiners = []string{", and ", " because ", ", but ", ", so ", ". ", " while "}

// sentence joins one to three clauses.
func (g *synthGen) sentence() string {
	n := 1 + g.r.IntN(3)
	s := g.clause()
	for i := 1; i < n; i++ {
		s += g.pick(synthJoiners) + g.clause()
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// surface changes how a quote is written, not what it says.
func (g *synthGen) surface(s string) string {
	switch g.r.IntN(4) {
	case 0:
		s = strings.ToLower(s)
	case 1:
		s = strings.ReplaceAll(s, ",", "")
	case 2:
		s = strings.TrimSuffix(s, ".")
	}
	switch g.r.IntN(5) {
	case 0:
		return "“" + s + "”"
	case 1:
		return `"` + s + `"`
	case 2:
		return "‘" + s + "’"
	case 3:
		return "« " + s + " »"
	}
	return s
}

// cut takes a contiguous part of at least minWords words with at least
// three content words, as a reporter quoting the salient part would.
func (g *synthGen) cut(s string, minWords int) (string, bool) {
	ws := strings.Fields(s)
	for try := 0; try < 20; try++ {
		n := minWords + g.r.IntN(max(1, min(12, len(ws)-minWords)))
		if n >= len(ws) {
			continue
		}
		from := g.r.IntN(len(ws) - n + 1)
		part := ws[from : from+n]
		content := 0
		for _, w := range part {
			if !IsStopword(Normalize(w)) {
				content++
			}
		}
		joined := strings.Join(part, " ")
		if content >= 3 && !insideCommonPhrase(joined) {
			return joined, true
		}
	}
	return "", false
}

// insideCommonPhrase: a cut that is mostly a stock phrase is not a
// salient quote; no reader could tell which speech it came from.
func insideCommonPhrase(s string) bool {
	n := Normalize(s)
	for _, p := range commonPhrases {
		if strings.Contains(n, Normalize(p)) && contentWords(strings.Fields(n))-contentWords(strings.Fields(Normalize(p))) < 2 {
			return true
		}
	}
	return false
}

// variant changes one word (two in a long quote): a verb's tense, a
// pronoun, or a content word swapped as a mistranslation would.
func (g *synthGen) variant(s string) string {
	ws := strings.Fields(s)
	changes := 1
	if len(ws) >= 20 {
		changes = 1 + g.r.IntN(2)
	}
	for c := 0; c < changes; c++ {
		for try := 0; try < 30; try++ {
			i := g.r.IntN(len(ws))
			w := strings.Trim(ws[i], ".,")
			switch {
			case w == "me":
				ws[i] = strings.Replace(ws[i], "me", "him", 1)
			case w == "we":
				ws[i] = strings.Replace(ws[i], "we", "they", 1)
			default:
				done := false
				for _, v := range synthVerbs {
					for k := range 3 {
						if w == v[k] {
							ws[i] = strings.Replace(ws[i], w, v[(k+1)%3], 1)
							done = true
						}
					}
				}
				if !done {
					continue
				}
			}
			break
		}
	}
	return strings.Join(ws, " ")
}

// elide keeps a head and a tail around an ellipsis.
func (g *synthGen) elide(s string) (string, bool) {
	ws := strings.Fields(s)
	if len(ws) < 14 {
		return "", false
	}
	head := 4 + g.r.IntN(3)
	tail := 4 + g.r.IntN(3)
	return strings.Join(ws[:head], " ") + " ... " + strings.Join(ws[len(ws)-tail:], " "), true
}

var synthOutlets = strings.Fields(`Herald Courier Gazette Tribune Sentinel Ledger Observer
	Chronicle Post Times Record Dispatch Examiner Bulletin Monitor`)

// synthSet builds the labelled quotes for bases base quotes and
// distractors distractor quotes.
func synthSet(seed uint64, bases, distractors int) []synthQuote {
	g := &synthGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	var out []synthQuote
	id := int64(0)
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	add := func(label int, text string) {
		id++
		out = append(out, synthQuote{label: label, Quote: Quote{
			ID: id, ArticleID: id, Source: fmt.Sprintf("synthetic/%d.txt", id),
			Outlet: g.pick(synthOutlets), Published: t0.Add(time.Duration(g.r.IntN(24*30)) * time.Hour),
			Start: 0, End: len([]rune(text)), Text: text, Speaker: "Speaker " + fmt.Sprint(label),
		}})
	}
	for b := 0; b < bases; b++ {
		base := g.sentence()
		for len(strings.Fields(base)) < 12 {
			base = g.sentence()
		}
		add(b, g.surface(base))
		mentions := 2 + g.r.IntN(10)
		for k := 0; k < mentions; k++ {
			switch p := g.r.IntN(100); {
			case p < 30:
				add(b, g.surface(base))
			case p < 60:
				if c, ok := g.cut(base, MinWords); ok {
					add(b, g.surface(c))
				}
			case p < 78:
				add(b, g.surface(g.variant(base)))
			case p < 88:
				if c, ok := g.cut(g.variant(base), 6); ok {
					add(b, g.surface(c))
				}
			default:
				if e, ok := g.elide(base); ok {
					add(b, g.surface(e))
				}
			}
		}
	}
	// Distractors: each its own utterance, built around a stock phrase
	// that bases and other distractors use too.
	for d := 0; d < distractors; d++ {
		label := bases + d
		text := g.pick(commonPhrases) + ", " + g.clause()
		if g.r.IntN(2) == 0 {
			text = g.clause() + ", " + g.pick(commonPhrases)
		}
		add(label, g.surface(text))
		if g.r.IntN(3) == 0 {
			add(label, g.surface(text))
		}
	}
	return out
}

// pairScores returns pairwise precision and recall of a clustering
// against the labels.
func pairScores(quotes []synthQuote, got map[int64]ClusterID) (precision, recall float64) {
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	type cell struct {
		label int
		c     ClusterID
	}
	cells := map[cell]int{}
	byLabel := map[int]int{}
	byCluster := map[ClusterID]int{}
	for _, q := range quotes {
		c := got[MemberKey(q.ID, 0)]
		cells[cell{q.label, c}]++
		byLabel[q.label]++
		byCluster[c]++
	}
	var tp, predicted, truth float64
	for _, n := range cells {
		tp += pairs(n)
	}
	for _, n := range byCluster {
		predicted += pairs(n)
	}
	for _, n := range byLabel {
		truth += pairs(n)
	}
	return tp / predicted, tp / truth
}

func TestSyntheticPairwise(t *testing.T) {
	quotes := synthSet(1, 600, 250)
	ix := NewIndex(nil)
	for _, q := range quotes {
		ix.Add(q.Quote)
	}
	p, r := pairScores(quotes, ix.Assignments())
	t.Logf("synthetic set: %d quotes, %d forms, %d clusters; pairwise precision %.4f recall %.4f",
		len(quotes), ix.Forms(), len(ix.Clusters(1)), p, r)
	if p < 0.99 || r < 0.99 {
		t.Errorf("pairwise precision %.4f recall %.4f, want both >= 0.99", p, r)
	}
}

// TestSyntheticOrderIndependent adds the same set in many shuffled orders
// and requires the same assignment of every quote, cluster ids included.
func TestSyntheticOrderIndependent(t *testing.T) {
	quotes := synthSet(2, 300, 120)
	build := func(order []synthQuote) map[int64]ClusterID {
		ix := NewIndex(nil)
		for _, q := range order {
			ix.Add(q.Quote)
		}
		return ix.Assignments()
	}
	want := build(quotes)
	shuffles := 20
	if testing.Short() {
		shuffles = 4
	}
	r := rand.New(rand.NewPCG(7, 11))
	for s := 0; s < shuffles; s++ {
		order := append([]synthQuote(nil), quotes...)
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		got := build(order)
		diff := 0
		for id, c := range want {
			if got[id] != c {
				diff++
			}
		}
		if diff > 0 || len(got) != len(want) {
			t.Fatalf("shuffle %d: %d of %d quotes in a different cluster", s, diff, len(want))
		}
	}
	t.Logf("%d quotes, %d shuffles: identical assignments", len(quotes), shuffles)
}

// TestSyntheticRemove removes a fifth of the quotes and requires the
// index to equal one built without them.
func TestSyntheticRemove(t *testing.T) {
	quotes := synthSet(3, 200, 80)
	ix := NewIndex(nil)
	for _, q := range quotes {
		ix.Add(q.Quote)
	}
	r := rand.New(rand.NewPCG(5, 9))
	fresh := NewIndex(nil)
	removed := 0
	for _, q := range quotes {
		if r.IntN(5) == 0 {
			ix.Remove(q.ID)
			removed++
		} else {
			fresh.Add(q.Quote)
		}
	}
	got, want := ix.Assignments(), fresh.Assignments()
	if len(got) != len(want) {
		t.Fatalf("after removing %d: %d quotes, want %d", removed, len(got), len(want))
	}
	for id, c := range want {
		if got[id] != c {
			t.Fatalf("quote %d in cluster %d after removals, %d when built fresh", id, got[id], c)
		}
	}
}

// BenchmarkAdd measures Add throughput on the synthetic set.
func BenchmarkAdd(b *testing.B) {
	quotes := synthSet(4, 600, 250)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		ix := NewIndex(nil)
		for _, q := range quotes {
			ix.Add(q.Quote)
		}
		n += len(quotes)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "quotes/s")
}

// TestSyntheticRestore saves the links of an index over one set of
// quotes, then restores an index over a changed set (some quotes gone,
// new ones added) and requires it to equal one built afresh.
func TestSyntheticRestore(t *testing.T) {
	all := synthSet(6, 300, 120)
	// two in ten only before (removed since), three only after (new)
	before, after := splitBeforeAfter(all, rand.New(rand.NewPCG(8, 13)), 2, 3)
	old := NewIndex(nil)
	for _, q := range before {
		old.Add(q)
	}
	restored := Restore(nil, after, old.Links())
	fresh := NewIndex(nil)
	for _, q := range after {
		fresh.Add(q)
	}
	got, want := restored.Assignments(), fresh.Assignments()
	if len(got) != len(want) {
		t.Fatalf("restored %d quotes, want %d", len(got), len(want))
	}
	for id, c := range want {
		if got[id] != c {
			t.Fatalf("quote %d: cluster %d restored, %d afresh", id, got[id], c)
		}
	}
	gl, wl := restored.Links(), fresh.Links()
	if len(gl) != len(wl) {
		t.Fatalf("%d links restored, %d afresh", len(gl), len(wl))
	}
	for i := range wl {
		if gl[i] != wl[i] {
			t.Fatalf("link %d: %+v restored, %+v afresh", i, gl[i], wl[i])
		}
	}
	// Unchanged quotes restore without any matching at all.
	same := Restore(nil, after, fresh.Links())
	for id, c := range want {
		if got, _ := same.ClusterOf(id); got != c {
			t.Fatalf("quote %d: %d after a no-op restore, want %d", id, got, c)
		}
	}
}
