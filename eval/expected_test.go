package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// at returns the code-point span of the first occurrence of sub in text.
func at(t *testing.T, text, sub string) claimtrail.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	s := utf8.RuneCountInString(text[:i])
	return claimtrail.Span{Start: s, End: s + utf8.RuneCountInString(sub), Text: sub}
}

func pred(t *testing.T, text, speaker, source, cue string, content ...string) claimtrail.Attribution {
	a := claimtrail.Attribution{Speaker: claimtrail.Speaker{Name: speaker}}
	if source != "" {
		a.Source = ptr(at(t, text, source))
	}
	if cue != "" {
		a.Cue = ptr(at(t, text, cue))
	}
	for _, c := range content {
		a.Content = append(a.Content, at(t, text, c))
	}
	return a
}

func TestCheckExpected(t *testing.T) {
	ref, text, err := ReadExpected("testdata/bridge.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Attributions) != 4 || ref.Attributions[0].AccordingTo[0] != "City Hall" || ref.Attributions[2].SourceSpan == nil {
		t.Fatalf("reference read wrong: %+v", ref.Attributions)
	}
	out := &claimtrail.Extraction{Attributions: []claimtrail.Attribution{
		// 0: headline, exact.
		pred(t, text, "Ann Lee", "Mayor", "Claims", "Bridge Is Safe"),
		// 1: a surname matches by containment; content with the final
		// period still covers the reference.
		pred(t, text, "lee", "Mayor Ann Lee", "said", "that the bridge is safe."),
		// 2: the split quote as two pieces, but the wrong speaker.
		pred(t, text, "Bob", "she", "added", "“We checked it twice,”", "“and it held.”"),
		// 3: the photo credit as a source.
		pred(t, text, "Jane Roe", "Jane Roe", "", "Mayor Ann Lee said that the bridge is safe."),
		// 4: the unattributed report as content.
		pred(t, text, "", "", "", "The bridge reportedly carried 3,000 cars a day"),
		// 5: content too short to cover the critics' claim (14 of 30).
		pred(t, text, "critics", "Critics", "claim", "the inspection"),
	}}
	rep := CheckExpected(ref, text, out)
	wantStatus := []string{StatusFound, StatusFound, StatusWrongSpeaker, StatusMissing}
	for i, it := range rep.Items {
		if it.Status != wantStatus[i] {
			t.Errorf("reference %d: %s, want %s", i+1, it.Status, wantStatus[i])
		}
	}
	if rep.Found != 2 || rep.WrongSpeaker != 1 || rep.Missing != 1 || rep.Total != 4 || rep.Predicted != 6 {
		t.Errorf("totals %+v", rep)
	}
	if it := rep.Items[2]; it.Predicted == nil || it.Predicted.Speaker != "Bob" || it.Coverage != 1 {
		t.Errorf("wrong-speaker item %+v", it)
	}
	// Prediction 3 covers reference 2's content (with speaker Jane Roe),
	// so it is not extra; 4 and 5 cover nothing.
	var extra []int
	for _, e := range rep.Extra {
		extra = append(extra, e.Index)
	}
	if len(extra) != 2 || extra[0] != 4 || extra[1] != 5 {
		t.Errorf("extra %v, want [4 5]", extra)
	}
	rules := map[int]string{}
	for _, v := range rep.Violations {
		rules[v.Prediction.Index] += v.Rule
	}
	if len(rules) != 2 || !strings.Contains(rules[3], "photo-credit") || !strings.Contains(rules[4], "must_not") {
		t.Errorf("violations %v", rules)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil || !strings.Contains(b.String(), "found 2/4") {
		t.Errorf("text (%v):\n%s", err, b.String())
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Error(err)
	}
}

func TestCheckExpectedOneToOne(t *testing.T) {
	ref, text, err := ReadExpected("testdata/bridge.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	// One prediction whose content swallows references 2 and 3 finds only
	// one of them.
	out := &claimtrail.Extraction{Attributions: []claimtrail.Attribution{
		pred(t, text, "Ann Lee", "Mayor Ann Lee", "said", "that the bridge is safe. “We checked it twice,” she added, “and it held.”"),
	}}
	rep := CheckExpected(ref, text, out)
	if rep.Found != 1 || rep.WrongSpeaker != 1 || rep.Missing != 2 {
		t.Errorf("found %d wrong %d missing %d, want 1 1 2", rep.Found, rep.WrongSpeaker, rep.Missing)
	}
	// 18 of the 23 code points of "that the bridge is safe" is 78%: not
	// enough; 22 of 23 is.
	for _, tt := range []struct {
		content string
		found   int
	}{{"the bridge is safe", 0}, {"hat the bridge is safe", 1}} {
		out := &claimtrail.Extraction{Attributions: []claimtrail.Attribution{pred(t, text, "Ann Lee", "", "", tt.content)}}
		if rep := CheckExpected(ref, text, out); rep.Found != tt.found {
			t.Errorf("content %q: found %d, want %d", tt.content, rep.Found, tt.found)
		}
	}
	if rep := CheckExpected(ref, text, nil); rep.Missing != 4 || len(rep.Extra) != 0 {
		t.Errorf("nil extraction: %+v", rep)
	}
}

func TestReadExpectedErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Zoë said hi."), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, json, wantErr string }{
		{"not json", "{", "unexpected end"},
		{"no article", `{"attributions": []}`, "article"},
		{"missing article", `{"article": "b.txt"}`, "no such file"},
		{"span out of range", `{"article": "a.txt", "attributions": [{"speaker": "Zoë", "content_text": "x", "content_span": [5, 99]}]}`, "outside"},
		{"text disagrees", `{"article": "a.txt", "attributions": [{"speaker": "Zoë", "content_text": "hi", "content_span": [8, 10]}]}`, "holds"},
		{"bad according_to", `{"article": "a.txt", "attributions": [{"according_to": 3}]}`, "list of strings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "x.expected.json")
			if err := os.WriteFile(p, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, err := ReadExpected(p); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	p := filepath.Join(dir, "ok.expected.json")
	os.WriteFile(p, []byte(`{"article": "a.txt", "attributions": [{"speaker": "Zoë", "source_text": "Zoë", "source_span": [0, 3], "content_text": "hi", "content_span": [9, 11]}]}`), 0o644)
	if _, text, err := ReadExpected(p); err != nil || text != "Zoë said hi." {
		t.Errorf("valid file: %v", err)
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		ref, pred string
		want      bool
	}{
		{"Donald Trump", "Donald Trump", true},
		{"Donald Trump", "donald  TRUMP", true},
		{"Donald Trump", "Trump", true},
		{"Trump", "President Donald Trump", true},
		{"Donald Trump", "President Trump", false},
		{"Donald Trump", "Vladimir Putin", false},
		{"Donald Trump", "", false},
		{"", "Trump", false},
	}
	for _, tt := range tests {
		if got := SpeakerMatches(tt.ref, tt.pred); got != tt.want {
			t.Errorf("SpeakerMatches(%q, %q) = %v, want %v", tt.ref, tt.pred, got, tt.want)
		}
	}
}

func TestCreditLines(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Maria Lindholm Getty Images", true},
		{"Evan Vucci / AP", true},
		{"Photo: Jane Roe", true},
		{"  Jane Roe/Reuters  ", true},
		{"Reuters", false}, // an agency alone could be a heading
		{"The swimming pool", false},
		{"Trump said the report came from AP.", false},
		{"Officials told Reuters that the talks had stalled and would resume next week AP", false},
		{"", false},
	}
	for _, tt := range tests {
		text := "Headline here\n" + tt.line + "\nBody."
		got := CreditLines(text)
		if (len(got) == 1) != tt.want {
			t.Errorf("%q: credit lines %v, want credit %v", tt.line, got, tt.want)
			continue
		}
		if tt.want {
			r := []rune(text)
			if s := string(r[got[0].Span.Start:got[0].Span.End]); s != strings.TrimSpace(tt.line) || got[0].Text != s {
				t.Errorf("%q: span holds %q", tt.line, s)
			}
		}
	}
}

// TestSeedReference reads the shared seed reference: its spans must agree
// with its article, and it names the photo credit line.
func TestSeedReference(t *testing.T) {
	dir := shareddata.Dir(t, "seed")
	ref, text, err := ReadExpected(filepath.Join(dir, "helsinki-midterms.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Attributions) != 15 {
		t.Errorf("%d reference attributions, want 15", len(ref.Attributions))
	}
	credits := CreditLines(text)
	if len(credits) != 1 || !strings.HasSuffix(credits[0].Text, "Getty Images") {
		t.Errorf("credit lines %+v", credits)
	}
	// Predicting exactly the reference finds everything.
	out := &claimtrail.Extraction{}
	runes := []rune(text)
	for _, a := range ref.Attributions {
		ca := claimtrail.Attribution{Speaker: claimtrail.Speaker{Name: a.Speaker}}
		ca.Content = []claimtrail.Span{{Start: a.ContentSpan[0], End: a.ContentSpan[1], Text: string(runes[a.ContentSpan[0]:a.ContentSpan[1]])}}
		if a.SourceSpan != nil {
			ca.Source = &claimtrail.Span{Start: a.SourceSpan[0], End: a.SourceSpan[1]}
		}
		out.Attributions = append(out.Attributions, ca)
	}
	rep := CheckExpected(ref, text, out)
	if rep.Found != 15 || len(rep.Extra) != 0 || len(rep.Violations) != 0 {
		t.Errorf("reference against itself: found %d, extra %d, violations %+v", rep.Found, len(rep.Extra), rep.Violations)
	}
}
