package extract

import (
	"context"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/qualify"
	"github.com/claimtrail/claimtrail/resolve"
)

// maxCitingGap is how many tokens (a date, "on Tuesday") may stand between
// the end of a saying and the comma before its "citing".
const maxCitingGap = 4

// citePair ties a participial "citing" (found[citing]) to the saying it
// hangs on (found[saying]): "NBC News reported, citing two officials".
type citePair struct{ saying, citing int }

// citingPairs finds each ", citing" cue and the saying it extends: another
// attribution of the same sentence, with a source, that ends (cue, source
// or content) at most maxCitingGap tokens before the comma.
func citingPairs(d *doc.Doc, found []attribute.Found) []citePair {
	var pairs []citePair
	for i := range found {
		f := &found[i]
		c := f.Cue.Start
		if f.Cue.End-c != 1 || c == 0 || !strings.EqualFold(d.Tokens[c].Text, "citing") || d.Tokens[c-1].Text != "," {
			continue
		}
		comma, sent := c-1, d.Tokens[c].Sent
		best, bestEnd := -1, -1
		for j := range found {
			g := &found[j]
			if j == i || g.Source.Empty() || g.Cue.Start >= comma || d.Tokens[g.Cue.Start].Sent != sent {
				continue
			}
			end, ok := max(g.Cue.End, g.Source.End), true
			for _, p := range g.Pieces {
				switch {
				case p.Empty() || p.Start >= comma:
					// the model ran the content on into the citing
					// phrase ("said, citing falling demand"): cut by
					// citingSources
				case p.End <= comma:
					end = max(end, p.End)
				default:
					ok = false // the citing lies inside the content
				}
			}
			if !ok || end > comma || comma-end > maxCitingGap || end <= bestEnd {
				continue
			}
			best, bestEnd = j, end
		}
		if best >= 0 {
			pairs = append(pairs, citePair{saying: best, citing: i})
		}
	}
	return pairs
}

// citingSources gives a participial "citing" the source of the saying it
// hangs on. In "NBC News reported, citing two officials" and "McCain
// said, citing low growth" the one who cites is the one who reported or
// said (PolNeAR annotates it so: source McCain, cue citing, content what
// is cited), but the model, which sees no subject before "citing", often
// picks a noun of the reported clause ("The administration is preparing
// ..., NBC News reported, citing ..." came out as the administration
// citing). A content the model ran on into the citing phrase is cut
// before it.
func citingSources(d *doc.Doc, found []attribute.Found) {
	for _, p := range citingPairs(d, found) {
		found[p.citing].Source = found[p.saying].Source
		g, comma := &found[p.saying], found[p.citing].Cue.Start-1
		kept := g.Pieces[:0:0]
		for _, r := range g.Pieces {
			if !r.Empty() && r.Start < comma {
				kept = append(kept, r)
			}
		}
		if len(kept) > 0 && len(kept) < len(g.Pieces) {
			g.Pieces = kept
			g.Content = attribute.Range{Start: kept[0].Start, End: kept[len(kept)-1].End}
		}
	}
}

// citedSpeakers: when a news organisation reports what it cites others
// for ("..., NBC News reported, citing two senior officials"), the claim
// is the officials' and the outlet relays it. The reporting attribution
// takes the cited party as its speaker (qualify then names the outlet
// in according_to, as for "according to the Post"); the source span stays
// the outlet's, as PolNeAR annotates it. Only a cited person, group or
// organisation counts ("citing rising prices" is a reason, not a
// speaker), and only after a media source: "McCain said, citing low
// growth" stays McCain's. atts[i] is the attribution built from found[i].
func citedSpeakers(ctx context.Context, d *doc.Doc, found []attribute.Found, atts []claimtrail.Attribution) error {
	pairs := citingPairs(d, found)
	if len(pairs) == 0 {
		return nil
	}
	var mentions []resolve.Mention
	var sayings []int
	for _, p := range pairs {
		a, c := &atts[p.saying], found[p.citing].Content
		if c.Empty() || a.Speaker.Kind != claimtrail.SpeakerOrganization || !qualify.IsMedia(a.Speaker.Name) {
			continue
		}
		mentions = append(mentions, resolve.Mention{Start: c.Start, End: c.End})
		sayings = append(sayings, p.saying)
	}
	return setCitedSpeakers(ctx, d, mentions, sayings, atts, false)
}

// setCitedSpeakers resolves the cited parties (mentions) and gives each
// one's attribution (atts[at[k]]) its speaker, flagged "speaker-cited",
// when it is a party (see citedParty) and no outlet; an anonymous one is
// a description of its own ("a person with knowledge of the matter").
// With byHead, a description whose words before a preposition name people
// counts too ("an insider in the talks").
func setCitedSpeakers(ctx context.Context, d *doc.Doc, mentions []resolve.Mention, at []int, atts []claimtrail.Attribution, byHead bool) error {
	if len(mentions) == 0 {
		return nil
	}
	speakers, err := resolve.ResolveContext(ctx, d, mentions)
	if err != nil {
		return err
	}
	for k, sp := range speakers {
		if sp.Name == "" || sp.Kind == claimtrail.SpeakerUnknown {
			m := mentions[k]
			text := d.Text[d.Tokens[m.Start].Start:d.Tokens[m.End-1].End]
			sp = resolve.Speaker{Name: trimArticle(text), Kind: claimtrail.SpeakerDescription}
		}
		party := citedParty(sp) || byHead && sp.Kind == claimtrail.SpeakerDescription && resolve.PeopleNoun(beforePreposition(sp.Name))
		if qualify.IsMedia(sp.Name) || !party {
			continue
		}
		a := &atts[at[k]]
		a.Speaker = claimtrail.Speaker{Name: sp.Name, Kind: sp.Kind}
		a.Flags = append(a.Flags, "speaker-cited")
	}
	return nil
}

// citedParty: persons and organisations are parties; a description only
// when its head names people ("officials", "a person familiar with").
func citedParty(sp resolve.Speaker) bool {
	switch sp.Kind {
	case claimtrail.SpeakerPerson, claimtrail.SpeakerOrganization, claimtrail.SpeakerGroup:
		return true
	}
	return resolve.PeopleNoun(sp.Name)
}

// trimArticle drops a leading indefinite or definite article.
func trimArticle(s string) string {
	for _, a := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// outletName reports whether a speaker the resolver took for a person is
// a news organisation by name ("Haaretz reported", "AFP said"): the
// resolver knows people's names, qualify knows outlets'. A one-word name
// that is also a given name ("Dawn") stays a person; a surname an outlet
// shares is safe, as the resolver names a person by the full name the
// article first gives ("Andrew Breitbart", not "Breitbart").
func outletName(name string) bool {
	if !qualify.IsMedia(name) {
		return false
	}
	f := strings.Fields(name)
	if len(f) == 2 && resolve.FirstName(f[0]) && !placeOrFaithNames[strings.ToLower(f[0])] && surnameMediaWords[strings.ToLower(f[1])] {
		return false // "Jim Press", "Emily Post": a given name and a surname
	}
	return len(f) > 1 || !resolve.FirstName(name)
}

// surnameMediaWords name outlets ("the Washington Post", "Associated
// Press") and are surnames too.
var surnameMediaWords = wordSet("press post star sun mirror herald globe times")

// placeOrFaithNames are given names that also open outlets' names as a
// place or a faith ("the Christian Post", "the Jordan Times").
var placeOrFaithNames = wordSet("christian jordan georgia israel victoria india china")

// quotedVerbs are the words after "as" by which an outlet's "quoted X as
// saying" names whom it quotes.
var quotedVerbs = map[string]bool{"saying": true, "telling": true, "having": true, "writing": true, "describing": true,
	"warning": true, "adding": true, "stating": true, "calling": true}

// quotedParty finds, in an attribution whose cue has "quoted" after its
// source ("..., Reuters quoted a central bank official as saying",
// "Arab News quoted Prince Saud as saying"), the party quoted: the words
// between "quoted" and "as saying" in the same sentence, outside quote
// marks. The one quoted said it; the source relays it.
func quotedParty(d *doc.Doc, f *attribute.Found) (attribute.Range, bool) {
	if f.Source.Empty() || f.Source.End > f.Cue.Start {
		return attribute.Range{}, false
	}
	q := -1
	for k := f.Cue.Start; k < f.Cue.End; k++ {
		if lw := strings.ToLower(d.Tokens[k].Text); lw == "quoted" || lw == "quotes" {
			q = k
			break
		}
	}
	if q < 0 {
		return attribute.Range{}, false
	}
	sent := d.Tokens[q].Sent
	for k := q + 1; k < len(d.Tokens) && k <= q+12; k++ {
		t := &d.Tokens[k]
		if t.Sent != sent || t.Quote != 0 {
			break
		}
		if strings.EqualFold(t.Text, "as") && k > q+1 && k+1 < len(d.Tokens) && quotedVerbs[strings.ToLower(d.Tokens[k+1].Text)] {
			return attribute.Range{Start: q + 1, End: k}, true
		}
		if isPunct(t.Text) && t.Text != "-" && t.Text != "'s" && t.Text != "’s" {
			break
		}
	}
	return attribute.Range{}, false
}

// quotedContents gives an outlet's "quoted X as saying" the words it
// quotes when the model took the quoted party for the content ("“...,”
// the Interfax news agency quoted Mr Khodorkovsky as saying": the quote
// before the source, or the clause before its comma; with nothing before
// the source, what follows "as saying").
func quotedContents(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		np, ok := quotedParty(d, f)
		if !ok || len(f.Pieces) == 0 || f.Pieces[0].Start < np.Start {
			continue // the content is already what was said
		}
		sent := d.Tokens[f.Source.Start].Sent
		first := d.Sents[sent].First
		end := f.Source.Start
		if end > first && d.Tokens[end-1].Text == "," {
			end--
		}
		start := first
		if end > first && d.Tokens[end-1].Quote != 0 {
			// a quote closing before the source may open sentences earlier
			if qt := d.Tokens[end-1].Quote - 1; qt < len(d.Quotes) {
				if open, qend, ok := closedQuoteTokens(d, d.Quotes[qt]); ok && qend == end && open < start {
					start = open
				}
			}
		}
		if end > start && d.Tokens[end-1].Text == "," && d.Tokens[end-1].Quote == 0 {
			end--
		}
		if end <= start {
			// "Reuters quoted X as saying that ...": what follows
			start, end = np.End+2, d.Sents[sent].Last
			for start < end && (d.Tokens[start].Text == ":" || strings.EqualFold(d.Tokens[start].Text, "that")) {
				start++
			}
			for end > start && isPunct(d.Tokens[end-1].Text) && d.Tokens[end-1].Quote == 0 {
				end--
			}
		}
		if end-start < 2 {
			continue
		}
		f.Content = attribute.Range{Start: start, End: end}
		f.Pieces = []attribute.Range{f.Content}
	}
}

// quotedSpeakers gives each outlet's "quoted X as saying" the speaker X
// (flag "speaker-cited"; qualify then relays it through the outlet), as
// citedSpeakers does for "citing". atts[i] is the attribution built from
// found[i].
func quotedSpeakers(ctx context.Context, d *doc.Doc, found []attribute.Found, atts []claimtrail.Attribution) error {
	var mentions []resolve.Mention
	var at []int
	for i := range found {
		if np, ok := quotedParty(d, &found[i]); ok && i < len(atts) {
			mentions = append(mentions, resolve.Mention{Start: np.Start, End: np.End})
			at = append(at, i)
		}
	}
	return setCitedSpeakers(ctx, d, mentions, at, atts, true)
}

// beforePreposition is a description's words before its first
// preposition: its head noun phrase ("an insider in the talks" → "an
// insider").
func beforePreposition(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		switch strings.ToLower(w) {
		case "in", "at", "of", "from", "on", "for", "with", "close":
			return strings.Join(words[:i], " ")
		}
	}
	return s
}
