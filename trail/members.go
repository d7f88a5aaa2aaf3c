package trail

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Members in memory. The index keeps every member it clusters (a
// cluster's summary and a short piece's evidence read them), so their
// size is what its memory grows with: at 40k generated articles the
// *Quote each form kept per member (a struct of some 280 bytes, with its
// own copy of the article's source, outlet, speaker and text read from
// the store) was two thirds of the live heap of an ingest's clustering.
// A member is now a small value (member): the article's facts are kept
// once per article (articleRec, shared by its members), speaker names
// and kinds once per distinct string (intern), the text and the words
// matched on once per distinct writing within a form (node.texts: the
// quotes of one form are mostly written the same way), and markers only
// for the members that have any (Index.markers). Member rebuilds the
// Quote of a member from them.

// member is one quote filed under a form. Speaker, SpeakerKind and
// Published keep the names (and meaning) of the Quote fields they copy.
type member struct {
	Speaker     string
	SpeakerKind claimtrail.SpeakerKind
	Published   time.Time
	art         *articleRec
	key         int64
	start, end  int32
	// text and match index the form's texts: the quote's Text and
	// MatchText.
	text, match uint32
}

// articleRec is what a member needs of its article, shared by the
// article's members.
type articleRec struct {
	id             int64
	source, outlet string
}

// intern returns the one copy the index keeps of s.
func (ix *Index) intern(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := ix.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	ix.strs[s] = s
	return s
}

// articleOf returns a record of q's article: the one of the quote
// placed before when it is of the same article (an article's quotes
// come together: a store reads them so), else a new one. No table of
// articles is kept; a record lives as long as a member holds it.
func (ix *Index) articleOf(q *Quote) *articleRec {
	if a := ix.lastArticle; a != nil && a.id == q.ArticleID && a.source == q.Source && a.outlet == q.Outlet {
		return a
	}
	a := &articleRec{id: q.ArticleID, source: strings.Clone(q.Source), outlet: ix.intern(q.Outlet)}
	ix.lastArticle = a
	return a
}

// textIndex returns the place of s in n's texts, adding it when new.
func (n *node) textIndex(s string) uint32 {
	if i := slices.Index(n.texts, s); i >= 0 {
		return uint32(i)
	}
	n.texts = append(n.texts, strings.Clone(s))
	return uint32(len(n.texts) - 1)
}

// newMember makes the member of q (its key k) under n.
func (ix *Index) newMember(n *node, q *Quote, k int64) member {
	m := member{
		Speaker: ix.intern(q.Speaker), SpeakerKind: claimtrail.SpeakerKind(ix.intern(string(q.SpeakerKind))),
		Published: q.Published, art: ix.articleOf(q), key: k, start: int32(q.Start), end: int32(q.End),
	}
	m.text = n.textIndex(q.Text)
	m.match = n.textIndex(q.MatchText())
	if len(q.Markers) > 0 {
		ix.markers[k] = slices.Clone(q.Markers)
	} else {
		delete(ix.markers, k)
	}
	return m
}

// dropMember forgets what the index keeps for m besides the member
// itself (its markers).
func (ix *Index) dropMember(m *member) {
	delete(ix.markers, m.key)
}

// pruneTexts drops the texts of n no member uses any more.
func (n *node) pruneTexts() {
	used := make([]bool, len(n.texts))
	for _, m := range n.quotes {
		used[m.text], used[m.match] = true, true
	}
	if !slices.Contains(used, false) {
		return
	}
	place := make([]uint32, len(n.texts))
	kept := n.texts[:0]
	for i, t := range n.texts {
		if used[i] {
			place[i] = uint32(len(kept))
			kept = append(kept, t)
		}
	}
	clear(n.texts[len(kept):])
	n.texts = slices.Clip(kept)
	for i := range n.quotes {
		m := &n.quotes[i]
		m.text, m.match = place[m.text], place[m.match]
	}
}

// quoteOf rebuilds the Quote of a member of n: the fields a member was
// made from (see Member).
func (ix *Index) quoteOf(n *node, m *member) Quote {
	id, piece := SplitKey(m.key)
	q := Quote{
		ID: id, Piece: piece, ArticleID: m.art.id, Source: m.art.source, Outlet: m.art.outlet,
		Published: m.Published, Start: int(m.start), End: int(m.end), Text: n.texts[m.text],
		Speaker: m.Speaker, SpeakerKind: m.SpeakerKind, Markers: ix.markers[m.key],
	}
	if match := n.texts[m.match]; match != "" {
		q.Utterance = []string{match}
	} else if QuotedText(q.Text) != "" {
		q.Pieces = []string{""}
	}
	return q
}

// outletKey is the outlet of a member, or its source when the outlet is
// unknown: an article from nowhere known still counts as one voice.
func outletKey(m member) string {
	if m.art.outlet != "" {
		return m.art.outlet
	}
	return "source:" + m.art.source
}

func articleKey(m member) string {
	if m.art.id != 0 {
		return strconv.FormatInt(m.art.id, 10)
	}
	return m.art.source
}

// compareMembers is compareQuotes of two members.
func compareMembers(a, b *member) int {
	if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	if c := a.Published.Compare(b.Published); c != 0 {
		return c
	}
	if c := strings.Compare(a.art.outlet, b.art.outlet); c != 0 {
		return c
	}
	if c := strings.Compare(a.art.source, b.art.source); c != 0 {
		return c
	}
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	return cmp.Compare(a.key, b.key)
}
