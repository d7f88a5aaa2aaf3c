package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// Expected is a hand-made reference answer for one article, as in
// ../shared/data/seed/helsinki-midterms.expected.json. Spans are [start,
// end) code points; source and cue are null for a quote standing alone.
type Expected struct {
	// Article is the text file, relative to the reference file.
	Article      string                `json:"article"`
	About        string                `json:"about,omitempty"`
	Attributions []ExpectedAttribution `json:"attributions"`
	// Entities maps canonical speakers to the mentions that refer to them.
	Entities map[string][]string `json:"entities,omitempty"`
	// MustNot states, in prose, what must not be reported; phrases quoted
	// in it ('...') are checked against the predictions.
	MustNot []string `json:"must_not,omitempty"`
	// NotSpeakers are spans that name no speaker (photo credits, bylines);
	// optional, the seed file does not list any.
	NotSpeakers []ExpectedSpan `json:"not_speakers,omitempty"`
}

// ExpectedSpan is a reference span that names no speaker.
type ExpectedSpan struct {
	Text string `json:"text"`
	Span [2]int `json:"span"`
}

// ExpectedAttribution is one reference attribution.
type ExpectedAttribution struct {
	Kind            string     `json:"kind"`
	Speaker         string     `json:"speaker"`
	SourceText      *string    `json:"source_text"`
	SourceSpan      *[2]int    `json:"source_span"`
	CueText         *string    `json:"cue_text"`
	CueSpan         *[2]int    `json:"cue_span"`
	ContentText     string     `json:"content_text"`
	ContentSpan     [2]int     `json:"content_span"`
	Channel         *string    `json:"channel,omitempty"`
	AccordingTo     StringList `json:"according_to,omitempty"`
	ReporterMarkers []string   `json:"reporter_markers,omitempty"`
	Note            string     `json:"note,omitempty"`
}

// ReadExpected reads a reference answer and the article text it refers to
// (its "article" field, relative to the reference file), and checks that
// every reference span's text is what the article holds there.
func ReadExpected(path string) (*Expected, string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("expected: %w", err)
	}
	var ref Expected
	if err := json.Unmarshal(raw, &ref); err != nil {
		return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "%s: %v", path, err)
	}
	if ref.Article == "" {
		return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "%s: no \"article\" field naming the text", path)
	}
	articlePath := ref.Article
	if !filepath.IsAbs(articlePath) {
		articlePath = filepath.Join(filepath.Dir(path), articlePath)
	}
	textBytes, err := os.ReadFile(articlePath)
	if err != nil {
		return nil, "", fmt.Errorf("expected %s: article: %w", path, err)
	}
	text := string(textBytes)
	runes := []rune(text)
	check := func(i int, role string, span *[2]int, want *string) error {
		if span == nil {
			return nil
		}
		s, e := span[0], span[1]
		if s < 0 || e < s || e > len(runes) {
			return claimtrail.Errorf(claimtrail.EINVALID, "%s: attribution %d: %s span %d-%d outside the article's %d code points", path, i+1, role, s, e, len(runes))
		}
		if want != nil && string(runes[s:e]) != *want {
			return claimtrail.Errorf(claimtrail.EINVALID, "%s: attribution %d: %s span %d-%d holds %q, the file says %q", path, i+1, role, s, e, string(runes[s:e]), *want)
		}
		return nil
	}
	for i, a := range ref.Attributions {
		if err := cmpErr(check(i, "source", a.SourceSpan, a.SourceText), check(i, "cue", a.CueSpan, a.CueText), check(i, "content", &a.ContentSpan, &a.ContentText)); err != nil {
			return nil, "", err
		}
	}
	return &ref, text, nil
}

// StringList reads a JSON string or array of strings ("according_to" is
// written both ways by hand).
type StringList []string

// UnmarshalJSON accepts "a", ["a", "b"] and null.
func (l *StringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*l = StringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want a string or a list of strings: %w", err)
	}
	*l = many
	return nil
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// MinCoverage is the share of a reference content span a prediction's
// content must cover for the reference to count as found.
const MinCoverage = 0.8

// ExpectedReport is the outcome of checking predictions against a
// reference answer.
type ExpectedReport struct {
	Article string `json:"article"`
	Total   int    `json:"total"`
	// Found counts references matched by a prediction with the right
	// speaker; WrongSpeaker those whose content was found but only with
	// another speaker; Missing the rest.
	Found        int            `json:"found"`
	WrongSpeaker int            `json:"wrong_speaker"`
	Missing      int            `json:"missing"`
	Items        []ExpectedItem `json:"items"`
	// Extra are predictions that match no reference.
	Extra []PredictionSummary `json:"extra"`
	// Violations are predictions that break a stated rule: a source in a
	// photo-credit line or a not_speakers span, or content over a phrase
	// the reference says must not be an attribution.
	Violations []Violation `json:"violations"`
	// Predicted is the number of predicted attributions.
	Predicted int `json:"predicted"`
}

// Status of one reference attribution.
const (
	StatusFound        = "found"
	StatusWrongSpeaker = "wrong-speaker"
	StatusMissing      = "missing"
)

// ExpectedItem is the result for one reference attribution.
type ExpectedItem struct {
	Index       int    `json:"index"` // 1-based position in the file
	Status      string `json:"status"`
	Speaker     string `json:"speaker"`
	Kind        string `json:"kind"`
	ContentSpan [2]int `json:"content_span"`
	Content     string `json:"content"`
	// Predicted is the prediction used (found) or the best-covering one
	// (wrong speaker); nil when missing.
	Predicted *PredictionSummary `json:"predicted,omitempty"`
	// Coverage is the share of the reference content the prediction
	// covers.
	Coverage float64 `json:"coverage"`
}

// PredictionSummary identifies a predicted attribution in a report.
type PredictionSummary struct {
	Index   int    `json:"index"` // 0-based position in the extraction
	Speaker string `json:"speaker"`
	Source  string `json:"source,omitempty"`
	Cue     string `json:"cue,omitempty"`
	Content string `json:"content"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Violation is a prediction that breaks a rule of the reference.
type Violation struct {
	Rule       string            `json:"rule"`
	Prediction PredictionSummary `json:"prediction"`
}

func summarize(i int, a *claimtrail.Attribution) PredictionSummary {
	s := PredictionSummary{Index: i, Speaker: a.Speaker.Name, Content: a.ContentText()}
	if a.Source != nil {
		s.Source = a.Source.Text
	}
	if a.Cue != nil {
		s.Cue = a.Cue.Text
	}
	if env, ok := envelope(a.Content); ok {
		s.Start, s.End = env.Start, env.End
	}
	return s
}

// SpeakerMatches reports whether a predicted speaker name is the
// reference's: equal ignoring case, or one containing the other ("Trump"
// and "Donald Trump"). An empty name matches nothing.
func SpeakerMatches(reference, predicted string) bool {
	r := strings.ToLower(strings.Join(strings.Fields(reference), " "))
	p := strings.ToLower(strings.Join(strings.Fields(predicted), " "))
	if r == "" || p == "" {
		return false
	}
	return r == p || strings.Contains(r, p) || strings.Contains(p, r)
}

// coverage is the share of ref covered by pred.
func coverage(ref, pred Span) float64 {
	if ref.Len() <= 0 {
		return 0
	}
	inter := min(ref.End, pred.End) - max(ref.Start, pred.Start)
	if inter <= 0 {
		return 0
	}
	return float64(inter) / float64(ref.Len())
}

// CheckExpected compares an extraction of the reference's article with
// the reference.
//
// A reference is found when a prediction whose content envelope covers at
// least MinCoverage of the reference content span has a matching speaker
// (SpeakerMatches). Pairing is one-to-one (a maximum matching, so a
// prediction whose content swallows two quotes finds only one of them).
// A reference left unpaired is wrong-speaker when some prediction covers
// its content anyway, missing otherwise. Predictions paired with nothing
// and covering no reference are extra.
func CheckExpected(ref *Expected, text string, out *claimtrail.Extraction) *ExpectedReport {
	rep := &ExpectedReport{Article: ref.Article, Total: len(ref.Attributions)}
	var preds []claimtrail.Attribution
	if out != nil {
		preds = out.Attributions
	}
	rep.Predicted = len(preds)
	predSpans := make([]Span, len(preds))
	hasContent := make([]bool, len(preds))
	for i := range preds {
		predSpans[i], hasContent[i] = envelope(preds[i].Content)
	}
	refSpans := make([]Span, len(ref.Attributions))
	for i, a := range ref.Attributions {
		refSpans[i] = Span{a.ContentSpan[0], a.ContentSpan[1]}
	}

	// Bipartite matching: reference i may take prediction j when the
	// content is covered and the speaker matches.
	cands := make([][]int, len(refSpans))
	covers := make([]bool, len(preds)) // j covers some reference
	for i, rs := range refSpans {
		for j := range preds {
			if !hasContent[j] || coverage(rs, predSpans[j]) < MinCoverage {
				continue
			}
			covers[j] = true
			if SpeakerMatches(ref.Attributions[i].Speaker, preds[j].Speaker.Name) {
				cands[i] = append(cands[i], j)
			}
		}
	}
	refOf := make([]int, len(preds)) // prediction → matched reference + 1
	var augment func(i int, seen []bool) bool
	augment = func(i int, seen []bool) bool {
		for _, j := range cands[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if refOf[j] == 0 || augment(refOf[j]-1, seen) {
				refOf[j] = i + 1
				return true
			}
		}
		return false
	}
	for i := range refSpans {
		augment(i, make([]bool, len(preds)))
	}
	predOf := make([]int, len(refSpans))
	for i := range predOf {
		predOf[i] = -1
	}
	for j, r := range refOf {
		if r > 0 {
			predOf[r-1] = j
		}
	}

	for i, a := range ref.Attributions {
		item := ExpectedItem{Index: i + 1, Speaker: a.Speaker, Kind: a.Kind, ContentSpan: a.ContentSpan, Content: a.ContentText}
		best, bestCov := -1, 0.0
		if j := predOf[i]; j >= 0 {
			best, bestCov = j, coverage(refSpans[i], predSpans[j])
			item.Status = StatusFound
			rep.Found++
		} else {
			for j := range preds {
				if c := coverage(refSpans[i], predSpans[j]); hasContent[j] && c >= MinCoverage && c > bestCov {
					best, bestCov = j, c
				}
			}
			if best >= 0 {
				item.Status = StatusWrongSpeaker
				rep.WrongSpeaker++
			} else {
				item.Status = StatusMissing
				rep.Missing++
			}
		}
		if best >= 0 {
			s := summarize(best, &preds[best])
			item.Predicted, item.Coverage = &s, bestCov
		}
		rep.Items = append(rep.Items, item)
	}
	for j := range preds {
		if refOf[j] == 0 && !covers[j] {
			rep.Extra = append(rep.Extra, summarize(j, &preds[j]))
		}
	}
	rep.Violations = violations(ref, text, preds)
	return rep
}

// violations finds predictions that break the reference's stated rules:
//   - a source inside a photo-credit line ("Jane Roe Getty Images")
//     or a not_speakers span, or a speaker named only there;
//   - a source or content over a phrase quoted in must_not ("'reportedly
//     lasted two hours' is an unattributed report").
func violations(ref *Expected, text string, preds []claimtrail.Attribution) []Violation {
	type zone struct {
		span Span
		rule string
		// content: the rule also applies to content spans, not only to
		// sources.
		content bool
		// name is the zone's text, to catch a speaker named only there.
		name string
	}
	var zones []zone
	for _, line := range CreditLines(text) {
		zones = append(zones, zone{span: line.Span, rule: "source in a photo-credit line: " + line.Text, name: line.Text})
	}
	for _, ns := range ref.NotSpeakers {
		zones = append(zones, zone{span: Span{ns.Span[0], ns.Span[1]}, rule: "source in a not_speakers span: " + ns.Text, name: ns.Text})
	}
	runes := []rune(text)
	for _, rule := range ref.MustNot {
		for _, phrase := range quotedPhrases(rule) {
			for _, at := range findAll(runes, []rune(phrase)) {
				zones = append(zones, zone{span: Span{at, at + len([]rune(phrase))}, rule: "must_not: " + rule, content: true})
			}
		}
	}
	var out []Violation
	for j := range preds {
		a := &preds[j]
		for _, z := range zones {
			hit := a.Source != nil && coverage(Span{a.Source.Start, a.Source.End}, z.span) > 0
			if !hit && z.name != "" && a.Source == nil && a.Speaker.Name != "" {
				hit = strings.Contains(strings.ToLower(z.name), strings.ToLower(a.Speaker.Name))
			}
			if !hit && z.content {
				env, ok := envelope(a.Content)
				hit = ok && coverage(z.span, env) >= 0.5
			}
			if hit {
				out = append(out, Violation{Rule: z.rule, Prediction: summarize(j, a)})
			}
		}
	}
	return out
}

// quotedPhrases returns the phrases in single or double quotes in s
// ('However, there is no ...', “...”), which is how the reference's prose
// rules point at the text.
var quotedPhraseRE = regexp.MustCompile(`'([^']{3,})'|"([^"]{3,})"|‘([^’]{3,})’|“([^”]{3,})”`)

func quotedPhrases(s string) []string {
	var out []string
	for _, m := range quotedPhraseRE.FindAllStringSubmatch(s, -1) {
		for _, g := range m[1:] {
			if g != "" {
				out = append(out, g)
			}
		}
	}
	return out
}

// findAll returns the code-point offsets of every occurrence of needle.
func findAll(hay, needle []rune) []int {
	var out []int
	if len(needle) == 0 {
		return nil
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if hay[i] == needle[0] && string(hay[i:i+len(needle)]) == string(needle) {
			out = append(out, i)
		}
	}
	return out
}

// CreditLine is a line of an article that is a photo credit.
type CreditLine struct {
	Span Span
	Text string
}

// creditSuffixes end a photo-credit line ("Jane Roe Getty Images",
// "Evan Vucci / AP").
// Words that also end ordinary short lines ("swimming pool", "Michael
// Bloomberg") are left out.
var creditSuffixes = []string{
	"getty images", "getty", "ap", "ap photo", "associated press", "reuters",
	"afp", "epa", "epa-efe", "shutterstock", "alamy", "xinhua",
	"zuma press", "rex features", "rex/shutterstock", "pa images", "pa wire",
}

// creditPrefixes start a photo-credit line ("Photo: ...").
var creditPrefixes = []string{"photo:", "photograph:", "photo by", "credit:", "image:", "picture:", "photo credit:", "(photo"}

// CreditLines finds lines of text that are photo credits: short (at most
// eight words), not a sentence (no final . ! ? or quote mark), and either
// ending in an agency name or starting with "Photo:"-style words. The
// checker reports predictions whose source lies in one.
func CreditLines(text string) []CreditLine {
	var out []CreditLine
	offset := 0 // code points
	for line := range strings.SplitSeq(text, "\n") {
		n := len([]rune(line))
		trimmed := strings.TrimSpace(line)
		if isCreditLine(trimmed) {
			lead := len([]rune(line)) - len([]rune(strings.TrimLeftFunc(line, unicode.IsSpace)))
			out = append(out, CreditLine{Span: Span{offset + lead, offset + lead + len([]rune(trimmed))}, Text: trimmed})
		}
		offset += n + 1
	}
	return out
}

func isCreditLine(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	last, _ := lastRune(line)
	if strings.ContainsRune(".!?\"”’:;,", last) {
		return false
	}
	lower := strings.ToLower(strings.Join(words, " "))
	for _, p := range creditPrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	for _, s := range creditSuffixes {
		// The agency must be whole words and follow a name or a slash.
		if rest, ok := strings.CutSuffix(lower, s); ok && rest != "" && (strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "/")) {
			return true
		}
	}
	return false
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}
