// Package segment splits an article's text into paragraphs, sentences,
// tokens and quote regions, with rules tuned for news: abbreviations such
// as "Mr." and "U.S." do not end sentences, contractions split as the Penn
// Treebank does ("do" "n't"), and every style of quote mark is recognised.
package segment

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
)

// Segment builds a Doc from text: tokens, sentences, paragraphs and quote
// regions. It never panics and is linear in the length of the text.
func Segment(text string) *doc.Doc {
	d, _ := SegmentContext(context.Background(), text)
	return d
}

// SegmentContext is Segment that gives up when ctx is done, returning
// ctx's error: it looks at ctx every few thousand tokens and quote marks
// (well under a millisecond of work), so that cancelling the extraction
// of a huge text stops it promptly.
func SegmentContext(ctx context.Context, text string) (*doc.Doc, error) {
	return segmentInto(ctx, text, nil)
}

// segmentInto is SegmentContext, building the Doc in old's memory when
// old is not nil (see Reuse): its token slice when it is large enough,
// and its sentence, paragraph and quote slices.
func segmentInto(ctx context.Context, text string, old *doc.Doc) (*doc.Doc, error) {
	st := &stopper{ctx: ctx}
	d := &doc.Doc{Text: text}
	var n int
	if len(text) <= smallText {
		// about a word a space and a token in five more: the counts of
		// a byte run many bytes an instruction
		spaces := strings.Count(text, " ") + strings.Count(text, "\n")
		n = spaces + spaces/4 + 8
	} else {
		n = tokenEstimate(text)
	}
	if old != nil {
		d.Sents, d.Paras, d.Quotes = old.Sents[:0], old.Paras[:0], old.Quotes[:0]
		if cap(old.Tokens) >= n {
			d.Tokens = old.Tokens[:0]
		}
	}
	if d.Tokens == nil {
		d.Tokens = make([]doc.Token, 0, n)
	}
	paraStart := 0
	// Paragraphs are separated by blank lines; single newlines end a
	// sentence but not a paragraph (one-sentence-a-line corpora).
	for paraStart < len(text) {
		end, next := nextParagraph(text, paraStart)
		if strings.TrimSpace(text[paraStart:end]) != "" {
			addParagraph(d, st, paraStart, end)
		}
		if st.stop() {
			return nil, st.err
		}
		paraStart = next
	}
	findQuotes(d, st)
	if st.err != nil {
		return nil, st.err
	}
	return d, nil
}

// smallText is the length up to which SegmentContext sizes the token
// slice from the spaces and newlines (a token a space and a quarter: BBC
// articles hold 1.12 on average, 16 of 2,225 more), and lets it grow on a
// text that holds more: the growth of a small slice costs little, and
// tokenEstimate's pass over every byte was 0.8% of the default mode's
// instructions on BBC articles. (A token every four bytes allocated a
// third more than the tokens took.)
const smallText = 64 << 10

// tokenEstimate is about how many tokens text holds, a little over on
// most text: one per run of non-space bytes, plus one per ASCII
// punctuation byte and per mark of Unicode's general punctuation block
// (quote marks, dashes), which often stand alone. Sizing the token slice
// from it, rather than from the length alone, spares a text of marks and
// short words (a token every three bytes) the slice's growth, whose
// copies held twice its memory at once: a few hundred MB for 8 MB.
func tokenEstimate(text string) int {
	n, in := 8, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c < utf8.RuneSelf && asciiSpace[c]:
			in = false
			continue
		case c < utf8.RuneSelf && !asciiAlnum[c], c == 0xE2:
			n++ // 0xE2 leads U+2000-U+2FFF: quote marks, dashes, ellipsis
		}
		if !in {
			n++
			in = true
		}
	}
	return min(n, len(text)+8)
}

// stopper looks at a context every stopEvery calls of stop, and
// remembers its error.
type stopper struct {
	ctx context.Context
	n   int
	err error
}

const stopEvery = 4096

// stop reports whether the context is done (as of its last look). The
// look is a function of its own, so that stop, asked for every token, is
// inlined: the call was 0.3% of the default mode's instructions over BBC
// articles.
func (s *stopper) stop() bool {
	if s.n++; s.n&(stopEvery-1) == 0 { // stopEvery is a power of two
		return s.look()
	}
	return s.err != nil
}

// look is stop's look at the context (not inlined: stop is, when its
// body stays small).
//
//go:noinline
func (s *stopper) look() bool {
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	return s.err != nil
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

func addParagraph(d *doc.Doc, st *stopper, start, end int) {
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
		if !tokenize(d, st, ls, le) {
			return // cancelled: the caller returns st.err
		}
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

// Abbreviation reports whether w, written before a period, is one of the
// abbreviations the segmenter keeps with their period ("Sec", "Jr",
// "Gov", "Calif", "Inc"): the attribution rules read names through them
// as the segmenter reads sentences.
func Abbreviation(w string) bool { return abbrev[strings.ToLower(w)] }

// abbreviations after which a sentence rarely ends even before a capital
var titleAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "gen": true, "sgt": true, "capt": true, "st": true, "rev": true, "hon": true, "pres": true, "no": true, "vs": true, "gens": true, "reps": true, "sens": true, "adm": true, "maj": true, "cmdr": true, "atty": true, "amb": true, "supt": true, "det": true, "insp": true, "fr": true, "messrs": true}

// tokenize appends the tokens of text[start:end] to d.Tokens.
func tokenize(d *doc.Doc, st *stopper, start, end int) bool {
	text := d.Text
	i := start
	for i < end {
		if st.stop() {
			return false
		}
		if size := spaceAt(text, i, end); size > 0 {
			i += size
			continue
		}
		// fast path: a plain ASCII word, perhaps with a comma, is one
		// token (and the comma another): no punctuation to split off,
		// no dash, no clitic
		if asciiAlnum[text[i]] {
			j := i + 1
			for j < end && asciiAlnum[text[j]] {
				j++
			}
			if j < end && text[j] == ',' && (j+1 == end || text[j+1] < utf8.RuneSelf && asciiSpace[text[j+1]]) {
				add(d, i, j)
				add(d, j, j+1)
				i = j + 1
				continue
			}
			if j == end || text[j] < utf8.RuneSelf && asciiSpace[text[j]] {
				add(d, i, j)
				i = j
				continue
			}
		}
		j := i
		for j < end {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r2) || r2 == '\u200b' || r2 == '\ufeff' {
				break
			}
			j += s2
		}
		splitChunk(d, i, j)
		i = j
	}
	return true
}

// asciiAlnum holds the ASCII letters and digits (indexed by any byte).
var asciiAlnum = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return
}()

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt returns the size of the separator rune (white space, zero-width
// space or byte-order mark) at text[i:end], or 0 when there is none.
//
// An ASCII byte is answered here and any other rune by spaceRuneAt, so
// that spaceAt, asked at every token, is inlined.
func spaceAt(text string, i, end int) int {
	if c := text[i]; c < utf8.RuneSelf {
		return int(asciiSpaceSize[c])
	}
	return spaceRuneAt(text, i, end)
}

// asciiSpaceSize is 1 for the bytes of asciiSpace, else 0 (a read where
// a test and two returns made spaceAt too large to inline).
var asciiSpaceSize = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// spaceRuneAt is spaceAt for a rune that is not ASCII.
func spaceRuneAt(text string, i, end int) int {
	r, size := utf8.DecodeRuneInString(text[i:end])
	if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
		return size
	}
	return 0
}

func add(d *doc.Doc, s, e int) {
	if e <= s {
		return
	}
	if n := len(d.Tokens); n < cap(d.Tokens) {
		// Tokens only grows (by add), so the slots past its length are
		// still zero from allocation (or from Release, for a reused
		// slice): write the fields that are not
		d.Tokens = d.Tokens[:n+1]
		t := &d.Tokens[n]
		t.Start, t.End, t.Text, t.Head = s, e, d.Text[s:e], -1
		return
	}
	d.Tokens = append(d.Tokens, doc.Token{Start: s, End: e, Text: d.Text[s:e], Head: -1})
}

// splitChunk splits one whitespace-delimited chunk into tokens.
func splitChunk(d *doc.Doc, s, e int) {
	text := d.Text
	// reference marks glued to a word: "Communicator.[6][7]"
	if k := citationStart(text[s:e]); k > 0 {
		splitChunk(d, s, s+k)
		for k += s; k < e; {
			n := citationLen(text[k:e])
			if n == 0 {
				splitChunk(d, k, e)
				return
			}
			add(d, k, k+1)
			add(d, k+1, k+n-1)
			add(d, k+n-1, k+n)
			k += n
		}
		return
	}
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
		if r == '-' && s+1 < e && 'A' <= text[s+1] && text[s+1] <= 'Z' {
			// a list's dash glued to its first word: "-His opponent's
			// campaign admits ..." (a minus sign goes before digits)
			add(d, s, s+1)
			s++
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

// citationStart returns where the first reference mark ("[12]") starts
// in a chunk after its first byte, or 0.
func citationStart(w string) int {
	for k := 1; k < len(w); {
		i := strings.IndexByte(w[k:], '[')
		if i < 0 {
			return 0
		}
		if k += i; citationLen(w[k:]) > 0 {
			return k
		}
		k++
	}
	return 0
}

// citationLen returns the length of the reference mark ("[12]") w
// starts with, or 0.
func citationLen(w string) int {
	k := 1
	for k < len(w) && k < 5 && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == 1 || k >= len(w) || w[k] != ']' {
		return 0
	}
	return k + 1
}

// keepPeriod reports whether word+"." is an abbreviation or initial.
func keepPeriod(word string) bool {
	if word == "" {
		return false
	}
	if isAbbrev(word) {
		return true
	}
	// initials and dotted abbreviations: "J", "U.S", "a.m"
	if strings.IndexByte(word, '.') >= 0 {
		for p := word; ; {
			k := strings.IndexByte(p, '.')
			part := p
			if k >= 0 {
				part = p[:k]
			}
			if utf8.RuneCountInString(part) > 2 || strings.ContainsAny(part, "0123456789%") {
				return false // a number is no initial: "owns 28.1%. Joe McLean"
			}
			if k < 0 {
				return true
			}
			p = p[k+1:]
		}
	}
	if len(word) == 1 {
		r := rune(word[0])
		return unicode.IsUpper(r)
	}
	return false
}

// isAbbrev reports abbrev[strings.ToLower(word)] without allocating for
// short ASCII words.
func isAbbrev(word string) bool {
	var buf [8]byte
	if len(word) > len(buf) {
		if len(word) > 4*len(buf) {
			return false // no lower-casing shrinks a word by more than 3 in 4 bytes
		}
		return abbrev[strings.ToLower(word)]
	}
	for k := 0; k < len(word); k++ {
		c := word[k]
		if c >= utf8.RuneSelf {
			return abbrev[strings.ToLower(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbrev[string(buf[:len(word)])]
}

// splitWord splits inner dashes, em dashes, curly double quotes and
// clitics from a word.
func splitWord(d *doc.Doc, s, e int) {
	text := d.Text
	// em dashes and "--" inside a chunk separate words: "word—word"
	// Every '-' and every 0xE2 byte (the first byte of each dash) starts a
	// rune, so a byte scan finds the first dash a rune scan would.
	for k := s; k < e; k++ {
		size := 0
		switch text[k] {
		case '-':
			if k+1 < e && text[k+1] == '-' {
				size = 2
			}
		case 0xE2:
			// curly double quotes are never inside a word either: a
			// quote glued to the sentence before it, "Simmons.“Certainly"
			if r, sz := utf8.DecodeRuneInString(text[k:e]); isDash(r) || r == '“' || r == '”' {
				size = sz
			}
		}
		if size > 0 {
			splitChunk(d, s, k)
			add(d, k, k+size)
			splitChunk(d, k+size, e)
			return
		}
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
		// every terminator, and every token the default case below can
		// accept, ends in '.', '!', '?' or '…' (last byte 0xA6)
		if c := t[len(t)-1]; c != '.' && c != '!' && c != '?' && c != 0xA6 {
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
				// a quotation opening with a capital: a name never runs on
				// into one ("backing from Paramount and Warner Bros.
				// "The real benefits are obvious," said ...")
				// (not after an initial: "Robert C. "Bobby" Scott")
				if (nx == "“" || nx == "\"" && opensWord(d.Text, toks[i+1])) && i+2 < n && utf8.RuneCountInString(t) > 2 {
					if r, _ := utf8.DecodeRuneInString(toks[i+2].Text); unicode.IsUpper(r) && toks[i+1].Start > toks[i].End {
						end = true
					}
				}
			}
		}
		if !end {
			continue
		}
		// absorb closing quotes and brackets after the terminator
		j := i + 1
		for j < n && (isCloser(toks[j].Text) && !opensWord(d.Text, toks[j]) || isReferenceMark(toks, j)) {
			if isReferenceMark(toks, j) {
				j += 2 // and the "]" below
			}
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

// isReferenceMark: tokens j.. are "[", a number and "]", a reference
// mark after a sentence's stop ("... staff meeting.[8][9] A small").
func isReferenceMark(toks []doc.Token, j int) bool {
	if j+2 >= len(toks) || toks[j].Text != "[" || toks[j+2].Text != "]" {
		return false
	}
	for _, c := range []byte(toks[j+1].Text) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
	case "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "This", "That", "There", "His", "Her", "Their", "As", "At", "On", "For", "If", "When", "Mr.", "Ms.", "Mrs.",
		// (adverbs and determiners that open a sentence and never go on
		// a name or an address: "president of distribution at Warner
		// Bros. However, US critics were ...")
		"However", "Meanwhile", "Still", "Yet", "So", "Now", "Also", "Its", "These", "Those", "Some", "Many", "Most", "While",
		"Although", "Then", "Our", "You", "Yesterday", "Earlier", "Later", "Instead", "Despite", "Both", "Such":
		return true
	}
	return false
}

// cliticCut returns where a clitic starts in w ("do|n't", "it|'s"), or 0.
func cliticCut(w string) int {
	n := len(w)
	if n < 2 {
		return 0
	}
	apoAt := func(i int) (int, bool) { // apostrophe ending at byte i (exclusive)
		if i >= 1 && w[i-1] == '\'' {
			return i - 1, true
		}
		if i >= 3 && w[i-3:i] == "’" {
			return i - 3, true
		}
		return 0, false
	}
	// n't
	last := w[n-1] | 0x20 // ASCII lower case; non-letters never match below
	if n >= 4 && last == 't' {
		if a, ok := apoAt(n - 1); ok && a >= 2 && (w[a-1] == 'n' || w[a-1] == 'N') {
			return a - 1
		}
	}
	// 's, 'd, 'm, 're, 've, 'll: the clitic is ASCII, so a case-insensitive
	// match of it (strings.EqualFold) is an ASCII one.
	var cl int
	switch last {
	case 's', 'd', 'm':
		cl = 1
	case 'e':
		if p := w[n-2] | 0x20; p == 'r' || p == 'v' {
			cl = 2
		}
	case 'l':
		if w[n-2]|0x20 == 'l' {
			cl = 2
		}
	default:
		return 0
	}
	if cl == 0 || n <= cl {
		return 0
	}
	if a, ok := apoAt(n - cl); ok && a > 0 {
		return a
	}
	return 0
}
