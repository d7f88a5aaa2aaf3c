package qualify

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// seedReference is the part of a .expected.json this package answers for.
type seedReference struct {
	Attributions []struct {
		Kind            string   `json:"kind"`
		Speaker         string   `json:"speaker"`
		SourceSpan      []int    `json:"source_span"`
		CueSpan         []int    `json:"cue_span"`
		ContentSpan     []int    `json:"content_span"`
		Channel         string   `json:"channel"`
		ReporterMarkers []string `json:"reporter_markers"`
		AccordingTo     string   `json:"according_to"`
	} `json:"attributions"`
}

// spanOf builds a claimtrail.Span from a reference [start, end) pair.
func spanOf(runes []rune, pair []int) *claimtrail.Span {
	if len(pair) != 2 {
		return nil
	}
	return &claimtrail.Span{Start: pair[0], End: pair[1], Text: string(runes[pair[0]:pair[1]])}
}

// TestSeedArticle gives Qualify the reference attributions of the seed
// article (spans and speakers from its .expected.json) and checks the
// channels, relays and reporter markers against the reference, plus the
// article-level hedge the reference allows.
func TestSeedArticle(t *testing.T) {
	dir := shareddata.Dir(t, "seed")
	text, err := os.ReadFile(filepath.Join(dir, "helsinki-midterms.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "helsinki-midterms.expected.json"))
	if err != nil {
		t.Fatalf("read reference: %v", err)
	}
	var ref seedReference
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatalf("parse reference: %v", err)
	}
	runes := []rune(string(text))
	atts := make([]claimtrail.Attribution, len(ref.Attributions))
	for i, r := range ref.Attributions {
		atts[i] = claimtrail.Attribution{
			Kind:    claimtrail.Kind(r.Kind),
			Source:  spanOf(runes, r.SourceSpan),
			Cue:     spanOf(runes, r.CueSpan),
			Speaker: claimtrail.Speaker{Name: r.Speaker},
		}
		if c := spanOf(runes, r.ContentSpan); c != nil {
			atts[i].Content = []claimtrail.Span{*c}
		}
	}
	article := Qualify(string(text), atts)

	for i, r := range ref.Attributions {
		got := atts[i]
		label := r.Speaker
		if r.CueSpan != nil {
			label += " " + string(runes[r.CueSpan[0]:r.CueSpan[1]])
		}
		if string(got.Channel) != r.Channel {
			t.Errorf("attribution %d (%s): channel %q, want %q", i, label, got.Channel, r.Channel)
		}
		var wantRelay []string
		if r.AccordingTo != "" {
			wantRelay = []string{r.AccordingTo}
		}
		if !slices.Equal(got.AccordingTo, wantRelay) && !(len(got.AccordingTo) == 0 && len(wantRelay) == 0) {
			t.Errorf("attribution %d (%s): according_to %q, want %q", i, label, got.AccordingTo, wantRelay)
		}
		var gotMarkers []string
		for _, m := range got.Markers {
			gotMarkers = append(gotMarkers, m.Text)
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("attribution %d: marker span %d-%d is %q, text says %q", i, m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
			}
		}
		if strings.Join(gotMarkers, "|") != strings.Join(r.ReporterMarkers, "|") {
			t.Errorf("attribution %d (%s): markers %q, want %q", i, label, gotMarkers, r.ReporterMarkers)
		}
	}
	var gotArticle []string
	for _, m := range article {
		gotArticle = append(gotArticle, string(m.Type)+":"+m.Text)
		if string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("article marker span %d-%d is %q, text says %q", m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
		}
	}
	if want := []string{"hedged:reportedly"}; !slices.Equal(gotArticle, want) {
		t.Errorf("article markers %q, want %q", gotArticle, want)
	}
}
