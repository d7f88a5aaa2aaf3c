package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// BASIL marks only the quotes that carry bias, so it measures how many of
// the marked quotes we find (recall) and whether we give them the right
// speaker, not precision. The rule follows its README: a marked quote is
// found when one content piece of an attribution covers at least half of
// its quoted characters; a speaker is right when the canonical names agree
// (surnames agree, given names do not conflict). Group labels are loose
// ("Republican Lawmakers" for one congressman), so speaker accuracy is
// judged on named persons.

// BasilQuote is one line of BASIL's quotes.jsonl.
type BasilQuote struct {
	File    string   `json:"file"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Quoted  [][2]int `json:"quoted"`
	Speaker *string  `json:"speaker"`
	Outlet  string   `json:"outlet"`
}

// BasilReport is the outcome of `claimtrail eval basil`.
type BasilReport struct {
	Dir              string `json:"dir"`
	ExtractorVersion string `json:"extractor_version"`
	Articles         int    `json:"articles"`
	Quotes           int    `json:"quotes"`
	// Found counts marked quotes that a content piece covers (≥ half of
	// their quoted characters); FoundVerbatim those that an attribution's
	// verbatim Quotes cover, for the marked quotes in quote marks.
	Found         int `json:"found"`
	InMarks       int `json:"in_marks"`
	FoundVerbatim int `json:"found_verbatim"`
	// Named counts marked quotes with a named speaker; Persons those whose
	// speaker is a named person. The *Found fields count those found, the
	// *Right fields those found with the right speaker.
	Named        int `json:"named"`
	NamedFound   int `json:"named_found"`
	NamedRight   int `json:"named_right"`
	Persons      int `json:"persons"`
	PersonsFound int `json:"persons_found"`
	PersonsRight int `json:"persons_right"`
	// Misses lists what went wrong, for reading by hand.
	Misses []BasilMiss `json:"misses,omitempty"`
}

// BasilMiss is a marked quote not found, or found with the wrong speaker.
type BasilMiss struct {
	File      string `json:"file"`
	Quote     string `json:"quote"`
	Speaker   string `json:"speaker,omitempty"`
	Predicted string `json:"predicted,omitempty"`
	// Kind is "not-found" or "wrong-speaker".
	Kind string `json:"kind"`
}

// ReadBasilQuotes reads DIR/quotes.jsonl.
func ReadBasilQuotes(dir string) ([]BasilQuote, error) {
	path := filepath.Join(dir, "quotes.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("basil: %w", err)
	}
	defer f.Close()
	var out []BasilQuote
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q BasilQuote
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("basil %s:%d: %w", path, line, err)
		}
		if q.File == "" || len(q.Quoted) == 0 {
			return nil, fmt.Errorf("basil %s:%d: quote without file or quoted parts", path, line)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("basil %s: %w", path, err)
	}
	return out, nil
}

// Basil extracts every article of a BASIL split that has marked quotes
// and scores recall and speakers. Articles are read from DIR/text.
func Basil(ctx context.Context, dir string, ex claimtrail.Extractor) (*BasilReport, error) {
	quotes, err := ReadBasilQuotes(dir)
	if err != nil {
		return nil, err
	}
	byFile := map[string][]BasilQuote{}
	var files []string
	for _, q := range quotes {
		if _, ok := byFile[q.File]; !ok {
			files = append(files, q.File)
		}
		byFile[q.File] = append(byFile[q.File], q)
	}
	slices.Sort(files)
	rep := &BasilReport{Dir: dir, ExtractorVersion: ex.Version(), Articles: len(files)}
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", file))
		if err != nil {
			return nil, fmt.Errorf("basil: %w", err)
		}
		x, err := ex.Extract(ctx, string(raw))
		if err != nil {
			return nil, fmt.Errorf("basil: extract %s: %w", file, err)
		}
		for _, q := range byFile[file] {
			rep.score(q, x.Attributions)
		}
	}
	return rep, nil
}

func (r *BasilReport) score(q BasilQuote, atts []claimtrail.Attribution) {
	r.Quotes++
	want := 0
	for _, p := range q.Quoted {
		want += p[1] - p[0]
	}
	inMarks := len(q.Quoted) != 1 || q.Quoted[0] != [2]int{q.Start, q.End}
	if inMarks {
		r.InMarks++
	}
	// the attribution whose content covers most of the quoted characters
	best, bestCover := -1, 0
	verbatim := false
	for i := range atts {
		a := &atts[i]
		for _, c := range a.Content {
			if n := covered(q.Quoted, c.Start, c.End); n > bestCover {
				best, bestCover = i, n
			}
		}
		if inMarks {
			n := 0
			for _, v := range a.Quotes {
				n += covered(q.Quoted, v.Start, v.End)
			}
			if 2*n >= want {
				verbatim = true
			}
		}
	}
	found := want > 0 && 2*bestCover >= want
	if found {
		r.Found++
	}
	if verbatim {
		r.FoundVerbatim++
	}
	speaker := ""
	if q.Speaker != nil {
		speaker = *q.Speaker
	}
	person := speaker != "" && IsPersonLabel(speaker)
	if speaker != "" {
		r.Named++
	}
	if person {
		r.Persons++
	}
	if !found {
		r.Misses = append(r.Misses, BasilMiss{File: q.File, Quote: q.Text, Speaker: speaker, Kind: "not-found"})
		return
	}
	if speaker == "" {
		return
	}
	predicted := atts[best].Speaker.Name
	right := SameSpeaker(speaker, predicted)
	r.NamedFound++
	if right {
		r.NamedRight++
	}
	if person {
		r.PersonsFound++
		if right {
			r.PersonsRight++
		}
	}
	if !right {
		r.Misses = append(r.Misses, BasilMiss{File: q.File, Quote: q.Text, Speaker: speaker, Predicted: predicted, Kind: "wrong-speaker"})
	}
}

// covered counts the characters of parts inside [start, end).
func covered(parts [][2]int, start, end int) int {
	n := 0
	for _, p := range parts {
		if lo, hi := max(p[0], start), min(p[1], end); hi > lo {
			n += hi - lo
		}
	}
	return n
}

// groupWords mark a speaker label as a group or organisation, not a
// person: BASIL's labels for campaigns, parties, officials and the like.
var groupWords = map[string]bool{
	"campaign": true, "party": true, "lawmakers": true, "officials": true,
	"democrats": true, "republicans": true, "companies": true, "catholics": true,
	"plaintiffs": true, "protestors": true, "protesters": true, "now": true,
	"america": true, "house": true, "department": true, "committee": true,
	"administration": true, "council": true, "association": true, "union": true,
}

// IsPersonLabel reports whether a gold speaker label names a person: two or
// three capitalised words, none of them a word for a group.
func IsPersonLabel(label string) bool {
	words := strings.Fields(label)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || groupWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// SameSpeaker reports whether a predicted speaker name agrees with a gold
// label: the surnames (last words) agree and the given names, when both
// have one, do not conflict (one is a prefix of the other: "Rick" and
// "Richard" conflict, "Joe" and "Joe R." do not). Case and punctuation
// are ignored. A group label agrees when every word of the shorter name
// appears in the longer one.
func SameSpeaker(gold, predicted string) bool {
	g, p := nameWords(gold), nameWords(predicted)
	if len(g) == 0 || len(p) == 0 {
		return false
	}
	if !IsPersonLabel(gold) {
		short, long := g, p
		if len(short) > len(long) {
			short, long = long, short
		}
		for _, w := range short {
			if !slices.Contains(long, w) && !slices.Contains(long, strings.TrimSuffix(w, "s")) && !slices.Contains(long, w+"s") {
				return false
			}
		}
		return true
	}
	if g[len(g)-1] != p[len(p)-1] {
		return false
	}
	if len(g) > 1 && len(p) > 1 {
		a, b := g[0], p[0]
		if !strings.HasPrefix(a, b) && !strings.HasPrefix(b, a) {
			return false
		}
	}
	return true
}

// nameWords lower-cases a name and drops punctuation and suffixes such as
// "Jr." that do not tell people apart.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		switch w {
		case "jr", "sr", "ii", "iii":
			continue
		}
		out = append(out, w)
	}
	return out
}

// WriteText prints the report for humans; verbose adds every miss.
func (r *BasilReport) WriteText(w io.Writer) error {
	ratio := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%d/%d = %.1f%%", a, b, 100*float64(a)/float64(b))
	}
	lines := []string{
		fmt.Sprintf("BASIL %s (extractor %s): %d articles, %d marked quotes", r.Dir, r.ExtractorVersion, r.Articles, r.Quotes),
		"found (a content piece covers ≥ half):  " + ratio(r.Found, r.Quotes),
		"in quote marks, found verbatim (quotes): " + ratio(r.FoundVerbatim, r.InMarks),
		"named speaker, found:                    " + ratio(r.NamedFound, r.Named),
		"named speaker, right of found:           " + ratio(r.NamedRight, r.NamedFound),
		"named person, found:                     " + ratio(r.PersonsFound, r.Persons),
		"named person, right of found:            " + ratio(r.PersonsRight, r.PersonsFound),
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

// WriteMisses prints each miss on a line, for reading by hand.
func (r *BasilReport) WriteMisses(w io.Writer) error {
	for _, m := range r.Misses {
		var err error
		if m.Kind == "wrong-speaker" {
			_, err = fmt.Fprintf(w, "%s  %s: %q  gold %q, predicted %q\n", m.Kind, m.File, clip(m.Quote, 80), m.Speaker, m.Predicted)
		} else {
			_, err = fmt.Fprintf(w, "%s  %s: %q  (%s)\n", m.Kind, m.File, clip(m.Quote, 80), m.Speaker)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
