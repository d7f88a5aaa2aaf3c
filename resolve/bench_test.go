package resolve

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/segment"
)

// bbcMentions stands in for the attribution stage: the (up to four)
// tokens before each "said", "says", "told" or "added" in its sentence.
func bbcMentions(d *doc.Doc) []Mention {
	var ms []Mention
	for i, t := range d.Tokens {
		switch t.Text {
		case "said", "says", "told", "added":
		default:
			continue
		}
		s := i
		for s > 0 && i-s < 4 && d.Tokens[s-1].Sent == t.Sent && !isPunct(d.Tokens[s-1].Text) {
			s--
		}
		if s < i {
			ms = append(ms, Mention{Start: s, End: i})
		}
	}
	return ms
}

// BenchmarkResolveBBC resolves stand-in mentions over the segmented BBC
// corpus (skips when absent); one op is one article.
func BenchmarkResolveBBC(b *testing.B) {
	dir := shareddata.Dir(b, "bbc")
	type item struct {
		d  *doc.Doc
		ms []Mention
	}
	var items []item
	for _, topic := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		files, _ := filepath.Glob(filepath.Join(dir, topic, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			d := segment.Segment(string(raw))
			items = append(items, item{d, bbcMentions(d)})
		}
	}
	if len(items) == 0 {
		b.Skip("no BBC articles")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		it := &items[i%len(items)]
		Resolve(it.d, it.ms)
		i++
	}
}

// TestReuseBBC: resolvers are pooled and reused; results must not depend
// on what a resolver did before, nor change after the call returned.
func TestReuseBBC(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shareddata.Dir(t, "bbc"), "*", "*.txt"))
	if len(files) > 300 {
		files = files[:300]
	}
	var docs []*doc.Doc
	var first [][]Speaker
	var copies [][]Speaker
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := segment.Segment(string(raw))
		sp := Resolve(d, bbcMentions(d))
		docs = append(docs, d)
		first = append(first, sp)
		c := make([]Speaker, len(sp))
		for i, s := range sp {
			s.Name = strings.Clone(s.Name)
			c[i] = s
		}
		copies = append(copies, c)
	}
	for i := len(docs) - 1; i >= 0; i-- { // another order
		got := Resolve(docs[i], bbcMentions(docs[i]))
		if !reflect.DeepEqual(got, copies[i]) || !reflect.DeepEqual(first[i], copies[i]) {
			t.Fatalf("%s: results differ between calls", files[i])
		}
	}
}
