package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkHTMLArticle(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "news-boilerplate.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := htmlArticle(page, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLArticleLarge is a page near the default size cap, to see
// that readability stays usable at the limit.
func BenchmarkHTMLArticleLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>Big page</title></head><body><nav><a href=/>Home</a></nav><article>")
	for sb.Len() < 4<<20 {
		sb.WriteString("<div class=\"para\"><p>The spokesperson said the council would meet again next week to discuss the budget, and that residents could attend.</p></div>\n")
	}
	sb.WriteString("</article></body></html>")
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := htmlArticle(page, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTextArticle(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := textArticle(text); err != nil {
			b.Fatal(err)
		}
	}
}
