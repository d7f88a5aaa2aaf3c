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
// text, at most 200 characters and 30 words long, starting with a letter,
// digit or quote mark, and not ending like a sentence or a clause (".",
// ",", ";", ":"), though "?" and "!" are allowed, as are abbreviations and
// ellipses ("U.S.", "...").
func Headline(text string) string {
	text = strings.TrimLeft(text, "\ufeff")
	rest := strings.TrimLeft(text, " \t\r\n")
	line, after, found := strings.Cut(rest, "\n")
	line = strings.TrimSpace(line)
	if !found || strings.TrimSpace(after) == "" || line == "" {
		return ""
	}
	if utf8.RuneCountInString(line) > maxHeadlineRunes || len(strings.Fields(line)) > 30 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘«„", first) {
		return ""
	}
	switch last, _ := utf8.DecodeLastRuneInString(line); last {
	case ',', ';', ':':
		return ""
	case '.':
		if !endsWithAbbreviation(line) {
			return ""
		}
	}
	return line
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
