// Package lang tells the language an article is written in, so that the
// English models are not run on text they were never trained for.
//
// # Choice of library
//
// Detection uses github.com/abadojack/whatlanggo (MIT, pure Go, a port of
// whatlang-rs: trigram profiles of 84 languages in about 400 KB of Go
// source, no model loading, no state). github.com/pemistahl/lingua-go was
// measured against it (December 2026, same machine): lingua-go embeds the
// models of all its 75 languages whatever set one builds a detector for,
// so a binary that imports it grows by about 130 MB (a probe binary: 135 MB
// against 3 MB with whatlanggo), and in its low-accuracy mode restricted
// to 15 languages it took 7.4 ms for one BBC article against 1.8 ms for
// whatlanggo. lingua-go is the more accurate on short text; articles are
// long, and the sample read here (the first 2 KB) is enough for trigrams.
//
// Most articles claimtrail reads are English, so a cheap count of English
// function words decides those without running the trigram detector at
// all (see Detect), which keeps the cost per article a small fraction of
// extraction.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// English is the code of the language the extraction models are for.
const English = "en"

// sampleBytes is how much of the text is looked at.
const sampleBytes = 2048

// minWords is the fewest words a text needs for a verdict; shorter texts
// give "" (unknown).
const minWords = 6

// Detect returns the ISO 639-1 code of text's language ("en", "de", "fr",
// "es", ...; the ISO 639-3 code for a language without a two-letter one),
// or "" when the text is too short or the detector unsure.
//
// The first 2 KB are read. When at least a fifth of their words are
// English function words ("the", "of", "said", ...) and English has more
// than twice the hits of German, French or Spanish function words, the
// text is English without further ado; otherwise whatlanggo's trigram
// detector decides, its verdict kept when reliable, else the function
// words' when they are clear, else its best guess for a long text with
// almost no English function words.
func Detect(text string) string {
	sample := text
	if len(sample) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	words, hits := countWords(sample)
	if words < minWords {
		return ""
	}
	best, second := 0, -1
	for i := 1; i < numLangs; i++ {
		if hits[i] > hits[best] {
			best = i
		}
	}
	for i := 0; i < numLangs; i++ {
		if i != best && (second < 0 || hits[i] > hits[second]) {
			second = i
		}
	}
	clear := hits[best]*5 >= words && hits[best] > 2*hits[second]
	if clear && best == en {
		return English
	}
	info := whatlanggo.DetectWithOptions(sample, whatlanggo.Options{})
	if info.Lang >= 0 && info.IsReliable() {
		return code(info.Lang)
	}
	if clear {
		return codes[best]
	}
	// A long text with almost no English function words is not English
	// even when the detector hesitates between neighbours (Czech and
	// Slovak): its best guess beats running the English models on it.
	if words >= 30 && hits[en]*20 < words && info.Lang >= 0 {
		return code(info.Lang)
	}
	return ""
}

// code is a language's ISO 639-1 code, else its ISO 639-3 one.
func code(l whatlanggo.Lang) string {
	if c := l.Iso6391(); c != "" {
		return c
	}
	return l.Iso6393()
}

// countWords counts the words of s as forEachWord gives them, and the
// function words of each language among them (TestCountWords).
//
// ASCII is read a byte at a time from tables: a word's letters in a
// tight loop, and an ASCII word is lower-cased and looked up only when
// its length and first and last bytes may make a function word (most
// words are told otherwise). A word with a non-ASCII letter goes to
// forEachWord, which lower-cases and splits it as it splits the text.
func countWords(s string) (words int, hits [numLangs]int) {
	count := func(l uint8) {
		for i := range hits {
			if l&(1<<i) != 0 {
				hits[i]++
			}
		}
	}
	var buf [len(firstLens)]byte
	n := len(s)
	for i := 0; i < n; {
		i = skipASCII(s, i, &notLetter) // spaces, digits, marks, apostrophes outside a word
		if i >= n {
			break
		}
		if c := s[i]; !asciiLetter[c] {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
		}
		// a word starts at i: letters, and apostrophes after its first
		start, ascii := i, true
		for {
			i = skipASCII(s, i, &inASCIIWord)
			if i >= n || s[i] < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && r != '’' {
				break
			}
			ascii = false
			i += size
		}
		w := s[start:i]
		if !ascii {
			forEachWord(w, func(w []byte) {
				words++
				if len(w) < len(firstLens) && firstLens[len(w)]&(1<<(w[0]&63)) != 0 && lastLens[len(w)]&(1<<(w[len(w)-1]&63)) != 0 {
					count(functionTable.langs(w))
				}
			})
			continue
		}
		words++
		// (an ASCII word's bytes are letters and apostrophes, 0x27,
		// which c|0x20 leaves as it is: c|0x20 lower-cases them all)
		m := len(w)
		if m >= len(firstLens) || firstLens[m]&(1<<((w[0]|0x20)&63)) == 0 || lastLens[m]&(1<<((w[m-1]|0x20)&63)) == 0 {
			continue
		}
		b := buf[:m]
		for k := range b {
			b[k] = w[k] | 0x20
		}
		if l := functionTable.langs(b); l != 0 {
			count(l)
		}
	}
	return words, hits
}

// asciiLetter holds the ASCII bytes unicode.IsLetter reports (256
// entries, so that indexing it by a byte needs no bounds check).
var asciiLetter = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c))
	}
	return t
}()

// skipASCII returns the index of the first byte of s from i on that is
// not in set (len(s) if none): the scanning loop of countWords in a
// function of its own, so that its index stays in a register.
func skipASCII(s string, i int, set *[256]bool) int {
	for i < len(s) && set[s[i]] {
		i++
	}
	return i
}

// notLetter holds the ASCII bytes that are no letter.
var notLetter = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiLetter[c]
	}
	return t
}()

// inASCIIWord holds the ASCII bytes that go on a word once started:
// letters and the apostrophe.
var inASCIIWord = func() (t [256]bool) {
	t = asciiLetter
	t['\''] = true
	return t
}()

// forEachWord calls fn with each lower-cased run of letters (apostrophes
// inside kept: "l'an", "don't"). The bytes fn is given are only valid
// during the call: an ASCII word is lower-cased into a buffer of the
// stack, so that counting words allocates nothing (strings.ToLower
// allocated for each capitalised word).
func forEachWord(s string, fn func([]byte)) {
	var buf [32]byte
	emit := func(w string) {
		if len(w) > len(buf) {
			fn([]byte(strings.ToLower(w)))
			return
		}
		b := buf[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				fn(append(buf[:0], strings.ToLower(w)...))
				return
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		fn(b)
	}
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r) || (start >= 0 && (r == '\'' || r == '’'))
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			emit(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		emit(s[start:])
	}
}

const (
	en = iota
	de
	fr
	es
	numLangs
)

var codes = [numLangs]string{"en", "de", "fr", "es"}

// functionWords maps a frequent function word to the languages (bit set)
// it belongs to; words common to two languages count for both.
var functionWords = func() map[string]uint8 {
	lists := [numLangs]string{
		en: "the of and to a in is that for on was with he it as at by said from his her they this have has are be not but were will would who which their its had been an or we she after about also more than when one there",
		de: "der die das und ist nicht den dem des ein eine einer eines mit von zu auf für sich auch sagte sagt es im wird wurde sind war bei nach aus wie oder aber noch nur dass werden hat haben vor über er sie wir",
		fr: "le la les et est des du un une que qui dans pour pas sur au aux avec ce cette il elle ont été sont par plus mais ou son sa ses leur a dit déclaré selon ne se nous être",
		es: "el la los las y es del en que un una por con para no se su sus al lo como más pero fue ha han dijo según sobre también este esta entre ya sin muy desde",
	}
	m := map[string]uint8{}
	for l, list := range lists {
		for _, w := range strings.Fields(list) {
			m[w] |= 1 << l
		}
	}
	return m
}()

// firstLens[n] has bit b&63 set for the first byte b of each function
// word of n bytes: most words of a text are none, and are told so
// without the map.
var firstLens = func() (f [16]uint64) {
	for w := range functionWords {
		if len(w) >= len(f) {
			panic("lang: function word " + w + " too long for firstLens")
		}
		f[len(w)] |= 1 << (w[0] & 63)
	}
	return f
}()

// functionTable is functionWords as an open-addressing table: a look-up
// hashes the bytes and compares one or two keys, where the map's cost
// several times as much (half the words of a text are looked up).
var functionTable = func() (t wordTable) {
	for w, l := range functionWords {
		i := wordSlot([]byte(w))
		for t.keys[i] != "" {
			i = (i + 1) % len(t.keys)
		}
		t.keys[i], t.lang[i] = w, l
	}
	return t
}()

type wordTable struct {
	keys [512]string // "": empty
	lang [512]uint8
}

func wordSlot(w []byte) int {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return int(h>>16) % len(wordTable{}.keys)
}

// langs is functionWords[string(w)].
func (t *wordTable) langs(w []byte) uint8 {
	for i := wordSlot(w); t.keys[i] != ""; i = (i + 1) % len(t.keys) {
		if t.keys[i] == string(w) {
			return t.lang[i]
		}
	}
	return 0
}

// lastLens is firstLens for the last byte.
var lastLens = func() (f [len(firstLens)]uint64) {
	for w := range functionWords {
		f[len(w)] |= 1 << (w[len(w)-1] & 63)
	}
	return f
}()
