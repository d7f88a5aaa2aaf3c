package extract

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
)

// The statement filter: a logistic regression that reads an attribution
// the model found (its cue, the cue's WordNet class, tense and modality,
// the kind of source, quote marks, content length, the model's confidence,
// the cue's place in its sentence) and says whether it reports a
// statement or a thought at all. The audit of real pages found actions
// and findings printed as speech ("ordered", "showed", "passed", "raised
// fears", "knows a thing or two"); dropping such cues by a list cost 0.2
// to 0.5 PolNeAR source F1 each, since PolNeAR annotates many of them in
// a speech sense, so the choice is learned from context instead.
//
// It is trained on PolNeAR train (claimtrail train statement: every
// attribution the extractor finds is positive when its cue overlaps a gold
// cue, negative otherwise) and its threshold is chosen on PolNeAR dev. It
// never drops a verbatim quote given to a named person: that recall is
// the one fact-checkers need (BASIL), and quote marks plus a named speaker
// are rarely anything but speech.
//
//go:embed models/statement.model
var statementModelBytes []byte

// StatementModel is a logistic regression over sparse named features.
type StatementModel struct {
	weights   map[string]float64
	Threshold float64 // drop below this probability
	// OtherThreshold, when above Threshold, is the bar for cues whose
	// verb has no communication or cognition sense in WordNet's three
	// most frequent ("ignored", "passed", "will seek"): on real pages
	// these were mostly actions, and PolNeAR dev chooses how high it may
	// be.
	OtherThreshold float64
}

// statementHeader opens a statement model file.
const statementHeader = "claimtrail statement model 1"

var loadStatementModel = sync.OnceValues(func() (*StatementModel, error) {
	return readStatementModel(statementModelBytes)
})

// readStatementModel parses a model file: the header line, a
// "threshold\tP" line, then one "weight\tfeature" line per feature.
func readStatementModel(data []byte) (*StatementModel, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	m := &StatementModel{weights: map[string]float64{}}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != statementHeader {
				return nil, fmt.Errorf("statement model: header %q, want %q", t, statementHeader)
			}
			continue
		}
		k, v, ok := strings.Cut(t, "\t")
		if !ok {
			return nil, fmt.Errorf("statement model line %d: no tab", line)
		}
		if k == "threshold" || k == "threshold-other" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("statement model line %d: %s: %w", line, k, err)
			}
			if k == "threshold" {
				m.Threshold = f
			} else {
				m.OtherThreshold = f
			}
			continue
		}
		w, err := strconv.ParseFloat(k, 64)
		if err != nil {
			return nil, fmt.Errorf("statement model line %d: weight: %w", line, err)
		}
		m.weights[v] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("statement model: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("statement model: empty")
	}
	return m, nil
}

// Bytes is the model in the format readStatementModel reads, features
// sorted, so that the same weights give the same bytes.
func (m *StatementModel) Bytes() []byte {
	var w bytes.Buffer
	fmt.Fprintln(&w, statementHeader)
	fmt.Fprintf(&w, "threshold\t%.3f\n", m.Threshold)
	if m.OtherThreshold > m.Threshold {
		fmt.Fprintf(&w, "threshold-other\t%.3f\n", m.OtherThreshold)
	}
	names := make([]string, 0, len(m.weights))
	for k := range m.weights {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(&w, "%.4f\t%s\n", m.weights[k], k)
	}
	return w.Bytes()
}

// prob is the model's probability that features describe a statement.
func (m *StatementModel) prob(fs []feature) float64 {
	z := 0.0
	for _, f := range fs {
		z += m.weights[f.name] * f.val
	}
	return 1 / (1 + math.Exp(-z))
}

// feature is one named feature with its value (1 for indicators).
type feature struct {
	name string
	val  float64
}

// statementCandidate is an attribution the filter judges, with its
// features; training collects them (see withStatementCollector).
type statementCandidate struct {
	Att      claimtrail.Attribution
	Features []feature
}

type statementCtxKey int

const (
	collectKey statementCtxKey = iota
	modelKey
)

// withStatementCollector returns a context under which extraction keeps
// every attribution and hands each one the filter would judge to fn.
func withStatementCollector(ctx context.Context, fn func(statementCandidate)) context.Context {
	return context.WithValue(ctx, collectKey, fn)
}

// WithStatementModel returns a context under which extraction filters
// with m (and m.Threshold) instead of the embedded model: how training
// chooses the threshold on dev.
func WithStatementModel(ctx context.Context, m *StatementModel) context.Context {
	return context.WithValue(ctx, modelKey, m)
}

// keepStatements drops the attributions the statement model reads as no
// statement. Attributions without a cue (quotes standing alone, judged by
// the rules in dropNonStatements) or with a layout cue (the dash of an
// embedded post, a transcript's colon: made by rules, not the model) and
// verbatim quotes of a named person
// are never dropped. A model that fails to load drops nothing (the
// embedded one is checked by the tests).
func keepStatements(ctx context.Context, d *doc.Doc, byteOf func(int) int, atts []claimtrail.Attribution) []claimtrail.Attribution {
	collect, _ := ctx.Value(collectKey).(func(statementCandidate))
	m, _ := ctx.Value(modelKey).(*StatementModel)
	if m == nil {
		var err error
		if m, err = loadStatementModel(); err != nil {
			m = nil
		}
	}
	if m == nil && collect == nil {
		return atts
	}
	var titleEnd int // byte offset where the first line ends
	if i := strings.IndexByte(d.Text, '\n'); i >= 0 {
		titleEnd = i
	}
	out := atts[:0]
	for i, a := range atts {
		if i%256 == 255 && ctx.Err() != nil {
			return atts // the caller returns ctx.Err()
		}
		if a.Cue == nil || !strings.ContainsFunc(a.Cue.Text, unicode.IsLetter) {
			out = append(out, a)
			continue
		}
		if collect != nil {
			var fs []feature
			statementFeatures(d, byteOf, titleEnd, &a, func(name []byte, val float64) { fs = append(fs, feature{string(name), val}) })
			collect(statementCandidate{Att: a, Features: fs})
			out = append(out, a)
			continue
		}
		if protectedStatement(&a) || invertedTitleReport(byteOf, titleEnd, &a) || possessiveClaim(d, byteOf, &a) {
			out = append(out, a)
			continue
		}
		// summed as the features come: no feature strings are kept
		z, other := 0.0, false
		statementFeatures(d, byteOf, titleEnd, &a, func(name []byte, val float64) {
			z += m.weights[string(name)] * val
			if string(name) == "first=none" || string(name) == "first=other-top3" {
				other = true
			}
		})
		bar := m.Threshold
		if other && m.OtherThreshold > bar {
			bar = m.OtherThreshold
		}
		if 1/(1+math.Exp(-z)) >= bar {
			out = append(out, a)
		}
	}
	return out
}

// protectedStatement: a verbatim quote given to a named person, or to
// persons named in a list ("Ryan Vell and Tam Dorsey, who observed,
// “...”").
func protectedStatement(a *claimtrail.Attribution) bool {
	return (a.Speaker.Kind == claimtrail.SpeakerPerson && a.Speaker.Name != "" || a.Speaker.Kind == claimtrail.SpeakerGroup && namedList(a.Speaker.Name)) &&
		claimtrail.HasMarkedQuote(a.Content)
}

// namedList reports whether a group's name lists names only: "Ann Vell,
// Tam Dorsey and Joe Pike" (not "Trump critics" nor "Labour and Tory
// MPs").
func namedList(name string) bool {
	parts := strings.Split(strings.ReplaceAll(name, ", ", " and "), " and ")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		f := strings.Fields(p)
		if len(f) < 2 {
			return false
		}
		for _, w := range f {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// invertedTitleReport: a headline's "CLAIM says SOURCE" with the source
// named (invertedHeadline). A headline's claim is often verbless ("More
// reforms ahead says Milburn", "No election TV debate, says Blair"),
// which the model, trained on body sentences, reads as no statement.
func invertedTitleReport(byteOf func(int) int, titleEnd int, a *claimtrail.Attribution) bool {
	return a.Source != nil && a.Cue != nil && a.Speaker.Name != "" && byteOf(a.Cue.End) <= titleEnd &&
		a.Source.Start >= a.Cue.End && headlineInvertedCues[strings.ToLower(strings.TrimSpace(a.Cue.Text))]
}

var (
	verbClassOnce sync.Once
	verbClass     map[string]int
	verbIrregular map[string]string
)

func verbTables() {
	verbClassOnce.Do(func() {
		verbClass = map[string]int{}
		for _, f := range strings.Fields(verbClassList) {
			w, c, _ := strings.Cut(f, ":")
			n, _ := strconv.Atoi(c)
			verbClass[w] = n
		}
		verbIrregular = map[string]string{}
		for _, f := range strings.Fields(irregularVerbList) {
			form, lemma, _ := strings.Cut(f, ":")
			verbIrregular[form] = lemma
		}
	})
}

// verbLemma reduces a lower-case verb form to a WordNet lemma of a
// communication or cognition verb ("said" → "say", "claims" → "claim",
// "argued" → "argue", "planning" → "plan"); ok is false when the word is
// none (then it is returned as is).
func verbLemma(w string) (lemma string, ok bool) {
	verbTables()
	if l, ok := verbIrregular[w]; ok {
		return l, true
	}
	if _, ok := verbClass[w]; ok {
		return w, true
	}
	for _, r := range [...]struct{ suf, rep string }{
		{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},
		{"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	} {
		if !strings.HasSuffix(w, r.suf) {
			continue
		}
		stem := w[:len(w)-len(r.suf)] + r.rep
		if _, ok := verbClass[stem]; ok {
			return stem, true
		}
		// a doubled consonant: "planned" → "plan", "admitting" → "admit"
		if n := len(stem); r.rep == "" && n > 2 && stem[n-1] == stem[n-2] {
			if _, ok := verbClass[stem[:n-1]]; ok {
				return stem[:n-1], true
			}
		}
	}
	return w, false
}

// formOf names a verb form by its ending: past or participle, third
// person, gerund or base.
func formOf(w string) string {
	switch {
	case strings.HasSuffix(w, "ed"):
		return "ed"
	case strings.HasSuffix(w, "ing"):
		return "ing"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return "s"
	}
	return "base"
}

var (
	auxiliaries = wordSet("is are was were be been being am has have had having do does did will would shall should can could may might must 's 're 've 'd 'll")
	modals      = wordSet("will would shall should can could may might must 'd 'll")
	negations   = wordSet("not n't never no")
	pronouns    = wordSet("i you he she it we they me him her us them who which that this these those one someone somebody everyone")
	lowerInName = wordSet("of the and for de van von la le al bin")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sourceKind classifies a written source: none, pronoun, name (every word
// capitalised) or description ("the company", "a spokesman for X").
func sourceKind(src *claimtrail.Span) string {
	if src == nil {
		return "none"
	}
	words := strings.Fields(src.Text)
	if len(words) == 1 && pronouns[strings.ToLower(words[0])] {
		return "pron"
	}
	for _, w := range words {
		r := []rune(w)
		if len(r) == 0 || lowerInName[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(r[0]) {
			return "desc"
		}
	}
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		return "desc"
	}
	return "name"
}

// apostrophes reads a curly apostrophe as a straight one ("don’t").
var apostrophes = strings.NewReplacer("’", "'")

// tagsOf joins the tags of tokens [i, j).
func tagsOf(d *doc.Doc, i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(d.Tokens); k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(d.Tokens[k].POS)
	}
	return b.String()
}

func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return strconv.Itoa(e)
		}
	}
	return "more"
}

// statementFeatures describes a (which has a cue) for the statement
// model, handing each feature's name ("lem=say", "lem|next=say=that") and
// value to emit; name is only valid during the call.
func statementFeatures(d *doc.Doc, byteOf func(int) int, titleEnd int, a *claimtrail.Attribution, emit func(name []byte, val float64)) {
	buf := make([]byte, 0, 96)
	add := func(parts ...string) {
		buf = buf[:0]
		for i, p := range parts {
			if i > 0 {
				buf = append(buf, '=')
			}
			buf = append(buf, p...)
		}
		emit(buf, 1)
	}
	add("bias")

	cueWords := lowerFieldsApos(a.Cue.Text)
	if len(cueWords) <= 4 {
		add("cue", strings.Join(cueWords, " "))
	}
	add("ncue", bucket(len(cueWords), 1, 2, 3))
	// the main word: the first communication or cognition verb, else the
	// first word that is no auxiliary
	main, lemma, known := "", "", false
	for _, w := range cueWords {
		if l, ok := lemmaOf(w); ok {
			main, lemma, known = w, l, true
			break
		}
	}
	if !known {
		for _, w := range cueWords {
			if !auxiliaries[w] && !negations[w] {
				main = w
				break
			}
		}
		if main == "" && len(cueWords) > 0 {
			main = cueWords[0]
		}
		lemma = main
	}
	add("lem", lemma)
	cls := verbClass[lemma]
	add("cls", strconv.Itoa(cls))
	switch {
	case cls&1 != 0:
		add("first", "comm")
	case cls&2 != 0:
		add("first", "cog")
	case cls != 0:
		add("first", "other-top3")
	default:
		add("first", "none")
	}
	form := formOf(main)
	add("form", form)
	for _, w := range cueWords {
		if modals[w] {
			add("cuemodal")
		}
		if negations[w] {
			add("cueneg")
		}
	}

	// the words around the cue
	cs := byteOf(a.Cue.Start)
	ce := byteOf(a.Cue.End)
	ti := tokenFrom(d, cs)
	te := tokenFrom(d, ce)
	tok := func(i int) string {
		if i < 0 || i >= len(d.Tokens) {
			return "<none>"
		}
		return apostrophes.Replace(lowerOf(d.Tokens[i].Text))
	}
	if ti < len(d.Tokens) {
		s := d.Sents[d.Tokens[ti].Sent]
		prev, next := "<s>", "</s>"
		if ti-1 >= s.First {
			prev = tok(ti - 1)
		}
		if te < s.Last {
			next = tok(te)
		}
		add("prev", prev)
		add("next", next)
		add("lem|next", lemma, next)
		for k := ti - 1; k >= max(s.First, ti-2); k-- {
			w := tok(k)
			if modals[w] {
				add("modal")
			}
			if negations[w] {
				add("neg")
			}
		}
		add("spos", bucket(ti-s.First, 0, 2, 6, 12))
		add("epos", bucket(s.Last-te, 1, 3, 8))
		if d.Tokens[ti].Quote != 0 || inQuote(d, cs) {
			add("cueinquote")
		}
		// the cue's tags: "VBD", "VBP RB VB", and whether it holds a
		// noun ("oppose collaboration with", "retweeted an article")
		if te-ti <= 3 {
			add("cuepos", tagsOf(d, ti, te))
		} else {
			add("cuepos", "long")
		}
		for k := ti; k < te && k < len(d.Tokens); k++ {
			if strings.HasPrefix(d.Tokens[k].POS, "NN") {
				add("cuenoun")
				break
			}
		}
		if d.Tokens[ti].POS != "" {
			add("pos", d.Tokens[ti].POS)
			add("lem|pos", lemma, d.Tokens[ti].POS)
		}
	}
	if cs < titleEnd {
		add("title")
	}

	src := sourceKind(a.Source)
	add("src", src)
	add("lem|src", lemma, src)
	if a.Source != nil {
		if a.Source.Start < a.Cue.Start {
			add("srcbefore")
		} else {
			add("srcafter")
		}
		add("srclen", bucket(len(fieldsOf(a.Source.Text)), 1, 2, 4))
		// the source's first and last tags: a determiner and a plural
		// noun ("the officials") speak; "$10", "games" or "prices it" is a
		// fragment
		ss, se := byteOf(a.Source.Start), byteOf(a.Source.End)
		si := tokenFrom(d, ss)
		sj := tokenFrom(d, se)
		if si < sj && sj <= len(d.Tokens) {
			add("srcfirst", d.Tokens[si].POS)
			add("srclast", d.Tokens[sj-1].POS)
		}
	}
	add("spk", string(a.Speaker.Kind))
	if a.Speaker.Name != "" {
		add("spknamed")
	}
	if a.Channel != "" {
		add("channel")
	}

	add("kind", string(a.Kind))
	quoted := claimtrail.HasMarkedQuote(a.Content)
	add("lem|quoted", lemma, strconv.FormatBool(quoted))
	if quoted {
		add("quoted")
	}
	words := 0
	before := false
	for _, c := range a.Content {
		words += fieldCount(c.Text)
		if c.Start < a.Cue.Start {
			before = true
		}
	}
	add("clen", bucket(words, 0, 2, 4, 8, 16, 32))
	// a clause reports a statement or thought; a bare noun phrase ("opposed
	// the plan", "passed a budget", "knows a thing or two") is an action's
	// object
	clause := "noverb"
	for _, c := range a.Content {
		if clause != "noverb" {
			break
		}
		cb, ce := byteOf(c.Start), byteOf(c.End)
		for k := tokenFrom(d, cb); k < len(d.Tokens) && d.Tokens[k].Start < ce; k++ {
			switch d.Tokens[k].POS {
			case "VBD", "VBZ", "VBP", "MD":
				clause = "finite"
			case "VB", "VBG", "VBN":
				if clause == "noverb" {
					clause = "verb"
				}
			case "":
				clause = "untagged"
			}
			if clause == "finite" || clause == "untagged" {
				break
			}
		}
	}
	add("clause", clause)
	add("lem|clause", lemma, clause)
	add("lem|clen", lemma, bucket(words, 3, 8))
	if before {
		add("contentbefore")
	}
	if len(a.Content) > 0 {
		cb := byteOf(a.Content[0].Start)
		if k := tokenFrom(d, cb); k < len(d.Tokens) {
			add("cfirstpos", d.Tokens[k].POS)
			add("lem|cfirstpos", lemma, d.Tokens[k].POS)
		}
		first := strings.ToLower(firstField(a.Content[0].Text, "x"))
		if first == "that" || first == "to" || first == "whether" || first == "if" {
			add("cfirst", first)
			add("lem|cfirst", lemma, first)
		}
	}
	for _, f := range a.Flags {
		add("flag", f)
	}
	emit(append(buf[:0], "conf"...), a.Confidence)
	add("confb", bucket(int(10*a.Confidence), 2, 4, 6, 8))
}
