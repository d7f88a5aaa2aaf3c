package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// runTrailCLI runs one command line in-process and returns its output.
func runTrailCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var o, e bytes.Buffer
	savedOut, savedErr := stdout, stderr
	stdout, stderr = &o, &e
	defer func() { stdout, stderr = savedOut, savedErr }()
	var c cli
	parser, err := kong.New(&c, kong.Name("claimtrail"),
		kong.BindTo(context.Background(), (*context.Context)(nil)),
		kong.Bind(&c.Globals), kong.Writers(&o, &e), kong.Exit(func(int) {}))
	if err != nil {
		t.Fatal(err)
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		return o.String(), e.String(), err
	}
	err = kctx.Run()
	return o.String(), e.String(), err
}

// trailStore writes a store where one remark travels through three
// outlets (whole, cut, one word changed) and another stands alone.
func trailStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "trail.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	put := func(url, outlet string, day int, speaker, quote, marker string) {
		text := "In a speech, " + speaker + " said “" + quote + "”"
		if marker != "" {
			text += " " + marker
		}
		text += ". More text follows."
		find := func(needle string) claimtrail.Span {
			i := strings.Index(text, needle)
			s := len([]rune(text[:i]))
			return claimtrail.Span{Start: s, End: s + len([]rune(needle)), Text: needle}
		}
		src, cue := find(speaker), find("said")
		at := claimtrail.Attribution{Kind: claimtrail.KindDirect, Source: &src, Cue: &cue,
			Content: []claimtrail.Span{find(quote)}, Speaker: claimtrail.Speaker{Name: speaker, Kind: claimtrail.SpeakerPerson},
			AccordingTo: []string{}, Markers: []claimtrail.Marker{}, Confidence: 0.9}
		if marker != "" {
			at.Markers = append(at.Markers, claimtrail.Marker{Type: claimtrail.MarkerUnsupported, Span: find(marker)})
		}
		a := &claimtrail.Article{Source: url, URL: url, Outlet: outlet, Text: text, ExtractorVersion: "t",
			Published: time.Date(2026, 6, day, 8, 0, 0, 0, time.UTC), Attributions: []claimtrail.Attribution{at}}
		if _, err := st.PutArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	const remark = "The tunnel under the harbour will be finished two years early and under budget"
	put("https://one.example/a", "One", 2, "Mayor Ada Stone", remark, "without evidence")
	put("https://two.example/a", "Two", 1, "Ada Stone", "tunnel under the harbour will be finished two years early", "")
	put("https://three.example/a", "Three", 3, "Ada Stone", "The tunnel under the harbour would be finished two years early and under budget", "")
	put("https://four.example/a", "Four", 4, "Ben Ogun", "Our orchestra will tour every village in the valley this summer", "")
	return path
}

func TestClustersJSON(t *testing.T) {
	db := trailStore(t)
	out, _, err := runTrailCLI(t, "clusters", "--db", db, "--output", "json", "--min-articles", "2")
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON list: %v\n%s", err, out)
	}
	if len(got) != 1 {
		t.Fatalf("%d clusters with 2+ articles, want 1:\n%s", len(got), out)
	}
	c := got[0]
	for _, k := range []string{"id", "text", "speakers", "first_seen", "members"} {
		if _, ok := c[k]; !ok {
			t.Errorf("cluster has no %q: %v", k, c)
		}
	}
	if c["first_seen"] != "2026-06-01T08:00:00Z" {
		t.Errorf("first_seen %v", c["first_seen"])
	}
	// One speaker shape everywhere: {"id", "name", "kind"}.
	sp, _ := c["speakers"].([]any)
	if len(sp) != 1 {
		t.Fatalf("speakers %v, want one", c["speakers"])
	}
	if s, _ := sp[0].(map[string]any); s["name"] != "Ada Stone" || s["kind"] != "person" || s["id"] == nil {
		t.Errorf("speakers %v, want [{id, Ada Stone, person}]", c["speakers"])
	}
	if s, _ := c["speaker"].(map[string]any); s["name"] != "Ada Stone" {
		t.Errorf("speaker %v, want the majority speaker Ada Stone", c["speaker"])
	}
	members, _ := c["members"].([]any)
	if len(members) != 3 {
		t.Fatalf("%d members, want 3", len(members))
	}
	st := openTrailDB(t, db)
	for _, m := range members {
		m := m.(map[string]any)
		a, err := st.ArticleBySource(context.Background(), m["source"].(string))
		if err != nil {
			t.Fatal(err)
		}
		start, end := int(m["start"].(float64)), int(m["end"].(float64))
		if got := string([]rune(a.Text)[start:end]); !strings.Contains(got, "tunnel under the harbour") {
			t.Errorf("member [%d,%d) of %s is %q", start, end, m["source"], got)
		}
		if sp, _ := m["speaker"].(map[string]any); sp["name"] != "Ada Stone" || sp["kind"] != "person" || sp["id"] == nil {
			t.Errorf("member speaker %v", m["speaker"])
		}
	}

	all, _, err := runTrailCLI(t, "clusters", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(all), &got); err != nil || len(got) != 2 {
		t.Errorf("all clusters: %v, %d", err, len(got))
	}
}

func openTrailDB(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestTrailTable(t *testing.T) {
	db := trailStore(t)
	out, _, err := runTrailCLI(t, "trail", "--db", db, "--output", "table", "harbour tunnel")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"The tunnel under the harbour will be finished two years early and under budget",
		"first seen 2026-06-01 08:00 in Two", "3 articles, 3 outlets", "1 outlet says unsupported",
		"will→would", "unsupported (without evidence)", "Ada Stone",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("trail output lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "2026-06-01") > strings.Index(out, "2026-06-03") {
		t.Errorf("members not in time order:\n%s", out)
	}
	var c struct {
		ID int64 `json:"id"`
	}
	js, _, err := runTrailCLI(t, "trail", "--db", db, "--output", "json", "would be finished")
	if err != nil || json.Unmarshal([]byte(js), &c) != nil || c.ID == 0 {
		t.Fatalf("trail by member words: %v\n%s", err, js)
	}
	byID, _, err := runTrailCLI(t, "trail", "--db", db, "--output", "json", strconv.FormatInt(c.ID, 10))
	if err != nil || byID != js {
		t.Errorf("trail by id %d: %v, output differs from trail by words", c.ID, err)
	}
	if _, _, err := runTrailCLI(t, "trail", "--db", db, "no such words anywhere"); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("unknown quote: %v", err)
	}
}

// releaseSpy counts the times a command asks the store for its caches.
type releaseSpy struct {
	*sqlite.Store
	released int
}

func (r *releaseSpy) ReleaseCaches(ctx context.Context) error {
	r.released++
	return r.Store.ReleaseCaches(ctx)
}

// TestRefreshReleasesCaches: a command's cluster step first asks the
// store to give back its page caches, as a one-shot ingest does; with
// nothing pending there is no step and nothing is released.
func TestRefreshReleasesCaches(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, trailStore(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	spy := &releaseSpy{Store: st}
	if err := refreshClusters(ctx, spy, ""); err != nil {
		t.Fatal(err)
	}
	if spy.released != 1 {
		t.Errorf("caches released %d times for a pending step, want 1", spy.released)
	}
	if err := refreshClusters(ctx, spy, ""); err != nil {
		t.Fatal(err)
	}
	if spy.released != 1 {
		t.Errorf("caches released %d times in all with nothing pending, want 1", spy.released)
	}
}
