package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
)

func TestReadJudgements(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		n        int
		err      string
	}{
		{"ok", "# comment\n\np\t1\t5\t6\t20\tabcdef012345\tright\n", 1, ""},
		{"no cue", "p\t-1\t-1\t6\t20\tabcdef012345\tnot-speech\t# a note\n", 1, ""},
		{"short", "p\t1\t5\t6\n", 0, "4 fields"},
		{"number", "p\tx\t5\t6\t20\th\tright\n", 0, "field 2"},
		{"label", "p\t1\t5\t6\t20\th\tmaybe\n", 0, `label "maybe"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadJudgements(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || len(got) != tc.n {
				t.Fatalf("got %v, %v; want %d", got, err, tc.n)
			}
		})
	}
}

// TestKeyOf checks that the key changes with what a judgement depends
// on (offsets, words, speaker) and is stable otherwise.
func TestKeyOf(t *testing.T) {
	a := claimtrail.Attribution{
		Source:  &claimtrail.Span{Start: 0, End: 3, Text: "Ann"},
		Cue:     &claimtrail.Span{Start: 4, End: 8, Text: "said"},
		Content: []claimtrail.Span{{Start: 9, End: 20, Text: "it will rain"}},
		Speaker: claimtrail.Speaker{Name: "Ann Lee"},
	}
	k := KeyOf("p", a)
	if k.CueStart != 4 || k.CueEnd != 8 || k.ContentStart != 9 || k.ContentEnd != 20 || len(k.Hash) != 12 {
		t.Fatalf("key %+v", k)
	}
	if KeyOf("p", a) != k {
		t.Fatal("key not stable")
	}
	b := a
	b.Speaker.Name = "Bo Lee"
	if KeyOf("p", b).Hash == k.Hash {
		t.Error("speaker change keeps the hash")
	}
	c := a
	c.Cue = nil
	if kc := KeyOf("p", c); kc.CueStart != -1 || kc.Hash == k.Hash {
		t.Errorf("cue-less key %+v", kc)
	}
	back, err := ReadJudgements(strings.NewReader(k.String() + "\tright\n"))
	if err != nil || len(back) != 1 || back[0].JudgedKey != k {
		t.Fatalf("round trip: %v %v", back, err)
	}
}

// TestJudgedSet scores the committed labels on the real pages when they
// are on this machine: every page must extract, and the judged share
// must stay high enough to mean something (labels that no longer match
// anything are a sign the page text changed, not the extractor).
func TestJudgedSet(t *testing.T) {
	dir := testPagesDir(t)
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file      string
		minLabels int
		minPrec   float64 // what it had when judged, rounded down
	}{
		{"labels.tsv", 300, 0.66},
		{"labels-wider.tsv", 100, 0.33},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "testdata", "judged", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			labels, err := ReadJudgements(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(labels) < tc.minLabels {
				t.Fatalf("%d labels", len(labels))
			}
			rep, err := Judged(context.Background(), labels, nil, dir, ex, false)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("precision %.3f over %d judged, %d unjudged, wrong speaker %.3f", rep.Precision, rep.Matched, rep.Unjudged, rep.WrongSpeaker)
			if rep.Matched < rep.Printed/2 {
				t.Errorf("only %d of %d printed attributions judged", rep.Matched, rep.Printed)
			}
			if rep.Precision < tc.minPrec {
				t.Errorf("precision %.3f on the judged set, below the %.2f it had when judged", rep.Precision, tc.minPrec)
			}
		})
	}
}

// testPagesDir is go-readability's test pages folder, or skips.
func testPagesDir(t *testing.T) string {
	t.Helper()
	gopath := os.Getenv("GOMODCACHE")
	if gopath == "" {
		home, _ := os.UserHomeDir()
		gopath = filepath.Join(home, "go", "pkg", "mod")
		if gp := os.Getenv("GOPATH"); gp != "" {
			gopath = filepath.Join(strings.Split(gp, string(os.PathListSeparator))[0], "pkg", "mod")
		}
	}
	dir := filepath.Join(gopath, "codeberg.org", "readeck", "go-readability", "v2@v2.1.3", "test-pages")
	if _, err := os.Stat(filepath.Join(dir, "bbc-1", "source.html")); err != nil {
		t.Skipf("real pages absent: %v", err)
	}
	return dir
}
