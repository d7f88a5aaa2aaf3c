package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extractLines parses extract's JSONL output.
func extractLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

const extractTestArticle = "Port Council Backs Toll Cut\n\n" +
	"The port council voted on Tuesday to cut harbor tolls.\n\n" +
	"\"We listened to the fishing crews,\" said council chair Maren Holt."

const extractTestPage = `<!doctype html><html><head><title>Port Council Backs Toll Cut</title></head>
<body><article><h1>Port Council Backs Toll Cut</h1>
<p>The port council voted on Tuesday to cut harbor tolls after months of complaints from the fishing fleet.</p>
<p>"We listened to the fishing crews," said council chair Maren Holt, who had opposed the tolls from the start.</p>
<p>The new rates take effect in March, and the council will review them again next autumn.</p>
</article></body></html>`

// TestExtractReadsLikeIngest: extract reads what ingest reads (HTML by
// content, gzip), fails an empty file, a folder with nothing readable and
// an article over --max-bytes with ingest's wording and a code, and exits
// non-zero when anything failed.
func TestExtractReadsLikeIngest(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(extractTestArticle))
	zw.Close()
	text := write("a.txt", []byte(extractTestArticle))
	page := write("saved-page.txt", []byte(extractTestPage)) // HTML under a .txt name
	zipped := write("a.txt.gz", gz.Bytes())
	empty := write("empty.txt", nil)
	write("pics/photo.png", []byte{0x89, 'P', 'N', 'G'})
	pics := filepath.Join(dir, "pics")

	tests := []struct {
		name      string
		args      []string
		wantErr   bool
		wantCode  string // of the first line; "" for success
		wantTitle string
		wantSaid  bool // a quote attributed to Holt
		stderr    string
	}{
		{name: "text", args: []string{text}, wantTitle: "Port Council Backs Toll Cut", wantSaid: true},
		{name: "html by content", args: []string{page}, wantTitle: "Port Council Backs Toll Cut", wantSaid: true},
		{name: "gzip", args: []string{zipped}, wantTitle: "Port Council Backs Toll Cut", wantSaid: true},
		{name: "empty file", args: []string{empty}, wantErr: true, wantCode: "invalid", stderr: "empty.txt: empty article: no text"},
		{name: "nothing readable", args: []string{pics}, wantErr: true, wantCode: "invalid", stderr: "pics: no readable articles"},
		{name: "max-bytes", args: []string{"--max-bytes", "64B", text}, wantErr: true, wantCode: "too_large", stderr: "larger than the limit of 64 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCLI(t, append([]string{"extract"}, tt.args...)...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v (stderr %q)", err, tt.wantErr, errOut)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.stderr)
			}
			if strings.Contains(errOut, "invalid:") || strings.Contains(errOut, "too_large:") {
				t.Errorf("stderr %q carries a code prefix that ingest does not print", errOut)
			}
			lines := extractLines(t, out)
			if len(lines) != 1 {
				t.Fatalf("%d output lines, want 1: %s", len(lines), out)
			}
			l := lines[0]
			if code, _ := l["code"].(string); code != tt.wantCode {
				t.Errorf("code %q, want %q", code, tt.wantCode)
			}
			if title, _ := l["title"].(string); title != tt.wantTitle {
				t.Errorf("title %q, want %q", title, tt.wantTitle)
			}
			said := false
			atts, _ := l["attributions"].([]any)
			for _, a := range atts {
				sp, _ := a.(map[string]any)["speaker"].(map[string]any)
				if name, _ := sp["name"].(string); strings.Contains(name, "Holt") {
					said = true
				}
			}
			if said != tt.wantSaid {
				t.Errorf("quote attributed to Holt: %v, want %v (%s)", said, tt.wantSaid, out)
			}
		})
	}
}

// TestExtractAndIngestWordErrorsAlike: the stderr line for a bad item is
// the same in both commands.
func TestExtractAndIngestWordErrorsAlike(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, exErr, err := runCLI(t, "extract", empty)
	if err == nil {
		t.Fatal("extract of an empty file succeeded")
	}
	_, inErr, err := runCLI(t, "--db", filepath.Join(dir, "s.db"), "ingest", "--no-clusters", empty)
	if err == nil {
		t.Fatal("ingest of an empty file succeeded")
	}
	first := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
	if first(exErr) != first(inErr) {
		t.Errorf("extract says %q, ingest says %q", first(exErr), first(inErr))
	}
}
