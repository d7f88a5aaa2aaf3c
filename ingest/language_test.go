package ingest

import (
	"os"
	"path/filepath"
	"testing"
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
