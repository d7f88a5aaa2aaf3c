package trail

import (
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
// the store) and the maps around it were two thirds of the live heap
// of an ingest's clustering. A member is now a 40-byte value (member):
// the article's facts are kept once per article (articleRec), the
// speaker once per name and kind (speakerRec), outlets once per
// distinct string (intern), the text and the words matched on once
// per distinct writing within a form (node.texts: the quotes of one
// form are mostly written the same way), markers only for the members
// that have any (Index.markers), and the key-to-form table in 12 bytes
// a member (keyTable). Member rebuilds the Quote of a member from them.

// member is one quote filed under a form (40 bytes). Its speaker is
// shared by every quote of that name and kind, its article by the
// article's quotes; q.Speaker, q.SpeakerKind and q.Published keep the
// names (and meaning) of the Quote fields they copy.
type member struct {
	*speakerRec
	*articleRec
	key        int64
	start, end int32
	// text and match index the form's texts: the quote's Text and
	// MatchText.
	text, match uint32
}

// speakerRec is a speaker's name and kind as quotes give them.
type speakerRec struct {
	Speaker     string
	SpeakerKind claimtrail.SpeakerKind
}

// articleRec is what a member needs of its article, shared by the
// article's members.
type articleRec struct {
	id             int64
	source, outlet string
	Published      time.Time
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
	if a := ix.lastArticle; a != nil && a.id == q.ArticleID && a.source == q.Source && a.outlet == q.Outlet && a.Published == q.Published {
		return a
	}
	a := &articleRec{id: q.ArticleID, source: strings.Clone(q.Source), outlet: ix.intern(q.Outlet), Published: q.Published}
	ix.lastArticle = a
	return a
}

// speakerOf returns the one record of q's speaker name and kind.
func (ix *Index) speakerOf(q *Quote) *speakerRec {
	if r, ok := ix.speakers[speakerRec{q.Speaker, q.SpeakerKind}]; ok {
		return r
	}
	r := &speakerRec{strings.Clone(q.Speaker), claimtrail.SpeakerKind(strings.Clone(string(q.SpeakerKind)))}
	ix.speakers[*r] = r
	return r
}

// speech is what the speech rule reads of a member (speakerKey,
// sameSpeech), as a Quote.
func (m member) speech() Quote {
	return Quote{Speaker: m.Speaker, SpeakerKind: m.SpeakerKind, Published: m.Published}
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
	m := member{speakerRec: ix.speakerOf(q), articleRec: ix.articleOf(q), key: k, start: int32(q.Start), end: int32(q.End)}
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
		ID: id, Piece: piece, ArticleID: m.articleRec.id, Source: m.articleRec.source, Outlet: m.articleRec.outlet,
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
	if m.articleRec.outlet != "" {
		return m.articleRec.outlet
	}
	return "source:" + m.articleRec.source
}

func articleKey(m member) string {
	if m.articleRec.id != 0 {
		return strconv.FormatInt(m.articleRec.id, 10)
	}
	return m.articleRec.source
}

// compareMembers is compareQuotes of two members.
func compareMembers(a, b *member) int {
	return compareAppearance(a.Published, b.Published, a.articleRec.outlet, b.articleRec.outlet,
		a.articleRec.source, b.articleRec.source, int(a.start), int(b.start), a.key, b.key)
}

// keyTable maps member keys to form numbers (node.id) in 12 bytes a
// member, where a map took 40 to 50: keys sorted, with the form of each
// (-1 once removed), and the keys that came out of order in a map until
// there are enough of them to merge. Members mostly come in key order
// (attribution ids grow as articles are stored), so most go at the end.
type keyTable struct {
	keys  []int64
	forms []int32
	extra map[int64]int32
	dead  int // removed keys still in keys
}

// find returns the place of k in the sorted keys, if there.
func (t *keyTable) find(k int64) (int, bool) {
	i, ok := slices.BinarySearch(t.keys, k)
	return i, ok && t.forms[i] >= 0
}

func (t *keyTable) get(k int64) (int32, bool) {
	if f, ok := t.extra[k]; ok {
		return f, true
	}
	if i, ok := t.find(k); ok {
		return t.forms[i], true
	}
	return 0, false
}

func (t *keyTable) set(k int64, f int32) {
	if _, ok := t.extra[k]; ok {
		t.extra[k] = f
		return
	}
	i, found := slices.BinarySearch(t.keys, k)
	switch {
	case found:
		if t.forms[i] < 0 {
			t.dead--
		}
		t.forms[i] = f
	case i == len(t.keys):
		t.keys, t.forms = append(t.keys, k), append(t.forms, f)
	default:
		if t.extra == nil {
			t.extra = map[int64]int32{}
		}
		t.extra[k] = f
		if len(t.extra) > 1024+len(t.keys)/8 {
			t.compact()
		}
	}
}

func (t *keyTable) del(k int64) {
	if _, ok := t.extra[k]; ok {
		delete(t.extra, k)
		return
	}
	if i, ok := t.find(k); ok {
		t.forms[i] = -1
		t.dead++
		if t.dead > 1024+len(t.keys)/2 {
			t.compact()
		}
	}
}

// len is the number of keys.
func (t *keyTable) len() int { return len(t.keys) - t.dead + len(t.extra) }

// compact merges the extra keys into the sorted ones and drops the
// removed keys.
func (t *keyTable) compact() {
	more := make([]int64, 0, len(t.extra))
	for k := range t.extra {
		more = append(more, k)
	}
	slices.Sort(more)
	n := t.len()
	keys, forms := make([]int64, 0, n), make([]int32, 0, n)
	i, j := 0, 0
	for i < len(t.keys) || j < len(more) {
		if j == len(more) || (i < len(t.keys) && t.keys[i] < more[j]) {
			if t.forms[i] >= 0 {
				keys, forms = append(keys, t.keys[i]), append(forms, t.forms[i])
			}
			i++
			continue
		}
		keys, forms = append(keys, more[j]), append(forms, t.extra[more[j]])
		j++
	}
	t.keys, t.forms, t.extra, t.dead = keys, forms, nil, 0
}

// each calls fn with every key and its form, in no particular order.
func (t *keyTable) each(fn func(k int64, f int32)) {
	for i, k := range t.keys {
		if t.forms[i] >= 0 {
			fn(k, t.forms[i])
		}
	}
	for k, f := range t.extra {
		fn(k, f)
	}
}
