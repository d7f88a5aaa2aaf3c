package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/resolve"
)

// employerSpeakers are the one-word names read as persons that the
// article writes before a word only a company, a body or a club has:
// "Microsoft shares", "a Gartner analyst", "Apple's chief executive",
// "Arsenal striker", "Apple, which ...". They are organisations. A person's surname may
// stand before "spokesman", "aides" or "chief of staff" ("a Trump
// spokesman", "Obama's chief of staff"), so those words say nothing; nor
// is a name that a full name of a person in the article starts or ends
// with, or one written with "he", "she" or a title ("Mr. Obama").
func employerSpeakers(text string, atts []claimtrail.Attribution) map[string]bool {
	var cands map[string]bool
	taken := map[string]bool{}
	for i := range atts {
		sp := &atts[i].Speaker
		if sp.Kind != claimtrail.SpeakerPerson || sp.Name == "" {
			continue
		}
		if f := strings.Fields(sp.Name); len(f) > 1 {
			taken[f[0]], taken[f[len(f)-1]] = true, true
			continue
		}
		if r, _ := utf8.DecodeRuneInString(sp.Name); !unicode.IsUpper(r) {
			continue
		}
		if cands == nil {
			cands = map[string]bool{}
		}
		cands[sp.Name] = true
	}
	for i := range atts {
		// a person's pronoun or title before the name says otherwise
		a := &atts[i]
		if a.Source == nil || !cands[a.Speaker.Name] {
			continue
		}
		for _, w := range strings.Fields(lowerOf(a.Source.Text)) {
			if w == "he" || w == "she" || resolve.Honorific(w) {
				taken[a.Speaker.Name] = true
			}
		}
	}
	var out map[string]bool
	for name := range cands {
		if taken[name] || !beforeCompanyNoun(text, name) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[name] = true
	}
	return out
}

// beforeCompanyNoun reports whether name stands somewhere in text as a
// whole word right before a company noun, with or without "'s", or
// before "which" ("Apple, which ...").
func beforeCompanyNoun(text, name string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return false
		}
		s, e := i+k, i+k+len(name)
		i = e
		if s > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:s]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		rest := text[e:]
		if strings.HasPrefix(rest, " which ") || strings.HasPrefix(rest, ", which ") {
			return true // "Apple, which ...": a person is "who"
		}
		for _, p := range []string{"'s", "’s"} {
			if strings.HasPrefix(rest, p) {
				rest = rest[len(p):]
				break
			}
		}
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		rest = rest[1:]
		w := rest
		if n := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); n >= 0 {
			w = rest[:n]
		}
		if companyNouns[w] {
			return true
		}
	}
}

// companyNouns follow the name of a company, a body or a club, never a
// person's: "Microsoft shares", "Gartner analyst", "Chelsea striker".
var companyNouns = wordSet("shares shareholders stock employees staff executives boss chairman CEO founder " +
	"co-founder analyst analysts engineers customers subscribers products software subsidiary division directors " +
	"striker midfielder defender goalkeeper winger manager " +
	"representative representatives profits profit revenue revenues sales headquarters factory factories plant plants stores " +
	"console consoles store stores technology games website users brand funds screensaver")
