package ingest

import (
	"strings"
	"testing"
)

// TestBlockQuotesIndented: a <blockquote> of running text without quote
// marks comes out indented, one paragraph per <p>, so that the extractor
// reads it as a block quote; one in marks, an embedded post and a table
// stay as they were.
func TestBlockQuotesIndented(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		indented   []string // paragraphs that must start with four spaces
		plain      []string // paragraphs that must not
	}{
		{"block", `<p>The deals take time, he said.</p><blockquote><p>I have been building relationships for years.</p><p>We moved quickly.</p></blockquote><p>It was not clear why.</p>`,
			[]string{"I have been building relationships for years.", "We moved quickly."}, []string{"The deals take time, he said.", "It was not clear why."}},
		{"bare text", `<p>He wrote on his blog.</p><blockquote>The flaw lets us craft a packet that is complex.</blockquote>`,
			[]string{"The flaw lets us craft a packet that is complex."}, nil},
		{"in marks", `<p>He said:</p><blockquote><p>“We moved quickly,” he said.</p></blockquote>`,
			nil, []string{"“We moved quickly,” he said."}},
		{"tweet", `<p>He posted.</p><blockquote class="twitter-tweet"><p>We moved quickly today.</p></blockquote>`,
			nil, []string{"We moved quickly today."}},
		{"table", `<p>The top five are:</p><blockquote><table><tr><td>Release date of the new version</td></tr></table></blockquote>`,
			nil, []string{"Release date of the new version"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paras := strings.Split(htmlToText(tc.html), "\n\n")
			has := func(p string) (found, indented bool) {
				for _, q := range paras {
					if strings.TrimSpace(q) == p {
						return true, strings.HasPrefix(q, "    ")
					}
				}
				return false, false
			}
			for _, p := range tc.indented {
				if found, ind := has(p); !found || !ind {
					t.Errorf("%q: found %v, indented %v; want indented in %q", p, found, ind, paras)
				}
			}
			for _, p := range tc.plain {
				if found, ind := has(p); !found || ind {
					t.Errorf("%q: found %v, indented %v; want plain in %q", p, found, ind, paras)
				}
			}
			if strings.ContainsRune(strings.Join(paras, ""), blockMark) {
				t.Errorf("a block mark was left in %q", paras)
			}
		})
	}
}

// FuzzHTMLToText: any fragment renders without a panic and without a
// block mark left in the text.
func FuzzHTMLToText(f *testing.F) {
	f.Add(`<p>He said.</p><blockquote><p>We moved quickly.</p></blockquote>`)
	f.Add(`<blockquote><blockquote>x</blockquote><div>y<p>z</p></div></blockquote>`)
	f.Add("<blockquote>\uE000</blockquote>")
	f.Fuzz(func(t *testing.T, fragment string) {
		if strings.ContainsRune(htmlToText(fragment), blockMark) {
			t.Fatalf("block mark left in the text of %q", fragment)
		}
	})
}
