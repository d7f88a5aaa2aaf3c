// Package query parses claimtrail's search language into a small,
// store-neutral syntax tree, so that the CLI, the API and the web UI accept
// exactly the same queries and every store (SQLite FTS5 today, PostgreSQL
// tsquery later) translates the same tree instead of passing user text to
// its own parser. A bad query is refused here with a message naming the
// problem and where it is; a database error never reaches a user.
//
// The language:
//
//	word          every word must match (AND is implied; AND may be written)
//	"a phrase"    the words next to each other, in order (“curly” marks too)
//	pre*          any word starting with pre (at least MinPrefix letters)
//	a OR b        either
//	NOT a, -a     without a; alone ("NOT Blair") it means everything else
//	NEAR(a b)     a and b within 10 words of each other; NEAR(a b, 5)
//	a NEAR b      the same as NEAR(a b)
//	( ... )       grouping
//
// Operators are written in capitals; "or", "not" and "near" in lower case
// are words. Punctuation inside a word splits it into a phrase of its
// pieces ("U.S." is the phrase "U S", "R-Texas" is "R Texas"), as the
// stores' tokenizers split text, so pasted text is a valid query: tax
// (rise) is tax AND rise. Parentheses and quote marks must balance.
//
// Cost is bounded at parse time (see Limits): repeated words count once,
// and too many words, prefixes or too short prefixes are refused, because
// one query expanding every word of the index would hold a database
// connection for seconds.
package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Node is one element of a parsed query: *Term, *Phrase, *And, *Or, *Not
// or *Near.
type Node interface {
	// String writes the node back in the query language, normalised.
	String() string
	node()
}

// Term is one word, or with Prefix every word starting with Text. Text is
// a single token as Tokenize returns it (letters, digits, combining marks),
// in the case the user typed it; stores fold case themselves.
type Term struct {
	Text   string
	Prefix bool
}

// Phrase is two or more words that must appear next to each other in this
// order. Its last word may be a prefix ("new yor*").
type Phrase struct {
	Words  []string
	Prefix bool
}

// And matches what every one of Nodes matches. Its Nodes may include
// *Not nodes; at least one node is not a *Not (see Query.Exclude for a
// query that is only a negation).
type And struct{ Nodes []Node }

// Or matches what any of Nodes matches; no node is a *Not.
type Or struct{ Nodes []Node }

// Not excludes what Node matches; it only occurs inside And (or as
// Query.Exclude).
type Not struct{ Node Node }

// Near matches when all Nodes (terms or phrases) occur within Distance
// words of each other.
type Near struct {
	Nodes    []Node
	Distance int
}

func (*Term) node()   {}
func (*Phrase) node() {}
func (*And) node()    {}
func (*Or) node()     {}
func (*Not) node()    {}
func (*Near) node()   {}

func (t *Term) String() string {
	s := t.Text
	switch s {
	case "AND", "OR", "NOT", "NEAR":
		s = `"` + s + `"` // the word, not the operator
	}
	if t.Prefix {
		return s + "*"
	}
	return s
}

func (p *Phrase) String() string {
	s := `"` + strings.Join(p.Words, " ") + `"`
	if p.Prefix {
		s += "*"
	}
	return s
}

func (a *And) String() string { return "(" + joinNodes(a.Nodes, " ") + ")" }
func (o *Or) String() string  { return "(" + joinNodes(o.Nodes, " OR ") + ")" }
func (n *Not) String() string { return "NOT " + n.Node.String() }
func (n *Near) String() string {
	return "NEAR(" + joinNodes(n.Nodes, " ") + ", " + strconv.Itoa(n.Distance) + ")"
}

func joinNodes(ns []Node, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.String()
	}
	return strings.Join(parts, sep)
}

// Query is a parsed search. Exactly one of Match and Exclude is set, or
// both: Match selects what to find; Exclude, when Match is nil, is a query
// that is only a negation ("NOT Blair", "-Blair -Brown"): everything the
// store holds except what Exclude matches.
type Query struct {
	Match   Node
	Exclude Node
	// Input is the text as given, for messages.
	Input string
}

// String is the normalised query.
func (q *Query) String() string {
	if q.Match == nil {
		return "NOT " + q.Exclude.String()
	}
	return q.Match.String()
}

// Terms returns every term and phrase of the query that is not under a
// NOT, in order, for highlighting and cost accounting.
func (q *Query) Terms() []Node {
	var out []Node
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *Term, *Phrase:
			out = append(out, n)
		case *And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *Or:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *Near:
			for _, c := range n.Nodes {
				walk(c)
			}
		}
	}
	if q.Match != nil {
		walk(q.Match)
	}
	return out
}

// Cost counts what a query makes a store do: words and phrases (Terms),
// prefix expansions (Prefixes), alternatives (Ors) and NEAR groups.
type Cost struct {
	Terms, Prefixes, Ors, Nears int
	// ExcludeOnly is a pure negation, which reads every row.
	ExcludeOnly bool
}

// Cost returns the query's cost counts.
func (q *Query) Cost() Cost {
	var c Cost
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *Term:
			c.Terms++
			if n.Prefix {
				c.Prefixes++
			}
		case *Phrase:
			c.Terms += len(n.Words)
			if n.Prefix {
				c.Prefixes++
			}
		case *And:
			for _, x := range n.Nodes {
				walk(x)
			}
		case *Or:
			c.Ors += len(n.Nodes) - 1
			for _, x := range n.Nodes {
				walk(x)
			}
		case *Not:
			walk(n.Node)
		case *Near:
			c.Nears++
			for _, x := range n.Nodes {
				walk(x)
			}
		}
	}
	if q.Match != nil {
		walk(q.Match)
	}
	if q.Exclude != nil {
		walk(q.Exclude)
	}
	c.ExcludeOnly = q.Match == nil
	return c
}

// Costly reports whether a query may take a store far longer than a
// plain word search: many alternatives, NEAR, many words or a pure
// negation. Servers give such queries fewer concurrent slots than cheap
// ones. Prefixes are not costly: the stores index word starts (FTS5
// prefix indexes, GIN on tsvectors), and neither ranks nor counts more
// than a bounded number of matches.
func (c Cost) Costly() bool {
	return c.Ors > 2 || c.Nears > 0 || c.ExcludeOnly || c.Terms > 8
}

// Limits bound what a query may ask for.
type Limits struct {
	// MaxLength is the most characters (code points) of input.
	MaxLength int
	// MaxTerms is the most words and phrase words after duplicates are
	// dropped.
	MaxTerms int
	// MaxPrefixes is the most prefix terms.
	MaxPrefixes int
	// MinPrefix is the fewest letters before a * (a one-letter prefix
	// expands to a large part of the index).
	MinPrefix int
	// MaxDepth bounds nesting of parentheses.
	MaxDepth int
}

// DefaultLimits are what the CLI, the API and the UI use.
var DefaultLimits = Limits{MaxLength: 1000, MaxTerms: 32, MaxPrefixes: 4, MinPrefix: 3, MaxDepth: 8}

// NearDistance is the distance of NEAR without an explicit one.
const NearDistance = 10

// maxNearDistance bounds an explicit NEAR distance.
const maxNearDistance = 100

// Error is a query the language refuses; Pos is the 1-based character
// position of the problem (0 when it concerns the whole query).
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string {
	if e.Pos > 0 {
		return fmt.Sprintf("%s (at character %d)", e.Msg, e.Pos)
	}
	return e.Msg
}

// Parse parses input with DefaultLimits.
func Parse(input string) (*Query, error) { return ParseLimits(input, DefaultLimits) }

// ParseLimits parses input, refusing it with an *Error when it is
// malformed or exceeds lim.
func ParseLimits(input string, lim Limits) (*Query, error) {
	if n := utf8.RuneCountInString(input); lim.MaxLength > 0 && n > lim.MaxLength {
		return nil, &Error{Msg: fmt.Sprintf("search query too long: %d characters, at most %d", n, lim.MaxLength)}
	}
	toks, err := lex(input)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, lim: lim}
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		t := p.toks[p.pos]
		if t.kind == tClose {
			return nil, &Error{Pos: t.pos, Msg: "unmatched )"}
		}
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("unexpected %s", t.describe())}
	}
	if n == nil {
		return nil, &Error{Msg: "search query has no words"}
	}
	n = simplify(n)
	q := &Query{Input: input}
	switch n := n.(type) {
	case *Not:
		q.Exclude = n.Node
	case *And:
		var pos, neg []Node
		for _, c := range n.Nodes {
			if nt, ok := c.(*Not); ok {
				neg = append(neg, nt.Node)
			} else {
				pos = append(pos, c)
			}
		}
		if len(pos) == 0 {
			q.Exclude = simplify(&Or{Nodes: neg})
		} else {
			q.Match = n
		}
	default:
		q.Match = n
	}
	if err := check(q, lim); err != nil {
		return nil, err
	}
	return q, nil
}

// check enforces the limits and that NOT only occurs where it can.
func check(q *Query, lim Limits) error {
	var bad error
	var walk func(n Node, top bool)
	walk = func(n Node, top bool) {
		if bad != nil {
			return
		}
		switch n := n.(type) {
		case *And:
			hasPos := false
			for _, c := range n.Nodes {
				if _, ok := c.(*Not); !ok {
					hasPos = true
				}
				walk(c, false)
			}
			if !hasPos {
				bad = &Error{Msg: "a group of only NOT terms needs a word to exclude them from, as in: Brown NOT Blair"}
			}
		case *Or:
			for _, c := range n.Nodes {
				if _, ok := c.(*Not); ok {
					bad = &Error{Msg: fmt.Sprintf("%s cannot be an alternative of OR; write: a NOT b", c)}
					return
				}
				walk(c, false)
			}
		case *Not:
			walk(n.Node, false)
		case *Near:
			for _, c := range n.Nodes {
				walk(c, false)
			}
		}
	}
	if q.Match != nil {
		walk(q.Match, true)
	}
	if q.Exclude != nil {
		walk(q.Exclude, true)
	}
	if bad != nil {
		return bad
	}
	c := q.Cost()
	if lim.MaxTerms > 0 && c.Terms > lim.MaxTerms {
		return &Error{Msg: fmt.Sprintf("search query has %d words, at most %d", c.Terms, lim.MaxTerms)}
	}
	if lim.MaxPrefixes > 0 && c.Prefixes > lim.MaxPrefixes {
		return &Error{Msg: fmt.Sprintf("search query has %d prefix* terms, at most %d", c.Prefixes, lim.MaxPrefixes)}
	}
	return nil
}

// simplify flattens nested And/Or of the same kind, unwraps one-child
// groups, removes duplicate children (so "said said said" is one term,
// not thousands) and turns NOT NOT x into x.
func simplify(n Node) Node {
	switch n := n.(type) {
	case *And:
		var out []Node
		for _, c := range n.Nodes {
			c = simplify(c)
			if a, ok := c.(*And); ok {
				out = append(out, a.Nodes...)
			} else {
				out = append(out, c)
			}
		}
		out = dedupe(out)
		if len(out) == 1 {
			return out[0]
		}
		return &And{Nodes: out}
	case *Or:
		var out []Node
		for _, c := range n.Nodes {
			c = simplify(c)
			if o, ok := c.(*Or); ok {
				out = append(out, o.Nodes...)
			} else {
				out = append(out, c)
			}
		}
		out = dedupe(out)
		if len(out) == 1 {
			return out[0]
		}
		return &Or{Nodes: out}
	case *Not:
		inner := simplify(n.Node)
		if nn, ok := inner.(*Not); ok {
			return nn.Node
		}
		return &Not{Node: inner}
	case *Near:
		for i, c := range n.Nodes {
			n.Nodes[i] = simplify(c)
		}
	}
	return n
}

func dedupe(ns []Node) []Node {
	seen := map[string]bool{}
	out := ns[:0:0]
	for _, n := range ns {
		k := strings.ToLower(n.String())
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// Tokenize splits s into the words the stores index: runs of letters,
// digits and combining marks (SQLite's unicode61 tokenizer splits the
// same way).
func Tokenize(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// token kinds
const (
	tWord = iota
	tPhrase
	tOpen
	tClose
	tComma
	tOr
	tAnd
	tNot
	tMinus
	tNear
	tNearFunc // NEAR immediately followed by (
)

type token struct {
	kind   int
	text   string // tWord: the raw word without * ; tPhrase: its inside
	prefix bool   // a trailing *
	pos    int    // 1-based character position
}

func (t token) describe() string {
	switch t.kind {
	case tOpen:
		return "("
	case tClose:
		return ")"
	case tComma:
		return ","
	case tOr:
		return "OR"
	case tAnd:
		return "AND"
	case tNot:
		return "NOT"
	case tNear, tNearFunc:
		return "NEAR"
	case tPhrase:
		return `"` + t.text + `"`
	}
	return strconv.Quote(t.text)
}

func isQuoteMark(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// lex splits input into tokens.
func lex(input string) ([]token, error) {
	rs := []rune(input)
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case isQuoteMark(r):
			j := i + 1
			for j < len(rs) && !isQuoteMark(rs[j]) {
				j++
			}
			if j >= len(rs) {
				return nil, &Error{Pos: i + 1, Msg: "unclosed quote mark"}
			}
			t := token{kind: tPhrase, text: string(rs[i+1 : j]), pos: i + 1}
			j++
			if j < len(rs) && rs[j] == '*' {
				t.prefix = true
				j++
			}
			toks = append(toks, t)
			i = j
		case r == '(':
			toks = append(toks, token{kind: tOpen, pos: i + 1})
			i++
		case r == ')':
			toks = append(toks, token{kind: tClose, pos: i + 1})
			i++
		case r == ',':
			toks = append(toks, token{kind: tComma, pos: i + 1})
			i++
		case r == '-' && i+1 < len(rs) && (isWordRune(rs[i+1]) || isQuoteMark(rs[i+1]) || rs[i+1] == '(') &&
			(i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == '('):
			toks = append(toks, token{kind: tMinus, pos: i + 1})
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuoteMark(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != ',' {
				j++
			}
			word := string(rs[i:j])
			t := token{kind: tWord, text: word, pos: i + 1}
			switch word {
			case "OR":
				t.kind = tOr
			case "AND":
				t.kind = tAnd
			case "NOT":
				t.kind = tNot
			case "NEAR":
				t.kind = tNear
				if j < len(rs) && rs[j] == '(' {
					t.kind = tNearFunc
				}
			default:
				if strings.HasSuffix(word, "*") {
					t.prefix = true
					t.text = strings.TrimRight(word, "*")
				}
			}
			toks = append(toks, t)
			i = j
		}
	}
	return toks, nil
}

type parser struct {
	toks []token
	pos  int
	lim  Limits
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// or = and { OR and }
func (p *parser) or(depth int) (Node, error) {
	first, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	nodes := []Node{}
	if first != nil {
		nodes = append(nodes, first)
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.pos++
		if len(nodes) == 0 {
			return nil, &Error{Pos: t.pos, Msg: "OR needs a word before it"}
		}
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, &Error{Pos: t.pos, Msg: "OR needs a word after it"}
		}
		nodes = append(nodes, n)
	}
	switch len(nodes) {
	case 0:
		return nil, nil
	case 1:
		return nodes[0], nil
	}
	return &Or{Nodes: nodes}, nil
}

// and = unary { [AND] unary }
func (p *parser) and(depth int) (Node, error) {
	var nodes []Node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tClose || t.kind == tComma {
			break
		}
		if t.kind == tAnd {
			p.pos++
			if len(nodes) == 0 {
				return nil, &Error{Pos: t.pos, Msg: "AND needs a word before it"}
			}
			if nt, ok := p.peek(); !ok || nt.kind == tOr || nt.kind == tClose || nt.kind == tAnd {
				return nil, &Error{Pos: t.pos, Msg: "AND needs a word after it"}
			}
			continue
		}
		if t.kind == tNear {
			// Infix: a NEAR b.
			p.pos++
			if len(nodes) == 0 {
				return nil, &Error{Pos: t.pos, Msg: "NEAR needs a word before it, or write NEAR(a b)"}
			}
			right, err := p.unary(depth)
			if err != nil {
				return nil, err
			}
			if right == nil {
				return nil, &Error{Pos: t.pos, Msg: "NEAR needs a word after it"}
			}
			left := nodes[len(nodes)-1]
			if !nearable(left) || !nearable(right) {
				return nil, &Error{Pos: t.pos, Msg: "NEAR joins words or phrases, not groups"}
			}
			nodes[len(nodes)-1] = &Near{Nodes: []Node{left, right}, Distance: NearDistance}
			continue
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			nodes = append(nodes, n)
		}
	}
	switch len(nodes) {
	case 0:
		return nil, nil
	case 1:
		return nodes[0], nil
	}
	return &And{Nodes: nodes}, nil
}

func nearable(n Node) bool {
	switch n.(type) {
	case *Term, *Phrase:
		return true
	}
	return false
}

// unary = (NOT | -) unary | primary. It returns nil for a word that has
// no letters or digits ("—", "&&"), which is skipped.
func (p *parser) unary(depth int) (Node, error) {
	t, _ := p.peek()
	if t.kind == tNot || t.kind == tMinus {
		p.pos++
		name := "NOT"
		if t.kind == tMinus {
			name = "-"
		}
		nt, ok := p.peek()
		if !ok || nt.kind == tOr || nt.kind == tClose || nt.kind == tAnd || nt.kind == tComma {
			return nil, &Error{Pos: t.pos, Msg: name + " needs a word after it"}
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, &Error{Pos: t.pos, Msg: name + " needs a word after it"}
		}
		return &Not{Node: n}, nil
	}
	return p.primary(depth)
}

func (p *parser) primary(depth int) (Node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, nil
	}
	p.pos++
	switch t.kind {
	case tWord:
		n := wordNode(t)
		if n == nil {
			return nil, nil
		}
		return p.checkPrefix(n, t)
	case tPhrase:
		words := Tokenize(t.text)
		if len(words) == 0 {
			return nil, nil
		}
		if len(words) == 1 {
			return p.checkPrefix(&Term{Text: words[0], Prefix: t.prefix}, t)
		}
		return p.checkPrefix(&Phrase{Words: words, Prefix: t.prefix}, t)
	case tOpen:
		if depth+1 > p.lim.MaxDepth && p.lim.MaxDepth > 0 {
			return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("parentheses nested more than %d deep", p.lim.MaxDepth)}
		}
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		c, ok := p.peek()
		if !ok {
			return nil, &Error{Pos: t.pos, Msg: "unclosed ("}
		}
		if c.kind != tClose {
			return nil, &Error{Pos: c.pos, Msg: fmt.Sprintf("unexpected %s inside parentheses", c.describe())}
		}
		p.pos++
		return n, nil // nil for "()": nothing to match, skipped
	case tNearFunc:
		return p.nearFunc(t)
	case tNear:
		return nil, &Error{Pos: t.pos, Msg: "NEAR needs a word before it, or write NEAR(a b)"}
	case tClose:
		return nil, &Error{Pos: t.pos, Msg: "unmatched )"}
	case tComma:
		return nil, &Error{Pos: t.pos, Msg: "a comma only separates the distance in NEAR(a b, 5)"}
	case tOr, tAnd:
		return nil, &Error{Pos: t.pos, Msg: t.describe() + " needs a word before it"}
	}
	return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("unexpected %s", t.describe())}
}

func (p *parser) checkPrefix(n Node, t token) (Node, error) {
	if !t.prefix {
		return n, nil
	}
	var last string
	switch n := n.(type) {
	case *Term:
		last = n.Text
	case *Phrase:
		last = n.Words[len(n.Words)-1]
	}
	if m := p.lim.MinPrefix; m > 0 && utf8.RuneCountInString(last) < m {
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("prefix %s* is too short: give at least %d letters before *", last, m)}
	}
	return n, nil
}

func wordNode(t token) Node {
	words := Tokenize(t.text)
	switch len(words) {
	case 0:
		return nil
	case 1:
		return &Term{Text: words[0], Prefix: t.prefix}
	}
	return &Phrase{Words: words, Prefix: t.prefix}
}

// nearFunc parses NEAR( term... [, N] ) after the NEAR token.
func (p *parser) nearFunc(start token) (Node, error) {
	p.pos++ // the (
	near := &Near{Distance: NearDistance}
	for {
		t, ok := p.peek()
		if !ok {
			return nil, &Error{Pos: start.pos, Msg: "unclosed NEAR("}
		}
		p.pos++
		switch t.kind {
		case tClose:
			if len(near.Nodes) < 2 {
				return nil, &Error{Pos: start.pos, Msg: "NEAR needs at least two words or phrases, as in NEAR(Blair Brown)"}
			}
			return near, nil
		case tComma:
			d, ok := p.peek()
			if !ok || d.kind != tWord {
				return nil, &Error{Pos: t.pos, Msg: "NEAR distance must be a number, as in NEAR(a b, 5)"}
			}
			n, err := strconv.Atoi(d.text)
			if err != nil || n < 0 || n > maxNearDistance || d.prefix {
				return nil, &Error{Pos: d.pos, Msg: fmt.Sprintf("NEAR distance must be a number from 0 to %d, got %q", maxNearDistance, d.text)}
			}
			near.Distance = n
			p.pos++
			if c, ok := p.peek(); !ok || c.kind != tClose {
				return nil, &Error{Pos: start.pos, Msg: "NEAR( ..., N) must end with ) after the distance"}
			}
		case tWord, tPhrase:
			p.pos--
			n, err := p.primary(0)
			if err != nil {
				return nil, err
			}
			if n != nil {
				near.Nodes = append(near.Nodes, n)
			}
		default:
			return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("NEAR( ) takes only words and \"phrases\", not %s", t.describe())}
		}
	}
}

// Equal reports whether two trees are the same (for tests and caches).
func Equal(a, b Node) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.String() == b.String()
}
