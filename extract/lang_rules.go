package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// Articles not in English: the learned models know English only, so
// their guesses on other languages are noise. For German, French and
// Spanish a small set of layout rules finds direct quotes with a named
// speaker ("«...», dijo Ana Torres", "„...“, sagte Klaus Weber", "Marie
// Dubois a déclaré : « ... »"); every other quote, and every quote in
// another language, is reported from its quote marks alone, with no
// speaker and the flag FlagQuoteMarksOnly.

// Flags set on attributions of articles not in English.
const (
	// FlagQuoteMarksOnly: found from quote marks alone, no speech verb or
	// speaker read (a language without rules, or no rule matched).
	FlagQuoteMarksOnly = "quote-marks-only"
	// FlagLanguageRules: found by the rules of a language other than
	// English, not by the learned models.
	FlagLanguageRules = "language-rules"
)

// speechRules are one language's speech verbs (regexp alternatives, the
// longer first) for the two orders a quote and its speaker come in.
type speechRules struct {
	// cues follow the quote and come before or after the speaker:
	// "«...», dijo NAME", "«...», NAME dijo".
	cues string
	// relay are words that put the speaker before the quote without a
	// verb: "según NAME", "selon NAME", "laut NAME", and German "so NAME"
	// after it.
	relay string
	// after are relay words that follow the quote: „...“, so NAME.
	after string
}

var languageRules = map[string]speechRules{
	"es": {
		cues: `ha (?:dicho|afirmado|asegurado|declarado|explicado|señalado|añadido|advertido|subrayado|indicado)|` +
			`dijo|dice|afirmó|afirma|aseguró|asegura|declaró|declara|explicó|explica|añadió|agregó|señaló|señala|indicó|` +
			`comentó|sostuvo|advirtió|insistió|respondió|subrayó|manifestó|expresó|destacó|apuntó|precisó|reconoció|admitió|denunció|criticó|concluyó`,
		relay: `según`,
	},
	"fr": {
		cues: `a (?:déclaré|dit|affirmé|expliqué|ajouté|souligné|assuré|indiqué|estimé|précisé|martelé|répondu|confié|reconnu|averti|insisté|lancé|commenté|dénoncé|regretté|jugé|rappelé|prévenu)|` +
			`déclare|dit|affirme|explique|ajoute|souligne|assure|estime|précise|indique|lance|martèle|déclarait|affirmait|expliquait`,
		relay: `selon|d'après`,
	},
	"de": {
		cues: `hat (?:gesagt|erklärt|betont)|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|kritisierte|warnte|forderte|` +
			`versicherte|bekräftigte|ergänzte|schrieb|sagte dazu|erläuterte|unterstrich|räumte ein|fügte hinzu`,
		relay: `laut|nach Angaben von`,
		after: `so`,
	},
}

// nameWord is one word of a name; particles join them.
const (
	// (a period only after an initial or a title: "Laurent Fabius. Il
	// accueillait" ends the name before the next sentence)
	nameWord = `(?:(?:Dr|Mme|Mlle|Sr|Sra|Prof|St|Jr)\.|\p{Lu}\.|\p{Lu}[\p{L}\p{M}’'\-]*)`
	particle = `(?:de la|de los|de las|del|de|da|do|dos|das|di|du|des|la|le|von der|von|van der|van|der|zu|y|e|bin|ibn)`
	namePat  = nameWord + `(?:\s+(?:` + particle + `\s+)?` + nameWord + `){0,4}`
	// rolePat is a lower-case description before a name, with its
	// article: "el ministro de Economía", "la porte-parole", "der Sprecher".
	rolePat = `(?:(?:el|la|los|las|le|les|l'|der|die|das|den|dem)\s*(?:[\p{Ll}\-]+\s+){0,3}` +
		`(?:(?:de|del|de la|des|du|der|von)\s+` + nameWord + `(?:\s+` + nameWord + `)?,?\s+)?)?`
)

// appositionName is a name set off by a comma after a role ("..., Carlos
// Cuerpo"); particleBefore says the first capitalised words were the
// role's complement ("ministro de Economía").
var (
	appositionName = regexp.MustCompile(`^,\s*(` + namePat + `)`)
	particleBefore = regexp.MustCompile(`\s(?:de|del|de la|des|du|der|von)\s+$`)
)

// compiledRules are a language's rules as regular expressions.
type compiledRules struct {
	afterCueName *regexp.Regexp // «...», dijo [role] NAME
	afterNameCue *regexp.Regexp // «...», NAME dijo
	beforeName   *regexp.Regexp // NAME [, role,] dijo: «...»
	relayBefore  *regexp.Regexp // según NAME, «...»
	relayAfter   *regexp.Regexp // „...“, so NAME
}

var compiledLanguageRules = func() map[string]*compiledRules {
	out := map[string]*compiledRules{}
	for lang, r := range languageRules {
		// (a space inside a cue is any run of spaces: "a\u00a0déclaré"
		// is "a" and two spaces after plainSpaces)
		r.cues = strings.ReplaceAll(r.cues, " ", `\s+`)
		c := &compiledRules{
			afterCueName: regexp.MustCompile(`^\s*[,.;:]?\s*[–—-]?\s*(` + r.cues + `)\s+` + rolePat + `(` + namePat + `)`),
			afterNameCue: regexp.MustCompile(`^\s*[,;]?\s*[–—-]?\s*(` + namePat + `)\s+(` + r.cues + `)\b`),
			beforeName:   regexp.MustCompile(`(` + namePat + `)(?:\s*,[^,:«»„“"]{1,60},)?\s+(` + r.cues + `)(?:\s+\p{Ll}+){0,3}\s*[:,]?\s*$`),
		}
		if r.relay != "" {
			c.relayBefore = regexp.MustCompile(`(?i:` + r.relay + `)\s+` + rolePat + `(` + namePat + `)(?:\s*,[^,:«»„“"]{1,60})?\s*[:,]?\s*$`)
		}
		if r.after != "" {
			c.relayAfter = regexp.MustCompile(`^\s*,\s*(` + r.after + `)\s+` + rolePat + `(` + namePat + `)`)
		}
		out[lang] = c
	}
	return out
}()

// foreignNotNames are capitalised words that start sentences or are pronouns,
// never a speaker's name.
var foreignNotNames = map[string]bool{
	"er": true, "sie": true, "es": true, "wir": true, "ich": true, "man": true, "der": true, "die": true, "das": true,
	"il": true, "elle": true, "ils": true, "elles": true, "on": true, "je": true, "nous": true, "le": true, "la": true, "les": true,
	"él": true, "ella": true, "ellos": true, "ellas": true, "yo": true, "nosotros": true, "el": true, "los": true, "las": true,
	"usted": true, "ustedes": true, "dies": true, "ce": true, "cela": true, "esto": true, "eso": true, "aquí": true,
}

// titles are words before a name that are not part of it.
var nameTitles = map[string]bool{
	"herr": true, "frau": true, "dr.": true, "prof.": true, "m.": true, "mme": true, "mme.": true, "mlle": true,
	"sr.": true, "sra.": true, "don": true, "doña": true, "bürgermeister": true, "bürgermeisterin": true,
	"kanzler": true, "kanzlerin": true, "bundeskanzler": true, "bundeskanzlerin": true, "minister": true, "ministerin": true,
	"präsident": true, "präsidentin": true, "sprecher": true, "sprecherin": true, "ministerpräsident": true, "ministerpräsidentin": true,
	"chef": true, "chefin": true, "vorsitzende": true, "vorsitzender": true,
}

// extractForeign finds the attributions of an article in language lang
// (not English): rules for German, French and Spanish, quote marks alone
// otherwise.
func extractForeign(text, lang string) *claimtrail.Extraction {
	return extractForeignDoc(segment.Segment(text), lang)
}

// extractForeignDoc is extractForeign over text already segmented.
func extractForeignDoc(d *doc.Doc, lang string) *claimtrail.Extraction {
	text := d.Text
	runes := doc.NewRunes(text)
	x := &claimtrail.Extraction{Title: title(d), Language: lang, Attributions: []claimtrail.Attribution{}, Markers: []claimtrail.Marker{}}
	rules := compiledLanguageRules[lang]
	span := func(s, e int) *claimtrail.Span {
		return &claimtrail.Span{Start: runes.At(s), End: runes.At(e), Text: text[s:e]}
	}
	paraEnd, paraStart := func(off int) int { return paraBound(d, off, true) }, func(off int) int { return paraBound(d, off, false) }
	lastSpeaker, lastSpeakerPara := claimtrail.Speaker{}, -2
	for _, q := range d.Quotes {
		if q.Depth != 0 || letterWords(text[q.Start:q.End]) < 2 {
			continue
		}
		a := claimtrail.Attribution{
			Kind: claimtrail.KindDirect, Content: []claimtrail.Span{*span(q.Start, q.End)},
			AccordingTo: []string{}, Markers: []claimtrail.Marker{},
			Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}, Confidence: 0.3,
		}
		if q.Unclosed {
			a.Flags = append(a.Flags, "unclosed-quote")
		}
		para := paraIndex(d, q.Start)
		matched := false
		if rules != nil {
			after := text[q.End:paraEnd(q.End)]
			after = after[:cutRunes(after, 160)]
			before := text[paraStart(q.Start):q.Start]
			if len(before) > 200 {
				cut := len(before) - 200
				for cut < len(before) && !utf8.RuneStart(before[cut]) {
					cut++
				}
				before = before[cut:]
			}
			after, before = plainSpaces(after), plainSpaces(before)
			beforeOff := q.Start - len(before)
			var srcS, srcE, cueS, cueE int
			switch {
			case matchAt(rules.afterCueName, after, &cueS, &cueE, &srcS, &srcE, 1, 2, false):
				// "el ministro de Economía, Carlos Cuerpo": the name in
				// apposition after a role's complement
				if m := appositionName.FindStringSubmatchIndex(after[srcE:]); m != nil && particleBefore.MatchString(after[:srcS]) {
					srcS, srcE = srcE+m[2], srcE+m[3]
				}
				cueS, cueE, srcS, srcE = q.End+cueS, q.End+cueE, q.End+srcS, q.End+srcE
				matched = true
			case rules.relayAfter != nil && matchAt(rules.relayAfter, after, &cueS, &cueE, &srcS, &srcE, 1, 2, false):
				cueS, cueE, srcS, srcE = q.End+cueS, q.End+cueE, q.End+srcS, q.End+srcE
				matched = true
			case matchAt(rules.afterNameCue, after, &srcS, &srcE, &cueS, &cueE, 1, 2, false):
				cueS, cueE, srcS, srcE = q.End+cueS, q.End+cueE, q.End+srcS, q.End+srcE
				matched = true
			case matchAt(rules.beforeName, before, &srcS, &srcE, &cueS, &cueE, 1, 2, true):
				cueS, cueE, srcS, srcE = beforeOff+cueS, beforeOff+cueE, beforeOff+srcS, beforeOff+srcE
				matched = true
			case rules.relayBefore != nil && matchAt(rules.relayBefore, before, &srcS, &srcE, &cueS, &cueE, 1, 0, true):
				// the relay word is the cue: "según", "selon", "laut"
				m := rules.relayBefore.FindStringIndex(before)
				cueS, cueE = beforeOff+m[0], beforeOff+m[0]+len(strings.Fields(before[m[0]:])[0])
				srcS, srcE = beforeOff+srcS, beforeOff+srcE
				matched = true
			}
			if matched {
				name := fullName(text[:srcS], speakerName(text[srcS:srcE], lang))
				if name == "" {
					matched = false
				} else {
					a.Source, a.Cue = span(srcS, srcE), span(cueS, cueE)
					a.Speaker = claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerPerson}
					a.Confidence = 0.8
					a.Flags = append(a.Flags, FlagLanguageRules)
					lastSpeaker, lastSpeakerPara = a.Speaker, para
				}
			}
			if !matched && pronounCueRe[lang] != nil && pronounCueRe[lang].MatchString(after) && lastSpeaker.Name != "" && para-lastSpeakerPara <= 1 {
				// "«...», a-t-il ajouté", "„...“, sagte er": the speaker
				// named just before
				a.Speaker = lastSpeaker
				a.Confidence = 0.6
				a.Flags = append(a.Flags, FlagLanguageRules, "speaker-from-context")
				matched = true
			}
		}
		if !matched {
			// as for English quotes standing alone: shorter ones are
			// scare quotes, names and titles («boîtes noires»)
			if letterWords(text[q.Start:q.End]) < 4 {
				continue
			}
			a.Flags = append(a.Flags, FlagQuoteMarksOnly)
		}
		a.Quotes = claimtrail.VerbatimQuotes(a.Kind, a.Content)
		x.Attributions = append(x.Attributions, a)
	}
	return x
}

// plainSpaces writes the no-break spaces of French typography ("a
// ajouté\u00a0Laurent Fabius", "«\u202fNous ...\u202f»") as plain spaces,
// one per byte, so that the rules' \s matches them (RE2's \s is ASCII
// only) and byte offsets into the text stay the same.
func plainSpaces(s string) string {
	if !strings.ContainsRune(s, '\u00a0') && !strings.ContainsRune(s, '\u202f') && !strings.ContainsRune(s, '\u2009') {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\u00a0':
			b.WriteString("  ")
		case '\u202f', '\u2009':
			b.WriteString("   ")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// letterWords counts the words of s that hold a letter (quote marks
// standing apart, as in French « ... », are not words).
func letterWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// matchAt runs re on s and stores the byte spans of groups g1 and g2 (0:
// unused); fromEnd asks for the last match (the one nearest the quote).
func matchAt(re *regexp.Regexp, s string, s1, e1, s2, e2 *int, g1, g2 int, fromEnd bool) bool {
	if re == nil {
		return false
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return false
	}
	if g1 > 0 {
		*s1, *e1 = m[2*g1], m[2*g1+1]
	}
	if g2 > 0 {
		*s2, *e2 = m[2*g2], m[2*g2+1]
	}
	return true
}

// pronounCueRe recognises a cue with a pronoun subject after a quote: "a-t-il
// déclaré", "a-t-elle ajouté", "sagte er", "sagte sie", "dijo" alone.
var pronounCueRe = map[string]*regexp.Regexp{
	"fr": regexp.MustCompile(`^\s*[,.]?\s*(?:a-t-(?:il|elle)|ont-(?:ils|elles)|dit-(?:il|elle)|explique-t-(?:il|elle)|ajoute-t-(?:il|elle)|estime-t-(?:il|elle)|affirme-t-(?:il|elle))\b`),
	"de": regexp.MustCompile(`^\s*[,.]?\s*(?:` + languageRules["de"].cues + `|fügte|räumte|teilte)\s+(?:er|sie)\b`),
	"es": regexp.MustCompile(`^\s*[,.]?\s*[–—-]?\s*(?:` + languageRules["es"].cues + `)\s*(?:[.,;]|$|\s+(?:él|ella|en|a|al|este|esta|el|la|los|las|ayer|hoy|durante|tras)\b)`),
}

// speakerName is the name in a source span without titles and roles
// ("Bürgermeister Klaus Weber" → "Klaus Weber"); "" for a pronoun or a
// capitalised word that is not a name.
func speakerName(s, lang string) string {
	words := strings.Fields(s)
	for len(words) > 1 && (nameTitles[strings.ToLower(words[0])] || lang == "de" && len(words) > 2 && germanRole(words[0])) {
		words = words[1:]
	}
	if len(words) == 0 || foreignNotNames[strings.ToLower(words[0])] && len(words) == 1 {
		return ""
	}
	if len(words) == 1 && nameTitles[strings.ToLower(words[0])] {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	if !unicode.IsUpper(r) {
		return ""
	}
	return strings.TrimRight(strings.Join(words, " "), ".")
}

// germanRole reports whether a capitalised German word before a name is a
// role ("Stadtkämmerer Paul Seidel", "Sprecherin Eva Brandt"): German
// capitalises nouns, so only the shape of the word tells it from a first
// name, and only before two more names.
func germanRole(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range []string{"er", "erin", "ent", "entin", "or", "orin", "chef", "chefin", "leiter", "leiterin", "rat", "rätin"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// fullName completes a surname from the article before it ("Brenner"
// after "Jonas Brenner"): the first longer name there ending in it.
func fullName(before, name string) string {
	if name == "" || strings.Contains(name, " ") {
		return name
	}
	re, err := regexp.Compile(`(` + nameWord + `(?:\s+(?:` + particle + `\s+)?` + nameWord + `){0,2})\s+` + regexp.QuoteMeta(name) + `\b`)
	if err != nil {
		return name
	}
	for _, m := range re.FindAllStringSubmatch(before, -1) {
		first := strings.Fields(m[1])
		// the words before the surname, without roles and sentence starts
		for len(first) > 0 && (nameTitles[strings.ToLower(first[0])] || foreignNotNames[strings.ToLower(first[0])] || germanRole(first[0])) {
			first = first[1:]
		}
		if len(first) > 0 {
			return strings.Join(first, " ") + " " + name
		}
	}
	return name
}

// paraBound returns the end (or start) in bytes of the paragraph holding
// byte offset off (binary search: linear over an article's quotes).
func paraBound(d *doc.Doc, off int, end bool) int {
	if i := paraIndex(d, off); i >= 0 {
		if end {
			return d.Paras[i].End
		}
		return d.Paras[i].Start
	}
	if end {
		return len(d.Text)
	}
	return 0
}

// paraIndex is the index of the paragraph holding byte offset off, -1
// when it falls between paragraphs.
func paraIndex(d *doc.Doc, off int) int {
	i := sort.Search(len(d.Paras), func(i int) bool { return d.Paras[i].End >= off })
	if i < len(d.Paras) && d.Paras[i].Start <= off {
		return i
	}
	return -1
}

// cutRunes returns the byte length of at most n bytes of s ending on a
// rune boundary.
func cutRunes(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
