package extract

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// repeatedQuoteSpeakers gives a quote standing alone that nobody was
// found for the speaker of the same words quoted earlier or later in the
// article: a writer who quotes a tweet or a remark with its speaker
// often quotes it again, alone, to comment on it ("Uber stepped in and
// tweeted this announcement: “... Fares have increased ...”" and, four
// paragraphs on, "“… Fares have increased ...”" by itself). The words
// must be four or more and all stand, in order, in the other quote (or
// that one's in these), and the other's speaker must be a person or an
// organisation (not an outlet, which only prints what others said) given
// by a source with a name in it, written in the text, in a direct quote
// whose own words, not a phrase it quotes in turn, hold these: a guess
// is not passed on.
func repeatedQuoteSpeakers(atts []claimtrail.Attribution) {
	var quoted [][]string       // per attribution, its quoted words (nil when not a giver)
	var byGram map[string][]int // four words in a row -> the givers holding them
	for i := range atts {
		a := &atts[i]
		if a.Source != nil || a.Speaker.Name != "" || a.Kind != claimtrail.KindDirect {
			continue
		}
		words := quotedWords(claimtrail.VerbatimQuotes(claimtrail.KindDirect, a.Content))
		if len(words) < 4 {
			continue
		}
		if quoted == nil {
			quoted, byGram = givers(atts)
		}
		// only the givers holding the first four words are compared: a
		// page of thousands of quotes stays linear
		for _, j := range byGram[strings.Join(words[:4], " ")] {
			if j != i && containsRun(quoted[j], words) {
				a.Speaker = atts[j].Speaker
				a.Flags = append(a.Flags, "speaker-from-context", "repeated-quote")
				break
			}
		}
	}
}

// givers returns the quoted words of each attribution that may give its
// speaker to a repeated quote (see repeatedQuoteSpeakers) and an index
// of their four-word runs.
func givers(atts []claimtrail.Attribution) ([][]string, map[string][]int) {
	quoted := make([][]string, len(atts))
	byGram := map[string][]int{}
	for j := range atts {
		b := &atts[j]
		if b.Source == nil || b.Speaker.Name == "" || b.Kind != claimtrail.KindDirect ||
			!(b.Speaker.Kind == claimtrail.SpeakerPerson || b.Speaker.Kind == claimtrail.SpeakerOrganization && !outletName(b.Speaker.Name) && !mediaTail[lastWord(b.Speaker.Name)]) ||
			!strings.ContainsFunc(b.Source.Text, unicode.IsUpper) {
			continue
		}
		quoted[j] = quotedWords(withoutInnerQuotes(claimtrail.VerbatimQuotes(claimtrail.KindDirect, b.Content)))
		seen := map[string]bool{}
		for k := 0; k+4 <= len(quoted[j]); k++ {
			g := strings.Join(quoted[j][k:k+4], " ")
			if !seen[g] {
				seen[g] = true
				byGram[g] = append(byGram[g], j)
			}
		}
	}
	return quoted, byGram
}

// withoutInnerQuotes drops from each piece what stands inside quote
// marks within it: a speaker who quotes someone else's phrase ("His
// claim that the Tories were planning 'a period of creative destruction'
// ...") has not said it first, so the phrase quoted alone elsewhere is
// not his. An opening mark follows a space or a piece's start, a closing
// one comes before a space, punctuation or the end (so apostrophes stay).
func withoutInnerQuotes(pieces []claimtrail.Span) []claimtrail.Span {
	out := make([]claimtrail.Span, 0, len(pieces))
	for _, p := range pieces {
		var b strings.Builder
		rs := []rune(p.Text)
		for i := 0; i < len(rs); i++ {
			if claimtrail.IsQuoteMark(rs[i]) && (i == 0 || unicode.IsSpace(rs[i-1])) {
				k := i + 1
				for k < len(rs) && !(claimtrail.IsQuoteMark(rs[k]) && (k+1 == len(rs) || !unicode.IsLetter(rs[k+1]))) {
					k++
				}
				if k < len(rs) {
					i = k
					b.WriteRune(' ')
					continue
				}
			}
			b.WriteRune(rs[i])
		}
		p.Text = b.String()
		out = append(out, p)
	}
	return out
}

// quotedWords are the lower-case words of the pieces, letters and digits
// only ("Don’t" → "dont"), ellipses and marks dropped.
func quotedWords(pieces []claimtrail.Span) []string {
	var out []string
	for _, p := range pieces {
		for _, f := range strings.FieldsFunc(p.Text, func(r rune) bool { return unicode.IsSpace(r) || r == '…' || r == '—' || r == '–' }) {
			w := strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return unicode.ToLower(r)
				}
				return -1
			}, f)
			if w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// containsRun reports whether run stands in words as consecutive words.
func containsRun(words, run []string) bool {
	if len(run) == 0 || len(run) > len(words) {
		return false
	}
	for s := 0; s+len(run) <= len(words); s++ {
		k := 0
		for k < len(run) && words[s+k] == run[k] {
			k++
		}
		if k == len(run) {
			return true
		}
	}
	return false
}
