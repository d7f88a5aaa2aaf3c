package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestLayoutAttributions checks the layout rules on invented articles:
// each case names the attribution that must be found (cue, source and
// content text, and the speaker), or, with no cue, that none may be.
func TestLayoutAttributions(t *testing.T) {
	e := newExtractor(t)
	cases := []struct {
		name, text              string
		cue, source, content    string
		speaker                 string
		noneWithCue, noneSource string
	}{
		{
			name:    "signed quote",
			text:    "Readers wrote in after the vote.\n\n“The council forgot the people who live on the river. We will remember in May.” ― Marta Okonkwo\n“Nobody asked us about the bridge.” ― Piet van Dam\n\nThe council meets again next week.\n",
			cue:     "―",
			source:  "Marta Okonkwo",
			content: "“The council forgot the people who live on the river. We will remember in May.”",
			speaker: "Marta Okonkwo",
		},
		{
			name:    "signed quote with particle",
			text:    "Readers wrote in after the vote.\n\n“The council forgot the people who live on the river.” ― Marta Okonkwo\n“Nobody asked us about the bridge or the ferry.” ― Piet van Dam\n\nThe council meets again next week.\n",
			cue:     "―",
			source:  "Piet van Dam",
			content: "“Nobody asked us about the bridge or the ferry.”",
			speaker: "Piet van Dam",
		},
		{
			name:    "embedded tweet",
			text:    "The mayor answered within minutes.\n\nThe ferry runs on time and the bridge opens in June. Facts matter. — Lena Holt (@lenaholt) March 3, 2025\n\nHer office did not comment further.\n",
			cue:     "—",
			source:  "Lena Holt",
			content: "The ferry runs on time and the bridge opens in June. Facts matter.",
			speaker: "Lena Holt",
		},
		{
			name:    "signature paragraph",
			text:    "The debate turned to taxes.\n\n\"We will not raise the levy on small farms, not this year and not next year.\"\n\n- Tomas Reyes.\n\nReyes has said this before.\n",
			cue:     "-",
			source:  "Tomas Reyes",
			content: "\"We will not raise the levy on small farms, not this year and not next year.\"",
			speaker: "Tomas Reyes",
		},
		{
			name:    "transcript turn",
			text:    "A partial transcript follows.\n\n\"HARGREAVE: Let us start with the harbour. Will the port close?\n\n\"OKAFOR: No. The port stays open, and the jobs stay here.\n",
			cue:     ":",
			source:  "OKAFOR",
			content: "No. The port stays open, and the jobs stay here.",
		},
		{
			name:    "headline colon",
			text:    "Okafor: Port Will Stay Open Through Winter\n\nThe harbour board met on Tuesday to discuss the port, which the minister, Ada Okafor, has promised to keep open.\n",
			cue:     ":",
			source:  "Okafor",
			content: "Port Will Stay Open Through Winter",
		},
		{
			name:    "a name in a title-case headline stays in the source",
			text:    "Mayor Burns Says Port Will Stay Open\n\nThe harbour board met on Tuesday, and Mayor Ada Burns said the port would stay open all winter.\n",
			cue:     "Says",
			source:  "Mayor Burns",
			content: "Port Will Stay Open",
			speaker: "Ada Burns",
		},
		{
			name:        "a dash in a sentence is not a signature",
			text:        "The bridge ― long promised ― opened in June.\n\nTraffic was light.\n",
			noneWithCue: "―",
		},
		{
			name:       "a long headline prefix is not a source",
			text:       "How The New Harbour Plan Was Made: A Timeline Of Delays\n\nThe harbour board met on Tuesday.\n",
			noneSource: "How The New Harbour Plan Was Made",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x, err := e.Extract(context.Background(), tc.text)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, tc.text, x)
			var got *claimtrail.Attribution
			for i := range x.Attributions {
				a := &x.Attributions[i]
				if tc.noneWithCue != "" && a.Cue != nil && a.Cue.Text == tc.noneWithCue {
					t.Errorf("attribution with cue %q: %+v", a.Cue.Text, a)
				}
				if tc.noneSource != "" && a.Source != nil && a.Source.Text == tc.noneSource {
					t.Errorf("attribution with source %q: %+v", a.Source.Text, a)
				}
				if tc.cue != "" && a.Cue != nil && a.Cue.Text == tc.cue && a.Source != nil && a.Source.Text == tc.source {
					got = a
				}
			}
			if tc.cue == "" {
				return
			}
			if got == nil {
				t.Fatalf("no attribution with cue %q and source %q in %s", tc.cue, tc.source, dump(x))
			}
			var content []string
			for _, c := range got.Content {
				content = append(content, c.Text)
			}
			if strings.Join(content, " ") != tc.content {
				t.Errorf("content %q, want %q", content, tc.content)
			}
			if tc.speaker != "" && got.Speaker.Name != tc.speaker {
				t.Errorf("speaker %q, want %q", got.Speaker.Name, tc.speaker)
			}
		})
	}
}

func dump(x *claimtrail.Extraction) string {
	var b strings.Builder
	for _, a := range x.Attributions {
		b.WriteString("\n  ")
		if a.Source != nil {
			b.WriteString("[" + a.Source.Text + "] ")
		}
		if a.Cue != nil {
			b.WriteString("<" + a.Cue.Text + "> ")
		}
		for _, c := range a.Content {
			b.WriteString("{" + c.Text + "} ")
		}
	}
	return b.String()
}
