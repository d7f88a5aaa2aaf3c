package eval

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// A gold file of utterance clusters lists quoted spans of a corpus by
// file and code-point offsets (never their words: the corpus is not ours
// to copy), each with the utterance it belongs to and a short hash of its
// text to notice when the corpus changed under it. Scoring is pairwise
// over the listed spans: two spans of one gold utterance are a gold pair;
// two spans whose covering verbatim pieces fall in one system cluster are a
// system pair.

// GoldQuote is one line of a gold utterance file.
type GoldQuote struct {
	Cluster string `json:"cluster"`
	File    string `json:"file"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// SHA1 is the first 8 hex digits of the SHA-1 of the span's text.
	SHA1 string `json:"sha1"`
}

// ClusterReport is the outcome of `claimtrail eval clusters`.
type ClusterReport struct {
	Dir      string `json:"dir"`
	Gold     string `json:"gold"`
	Articles int    `json:"articles"`
	// Quotes are the gold spans; Found those an attribution's verbatim
	// quotes cover (at least half of the span); Drifted those whose text
	// no longer matches its hash (skipped).
	Quotes   int `json:"quotes"`
	Found    int `json:"found"`
	Drifted  int `json:"drifted"`
	Clusters int `json:"gold_clusters"`
	// GoldPairs, SystemPairs and BothPairs count same-utterance pairs.
	GoldPairs   int     `json:"gold_pairs"`
	SystemPairs int     `json:"system_pairs"`
	BothPairs   int     `json:"both_pairs"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	// Misses are pairs for reading by hand: "split" (gold pair the system
	// keeps apart) and "joined" (system pair gold keeps apart).
	Misses []ClusterMiss `json:"misses,omitempty"`
	// Splits counts the split pairs by class (SplitClasses), with
	// misses only.
	Splits map[string]int `json:"splits,omitempty"`
	// SplitSpeakers counts the split pairs extraction found both of by
	// their members' speakers (SpeakerClasses), with misses only: a
	// pair of one named speaker is the clustering's to join; one of two
	// names, or of a name and none, is first extraction's or speaker
	// resolution's.
	SplitSpeakers map[string]int `json:"split_speakers,omitempty"`
	// SplitUtterances counts the split pairs by gold utterance, with
	// misses only: a few utterances quoted in many pieces hold most of
	// them (their pairs grow with the square of their pieces).
	SplitUtterances map[string]int `json:"split_utterances,omitempty"`
}

// ClusterMiss is one pair scored wrong.
type ClusterMiss struct {
	Kind string `json:"kind"`
	// Class sorts a split pair by what keeps it apart (see SplitClasses).
	Class string `json:"class,omitempty"`
	A     string `json:"a"`
	B     string `json:"b"`
	// GoldA and GoldB are the gold utterances of A and B (one for a
	// split pair), to read a miss with the rest of its utterance.
	GoldA string `json:"gold_a"`
	GoldB string `json:"gold_b"`
}

// The classes of split pairs, in the order they are told apart: a span
// extraction did not find (no verbatim piece covers half of it); two
// spans of one article; two spans of two articles whose quoted words
// share no content word; two that share one or more.
const (
	SplitNotFound    = "not-found"
	SplitSameArticle = "same-article"
	SplitNoWords     = "across-no-shared-words"
	SplitSharedWords = "across-shared-words"
)

// The classes of a split pair by its members' speakers.
const (
	SpeakersSame       = "same-speaker"
	SpeakersDifferent  = "different-speakers"
	SpeakersUnresolved = "a-speaker-unresolved"
)

// SpeakerClasses lists the speaker classes in the order above.
var SpeakerClasses = []string{SpeakersSame, SpeakersDifferent, SpeakersUnresolved}

// speakerClass is the speaker class of two members' speaker names: the
// same name (as extraction resolved it, folded to lower case), two
// names, or no name on one side.
func speakerClass(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "" || b == "":
		return SpeakersUnresolved
	case strings.EqualFold(a, b):
		return SpeakersSame
	}
	return SpeakersDifferent
}

// SplitClasses lists the classes of split pairs in the order above.
var SplitClasses = []string{SplitNotFound, SplitSameArticle, SplitNoWords, SplitSharedWords}

// splitClass is the class of a split pair of spans a and b.
func splitClass(aFound, bFound bool, aFile, bFile, aText, bText string) string {
	switch {
	case !aFound || !bFound:
		return SplitNotFound
	case aFile == bFile:
		return SplitSameArticle
	}
	words := map[string]bool{}
	for _, t := range trail.Tokenize(aText) {
		if !trail.IsStopword(t.Norm) && t.Norm != trail.Gap {
			words[t.Norm] = true
		}
	}
	for _, t := range trail.Tokenize(bText) {
		if words[t.Norm] {
			return SplitSharedWords
		}
	}
	return SplitNoWords
}

// ReadGoldQuotes reads a gold utterance file (JSONL).
func ReadGoldQuotes(path string) ([]GoldQuote, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	var out []GoldQuote
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldQuote
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("gold %s line %d: %w", path, line, err)
		}
		if g.File == "" || g.Cluster == "" || g.End <= g.Start || g.Start < 0 {
			return nil, fmt.Errorf("gold %s line %d: needs cluster, file and start < end", path, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return out, nil
}

// basilArticle is one row of BASIL's articles.tsv.
type basilArticle struct {
	file, outlet, url string
	date              time.Time
}

func readBasilArticles(dir string) ([]basilArticle, error) {
	f, err := os.Open(filepath.Join(dir, "articles.tsv"))
	if err != nil {
		return nil, fmt.Errorf("basil articles: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("basil articles: %w", err)
	}
	var out []basilArticle
	for i, row := range rows {
		if i == 0 || len(row) < 5 {
			continue
		}
		d, _ := time.Parse("2006-01-02", row[3]) // an unreadable date is unknown
		out = append(out, basilArticle{file: row[0], outlet: strings.ToLower(row[2]), date: d, url: row[4]})
	}
	return out, nil
}

// Clusters extracts every article of a BASIL split, clusters the direct
// and mixed quotes as the store does (trail.Index on verbatim quotes) and
// scores same-utterance pairs over the gold spans.
func Clusters(ctx context.Context, dir, goldPath string, ex claimtrail.Extractor, misses bool) (*ClusterReport, error) {
	return ClustersWith(ctx, dir, goldPath, ex, ClusterOptions{Misses: misses})
}

// ClusterOptions are the choices of ClustersWith.
type ClusterOptions struct {
	// Misses lists every pair scored wrong.
	Misses bool
	// TextJoins joins an article's pieces reading the article's text
	// between them (trail.JoinUtterancesIn), as the stores do; without
	// it, from the cue spans alone.
	TextJoins bool
}

// ClustersWith is Clusters with options.
func ClustersWith(ctx context.Context, dir, goldPath string, ex claimtrail.Extractor, opt ClusterOptions) (*ClusterReport, error) {
	misses := opt.Misses
	gold, err := ReadGoldQuotes(goldPath)
	if err != nil {
		return nil, err
	}
	arts, err := readBasilArticles(dir)
	if err != nil {
		return nil, err
	}
	rep := &ClusterReport{Dir: dir, Gold: goldPath, Articles: len(arts)}
	ix := trail.NewIndex(nil)
	texts := map[string][]rune{}
	// quotes per file: member key (attribution id and piece) and place.
	type piece struct {
		id         int64
		start, end int
	}
	pieces := map[string][]piece{}
	var nextID int64
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", a.file))
		if err != nil {
			return nil, fmt.Errorf("basil: %w", err)
		}
		x, err := ex.Extract(ctx, string(raw))
		if err != nil {
			return nil, fmt.Errorf("basil: extract %s: %w", a.file, err)
		}
		texts[a.file] = []rune(string(raw))
		art := &claimtrail.Article{ID: int64(i + 1), Source: a.file, URL: a.url, Outlet: a.outlet, Published: a.date}
		var qs []trail.Quote
		for j := range x.Attributions {
			at := &x.Attributions[j]
			nextID++
			at.ID = nextID
			q, ok := trail.QuoteOf(art, at)
			if !ok {
				continue
			}
			qs = append(qs, q)
			member := trail.PieceMembers(at.Quotes, len(at.Quotes))
			for k, p := range at.Quotes {
				pieces[a.file] = append(pieces[a.file], piece{trail.MemberKey(at.ID, member[k]), p.Start, p.End})
			}
		}
		// An article's quotes are clustered together, as a store does.
		if opt.TextJoins {
			rs := texts[a.file]
			trail.JoinUtterancesIn(qs, func(*trail.Quote) []rune { return rs })
		} else {
			trail.JoinUtterances(qs)
		}
		for _, q := range qs {
			ix.Add(q)
		}
	}
	assigned := ix.Assignments()
	type scored struct {
		gold    string
		system  int64 // 0: not found
		att     int64
		label   string
		found   bool
		file    string
		text    string
		speaker string
	}
	var items []scored
	speakerOf := map[int64]string{}
	goldClusters := map[string]bool{}
	for _, g := range gold {
		rs, ok := texts[g.File]
		if !ok || g.End > len(rs) || shortHash(string(rs[g.Start:g.End])) != g.SHA1 {
			rep.Drifted++
			continue
		}
		rep.Quotes++
		goldClusters[g.Cluster] = true
		// The verbatim piece that covers most of the span,
		// when that is at least half of it.
		best, bestN := int64(0), 0
		for _, p := range pieces[g.File] {
			n := min(p.end, g.End) - max(p.start, g.Start)
			if n > bestN || (n == bestN && n > 0 && p.id < best) {
				best, bestN = p.id, n
			}
		}
		var sys int64
		if bestN*2 >= g.End-g.Start {
			rep.Found++
			sys = int64(assigned[best])
			if _, ok := speakerOf[best]; !ok && misses {
				if q, ok := ix.Member(best); ok {
					speakerOf[best] = q.Speaker
				}
			}
		}
		label := fmt.Sprintf("%s:%d-%d %q", g.File, g.Start, g.End, clipWords(string(rs[g.Start:g.End]), 80))
		if misses && sys == 0 && bestN*2 < g.End-g.Start {
			// No verbatim piece covers half of the span: extraction
			// did not find it (or found it cut in pieces).
			label += fmt.Sprintf("\n      not found (the best piece covers %d of %d code points)", max(bestN, 0), g.End-g.Start)
		} else if misses {
			// What the span was matched as, and where it went.
			if q, ok := ix.Member(best); ok {
				label += fmt.Sprintf("\n      member %q cluster %d %s", clipWords(q.MatchText(), 120), sys, q.Speaker)
			}
		}
		items = append(items, scored{gold: g.Cluster, system: sys, label: label, att: best,
			found: bestN*2 >= g.End-g.Start, file: g.File, text: string(rs[g.Start:g.End]), speaker: speakerOf[best]})
	}
	rep.Clusters = len(goldClusters)
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			a, b := items[i], items[j]
			g := a.gold == b.gold
			s := a.system != 0 && a.system == b.system
			if g {
				rep.GoldPairs++
			}
			if s {
				rep.SystemPairs++
			}
			if g && s {
				rep.BothPairs++
			}
			if misses && g != s {
				kind, class := "split", ""
				if !s {
					class = splitClass(a.found, b.found, a.file, b.file, a.text, b.text)
					if rep.Splits == nil {
						rep.Splits = map[string]int{}
					}
					rep.Splits[class]++
					if rep.SplitUtterances == nil {
						rep.SplitUtterances = map[string]int{}
					}
					rep.SplitUtterances[a.gold]++
					if class != SplitNotFound {
						if rep.SplitSpeakers == nil {
							rep.SplitSpeakers = map[string]int{}
						}
						rep.SplitSpeakers[speakerClass(a.speaker, b.speaker)]++
					}
				}
				if s {
					kind = "joined"
					if a.att == b.att {
						// Extraction made the two one quoted piece.
						kind = "joined-in-one-piece"
					}
				}
				rep.Misses = append(rep.Misses, ClusterMiss{Kind: kind, Class: class, A: a.label, B: b.label, GoldA: a.gold, GoldB: b.gold})
			}
		}
	}
	if rep.SystemPairs > 0 {
		rep.Precision = float64(rep.BothPairs) / float64(rep.SystemPairs)
	}
	if rep.GoldPairs > 0 {
		rep.Recall = float64(rep.BothPairs) / float64(rep.GoldPairs)
	}
	slices.SortStableFunc(rep.Misses, func(a, b ClusterMiss) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), cmp.Compare(slices.Index(SplitClasses, a.Class), slices.Index(SplitClasses, b.Class)))
	})
	return rep, nil
}

func shortHash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])[:8]
}

func clipWords(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs)
	}
	return string(rs[:n]) + "…"
}

// classCounts prints counts in the order of their classes: "a 1, b 2".
func classCounts(classes []string, counts map[string]int) string {
	parts := make([]string, len(classes))
	for i, c := range classes {
		parts[i] = fmt.Sprintf("%s %d", c, counts[c])
	}
	return strings.Join(parts, ", ")
}

// splitUtterancesShown is how many utterances the text report names
// with their split pairs.
const splitUtterancesShown = 10

// topCounts prints the n largest counts, largest first (ties by key),
// and how many more keys there are: "u1 9, u2 4 (+3 more)".
func topCounts(counts map[string]int, n int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b)) })
	var parts []string
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	s := strings.Join(parts, ", ")
	if len(keys) > n {
		s += fmt.Sprintf(" (+%d more)", len(keys)-n)
	}
	return s
}

// WriteText prints the report for people.
func (r *ClusterReport) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "utterance clusters %s on %s: %d articles, %d gold quotes in %d utterances (%d found by extraction, %d drifted)\n"+
		"same-utterance pairs: gold %d, system %d, both %d\nprecision %.3f  recall %.3f\n",
		r.Gold, r.Dir, r.Articles, r.Quotes, r.Clusters, r.Found, r.Drifted, r.GoldPairs, r.SystemPairs, r.BothPairs, r.Precision, r.Recall)
	if err != nil {
		return err
	}
	if len(r.Splits) > 0 {
		if _, err := fmt.Fprintf(w, "split pairs: %s\n", classCounts(SplitClasses, r.Splits)); err != nil {
			return err
		}
	}
	if len(r.SplitSpeakers) > 0 {
		if _, err := fmt.Fprintf(w, "split pairs found by extraction, by speakers: %s\n", classCounts(SpeakerClasses, r.SplitSpeakers)); err != nil {
			return err
		}
	}
	if len(r.SplitUtterances) > 0 {
		if _, err := fmt.Fprintf(w, "split pairs by utterance: %s\n", topCounts(r.SplitUtterances, splitUtterancesShown)); err != nil {
			return err
		}
	}
	for _, m := range r.Misses {
		kind := m.Kind
		if m.Class != "" {
			kind += " (" + m.Class + ")"
		}
		if m.GoldA == m.GoldB {
			kind += " " + m.GoldA
		} else {
			kind += " " + m.GoldA + "/" + m.GoldB
		}
		if _, err := fmt.Fprintf(w, "%s\n  %s\n  %s\n", kind, m.A, m.B); err != nil {
			return err
		}
	}
	return nil
}
