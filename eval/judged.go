package eval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

// The judged set: attributions the extractor printed on real news pages,
// each judged by hand (right, not speech, wrong speaker, bad boundary,
// fragment source). PolNeAR measures agreement with one annotation
// scheme; this measures what a reader of the output sees on pages from
// many outlets. Pages are not ours, so a label stores no text: it names
// the page, the code-point offsets of the cue and the content, and a
// hash of the cue, source, content and speaker, so that a label only
// counts for the very attribution that was judged.

// Judgement values. Only JudgedRight is right; the others say how an
// attribution is wrong, most severe first.
const (
	JudgedRight        = "right"
	JudgedNotSpeech    = "not-speech"
	JudgedWrongSpeaker = "wrong-speaker"
	JudgedBoundary     = "boundary"
	JudgedFragment     = "fragment"
)

// JudgedLabels lists the judgement values, in report order.
var JudgedLabels = []string{JudgedRight, JudgedNotSpeech, JudgedWrongSpeaker, JudgedBoundary, JudgedFragment}

// JudgedKey identifies one printed attribution of one page.
type JudgedKey struct {
	Page                     string
	CueStart, CueEnd         int // -1, -1 without a cue
	ContentStart, ContentEnd int // first piece's start, last piece's end; -1 without content
	Hash                     string
}

// Judgement is one hand label.
type Judgement struct {
	JudgedKey
	Label string
}

// KeyOf is the key of attribution a on page: offsets as printed and the
// first 12 hex digits of SHA-256 over source, cue, content and speaker.
func KeyOf(page string, a claimtrail.Attribution) JudgedKey {
	k := JudgedKey{Page: page, CueStart: -1, CueEnd: -1, ContentStart: -1, ContentEnd: -1}
	h := sha256.New()
	if a.Source != nil {
		io.WriteString(h, a.Source.Text)
	}
	io.WriteString(h, "\x1f")
	if a.Cue != nil {
		k.CueStart, k.CueEnd = a.Cue.Start, a.Cue.End
		io.WriteString(h, a.Cue.Text)
	}
	for _, c := range a.Content {
		io.WriteString(h, "\x1f")
		io.WriteString(h, c.Text)
	}
	if len(a.Content) > 0 {
		k.ContentStart, k.ContentEnd = a.Content[0].Start, a.Content[len(a.Content)-1].End
	}
	io.WriteString(h, "\x1e")
	io.WriteString(h, a.Speaker.Name)
	k.Hash = hex.EncodeToString(h.Sum(nil))[:12]
	return k
}

// String is the key as the first six tab-separated fields of a label line.
func (k JudgedKey) String() string {
	return fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%s", k.Page, k.CueStart, k.CueEnd, k.ContentStart, k.ContentEnd, k.Hash)
}

// ReadJudgements reads a label file: lines "page cue_start cue_end
// content_start content_end hash label" separated by tabs, blank lines and
// lines starting with '#' ignored, anything after the label (a seventh
// tab) ignored too.
func ReadJudgements(r io.Reader) ([]Judgement, error) {
	var out []Judgement
	sc := bufio.NewScanner(r)
	valid := map[string]bool{}
	for _, l := range JudgedLabels {
		valid[l] = true
	}
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("judgements line %d: %d fields, want 7", line, len(f))
		}
		var n [4]int
		for i := range n {
			v, err := strconv.Atoi(f[1+i])
			if err != nil {
				return nil, fmt.Errorf("judgements line %d: field %d: %w", line, 2+i, err)
			}
			n[i] = v
		}
		if !valid[f[6]] {
			return nil, fmt.Errorf("judgements line %d: label %q, want one of %s", line, f[6], strings.Join(JudgedLabels, ", "))
		}
		out = append(out, Judgement{JudgedKey{f[0], n[0], n[1], n[2], n[3], f[5]}, f[6]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read judgements: %w", err)
	}
	return out, nil
}

// JudgedReport is the precision of the current output on the judged pages.
type JudgedReport struct {
	Pages     int            `json:"pages"`
	Printed   int            `json:"printed"`    // attributions printed on those pages now
	Matched   int            `json:"matched"`    // of them, ones with a label
	Moved     int            `json:"moved"`      // matched by hash though their offsets moved
	Labels    map[string]int `json:"labels"`     // matched, by label
	Unjudged  int            `json:"unjudged"`   // printed without a label
	Vanished  int            `json:"vanished"`   // labels whose attribution is no longer printed
	DroppedOK int            `json:"dropped_ok"` // of those, labels that were wrong (dropping them was right)
	// Precision is right / matched; WrongSpeaker is wrong-speaker / matched.
	Precision    float64         `json:"precision"`
	WrongSpeaker float64         `json:"wrong_speaker"`
	Open         []JudgedPrinted `json:"unjudged_list,omitempty"`
}

// JudgedPrinted is a printed attribution with no label, for a person to
// judge: its key and, for display only, its words.
type JudgedPrinted struct {
	Key     JudgedKey `json:"key"`
	Source  string    `json:"source"`
	Cue     string    `json:"cue"`
	Content string    `json:"content"`
	Speaker string    `json:"speaker"`
}

// PagePath finds page's HTML under dir: DIR/PAGE/source.html (the layout
// of go-readability's test pages) or DIR/PAGE.html.
func PagePath(dir, page string) (string, error) {
	for _, p := range []string{filepath.Join(dir, page, "source.html"), filepath.Join(dir, page+".html")} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("page %s: neither %s/source.html nor %s.html under %s", page, page, page, dir)
}

// Judged extracts every page the labels name (found under dir by
// PagePath, read as claimtrail ingest reads them) and scores the output
// against the labels. A label matches a printed attribution with the same
// key; failing that, one with the same page and hash when exactly one
// has it (the text around it moved). extra names more pages to extract
// (pages still to judge). With list, unlabelled attributions are
// returned in Open.
func Judged(ctx context.Context, labels []Judgement, extra []string, dir string, ex claimtrail.Extractor, list bool) (*JudgedReport, error) {
	byPage := map[string][]Judgement{}
	var pages []string
	for _, p := range extra {
		if _, ok := byPage[p]; !ok {
			byPage[p] = nil
			pages = append(pages, p)
		}
	}
	for _, j := range labels {
		if _, ok := byPage[j.Page]; !ok {
			pages = append(pages, j.Page)
		}
		byPage[j.Page] = append(byPage[j.Page], j)
	}
	sort.Strings(pages)
	rep := &JudgedReport{Pages: len(pages), Labels: map[string]int{}}
	for _, page := range pages {
		atts, err := extractPage(ctx, dir, page, ex)
		if err != nil {
			return nil, err
		}
		exact := map[JudgedKey]string{}
		byHash := map[string][]string{}
		used := map[JudgedKey]bool{}
		for _, j := range byPage[page] {
			exact[j.JudgedKey] = j.Label
			byHash[j.Hash] = append(byHash[j.Hash], j.Label)
		}
		hashCount := map[string]int{}
		for _, a := range atts {
			hashCount[KeyOf(page, a).Hash]++
		}
		for _, a := range atts {
			rep.Printed++
			k := KeyOf(page, a)
			label, ok := exact[k]
			if ok {
				used[k] = true
			} else if ls := byHash[k.Hash]; len(ls) == 1 && hashCount[k.Hash] == 1 {
				label, ok = ls[0], true
				rep.Moved++
				for _, j := range byPage[page] {
					if j.Hash == k.Hash {
						used[j.JudgedKey] = true
					}
				}
			}
			if !ok {
				rep.Unjudged++
				if list {
					rep.Open = append(rep.Open, printed(k, a))
				}
				continue
			}
			rep.Matched++
			rep.Labels[label]++
		}
		for _, j := range byPage[page] {
			if !used[j.JudgedKey] {
				rep.Vanished++
				if j.Label != JudgedRight {
					rep.DroppedOK++
				}
			}
		}
	}
	if rep.Matched > 0 {
		rep.Precision = float64(rep.Labels[JudgedRight]) / float64(rep.Matched)
		rep.WrongSpeaker = float64(rep.Labels[JudgedWrongSpeaker]) / float64(rep.Matched)
	}
	return rep, nil
}

// extractPage returns the attributions the extractor prints for page
// under dir, reading the HTML as claimtrail ingest does.
func extractPage(ctx context.Context, dir, page string, ex claimtrail.Extractor) ([]claimtrail.Attribution, error) {
	path, err := PagePath(dir, page)
	if err != nil {
		return nil, err
	}
	var atts []claimtrail.Attribution
	err = ingest.Walk(ctx, []string{path}, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return fmt.Errorf("page %s: %w", page, it.Err)
		}
		x, err := ex.Extract(ctx, it.Article.Text)
		if err != nil {
			return fmt.Errorf("extract page %s: %w", page, err)
		}
		atts = append(atts, x.Attributions...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("judged %s: %w", path, err)
	}
	return atts, nil
}

func printed(k JudgedKey, a claimtrail.Attribution) JudgedPrinted {
	p := JudgedPrinted{Key: k, Content: a.ContentText(), Speaker: a.Speaker.Name}
	if a.Source != nil {
		p.Source = a.Source.Text
	}
	if a.Cue != nil {
		p.Cue = a.Cue.Text
	}
	return p
}

// WriteText prints the precision, the counts per label and, when listed,
// the unjudged attributions as label lines to fill in (label "?", then
// the words after a '#', to be removed before committing).
func (r *JudgedReport) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "judged real pages: %d pages, %d printed, %d judged (%d moved), %d unjudged\n",
		r.Pages, r.Printed, r.Matched, r.Moved, r.Unjudged)
	fmt.Fprintf(w, "precision %s%% (%d/%d right), wrong speaker %s%%\n",
		pct(r.Precision), r.Labels[JudgedRight], r.Matched, pct(r.WrongSpeaker))
	for _, l := range JudgedLabels[1:] {
		fmt.Fprintf(w, "  %-14s %d\n", l, r.Labels[l])
	}
	fmt.Fprintf(w, "labels no longer printed: %d (%d of them judged wrong)\n", r.Vanished, r.DroppedOK)
	for _, p := range r.Open {
		c := p.Content
		if len([]rune(c)) > 160 {
			c = string([]rune(c)[:160]) + "…"
		}
		if _, err := fmt.Fprintf(w, "%s\t?\t# %q %q %q -> %q\n", p.Key, p.Source, p.Cue, c, p.Speaker); err != nil {
			return err
		}
	}
	return nil
}
