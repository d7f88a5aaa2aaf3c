package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// runMain runs the command line as main does, capturing its output.
func runMain(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	savedOut, savedErr := stdout, stderr
	stdout, stderr = &o, &e
	defer func() { stdout, stderr = savedOut, savedErr }()
	// kong calls exit after --help; stop there as os.Exit would.
	type exited struct{ code int }
	func() {
		defer func() {
			if v := recover(); v != nil {
				ex, ok := v.(exited)
				if !ok {
					panic(v)
				}
				code = ex.code
			}
		}()
		code = run(context.Background(), args, func(c int) { panic(exited{c}) })
	}()
	return code, o.String(), e.String()
}

// TestUsageErrors: an unknown flag or command prints one line and a hint
// on stderr, nothing on stdout, and exits 2.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		hint string
	}{
		{[]string{"search", "--bogus", "x"}, "claimtrail search --help"},
		{[]string{"frobnicate"}, "claimtrail --help"},
		{[]string{"quotes", "--limit", "many"}, "claimtrail quotes --help"},
	}
	for _, tt := range tests {
		code, out, errOut := runMain(t, tt.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if out != "" {
			t.Errorf("%v: stdout %q, want nothing", tt.args, out)
		}
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "claimtrail: ") || !strings.Contains(lines[1], tt.hint) {
			t.Errorf("%v: stderr %q, want an error line and a hint naming %q", tt.args, errOut, tt.hint)
		}
	}
}

// TestExitCodes: the documented statuses.
func TestExitCodes(t *testing.T) {
	db := queryStore(t)
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"stats", "--db", db}, exitOK},
		{[]string{"search", "--db", db, "tax (rise"}, exitUsage},
		{[]string{"quotes", "--db", db, "--since", "yesterday"}, exitUsage},
		{[]string{"stats", "--db", filepath.Join(t.TempDir(), "none.db")}, exitFailure},
	} {
		if code, _, errOut := runMain(t, tt.args...); code != tt.want {
			t.Errorf("%v: exit %d (%s), want %d", tt.args, code, errOut, tt.want)
		}
	}
	code, out, _ := runMain(t, "--help")
	if code != exitOK || !strings.Contains(out, "Exit status: 0") {
		t.Errorf("--help does not document exit statuses:\n%s", out)
	}
}

// TestSearchPagingCLI: --limit and --after page through every hit; bad
// queries say what is wrong without database internals; a long repeated
// word is refused at once.
func TestSearchPagingCLI(t *testing.T) {
	db := queryStore(t)
	seen := map[int64]bool{}
	after := ""
	for range 5 {
		args := []string{"search", "--db", db, "-o", "json", "--limit", "1", "solberg"}
		if after != "" {
			args = append(args, "--after", after)
		}
		out, _, err := runCLI(t, args...)
		if err != nil {
			t.Fatal(err)
		}
		var hits []claimtrail.SearchHit
		if err := json.Unmarshal([]byte(out), &hits); err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			seen[h.ID] = true
		}
		st, _ := sqlite.Open(context.Background(), db)
		res, err := st.SearchPage(context.Background(), "solberg", claimtrail.AttributionFilter{Limit: 1, After: after})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if after = res.Next; after == "" {
			break
		}
	}
	if len(seen) != 2 {
		t.Errorf("paged through %d hits, want 2", len(seen))
	}
	for q, want := range map[string]string{
		"tax (rise":                        "unclosed (",
		"NEAR(Blair)":                      "NEAR needs at least two",
		strings.Repeat("said ", 4000):      "too long",
		"a* OR b* OR c* OR d* OR e* OR f*": "too short",
	} {
		start := time.Now()
		_, _, err := runCLI(t, "search", "--db", db, q)
		if claimtrail.ErrorCode(err) != claimtrail.EINVALID || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "fts5") {
			t.Errorf("%.40q: %v, want EINVALID naming %q", q, err, want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%.40q took %v", q, d)
		}
	}
	out, _, err := runCLI(t, "search", "--db", db, "-o", "json", "solberg -would")
	if err != nil || !strings.Contains(out, "will reopen") || strings.Contains(out, "would reopen") {
		t.Errorf("solberg -would: %v\n%s", err, out)
	}
}

// TestShowJSONAlwaysHasAttributions: an article without attributions
// still has "attributions": [] in show -o json.
func TestShowJSONAlwaysHasAttributions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	a := &claimtrail.Article{Source: "empty.txt", Text: "Nothing was said here.", ExtractorVersion: "test"}
	if _, err := st.PutArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _, err := runCLI(t, "show", "--db", db, "-o", "json", "empty.txt")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if string(m["attributions"]) != "[]" || string(m["markers"]) != "[]" {
		t.Errorf("show -o json: %s", out)
	}
}

// TestSpeakersPaging: speakers --limit/--after pages; --kind filters.
func TestSpeakersPaging(t *testing.T) {
	db := queryStore(t)
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	all, _, err := st.SpeakerPage(context.Background(), claimtrail.SpeakerFilter{})
	st.Close()
	if err != nil || len(all) < 2 {
		t.Fatalf("speakers %v %v", all, err)
	}
	out, _, err := runCLI(t, "speakers", "--db", db, "-o", "json", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	var page []claimtrail.SpeakerStat
	if json.Unmarshal([]byte(out), &page) != nil || len(page) != 1 || page[0].ID != all[0].ID {
		t.Errorf("first page %s", out)
	}
	out, _, _ = runCLI(t, "speakers", "--db", db, "-o", "json", "--kind", "organization")
	if json.Unmarshal([]byte(out), &page) != nil || len(page) != 0 {
		t.Errorf("--kind organization on a store of persons: %s", out)
	}
}
