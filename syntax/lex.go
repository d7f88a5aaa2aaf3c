package syntax

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Hashing. Features are 64-bit hashes of (template, values...) so that
// inference allocates nothing per feature: a word's hashes are computed once
// per token by walking its runes, and feature ids are mixes of those.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the splitmix64 finaliser: a cheap, well-spread bijection used to
// combine hashes.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// feat1..feat4 combine a template id with one to four value hashes into a
// feature id, with a single finalising mix: the values are already
// well-spread hashes (or small integers), so multiply-and-rotate steps keep
// the order of arguments significant at the cost of a few cycles.
func feat1(tmpl, a uint64) uint64 { return mix64(a ^ tmpl*0x9e3779b97f4a7c15) }
func feat2(tmpl, a, b uint64) uint64 {
	return mix64((a^tmpl*0x9e3779b97f4a7c15)*0xc2b2ae3d27d4eb4f + bits.RotateLeft64(b, 31))
}
func feat3(tmpl, a, b, c uint64) uint64 {
	h := (a^tmpl*0x9e3779b97f4a7c15)*0xc2b2ae3d27d4eb4f + bits.RotateLeft64(b, 31)
	return mix64(h*0x165667b19e3779f9 + bits.RotateLeft64(c, 17))
}

// hashString is FNV-1a over the bytes of s; used for tags and labels.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix64(h)
}

// Sentinel hashes for positions outside the sentence and the parser's root.
var (
	hashStart  = hashString("-START-")
	hashStart2 = hashString("-START2-")
	hashEnd    = hashString("-END-")
	hashEnd2   = hashString("-END2-")
	hashRoot   = hashString("-ROOT-")
	hashNone   = hashString("-NONE-")
)

// Flags describing a word's form.
const (
	flagInitUpper uint8 = 1 << iota
	flagAllUpper
	flagHasUpper
	flagHasDigit
	flagHasHyphen
	flagHasAlpha
	flagAllDigitPunct // digits with , . - / : only, e.g. "2,000" "9/11"
)

// lexeme holds the hashes of one token's forms. All hashes are of the
// normalised word (see normRune and specialForm), so that a curly, a
// straight and a PTB double quote look the same to every model.
type lexeme struct {
	exact uint64    // normalised word, case kept
	lower uint64    // lower-cased, digits mapped to 0
	suf   [4]uint64 // last 1..4 runes of lower (suf[k-1] is k runes)
	pre1  uint64    // first rune, case kept
	pre3  uint64    // first 3 runes of lower
	shape uint64    // X/x/d shape with runs capped at 2
	flags uint8
}

// specialForm maps whole tokens whose PTB spelling differs from the raw
// text to one canonical form: CoreNLP writes PTB quotes (two backquotes,
// two apostrophes), -LRB- and --, while a tokenizer of raw text yields
// curly quotes, brackets and em dashes. ok is false for other words.
func specialForm(w string) (string, bool) {
	switch w {
	case "``", "''", "\"", "“", "”", "„", "‟", "«", "»", "″", "〞", "＂":
		return "\"", true
	case "`", "'", "‘", "’", "‚", "‛", "‹", "›":
		return "'", true
	case "-LRB-", "(":
		return "(", true
	case "-RRB-", ")":
		return ")", true
	case "-LSB-", "[":
		return "[", true
	case "-RSB-", "]":
		return "]", true
	case "-LCB-", "{":
		return "{", true
	case "-RCB-", "}":
		return "}", true
	case "--", "---", "–", "—", "―", "−", "‒":
		return "--", true
	case "...", "…", ". . .", "....":
		return "...", true
	}
	return "", false
}

// normRune maps typographic variants to ASCII inside words: ’ in "don’t"
// or "O’Brien" becomes ', dashes inside words become -.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', '‛', '`', '´', 'ʼ':
		return '\''
	case '“', '”', '„', '«', '»':
		return '"'
	case '–', '—', '‐', '‑', '‒', '−':
		return '-'
	case '\u00a0':
		return ' '
	}
	return r
}

func shapeOf(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// hashRune folds one rune into an FNV-style running hash.
func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(uint32(r))
	h *= fnvPrime
	return h
}

// lowerHash is lex(w).lower, computed alone (the parser needs no more).
func lowerHash(w string) uint64 {
	if s, ok := specialForm(w); ok {
		w = s
	}
	h := uint64(fnvOffset)
	n := 0
	for _, r := range w {
		r = normRune(r)
		lo := '0'
		if r < '0' || r > '9' {
			lo = toLower(r)
		}
		h = hashRune(h, lo)
		n++
	}
	if n == 0 {
		return hashNone
	}
	return mix64(h)
}

// lex computes the hashes of one word without allocating.
func lex(w string) lexeme {
	// Special forms start with punctuation or a non-ASCII byte; most words
	// start with a letter or digit and skip the switch.
	if len(w) == 0 || asciiInfo[w[0]&0x7f].flags&(flagHasAlpha|flagHasDigit) == 0 || w[0] >= utf8.RuneSelf {
		if s, ok := specialForm(w); ok {
			w = s
		}
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return lexRunes(w)
		}
	}
	return lexASCII(w)
}

// asciiInfo describes an ASCII byte for lexASCII: its normalised form,
// shape, lower-cased (digit-mapped) form and flags.
type asciiByte struct {
	norm, shape, lower byte
	flags              uint8 // flagHasUpper|flagHasAlpha, flagHasDigit, flagHasHyphen
	numericPunct       bool  // , . - / : or a digit
}

var asciiInfo = func() (t [utf8.RuneSelf]asciiByte) {
	for b := range utf8.RuneSelf {
		r := normRune(rune(b))
		e := asciiByte{norm: byte(r), shape: byte(shapeOf(r)), lower: byte(toLower(r))}
		switch {
		case r >= '0' && r <= '9':
			e.lower = '0'
			e.flags |= flagHasDigit
			e.numericPunct = true
		case r == ',' || r == '.' || r == '-' || r == '/' || r == ':':
			e.numericPunct = true
		}
		switch e.shape {
		case 'X':
			e.flags |= flagHasUpper | flagHasAlpha
		case 'x':
			e.flags |= flagHasAlpha
		}
		if r == '-' {
			e.flags |= flagHasHyphen
		}
		t[b] = e
	}
	return
}()

// finish sets the flags and hashes both lexers derive the same way from
// their running counts and hashes.
func (lx *lexeme) finish(allUpper, nonNumeric bool, hExact, hLower, hShape, hPre3 uint64) {
	if allUpper {
		lx.flags |= flagAllUpper
	}
	if !nonNumeric && lx.flags&flagHasDigit != 0 {
		lx.flags |= flagAllDigitPunct
	}
	lx.exact = mix64(hExact)
	lx.lower = mix64(hLower)
	lx.shape = mix64(hShape ^ 0x5bd1e995)
	lx.pre3 = mix64(hPre3 ^ 0x1b873593)
}

// lexASCII is lexRunes for a word of ASCII bytes (already through
// specialForm), by table lookups; it gives the same hashes.
func lexASCII(w string) lexeme {
	var lx lexeme
	n := len(w)
	if n == 0 {
		return lexRunes(w)
	}
	hExact, hLower, hShape, hPre3 := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var prevShape byte
	run := 0
	upper, letters := 0, 0
	nonNumeric := false
	for i := 0; i < n; i++ {
		e := &asciiInfo[w[i]&0x7f]
		lx.flags |= e.flags
		if !e.numericPunct {
			nonNumeric = true
		}
		switch e.shape {
		case 'X':
			upper++
			letters++
		case 'x':
			letters++
		}
		hExact = (hExact ^ uint64(e.norm)) * fnvPrime
		hLower = (hLower ^ uint64(e.lower)) * fnvPrime
		if i < 3 {
			hPre3 = (hPre3 ^ uint64(e.lower)) * fnvPrime
		}
		if e.shape == prevShape {
			run++
		} else {
			run = 1
			prevShape = e.shape
		}
		if run <= 2 {
			hShape = (hShape ^ uint64(e.shape)) * fnvPrime
		}
	}
	first := &asciiInfo[w[0]&0x7f]
	lx.pre1 = mix64(hashRune(fnvOffset, rune(first.norm)))
	if first.shape == 'X' {
		lx.flags |= flagInitUpper
	}
	lx.finish(upper == letters && letters > 0, nonNumeric, hExact, hLower, hShape, hPre3)
	for k := 1; k <= 4; k++ {
		if k > n {
			lx.suf[k-1] = lx.suf[k-2] // whole word already
			continue
		}
		h := uint64(fnvOffset) + uint64(k)
		for j := n - k; j < n; j++ {
			h = (h ^ uint64(asciiInfo[w[j]&0x7f].lower)) * fnvPrime
		}
		lx.suf[k-1] = mix64(h)
	}
	return lx
}

// lexRunes is lex for any word (already through specialForm).
func lexRunes(w string) lexeme {
	var lx lexeme
	hExact, hLower, hShape, hPre3 := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var ring [4]rune // last 4 lower runes
	var prevShape rune
	run := 0
	n := 0
	upper, letters := 0, 0
	nonNumeric := false
	for _, r := range w {
		r = normRune(r)
		sh := shapeOf(r)
		lo := toLower(r)
		if r >= '0' && r <= '9' {
			lo = '0'
			lx.flags |= flagHasDigit
		} else if r != ',' && r != '.' && r != '-' && r != '/' && r != ':' {
			nonNumeric = true
		}
		switch sh {
		case 'X':
			upper++
			letters++
			lx.flags |= flagHasUpper | flagHasAlpha
			if n == 0 {
				lx.flags |= flagInitUpper
			}
		case 'x':
			letters++
			lx.flags |= flagHasAlpha
		}
		if r == '-' {
			lx.flags |= flagHasHyphen
		}
		if n == 0 {
			lx.pre1 = mix64(hashRune(fnvOffset, r))
		}
		if n < 3 {
			hPre3 = hashRune(hPre3, lo)
		}
		hExact = hashRune(hExact, r)
		hLower = hashRune(hLower, lo)
		if sh == prevShape {
			run++
		} else {
			run = 1
			prevShape = sh
		}
		if run <= 2 {
			hShape = hashRune(hShape, sh)
		}
		ring[n&3] = lo
		n++
	}
	if n == 0 {
		lx.exact, lx.lower, lx.shape, lx.pre1, lx.pre3 = hashNone, hashNone, hashNone, hashNone, hashNone
		lx.suf = [4]uint64{hashNone, hashNone, hashNone, hashNone}
		return lx
	}
	lx.finish(upper == letters && letters > 0, nonNumeric, hExact, hLower, hShape, hPre3)
	// Suffixes from the ring, shortest first: suf[k-1] hashes the last k runes.
	for k := 1; k <= 4; k++ {
		h := uint64(fnvOffset) + uint64(k)
		if k > n {
			lx.suf[k-1] = lx.suf[k-2] // whole word already
			continue
		}
		for j := n - k; j < n; j++ {
			h = hashRune(h, ring[j&3])
		}
		lx.suf[k-1] = mix64(h)
	}
	return lx
}
