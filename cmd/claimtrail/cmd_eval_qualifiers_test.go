package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalQualifiers: the counts come out the same whether the command
// extracts the articles itself or reads extract's output of them.
func TestEvalQualifiers(t *testing.T) {
	dir := t.TempDir()
	article := "Harbour tolls to rise\n\nThe harbour master told the Coastline Gazette that tolls would rise. " +
		"Councillor Mira Dahl denied that the council had been warned.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	direct, _, err := runCLI(t, "eval", "qualifiers", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"articles 1 (failed 0)", "Coastline Gazette", "interview"} {
		if !strings.Contains(direct, want) {
			t.Errorf("eval qualifiers output lacks %q:\n%s", want, direct)
		}
	}
	extracted, _, err := runCLI(t, "extract", dir)
	if err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(jsonl, []byte(extracted), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, _, err := runCLI(t, "eval", "qualifiers", "--extracted", jsonl)
	if err != nil {
		t.Fatal(err)
	}
	if fromFile != direct {
		t.Errorf("counts from extract output differ:\n%s\nvs\n%s", fromFile, direct)
	}
	if _, _, err := runCLI(t, "eval", "qualifiers", "--extracted", filepath.Join(dir, "missing.jsonl")); err == nil {
		t.Error("a missing JSONL file gave no error")
	}
}
