package extract

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// quoteListHeading matches a line that heads a list of someone's quotes
// ("Some Farrakhan quotes:", "Ann Vell's remarks include:").
var quoteListHeading = regexp.MustCompile(`^(?:(?:Some|More|Other|A few|Selected|Notable) )?(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3}?)(?:’s|'s)? (?:quotes|quotations|remarks|sayings|tweets)(?: include)?:$`)

// flagQuoteList marks a quote whose speaker is the name heading the list
// it stands in: a label before it ("On the press: “...”") brings in no
// other voice.
const flagQuoteList = "quote-list"

// quoteHeading is one such line: where it ends and the name in it, in
// bytes.
type quoteHeading struct{ end, nameStart, nameEnd int }

type quoteHeadings []quoteHeading

// quoteListHeadings finds the lines of text that head a list of quotes.
// Most articles have a colon on no such line: the regexp runs only on
// lines of at most 60 bytes that end with "s:" or "include:".
func quoteListHeadings(text string) quoteHeadings {
	var out quoteHeadings
	for start := 0; start < len(text); {
		end := lineEnd(text, start, len(text))
		line := strings.TrimSpace(text[start:end])
		if n := len(line); n > 8 && n <= 60 && (strings.HasSuffix(line, "s:") || strings.HasSuffix(line, "include:")) {
			if m := quoteListHeading.FindStringSubmatchIndex(line); m != nil {
				off := start + strings.Index(text[start:end], line)
				out = append(out, quoteHeading{end: end, nameStart: off + m[2], nameEnd: off + m[3]})
			}
		}
		start = end + 1
	}
	return out
}

// before returns the name of the heading a quote starting at byte qs
// stands under: the latest heading before it, with only quotes between
// (every line in between opens with a quote mark, holds one, or runs on
// inside a quote), and maybe a short label of the quote's topic before it
// on its line ("On the economy: “...”").
func (hs quoteHeadings) before(d *doc.Doc, qs int) (attribute.Range, bool) {
	h := -1
	for i := range hs {
		if hs[i].end < qs {
			h = i
		}
	}
	if h < 0 || qs-hs[h].end > 4000 {
		return attribute.Range{}, false
	}
	for start := hs[h].end + 1; start < qs; {
		end := lineEnd(d.Text, start, qs)
		line := strings.TrimSpace(d.Text[start:end])
		if end == qs && strings.HasSuffix(line, ":") && len(strings.Fields(line)) <= 6 {
			break // a topic's label before the quote, on its line: "On the economy: “...”"
		}
		if line != "" && !strings.ContainsAny(line, "\"“”‘’«»") {
			if k := tokenFrom(d, start); k >= len(d.Tokens) || d.Tokens[k].Quote == 0 {
				return attribute.Range{}, false
			}
		}
		start = end + 1
	}
	s, e := tokenAt(d, hs[h].nameStart), tokenFrom(d, hs[h].nameEnd)
	if s < 0 || e <= s {
		return attribute.Range{}, false
	}
	return attribute.Range{Start: s, End: e}, true
}

// lineEnd returns the byte offset of the first line break in
// text[start:limit], or limit.
func lineEnd(text string, start, limit int) int {
	if e := strings.IndexByte(text[start:limit], '\n'); e >= 0 {
		return start + e
	}
	return limit
}
