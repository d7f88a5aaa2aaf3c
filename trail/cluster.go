package trail

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// Clusters returns every cluster with at least minArticles articles,
// members included, in the listing order (claimtrail.CompareClusterOrder).
func (ix *Index) Clusters(minArticles int) []claimtrail.Cluster {
	return ix.clusters(minArticles, true)
}

// Summaries is Clusters without members (and without the word diffs
// that cost most of the time): what a store keeps per cluster.
func (ix *Index) Summaries(minArticles int) []claimtrail.Cluster {
	return ix.clusters(minArticles, false)
}

func (ix *Index) clusters(minArticles int, members bool) []claimtrail.Cluster {
	var out []claimtrail.Cluster
	for _, n := range ix.roots() {
		c := ix.summarize(n, members)
		if c.Articles >= minArticles {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, claimtrail.CompareClusterOrder)
	return out
}

// Cluster returns one cluster with its members ordered by time.
func (ix *Index) Cluster(id ClusterID) (*claimtrail.Cluster, bool) {
	for _, n := range ix.roots() {
		if ix.idOf(n) == id {
			return ix.summarize(n, true), true
		}
	}
	return nil, false
}

func (ix *Index) roots() []*node {
	var out []*node
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		if n.parent == nil {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, ix.compareKeys)
	return out
}

// subtree lists the forms under root (root first, then by key).
func (ix *Index) subtree(root *node) []*node {
	out := []*node{root}
	for i := 0; i < len(out); i++ {
		from := len(out)
		out = ix.appendKids(out, out[i])
		slices.SortFunc(out[from:], ix.compareKeys)
	}
	return out
}

// compareQuotes orders quotes by first appearance: published time (the
// unknown time last), then outlet, then source, then position.
func compareQuotes(a, b *Quote) int {
	return compareAppearance(a.Published, b.Published, a.Outlet, b.Outlet, a.Source, b.Source, a.Start, b.Start, a.Key(), b.Key())
}

// compareAppearance is the order of first appearance on its facts, for
// quotes and index members alike.
func compareAppearance(pa, pb time.Time, outletA, outletB, sourceA, sourceB string, startA, startB int, keyA, keyB int64) int {
	if az, bz := pa.IsZero(), pb.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	if c := pa.Compare(pb); c != 0 {
		return c
	}
	if c := strings.Compare(outletA, outletB); c != 0 {
		return c
	}
	if c := strings.Compare(sourceA, sourceB); c != 0 {
		return c
	}
	if c := cmp.Compare(startA, startB); c != 0 {
		return c
	}
	return cmp.Compare(keyA, keyB)
}

func (ix *Index) sortedQuotes(n *node, ds map[int64]*Detail) []member {
	qs := slices.Clone(n.members())
	slices.SortFunc(qs, func(a, b member) int { return ix.compareMembers(&a, &b, ds) })
	return qs
}

func (ix *Index) articleCount(n *node) int {
	seen := map[string]struct{}{}
	for _, q := range n.members() {
		seen[ix.articleKey(q)] = struct{}{}
	}
	return len(seen)
}

// canonicalNode is the longest well-attested form: the highest-ranked
// form quoted in two articles or more, or the root when none is.
func (ix *Index) canonicalNode(forms []*node) *node {
	var best *node
	for _, n := range forms {
		if ix.articleCount(n) >= 2 && (best == nil || ix.outranks(n, best)) {
			best = n
		}
	}
	if best == nil {
		return forms[0]
	}
	return best
}

// summarize computes a cluster's facts from its forms, with or without
// the member list.
func (ix *Index) summarize(root *node, members bool) *claimtrail.Cluster {
	forms := ix.subtree(root)
	return ix.summarizeWith(root, forms, ix.detailsOf(forms...), members)
}

// summarizeWith is summarize with the forms under root and their
// members' details read.
func (ix *Index) summarizeWith(root *node, forms []*node, ds map[int64]*Detail, members bool) *claimtrail.Cluster {
	canon := ix.canonicalNode(forms)
	canonQuote := ix.sortedQuotes(canon, ds)[0]
	canonText := ds[canonQuote.key].Match
	// The canonical form's words are read only for the members' diffs:
	// a summary without members (every cluster a batch touches) does not
	// tokenize it (at 1M quotes that was 16 ms of a 300 ms batch).
	var canonToks []Token
	if members {
		canonToks = Tokenize(canonText)
	}
	c := &claimtrail.Cluster{
		ID:   int64(ix.idOf(root)),
		Text: DisplayText(canonText),
	}
	articles := map[string]struct{}{}
	outlets := map[string]struct{}{}
	markerOutlets := map[claimtrail.MarkerType]map[string]struct{}{}
	speakerOutlets := map[string]map[string]struct{}{}
	var votes claimtrail.SpeakerVotes
	for _, n := range forms {
		for _, q := range ix.sortedQuotes(n, ds) {
			d := ds[q.key]
			articles[ix.articleKey(q)] = struct{}{}
			spk := ix.speakerOfMember(q)
			ok := outletKey(d)
			outlets[ok] = struct{}{}
			markers := d.Markers
			for _, m := range markers {
				if markerOutlets[m.Type] == nil {
					markerOutlets[m.Type] = map[string]struct{}{}
				}
				markerOutlets[m.Type][ok] = struct{}{}
			}
			speaker := ix.Names.Canonical(spk.Speaker, spk.SpeakerKind)
			votes.Add(speaker, spk.SpeakerKind)
			if speaker != "" {
				if speakerOutlets[speaker] == nil {
					speakerOutlets[speaker] = map[string]struct{}{}
				}
				speakerOutlets[speaker][ok] = struct{}{}
			}
			id, piece := SplitKey(q.key)
			m := claimtrail.ClusterMember{
				AttributionID: id,
				Piece:         piece,
				ArticleID:     ix.articleOfMember(q).id,
				Source:        d.Source,
				Outlet:        d.Outlet,
				Published:     ix.published(q),
				Start:         d.Start,
				End:           d.End,
				Text:          d.Text,
				Speaker:       speaker,
				Markers:       markers,
			}
			if members && n != canon {
				m.Diff = Diff(canonToks, Tokenize(d.Match))
			}
			c.Members = append(c.Members, m)
		}
	}
	slices.SortFunc(c.Members, func(a, b claimtrail.ClusterMember) int {
		return compareQuotes(&Quote{ID: a.AttributionID, Piece: a.Piece, Source: a.Source, Outlet: a.Outlet, Published: a.Published, Start: a.Start},
			&Quote{ID: b.AttributionID, Piece: b.Piece, Source: b.Source, Outlet: b.Outlet, Published: b.Published, Start: b.Start})
	})
	if len(c.Members) > 0 {
		c.FirstSeen = c.Members[0].Published
		c.FirstOutlet = c.Members[0].Outlet
	}
	c.Articles, c.Outlets, c.Quotes = len(articles), len(outlets), len(c.Members)
	if !members {
		c.Members = nil
	}
	c.Speakers, c.Speaker = votes.Speakers(), votes.Majority()
	c.PossibleMisattrib = misattributed(speakerOutlets)
	if len(markerOutlets) > 0 {
		c.MarkerCounts = map[claimtrail.MarkerType]int{}
		for t, os := range markerOutlets {
			c.MarkerCounts[t] = len(os)
		}
	}
	return c
}

// misattributed reports whether two different outlets name two
// different people. One outlet naming two speakers (a quote repeated by
// a second person in the same piece) is not enough on its own, and
// names that may be the same person ("Trump" and "Donald Trump" when the
// corpus also knows an Ivanka Trump) are not different people.
func misattributed(speakerOutlets map[string]map[string]struct{}) bool {
	names := make([]string, 0, len(speakerOutlets))
	for s := range speakerOutlets {
		if looksLikeName(s) {
			names = append(names, s)
		}
	}
	slices.Sort(names)
	for i, a := range names {
		for _, b := range names[i+1:] {
			if sameSurname(a, b) {
				continue
			}
			// Different people: misattributed when two outlets are involved.
			for oa := range speakerOutlets[a] {
				for ob := range speakerOutlets[b] {
					if oa != ob {
						return true
					}
				}
			}
		}
	}
	return false
}

// looksLikeName reports whether a speaker reads as a proper name (one to
// five capitalised words, particles aside, no weekday or month): an
// extraction slip such as "On Thursday" or "Downing Street cited that
// comment" should not raise a misattribution flag.
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		k := nameKey(w)
		if particles[k] {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || stopwords[k] || calendarWords[k] {
			return false
		}
	}
	return true
}

var particles = map[string]bool{"de": true, "da": true, "di": true, "van": true, "von": true, "der": true, "den": true,
	"bin": true, "al": true, "el": true, "la": true, "le": true, "du": true, "dos": true, "del": true, "ibn": true}

var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january
		february march april june july august september october november december today yesterday`) {
		m[w] = true
	}
	return m
}()

// sameSurname reports whether two canonical names may be one person:
// the same surname, and one name is the other's tail ("Trump", "Donald
// Trump") or they share first and last names.
func sameSurname(a, b string) bool {
	pa, pb := parsePerson(a), parsePerson(b)
	if pa.surname() == "" || pa.surname() != pb.surname() || pa.suffix != pb.suffix {
		return false
	}
	if len(pa.words) > len(pb.words) {
		pa, pb = pb, pa
	}
	return slices.Equal(pa.words, pb.words[len(pb.words)-len(pa.words):]) || pa.key() == pb.key()
}

// Diff lists the word differences of a variant against the canonical
// form, inside the stretch they share: words outside it (a cut) and
// words left out at an ellipsis are not differences. Words compare in
// their normalised form, so case and punctuation changes are not
// differences either; a word that changed is one "replace" with both
// surfaces. A member that joined the cluster through another form and
// is not itself close to the canonical one (less than half its words in
// common) has no word diff (nil): a list of every word would say nothing.
func Diff(canonical, variant []Token) []claimtrail.WordDiff {
	cw, vw := norms(canonical), norms(variant)
	variantShort := len(vw) <= len(cw)
	var f fitResult
	if variantShort {
		f = fit(vw, cw, true)
	} else {
		f = fit(cw, vw, true)
	}
	if f.similarity() < 0.5 {
		return nil
	}
	var out []claimtrail.WordDiff
	var dels, ins []string
	flush := func() {
		k := min(len(dels), len(ins))
		for i := 0; i < k; i++ {
			out = append(out, claimtrail.WordDiff{Op: "replace", Canonical: dels[i], Variant: ins[i]})
		}
		for _, d := range dels[k:] {
			out = append(out, claimtrail.WordDiff{Op: "delete", Canonical: d})
		}
		for _, v := range ins[k:] {
			out = append(out, claimtrail.WordDiff{Op: "insert", Variant: v})
		}
		dels, ins = dels[:0], ins[:0]
	}
	shortWords := vw
	if !variantShort {
		shortWords = cw
	}
	inGap := false
	for k, s := range f.steps {
		var canonIdx, varIdx int
		if variantShort {
			varIdx, canonIdx = f.shortIdx[k], f.longIdx[k]
		} else {
			canonIdx, varIdx = f.shortIdx[k], f.longIdx[k]
		}
		switch {
		case s == stepMatch:
			flush()
			inGap = false
		case s == stepShort && shortWords[f.shortIdx[k]] == Gap:
			// An ellipsis and the words it stands for are a cut.
			flush()
			inGap = true
		case s == stepLong && inGap:
		case canonIdx >= 0 && canonical[canonIdx].Norm == Gap, varIdx >= 0 && variant[varIdx].Norm == Gap:
			// An ellipsis in the longer form: not a word.
		default:
			if canonIdx >= 0 {
				dels = append(dels, canonical[canonIdx].Surface)
			}
			if varIdx >= 0 {
				ins = append(ins, variant[varIdx].Surface)
			}
		}
	}
	flush()
	return out
}

func norms(ts []Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Norm
	}
	return out
}
