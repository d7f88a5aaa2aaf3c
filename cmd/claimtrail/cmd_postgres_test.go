package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// speakerIDs matches the ids of speakers in JSON output: sqlite reuses
// freed rowids and creates a batch's speakers in another order, so they
// are the one thing that may differ between the stores.
var speakerIDs = regexp.MustCompile(`("speaker":\s*\{\s*|(?m)^\{)"id":\s*\d+,\s*`)

// speakerLists and listedID find the ids inside a cluster's "speakers"
// list of speaker objects.
var (
	speakerLists = regexp.MustCompile(`"speakers":\s*\[[^\]]*\]`)
	listedID     = regexp.MustCompile(`"id":\s*\d+,\s*`)
)

// withoutSpeakerIDs blanks the speaker ids, which each store numbers
// its own way (the README: the same JSON, speaker ids aside).
func withoutSpeakerIDs(out string) string {
	out = speakerIDs.ReplaceAllString(out, "$1")
	return speakerLists.ReplaceAllStringFunc(out, func(list string) string { return listedID.ReplaceAllString(list, "") })
}

// blankCSVColumn blanks the named column of CSV output.
func blankCSVColumn(t *testing.T, out, name string) string {
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) == 0 {
		return out
	}
	col := slices.Index(recs[0], name)
	if col < 0 {
		return out
	}
	for _, r := range recs[1:] {
		r[col] = ""
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	return b.String()
}

// TestSameOutputOnPostgres ingests the same articles through the CLI into
// a SQLite file and a PostgreSQL database (--db DSN) and compares the JSON
// of every reading command.
func TestSameOutputOnPostgres(t *testing.T) {
	dsn := pgtest.DB(t)
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "demo.jsonl")
	if err := os.WriteFile(jsonl, demo.JSONL(), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "empty.txt")
	os.WriteFile(broken, []byte("   \n"), 0o644)
	lite := filepath.Join(dir, "ct.db")
	sources := []string{jsonl, "../../testdata/articles", broken}
	var summaries []string
	for _, db := range []string{lite, dsn} {
		out, errOut, err := runCLI(t, append([]string{"--db", db, "ingest", "--workers", "1"}, sources...)...)
		if err == nil || !strings.Contains(out, "failed 1") {
			t.Fatalf("ingest into %s: %v\n%s%s", db, err, out, errOut)
		}
		summaries = append(summaries, strings.Split(out, " (")[0])
	}
	if summaries[0] != summaries[1] {
		t.Fatalf("ingest summaries differ: %q, %q", summaries[0], summaries[1])
	}
	for _, args := range [][]string{
		{"stats", "--output", "json"},
		{"clusters", "--output", "json", "--limit", "1000"},
		{"trail", "act of God", "--output", "json"},
		{"quotes", "--output", "jsonl", "--limit", "1000"},
		{"quotes", "--output", "jsonl", "--limit", "5"},
		{"quotes", "--output", "jsonl", "--speaker", "Elena Varga", "--kind", "direct"},
		{"speakers", "--output", "jsonl", "--limit", "1000"},
		{"errors", "--output", "csv"},
		{"show", "https://harbordaily.example/2026/03/09/gull-street-bridge-collapse", "--output", "json"},
		{"export", "--format", "csv"},
	} {
		var outs [2]string
		for i, db := range []string{lite, dsn} {
			out, errOut, err := runCLI(t, append([]string{"--db", db}, args...)...)
			if err != nil {
				t.Fatalf("%v on %s: %v\n%s", args, db, err, errOut)
			}
			out = regexp.MustCompile(`"bytes":\s*\d+`).ReplaceAllString(out, "")
			out = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT[^,]*,`).ReplaceAllString(out, "TIME,") // errors' times
			out = withoutSpeakerIDs(out)
			out = blankCSVColumn(t, out, "speaker_id")
			outs[i] = out
		}
		if len(outs[0]) < 20 {
			t.Errorf("%v: almost no output: %q", args, outs[0])
		}
		if outs[0] != outs[1] {
			t.Errorf("%v differs:\nsqlite:   %.2000s\npostgres: %.2000s", args, outs[0], outs[1])
		}
	}
}

// TestRelationsOnPostgres: claimtrail relations works on PostgreSQL too
// and finds what it finds on SQLite for the same articles (the relation
// fixture has a correction and a denial).
func TestRelationsOnPostgres(t *testing.T) {
	dsn := pgtest.DB(t)
	lite := filepath.Join(t.TempDir(), "rel.db")
	var outs [2]string
	for i, db := range []string{lite, dsn} {
		if _, errOut, err := runCLI(t, "--db", db, "ingest", "../../testdata/relations/levy.jsonl"); err != nil {
			t.Fatalf("ingest into %s: %v\n%s", db, err, errOut)
		}
		out, errOut, err := runCLI(t, "--db", db, "relations", "--output", "json")
		if err != nil {
			t.Fatalf("relations on %s: %v\n%s", db, err, errOut)
		}
		outs[i] = withoutRowIDs(t, out)
	}
	if !strings.Contains(outs[0], `"corrects"`) {
		t.Fatalf("no correction found on SQLite:\n%s", outs[0])
	}
	if outs[0] != outs[1] {
		t.Errorf("relations differ:\nsqlite:   %.3000s\npostgres: %.3000s", outs[0], outs[1])
	}
}
