package extract

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/extract/lang"
)

// TestExtractDetected: given the detector's verdict, ExtractDetected
// gives Extract's output byte for byte (English, the languages with
// rules, a text too short to tell); given another language it follows
// that one, so it does not detect again.
func TestExtractDetected(t *testing.T) {
	const english = "Council backs toll cut\n\nThe council voted on Tuesday to cut the harbor tolls after months of complaints.\n\n\"We listened to the crews,\" said council chair Maren Holt after the vote."
	texts := []string{english, "\"Yes,\" he said."}
	for _, a := range foreignArticles {
		texts = append(texts, a.text)
	}
	ex, err := NewFast()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, text := range texts {
		want, err := ex.Extract(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ex.ExtractDetected(ctx, text, lang.Detect(text))
		if err != nil {
			t.Fatal(err)
		}
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(gj) != string(wj) {
			t.Errorf("%.30q: ExtractDetected\n%s\nExtract\n%s", text, gj, wj)
		}
	}

	tests := []struct {
		language string
		flag     string // every attribution has it; "" none has a language flag
	}{
		{"en", ""},
		{"de", FlagQuoteMarksOnly},
		{"it", FlagQuoteMarksOnly},
	}
	for _, tc := range tests {
		x, err := ex.ExtractDetected(ctx, english, tc.language)
		if err != nil {
			t.Fatal(err)
		}
		if x.Language != tc.language {
			t.Errorf("told %q: Language %q", tc.language, x.Language)
		}
		if len(x.Attributions) == 0 {
			t.Errorf("told %q: no attribution", tc.language)
		}
		for _, a := range x.Attributions {
			has := slices.Contains(a.Flags, FlagQuoteMarksOnly) || slices.Contains(a.Flags, FlagLanguageRules)
			if tc.flag == "" && has || tc.flag != "" && !slices.Contains(a.Flags, tc.flag) {
				t.Errorf("told %q: flags %v", tc.language, a.Flags)
			}
		}
	}
}
