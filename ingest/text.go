package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
)

// textArticle makes an article of a plain-text file: the decoded text as
// it is, and its first line as the title when that line is a headline.
func textArticle(b []byte) (*claimtrail.Article, error) {
	text, err := decode.Text(b)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "empty article: no text")
	}
	return &claimtrail.Article{Text: text, Title: Headline(text)}, nil
}

// maxHeadlineRunes bounds what may pass for a headline; longer first lines
// are the first paragraph of an article without a title.
const maxHeadlineRunes = 200

// Headline returns the first line of text when it looks like a headline,
// "" otherwise. A headline is the first non-blank line, followed by more
// text, at most 200 characters and 40 words long, not starting like a list
// item ("-", "*", "•"), and not ending like a clause (",", ";", ":"). A
// line ending in a full stop is a headline only when it is in title case
// ("Assange Never Met Manafort.") or ends with an abbreviation or an
// ellipsis ("U.S.", "..."); otherwise it is the article's first sentence.
func Headline(text string) string {
	text = strings.TrimLeft(text, "\ufeff")
	rest := strings.TrimLeft(text, " \t\r\n")
	line, after, found := strings.Cut(rest, "\n")
	line = strings.TrimSpace(line)
	if !found || strings.TrimSpace(after) == "" || line == "" {
		return ""
	}
	words := strings.Fields(line)
	if utf8.RuneCountInString(line) > maxHeadlineRunes || len(words) > 40 {
		return ""
	}
	if first, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("-*•–—>|·+", first) {
		return ""
	}
	switch last, _ := utf8.DecodeLastRuneInString(line); last {
	case ',', ';', ':':
		return ""
	case '.':
		if !endsWithAbbreviation(line) && !titleCase(words) {
			return ""
		}
	}
	return line
}

// titleCase reports whether most words of four letters or more start with
// a capital, as headlines in title case do and sentences do not.
func titleCase(words []string) bool {
	long, upper := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"'“‘(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long >= 2 && upper*10 >= long*8
}

// endsWithAbbreviation tells "... in the U.S." or "Wait..." (a headline)
// from a sentence ending in a full stop.
func endsWithAbbreviation(line string) bool {
	if strings.HasSuffix(line, "...") {
		return true
	}
	fields := strings.Fields(line)
	last := fields[len(fields)-1]
	// "U.S." "U.K." "p.m.": a dot inside the last word.
	return strings.Count(last, ".") >= 2
}
