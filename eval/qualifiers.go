package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/claimtrail/claimtrail"
)

// QualifierStats counts what the qualify step attached to the attributions
// of a set of articles: relays (according_to), reporter markers by type and
// channels. There is no gold for these on real news, so the rates per
// 1,000 attributions are what a session compares before and after a rule
// change (and what a hand check then samples from).
type QualifierStats struct {
	Articles     int `json:"articles"`
	Failed       int `json:"failed"`
	Attributions int `json:"attributions"`
	// WithRelay counts attributions with at least one relay; Relays counts
	// each relay name once per attribution.
	WithRelay int            `json:"with_relay"`
	Relays    map[string]int `json:"relays"`
	// Markers counts attribution markers by type; ArticleMarkers the
	// article-level ones (attached to no statement).
	Markers        map[string]int `json:"markers"`
	ArticleMarkers map[string]int `json:"article_markers"`
	// WithMarker counts attributions with at least one marker.
	WithMarker int            `json:"with_marker"`
	Channels   map[string]int `json:"channels"`
}

// NewQualifierStats returns empty counts.
func NewQualifierStats() *QualifierStats {
	return &QualifierStats{Relays: map[string]int{}, Markers: map[string]int{},
		ArticleMarkers: map[string]int{}, Channels: map[string]int{}}
}

// Add counts one article's extraction; nil counts as a failed article.
func (s *QualifierStats) Add(x *claimtrail.Extraction) {
	if x == nil {
		s.Failed++
		return
	}
	s.Articles++
	for i := range x.Attributions {
		a := &x.Attributions[i]
		s.Attributions++
		if len(a.AccordingTo) > 0 {
			s.WithRelay++
		}
		for _, r := range a.AccordingTo {
			s.Relays[r]++
		}
		if len(a.Markers) > 0 {
			s.WithMarker++
		}
		for _, m := range a.Markers {
			s.Markers[string(m.Type)]++
		}
		if a.Channel != "" {
			s.Channels[string(a.Channel)]++
		}
	}
	for _, m := range x.Markers {
		s.ArticleMarkers[string(m.Type)]++
	}
}

// AddJSONL counts the output of `claimtrail extract` (one object per line;
// lines with an "error" count as failed), so that the output of an older
// binary can be counted the same way.
func (s *QualifierStats) AddJSONL(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec struct {
			Error string `json:"error"`
			claimtrail.Extraction
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("qualifiers %s:%d: %w", name, line, err)
		}
		if rec.Error != "" {
			s.Add(nil)
			continue
		}
		s.Add(&rec.Extraction)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("qualifiers %s: %w", name, err)
	}
	return nil
}

// PerThousand is n per 1,000 attributions.
func (s *QualifierStats) PerThousand(n int) float64 {
	if s.Attributions == 0 {
		return 0
	}
	return 1000 * float64(n) / float64(s.Attributions)
}

type countRow struct {
	key string
	n   int
}

// sortedCounts lists m by count, largest first, then by key.
func sortedCounts(m map[string]int) []countRow {
	rows := make([]countRow, 0, len(m))
	for k, n := range m {
		rows = append(rows, countRow{k, n})
	}
	slices.SortFunc(rows, func(a, b countRow) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	return rows
}

// WriteText prints the counts and rates per 1,000 attributions; relay
// names beyond the 20 most frequent are summed up in one line.
func (s *QualifierStats) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "articles %d (failed %d), attributions %d\n", s.Articles, s.Failed, s.Attributions)
	line := func(label string, n int) {
		fmt.Fprintf(bw, "  %-22s %6d  %6.1f per 1,000\n", label, n, s.PerThousand(n))
	}
	fmt.Fprintln(bw, "relays")
	line("any relay", s.WithRelay)
	for i, r := range sortedCounts(s.Relays) {
		if i == 20 {
			rest := 0
			for _, r := range sortedCounts(s.Relays)[20:] {
				rest += r.n
			}
			line(fmt.Sprintf("(%d others)", len(s.Relays)-20), rest)
			break
		}
		line(r.key, r.n)
	}
	fmt.Fprintln(bw, "markers on attributions")
	line("any marker", s.WithMarker)
	for _, t := range claimtrail.MarkerTypes {
		line(string(t), s.Markers[string(t)])
	}
	fmt.Fprintln(bw, "article-level markers (count, per 1,000 attributions)")
	for _, t := range claimtrail.MarkerTypes {
		line(string(t), s.ArticleMarkers[string(t)])
	}
	fmt.Fprintln(bw, "channels")
	total := 0
	for _, r := range sortedCounts(s.Channels) {
		total += r.n
	}
	line("any channel", total)
	for _, r := range sortedCounts(s.Channels) {
		line(r.key, r.n)
	}
	return bw.Flush()
}
