package trail

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// titles are words written before a person's name that are not part of
// it ("President Trump", "Mr. Trump", "Sen. Elizabeth Warren"). "General"
// alone is not here: "General Motors" is a company.
var titles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`president vice mr mrs ms miss mx dr doctor sen senator rep
		representative congressman congresswoman gov governor secretary prime minister chancellor
		judge justice gen lt col maj capt sgt adm admiral sir dame lord lady prof professor rev
		reverend father pope king queen prince princess mayor chairman chairwoman chair speaker
		leader former then attorney ambassador commissioner director sheriff president-elect
		candidate nominee first`) {
		m[w] = true
	}
	return m
}()

// innerTitles end a description before a name but are too common as
// first names or company words to strip at the front on their own.
var innerTitles = map[string]bool{"chief": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"officer": true, "executive": true, "head": true, "founder": true, "analyst": true, "economist": true,
	"correspondent": true, "editor": true, "adviser": true, "advisor": true, "lawyer": true, "attorney": true}

// suffixes are generational suffixes: "Donald Trump Jr." is another person.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameKey lower-cases a name and keeps only letters, digits, spaces,
// hyphens and apostrophes, for comparing names as written.
func nameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '’':
			b.WriteByte('\'')
		default:
			space = true
		}
	}
	return b.String()
}

// personName is a person's name split into the parts identity uses.
type personName struct {
	display string   // the name without titles, as written
	words   []string // lower-case words of display, suffix excluded
	suffix  string
}

func parsePerson(raw string) personName {
	fields := strings.Fields(raw)
	// A title further in ends a description: "Port Halden Mayor Elena
	// Varga", "Fire Chief Owen Mbeki", "Attorney General Jeff Sessions".
	for i := len(fields) - 2; i >= 0; i-- {
		k := nameKey(fields[i])
		if titles[k] || innerTitles[k] || (k == "general" && i > 0 && titles[nameKey(fields[i-1])]) {
			fields = fields[i+1:]
			break
		}
	}
	// Drop titles in front, but never the last word.
	for len(fields) > 1 && titles[nameKey(fields[0])] {
		fields = fields[1:]
	}

	if len(fields) > 1 && nameKey(fields[0]) == "the" {
		fields = fields[1:]
		for len(fields) > 1 && titles[nameKey(fields[0])] {
			fields = fields[1:]
		}
	}
	// "Sen. Bernie Sanders of Vermont": a place after the name.
	for i := 2; i < len(fields)-1; i++ {
		if fields[i] == "of" || fields[i] == "from" {
			fields = fields[:i]
			break
		}
	}
	p := personName{display: strings.TrimRight(strings.Join(fields, " "), ",;:")}
	for i, f := range fields {
		k := nameKey(f)
		if k == "" {
			continue
		}
		if i > 0 && suffixes[k] {
			p.suffix = k
			continue
		}
		p.words = append(p.words, k)
	}
	return p
}

// key is the identity of a full name: first and last word plus suffix,
// so "Donald J. Trump" and "Donald John Trump" are "donald trump". A
// single word (a surname) has no full key.
func (p personName) key() string {
	if len(p.words) < 2 {
		return ""
	}
	k := formal(p.words[0]) + " " + p.words[len(p.words)-1]
	if p.suffix != "" {
		k += " " + p.suffix
	}
	return k
}

func (p personName) surname() string {
	if len(p.words) == 0 {
		return ""
	}
	return p.words[len(p.words)-1]
}

// formalNames maps a common English short form of a given name to the
// formal one, so that "Bill Barr" and "William Barr" are one person.
// Short forms of more than one formal name ("Pat", "Jack", "Ted",
// "Steve", "Alex", "Sam", "Chris") are left out.
var formalNames = map[string]string{}

func init() {
	for _, pair := range strings.Fields(`bill:william billy:william will:william bob:robert bobby:robert rob:robert
		dick:richard rick:richard rich:richard jim:james jimmy:james mike:michael joe:joseph tom:thomas tommy:thomas
		chuck:charles charlie:charles tony:anthony dan:daniel danny:daniel dave:david andy:andrew ben:benjamin
		ed:edward eddie:edward liz:elizabeth beth:elizabeth betsy:elizabeth kate:katherine kathy:katherine
		jen:jennifer jenny:jennifer nick:nicholas matt:matthew greg:gregory jeff:jeffrey jon:jonathan josh:joshua
		tim:timothy ron:ronald ronnie:ronald don:donald hank:henry larry:lawrence peggy:margaret maggie:margaret
		bernie:bernard newt:newton vince:vincent ken:kenneth kenny:kenneth phil:philip fred:frederick
		doug:douglas gerry:gerald jerry:gerald harry:henry wally:walter walt:walter nate:nathan zach:zachary`) {
		short, formal, _ := strings.Cut(pair, ":")
		formalNames[short] = formal
	}
}

// formal is the formal given name of a short form, or the name itself.
func formal(first string) string {
	if f, ok := formalNames[first]; ok {
		return f
	}
	return first
}

// Aliases is what a user said about names: forced merges (alias →
// canonical), forbidden merges, and external ids of canonical names.
type Aliases struct {
	canonical  map[string]string // nameKey(alias) → canonical name
	externalID map[string]string // nameKey(canonical) → id
	forbidden  map[[2]string]bool
}

func newAliases() *Aliases {
	return &Aliases{canonical: map[string]string{}, externalID: map[string]string{}, forbidden: map[[2]string]bool{}}
}

// LoadAliases reads an aliases file: YAML when its name ends in .yaml or
// .yml (see ParseAliasesYAML), TSV otherwise (see ParseAliases).
func LoadAliases(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	parse := ParseAliases
	if l := strings.ToLower(path); strings.HasSuffix(l, ".yaml") || strings.HasSuffix(l, ".yml") {
		parse = ParseAliasesYAML
	}
	a, err := parse(f)
	if err != nil {
		return nil, fmt.Errorf("aliases %s: %w", path, err)
	}
	return a, nil
}

// ParseAliases reads the TSV aliases format, one rule a line:
//
//	canonical<TAB>alias[<TAB>external id]   alias is the same person
//	canonical<TAB><TAB>external id          only an id for the canonical
//	!name1<TAB>name2                        never merge these two
//
// Blank lines and lines starting with # are ignored.
func ParseAliases(r io.Reader) (*Aliases, error) {
	a := newAliases()
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if strings.HasPrefix(fields[0], "!") {
			if len(fields) != 2 || fields[1] == "" || len(fields[0]) < 2 {
				return nil, fmt.Errorf("line %d: a forbid rule is !name1<TAB>name2", line)
			}
			a.Forbid(fields[0][1:], fields[1])
			continue
		}
		if len(fields) < 2 || len(fields) > 3 || fields[0] == "" {
			return nil, fmt.Errorf("line %d: want canonical<TAB>alias[<TAB>external id], got %d fields", line, len(fields))
		}
		id := ""
		if len(fields) == 3 {
			id = fields[2]
		}
		a.Alias(fields[0], fields[1], id)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	return a, nil
}

// Alias records that alias names the canonical person; either of alias
// and id may be empty.
func (a *Aliases) Alias(canonical, alias, id string) {
	a.canonical[nameKey(canonical)] = canonical
	if alias != "" {
		a.canonical[nameKey(alias)] = canonical
	}
	if id != "" {
		a.externalID[nameKey(canonical)] = id
	}
}

// Forbid records that two names must never be merged.
func (a *Aliases) Forbid(name1, name2 string) {
	a.forbidden[pairKey(nameKey(name1), nameKey(name2))] = true
}

func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func (a *Aliases) forced(name string) (string, bool) {
	if a == nil {
		return "", false
	}
	c, ok := a.canonical[nameKey(name)]
	return c, ok
}

func (a *Aliases) isForbidden(x, y string) bool {
	if a == nil {
		return false
	}
	return a.forbidden[pairKey(nameKey(x), nameKey(y))]
}

// ExternalID returns the id given for a canonical name, or "".
func (a *Aliases) ExternalID(canonical string) string {
	if a == nil {
		return ""
	}
	return a.externalID[nameKey(canonical)]
}

// Names merges the names speakers are written as into one identity per
// person, by name evidence across all the names it has seen:
//
//   - titles go ("President Trump", "Mr. Trump" → "Trump");
//   - full names with the same first and last word are one person
//     ("Donald J. Trump" = "Donald Trump"); a generational suffix makes
//     another person ("Donald Trump Jr.");
//   - a surname alone joins the full name with that surname when exactly
//     one (without suffix) is known, and otherwise stays as written;
//   - the aliases file forces or forbids merges and gives external ids.
//
// The result depends on the set of names seen, never on their order.
type Names struct {
	aliases *Aliases
	// forms counts how each identity key was written, to show the most
	// common spelling.
	forms map[string]map[string]int
	// fullNames maps a surname to the full-name keys without suffix.
	fullNames map[string]map[string]struct{}
}

// NewNames returns a resolver; aliases may be nil.
func NewNames(aliases *Aliases) *Names {
	n := &Names{aliases: aliases, forms: map[string]map[string]int{}, fullNames: map[string]map[string]struct{}{}}
	if aliases != nil {
		// Canonical names of the file are known full names.
		for _, c := range aliases.canonical {
			n.note(c, 0)
		}
	}
	return n
}

// Known reports whether a speaker counts as someone: a name is given and,
// when the resolver could not say what kind of entity it is, the name
// looks like a proper name (a capitalised word that is not a pronoun or
// a title: "Donald Trump" counts, "he" and "The President" do not).
func Known(name string, kind claimtrail.SpeakerKind) bool {
	name = strings.TrimSpace(name)
	if name == "" || kind == claimtrail.SpeakerDescription {
		// a description ("analysts", "the company") is local to its
		// article: it is no one across articles
		return false
	}
	if kind != claimtrail.SpeakerUnknown {
		return true
	}
	for _, f := range strings.Fields(name) {
		r := []rune(f)
		k := nameKey(f)
		if len(r) > 0 && unicode.IsUpper(r[0]) && !titles[k] && !stopwords[k] && !pronouns[k] {
			return true
		}
	}
	return false
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
	"you": true, "officials": true, "official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true}

// Add records a name as seen once.
func (n *Names) Add(name string, kind claimtrail.SpeakerKind) { n.AddN(name, kind, 1) }

// AddN records a name as seen times times (a store's speaker row with its
// attribution count).
func (n *Names) AddN(name string, kind claimtrail.SpeakerKind, times int) {
	if !Known(name, kind) || times <= 0 {
		return
	}
	if kind == claimtrail.SpeakerOrganization || kind == claimtrail.SpeakerGroup {
		k := "org:" + orgKey(name)
		n.count(k, strings.Join(strings.Fields(name), " "), times)
		return
	}
	n.note(name, times)
}

func (n *Names) note(name string, times int) {
	p := parsePerson(name)
	if k := p.key(); k != "" {
		n.count(k, p.display, times)
		if p.suffix == "" {
			s := p.surname()
			if n.fullNames[s] == nil {
				n.fullNames[s] = map[string]struct{}{}
			}
			n.fullNames[s][k] = struct{}{}
		}
		return
	}
	n.count("~"+nameKey(p.display), p.display, times)
}

func (n *Names) count(key, form string, times int) {
	if n.forms[key] == nil {
		n.forms[key] = map[string]int{}
	}
	n.forms[key][form] += times
}

func orgKey(name string) string {
	k := nameKey(name)
	return strings.TrimPrefix(k, "the ")
}

// display is the most common way an identity was written; ties go to
// the shorter form, then the alphabetically first.
func (n *Names) display(key, fallback string) string {
	forms := n.forms[key]
	if len(forms) == 0 {
		return fallback
	}
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	slices.SortFunc(names, func(a, b string) int {
		if forms[a] != forms[b] {
			return forms[b] - forms[a]
		}
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	return names[0]
}

// Canonical returns the canonical name for a name as written, or "" for
// an unknown speaker.
func (n *Names) Canonical(name string, kind claimtrail.SpeakerKind) string {
	return n.Resolve(name, kind).Name
}

// Resolve returns the canonical speaker for a name as written, with its
// external id when the aliases file gives one. Aliases lists the written
// form when it differs from the canonical name.
func (n *Names) Resolve(name string, kind claimtrail.SpeakerKind) claimtrail.Speaker {
	name = strings.Join(strings.Fields(name), " ")
	if !Known(name, kind) {
		return claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}
	}
	sp := claimtrail.Speaker{Kind: kind}
	if kind == "" || kind == claimtrail.SpeakerUnknown {
		sp.Kind = claimtrail.SpeakerPerson
	}
	canonical := n.resolve(name, kind)
	sp.Name = canonical
	sp.ExternalID = n.aliases.ExternalID(canonical)
	if canonical != name {
		sp.Aliases = []string{name}
	}
	return sp
}

func (n *Names) resolve(name string, kind claimtrail.SpeakerKind) string {
	if c, ok := n.aliases.forced(name); ok {
		return c
	}
	if kind == claimtrail.SpeakerOrganization || kind == claimtrail.SpeakerGroup {
		c := n.display("org:"+orgKey(name), name)
		return n.finish(name, name, c)
	}
	p := parsePerson(name)
	if c, ok := n.aliases.forced(p.display); ok && !n.aliases.isForbidden(name, c) {
		return c
	}
	key := p.key()
	if len(p.words) >= 3 && p.suffix == "" {
		// "Labour MPs Tony Blair": a description before a known name.
		tail := formal(p.words[len(p.words)-2]) + " " + p.words[len(p.words)-1]
		if _, ok := n.forms[tail]; ok {
			key = tail
		}
	}
	if key == "" {
		// A surname alone: the one full name with that surname, if any.
		if full := n.fullNames[p.surname()]; len(full) == 1 {
			for k := range full {
				key = k
			}
		} else {
			key = "~" + nameKey(p.display)
		}
	}
	return n.finish(name, p.display, n.display(key, p.display))
}

// finish applies the aliases file to a merged name: a canonical listed
// as an alias maps on, and a forbidden merge falls back to the name as
// written (without its titles).
func (n *Names) finish(raw, written, merged string) string {
	if c, ok := n.aliases.forced(merged); ok {
		merged = c
	}
	if nameKey(merged) != nameKey(written) &&
		(n.aliases.isForbidden(raw, merged) || n.aliases.isForbidden(written, merged)) {
		return written
	}
	return merged
}

// PreferredCase chooses between two spellings of one name that differ
// only in case, whatever order they were seen in: the one with fewer
// capitals (a capital that only opens a sentence says nothing: "many",
// not "Many"), then the first in byte order.
func PreferredCase(a, b string) string {
	ua, ub := upperCount(a), upperCount(b)
	switch {
	case ua != ub && ua < ub, ua == ub && a <= b:
		return a
	}
	return b
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}
