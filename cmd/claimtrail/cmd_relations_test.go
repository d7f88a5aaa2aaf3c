package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestRelationsFixture ingests invented coverage of a statement, its
// correction ("I misspoke ... I meant to say") and a denial by someone
// else, and checks both links and the JSON shape outside tools read.
func TestRelationsFixture(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rel.db")
	if _, errOut, err := runCLI(t, "--db", db, "ingest", "../../testdata/relations/levy.jsonl"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	out, errOut, err := runCLI(t, "--db", db, "relations", "--output", "json")
	if err != nil {
		t.Fatalf("relations: %v\n%s", err, errOut)
	}
	var rels []claimtrail.Relation
	if err := json.Unmarshal([]byte(out), &rels); err != nil {
		t.Fatalf("relations output is not a JSON list: %v\n%s", err, out)
	}
	var raw []map[string]any
	_ = json.Unmarshal([]byte(out), &raw)
	for _, r := range raw {
		for _, k := range []string{"type", "confidence", "from", "to", "evidence"} {
			if _, ok := r[k]; !ok {
				t.Errorf("relation lacks %q: %v", k, r)
			}
		}
	}
	found := map[claimtrail.RelationType]claimtrail.Relation{}
	for _, r := range rels {
		found[r.Type] = r
		if !r.From.Published.After(r.To.Published) && r.From.ArticleSource == r.To.ArticleSource && r.From.Start < r.To.Start {
			t.Errorf("%s: from is not the later statement: %+v", r.Type, r)
		}
	}
	c, ok := found[claimtrail.RelationCorrects]
	if !ok {
		t.Fatalf("no corrects relation in %s", out)
	}
	if c.From.Speaker != "Elena Reyes" || c.To.Speaker != "Elena Reyes" {
		t.Errorf("corrects speakers %q -> %q, want the mayor both times", c.From.Speaker, c.To.Speaker)
	}
	if !strings.Contains(c.To.Text, "would need a new levy") || !strings.Contains(c.From.Text, "wouldn't") {
		t.Errorf("corrects links %q -> %q", c.From.Text, c.To.Text)
	}
	if len(c.Evidence) == 0 || c.Evidence[0].Text != "misspoke" {
		t.Errorf("corrects evidence %+v, want the word misspoke", c.Evidence)
	}
	d, ok := found[claimtrail.RelationContradicts]
	if !ok {
		t.Fatalf("no contradicts relation in %s", out)
	}
	if d.From.Speaker != "Dana Whitfield" || d.To.Speaker != "Elena Reyes" {
		t.Errorf("contradicts speakers %q -> %q", d.From.Speaker, d.To.Speaker)
	}
	if _, ok := found[claimtrail.RelationReverses]; ok {
		t.Errorf("a correction announced as such is not also a reversal: %s", out)
	}
	out, _, err = runCLI(t, "--db", db, "relations", "--type", "corrects", "--output", "json")
	if err != nil || strings.Contains(out, `"contradicts"`) {
		t.Errorf("--type corrects: %v %s", err, out)
	}
}

// TestExportClaimReview drafts a review of the statement two outlets
// carried: both articles' URLs and dates, the earliest first, no rating.
func TestExportClaimReview(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cr.db")
	if _, errOut, err := runCLI(t, "--db", db, "ingest", "../../testdata/relations/levy.jsonl"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	out, errOut, err := runCLI(t, "--db", db, "export", "--format", "claimreview")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, errOut)
	}
	var drafts []map[string]any
	if err := json.Unmarshal([]byte(out), &drafts); err != nil || len(drafts) == 0 {
		t.Fatalf("want a JSON array of drafts (%v): %s", err, out)
	}
	d := drafts[0]
	if d["@type"] != "ClaimReview" || d["reviewRating"] != nil {
		t.Errorf("draft %v", d)
	}
	item, _ := d["itemReviewed"].(map[string]any)
	apps, _ := item["appearance"].([]any)
	first, _ := item["firstAppearance"].(map[string]any)
	if len(apps) != 2 || first["url"] != "https://example.test/ledger/2026/03/02/port-summit" || first["datePublished"] != "2026-03-02T18:00:00Z" {
		t.Errorf("appearances %v, first %v", apps, first)
	}
}
