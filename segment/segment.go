// Package segment splits an article's text into paragraphs, sentences,
// tokens and quote regions, with rules tuned for news: abbreviations such
// as "Mr." and "U.S." do not end sentences, contractions split as the Penn
// Treebank does ("do" "n't"), and every style of quote mark is recognised.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
)

// Segment builds a Doc from text: tokens, sentences, paragraphs and quote
// regions. It never panics and is linear in the length of the text.
func Segment(text string) *doc.Doc {
	d := &doc.Doc{Text: text}
	d.Tokens = make([]doc.Token, 0, len(text)/5+8)
	paraStart := 0
	// Paragraphs are separated by blank lines; single newlines end a
	// sentence but not a paragraph (one-sentence-a-line corpora).
	for paraStart < len(text) {
		end, next := nextParagraph(text, paraStart)
		if strings.TrimSpace(text[paraStart:end]) != "" {
			addParagraph(d, paraStart, end)
		}
		paraStart = next
	}
	findQuotes(d)
	return d
}

// nextParagraph returns the end of the paragraph starting at start and
// where the next one starts.
func nextParagraph(text string, start int) (end, next int) {
	i := start
	for i < len(text) {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return len(text), len(text)
		}
		nl := i + j
		// a blank line follows?
		k := nl + 1
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k >= len(text) {
			return nl, len(text)
		}
		if text[k] == '\n' {
			for k < len(text) && (text[k] == '\n' || text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
				k++
			}
			return nl, k
		}
		i = nl + 1
	}
	return len(text), len(text)
}

func addParagraph(d *doc.Doc, start, end int) {
	pi := len(d.Paras)
	firstSent := len(d.Sents)
	// each line is split separately; a line break always ends a sentence
	ls := start
	for ls < end {
		le := strings.IndexByte(d.Text[ls:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += ls
		}
		first := len(d.Tokens)
		tokenize(d, ls, le)
		splitSentences(d, first, pi)
		ls = le + 1
	}
	if len(d.Sents) > firstSent {
		d.Paras = append(d.Paras, doc.Paragraph{First: firstSent, Last: len(d.Sents), Start: start, End: end})
	}
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '‟', '«', '»', '‹', '›', '‘', '’', '‚', '`':
		return true
	}
	return false
}

// leading punctuation split off the front of a chunk
func isLeadPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '“', '„', '«', '‹', '‘', '`', '¿', '¡', '‚', '‟':
		return true
	}
	return false
}

// trailing punctuation split off the end of a chunk
func isTrailPunct(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '”', '»', '›', ',', ';', ':', '!', '?', '…', '’', '\'':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' }

// abbreviations that keep their period and do not end a sentence when a
// capitalised word follows (titles, months, states, corporate forms).
var abbrev = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`mr mrs ms dr prof sen rep gov lt col gen sgt capt cmdr adm maj cpl pvt
	st jr sr rev hon pres supt det insp messrs mme mlle sec atty amb fr
	jan feb mar apr jun jul aug sep sept oct nov dec
	ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo
	inc corp co ltd llc bros dept univ assn est no vs etc al approx fig vol ed eds op cf e.g i.e a.m p.m`) {
		abbrev[a] = true
	}
}

// abbreviations after which a sentence rarely ends even before a capital
var titleAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "gen": true, "sgt": true, "capt": true, "st": true, "rev": true, "hon": true, "pres": true, "no": true, "vs": true, "gens": true, "reps": true, "sens": true, "adm": true, "maj": true, "cmdr": true, "atty": true, "amb": true, "supt": true, "det": true, "insp": true, "fr": true, "messrs": true}

// tokenize appends the tokens of text[start:end] to d.Tokens.
func tokenize(d *doc.Doc, start, end int) {
	text := d.Text
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			i += size
			continue
		}
		j := i
		for j < end {
			r2, s2 := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r2) || r2 == '\u200b' || r2 == '\ufeff' {
				break
			}
			j += s2
		}
		splitChunk(d, i, j)
		i = j
	}
}

func add(d *doc.Doc, s, e int) {
	if e > s {
		d.Tokens = append(d.Tokens, doc.Token{Start: s, End: e, Text: d.Text[s:e], Head: -1})
	}
}

// splitChunk splits one whitespace-delimited chunk into tokens.
func splitChunk(d *doc.Doc, s, e int) {
	text := d.Text
	// leading punctuation
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if isLeadPunct(r) || (r == '\'' && s+size < e) || isDash(r) {
			add(d, s, s+size)
			s += size
			continue
		}
		if r == '-' && s+1 < e && text[s+1] == '-' {
			add(d, s, s+2)
			s += 2
			continue
		}
		break
	}
	// trailing punctuation, collected in reverse
	var tail [16][2]int
	nt := 0
	for s < e && nt < len(tail) {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if isTrailPunct(r) || isDash(r) {
			tail[nt] = [2]int{e - size, e}
			nt++
			e -= size
			continue
		}
		if r == '.' {
			// ellipsis "..." or a final period
			k := e
			for k > s && text[k-1] == '.' {
				k--
			}
			if e-k >= 2 {
				tail[nt] = [2]int{k, e}
				nt++
				e = k
				continue
			}
			word := text[s : e-1]
			if keepPeriod(word) {
				break
			}
			tail[nt] = [2]int{e - 1, e}
			nt++
			e--
			continue
		}
		break
	}
	if s < e {
		splitWord(d, s, e)
	}
	for k := nt - 1; k >= 0; k-- {
		add(d, tail[k][0], tail[k][1])
	}
}

// keepPeriod reports whether word+"." is an abbreviation or initial.
func keepPeriod(word string) bool {
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	if abbrev[lw] {
		return true
	}
	// initials and dotted abbreviations: "J", "U.S", "a.m"
	if strings.IndexByte(word, '.') >= 0 {
		for _, p := range strings.Split(word, ".") {
			if utf8.RuneCountInString(p) > 2 {
				return false
			}
		}
		return true
	}
	if len(word) == 1 {
		r := rune(word[0])
		return unicode.IsUpper(r)
	}
	return false
}

// splitWord splits inner dashes, em dashes and clitics from a word.
func splitWord(d *doc.Doc, s, e int) {
	text := d.Text
	// em dashes and "--" inside a chunk separate words: "word—word"
	for k := s; k < e; {
		r, size := utf8.DecodeRuneInString(text[k:e])
		if isDash(r) || (r == '-' && k+1 < e && text[k+1] == '-') {
			if r == '-' {
				size = 2
			}
			splitChunk(d, s, k)
			add(d, k, k+size)
			splitChunk(d, k+size, e)
			return
		}
		k += size
	}
	if s >= e {
		return
	}
	// clitics: n't, 's, 're, 've, 'll, 'd, 'm with ' or ’
	w := text[s:e]
	if cut := cliticCut(w); cut > 0 {
		add(d, s, s+cut)
		add(d, s+cut, e)
		return
	}
	add(d, s, e)
}

// MaxSentence is the most tokens a sentence may hold; longer runs (lists,
// tables, text without punctuation) are cut.
const MaxSentence = 250

// splitSentences turns the tokens from first on (one line) into sentences.
func splitSentences(d *doc.Doc, first, para int) {
	toks := d.Tokens
	n := len(toks)
	if first >= n {
		return
	}
	start := first
	for i := first; i < n; i++ {
		t := toks[i].Text
		end := false
		if i+1-start >= MaxSentence {
			// run-on text: cut it so that later stages stay linear
			d.Sents = append(d.Sents, doc.Sentence{First: start, Last: i + 1, Para: para})
			start = i + 1
			continue
		}
		switch t {
		case ".", "!", "?", "…", "...", "?!", "!?":
			end = true
		default:
			// an abbreviation-final period at a sentence end: "in the U.S."
			if strings.HasSuffix(t, ".") && len(t) > 1 && i+1 < n && !titleAbbrev[strings.ToLower(strings.TrimSuffix(t, "."))] {
				nx := toks[i+1].Text
				if r, _ := utf8.DecodeRuneInString(nx); unicode.IsUpper(r) && isCommonSentenceStart(nx) {
					end = true
				}
			}
		}
		if !end {
			continue
		}
		// absorb closing quotes and brackets after the terminator
		j := i + 1
		for j < n && isCloser(toks[j].Text) && !opensWord(d.Text, toks[j]) {
			j++
		}
		if j >= n {
			break
		}
		// the next token must look like a sentence start
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isQuoteRune(r) || r == '(' || r == '[') {
			continue
		}
		d.Sents = append(d.Sents, doc.Sentence{First: start, Last: j, Para: para})
		start = j
		i = j - 1
	}
	if start < n {
		d.Sents = append(d.Sents, doc.Sentence{First: start, Last: n, Para: para})
	}
	for si := len(d.Sents) - 1; si >= 0 && d.Sents[si].First >= first; si-- {
		for k := d.Sents[si].First; k < d.Sents[si].Last; k++ {
			d.Tokens[k].Sent = si
		}
	}
}

// opensWord: a straight quote directly followed by a letter or digit
// opens a quote rather than closing one.
func opensWord(text string, t doc.Token) bool {
	if t.Text != "\"" && t.Text != "'" || t.End >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.End:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isCloser(t string) bool {
	switch t {
	case "\"", "”", "’", "'", ")", "]", "»", "›", "''":
		return true
	}
	return false
}

// words that commonly start a sentence after an abbreviation-final period
func isCommonSentenceStart(w string) bool {
	switch w {
	case "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "This", "That", "There", "His", "Her", "Their", "As", "At", "On", "For", "If", "When", "Mr.", "Ms.", "Mrs.":
		return true
	}
	return false
}

// cliticCut returns where a clitic starts in w ("do|n't", "it|'s"), or 0.
func cliticCut(w string) int {
	n := len(w)
	apoAt := func(i int) (int, bool) { // apostrophe ending at byte i (exclusive)
		if i >= 1 && w[i-1] == '\'' {
			return i - 1, true
		}
		if i >= 3 && w[i-3:i] == "’" {
			return i - 3, true
		}
		return 0, false
	}
	lowerEq := func(a string, b string) bool { return strings.EqualFold(a, b) }
	// n't
	if n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') {
		if a, ok := apoAt(n - 1); ok && a >= 2 && (w[a-1] == 'n' || w[a-1] == 'N') {
			return a - 1
		}
	}
	for _, cl := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if n <= len(cl) || !lowerEq(w[n-len(cl):], cl) {
			continue
		}
		if a, ok := apoAt(n - len(cl)); ok && a > 0 {
			return a
		}
	}
	return 0
}
