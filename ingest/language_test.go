package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/extract/lang"
)

// TestWalkLanguage: every article gets the language of its text.
func TestWalkLanguage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"en.txt": "Council backs toll cut\n\nThe council voted on Tuesday to cut the harbor tolls after months of complaints from the fishing crews.",
		"de.txt": "Stadtrat senkt Hafengebühren\n\nDer Stadtrat hat am Dienstag beschlossen, die Hafengebühren nach monatelangen Beschwerden der Fischer zu senken.",
		"fr.txt": "Le conseil baisse les tarifs\n\nLe conseil municipal a voté mardi une baisse des tarifs du port après des mois de plaintes des pêcheurs.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range collect(t, Options{}, dir) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		want := filepath.Base(it.Source)[:2]
		if it.Article.Language != want {
			t.Errorf("%s: Language %q, want %q", it.Source, it.Article.Language, want)
		}
	}
}

// TestWalkLanguageIsDetect: for every kind of source, Article.Language is
// exactly lang.Detect of Article.Text ("" included): `claimtrail extract`
// passes it to extract.ExtractDetected rather than detecting again, which
// keeps its output only while this holds.
func TestWalkLanguageIsDetect(t *testing.T) {
	items := collect(t, Options{}, "testdata")
	if len(items) < 10 {
		t.Fatalf("%d items from testdata, want every kind of source", len(items))
	}
	for _, it := range items {
		if it.Err != nil {
			continue
		}
		if want := lang.Detect(it.Article.Text); it.Article.Language != want {
			t.Errorf("%s: Language %q, lang.Detect %q", it.Source, it.Article.Language, want)
		}
	}
}
