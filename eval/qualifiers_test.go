package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestQualifierStats(t *testing.T) {
	x := &claimtrail.Extraction{
		Attributions: []claimtrail.Attribution{
			{AccordingTo: []string{"Reuters"}, Channel: "interview",
				Markers: []claimtrail.Marker{{Type: claimtrail.MarkerDenied}, {Type: claimtrail.MarkerHedged}}},
			{AccordingTo: []string{"Reuters", "AP"}},
			{},
			{Channel: "statement"},
		},
		Markers: []claimtrail.Marker{{Type: claimtrail.MarkerHedged}},
	}
	st := NewQualifierStats()
	st.Add(x)
	st.Add(nil)
	jsonl := `{"file":"a","attributions":[{"according_to":["CNN"],"channel":"interview","markers":[{"type":"false","start":0,"end":1,"text":"x"}]}],"markers":[]}
{"file":"b","error":"empty","code":"invalid"}

`
	if err := st.AddJSONL(strings.NewReader(jsonl), "x.jsonl"); err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Failed != 2 || st.Attributions != 5 {
		t.Fatalf("articles %d failed %d attributions %d", st.Articles, st.Failed, st.Attributions)
	}
	if st.WithRelay != 3 || st.Relays["Reuters"] != 2 || st.Relays["CNN"] != 1 {
		t.Errorf("relays: %d %v", st.WithRelay, st.Relays)
	}
	if st.WithMarker != 2 || st.Markers["denied"] != 1 || st.Markers["false"] != 1 || st.ArticleMarkers["hedged"] != 1 {
		t.Errorf("markers: %d %v %v", st.WithMarker, st.Markers, st.ArticleMarkers)
	}
	if st.Channels["interview"] != 2 || st.Channels["statement"] != 1 {
		t.Errorf("channels: %v", st.Channels)
	}
	if got := st.PerThousand(3); got != 600 {
		t.Errorf("PerThousand(3) = %v, want 600", got)
	}
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"any relay", "Reuters", "600.0 per 1,000", "interview"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, b.String())
		}
	}
	if err := NewQualifierStats().AddJSONL(strings.NewReader("{not json\n"), "bad.jsonl"); err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("bad JSONL: err = %v, want one naming bad.jsonl:1", err)
	}
}
