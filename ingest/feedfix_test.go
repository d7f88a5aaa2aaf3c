package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkTruncatedFeed: a feed cut anywhere after its first complete
// item keeps the complete items and reports the damage as one more failed
// item; before the fix the whole feed was one error.
func TestWalkTruncatedFeed(t *testing.T) {
	for _, name := range []string{"feed-rss.xml", "feed-atom.xml"} {
		full, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		ends := itemEnd.FindAllIndex(full, -1)
		if len(ends) < 2 {
			t.Fatalf("%s: fixture needs two items", name)
		}
		firstEnd, secondEnd := ends[0][1], ends[1][1]
		for cut := firstEnd + 1; cut < secondEnd; cut += 7 {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, full[:cut], 0o644); err != nil {
				t.Fatal(err)
			}
			items := collect(t, Options{}, path)
			var articles, failures int
			for _, it := range items {
				if it.Err != nil {
					failures++
					if it.Source != path || !strings.Contains(it.Err.Error(), "1 complete item") {
						t.Errorf("%s cut at %d: error %v, want the feed named with its complete items counted", name, cut, it.Err)
					}
				} else {
					articles++
				}
			}
			if articles != 1 || failures != 1 {
				t.Errorf("%s cut at %d: %d articles and %d failures, want 1 and 1", name, cut, articles, failures)
			}
		}
	}
}

// TestWalkFeedWithDoctypeSubset: a feed whose DOCTYPE declares entities
// is read as a feed (it was one plain-text article of raw XML), its
// entities expanded.
func TestWalkFeedWithDoctypeSubset(t *testing.T) {
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY outlet "Valley Courier">
  <!ENTITY % param "ignored">
  <!ENTITY ext SYSTEM "http://example.invalid/x.ent">
]>
<rss version="2.0"><channel><title>&outlet;</title>
<item><title>Dam inspection passes</title><guid>vc-1</guid>
<description>&lt;p&gt;The dam passed its inspection, the &outlet; learned &amp; checked.&lt;/p&gt;</description></item>
<item><title>Ferry returns</title><guid>vc-2</guid>
<description>The ferry is back in service, the operator said.</description></item>
</channel></rss>`
	if k := Detect("feed.xml", []byte(feed)); k != KindFeed {
		t.Fatalf("Detect = %q, want feed", k)
	}
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	items := collect(t, Options{}, path)
	if len(items) != 2 {
		t.Fatalf("%d items, want 2", len(items))
	}
	checkArticle(t, items[0], want{
		title: "Dam inspection passes", outlet: "Valley Courier",
		contains: []string{"the Valley Courier learned & checked."},
		absent:   []string{"&outlet;", "<!ENTITY", "<p>"},
	})
}

// TestExpandDoctypeEntitiesBounded: nested entity bombs do not blow up.
func TestExpandDoctypeEntitiesBounded(t *testing.T) {
	var decl strings.Builder
	decl.WriteString(`<!DOCTYPE rss [<!ENTITY a0 "lol">`)
	for i := 1; i < 10; i++ {
		decl.WriteString(`<!ENTITY a` + string(rune('0'+i)) + ` "` + strings.Repeat("&a"+string(rune('0'+i-1))+";", 10) + `">`)
	}
	decl.WriteString(`]><rss><channel>` + strings.Repeat("&a9;", 1000) + `</channel></rss>`)
	in := []byte(decl.String())
	out := expandDoctypeEntities(in)
	if len(out) > maxExpansion*len(in)+(1<<20) {
		t.Errorf("expanded %d bytes to %d", len(in), len(out))
	}
	if bytes.Contains(out, []byte("<!ENTITY")) {
		t.Error("subset kept")
	}
}

// TestWalkNULs: NUL bytes past decode's 8 KiB binary check (text files)
// and in JSON strings never reach the article text.
func TestWalkNULs(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("The council met again on Tuesday. ", 400) // > 8 KiB
	txt := filepath.Join(dir, "a.txt")
	os.WriteFile(txt, []byte("Council meets\n\n"+long+"\x00\x00It adjourned."), 0o644)
	jl := filepath.Join(dir, "b.jsonl")
	os.WriteFile(jl, []byte(`{"title": "T", "text": "The mayor\u0000 said it would wait."}`+"\n"), 0o644)
	for _, it := range collect(t, Options{}, txt, jl) {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Source, it.Err)
		}
		if strings.ContainsRune(it.Article.Text, 0) {
			t.Errorf("%s: text holds a NUL", it.Source)
		}
		if !strings.Contains(it.Article.Text, "said it would wait.") && !strings.Contains(it.Article.Text, "It adjourned.") {
			t.Errorf("%s: text lost: %q", it.Source, it.Article.Text[max(0, len(it.Article.Text)-40):])
		}
	}
}
