package trail

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Members. The index keeps of every member it clusters only what
// matching reads (the evidence of short pieces and speech links: who
// said it, in which article, when) and its key: a 16-byte value
// (member) holding its key and the numbers of its speaker, shared by
// every quote of that name and kind (Index.speakerRecs), and of its
// article, shared by the article's quotes (Index.articles). Numbers
// where there were pointers: a member was 24 bytes, and the members
// are what grows with the store (a third of the live heap at 160k
// generated articles). What a member shows and matching never reads
// (where it stands, its words, its article's source and outlet, its
// markers) is a Detail, kept by a Details: in memory for an index of
// its own (NewIndex), in the store for a store's index (a table keyed
// by member, read for the members of a touched cluster's summary and
// for the member rows an update writes). Member and the summaries read
// it back.

// member is one quote filed under a form (16 bytes): its key, its
// speaker's number in Index.speakerRecs and its article's in
// Index.articles (read with Index.speakerOfMember and
// Index.articleOfMember).
type member struct {
	key     int64
	speaker int32
	article int32
}

// speakerRec is a speaker's name and kind as quotes give them.
type speakerRec struct {
	Speaker     string
	SpeakerKind claimtrail.SpeakerKind
}

// articleRec is what matching needs of a member's article, shared by
// the article's members: its id and time, and its source only when it
// has no id (articleKey). refs counts the members that hold it: at
// zero its number is free for the next article.
type articleRec struct {
	id        int64
	source    string
	Published time.Time
	refs      int32
}

// Detail is what the index keeps of a member outside memory (see
// Details): its place (code points), its text and the words it was
// matched on (MatchText), its article's source and outlet, and its
// markers.
type Detail struct {
	Key            int64
	Start, End     int
	Text, Match    string
	Source, Outlet string
	Markers        []claimtrail.Marker
}

// Details keeps the details of an index's members. Put records one
// (replacing the detail of the same key), Drop forgets one, and Get
// returns the details of the keys asked (sorted, distinct) that it has.
// A store's Details reads and writes the store in its transaction, and
// reports its first error itself (the index's methods have none).
type Details interface {
	Put(d *Detail)
	Drop(key int64)
	Get(keys []int64) map[int64]*Detail
}

// memDetails keeps details in memory: the Details of NewIndex.
type memDetails map[int64]*Detail

func (m memDetails) Put(d *Detail) {
	c := *d
	c.Text, c.Match, c.Source, c.Outlet = strings.Clone(c.Text), strings.Clone(c.Match), strings.Clone(c.Source), strings.Clone(c.Outlet)
	c.Markers = slices.Clone(c.Markers)
	m[d.Key] = &c
}

func (m memDetails) Drop(key int64) { delete(m, key) }

func (m memDetails) Get(keys []int64) map[int64]*Detail {
	out := make(map[int64]*Detail, len(keys))
	for _, k := range keys {
		if d, ok := m[k]; ok {
			out[k] = d
		}
	}
	return out
}

// SetDetails makes d keep the details of members placed from now on,
// and read those asked for: a store sets its own, bound to the
// transaction at hand, before each use of the index.
func (ix *Index) SetDetails(d Details) { ix.details = d }

// detailsOf returns the details of the members of the forms, and a
// detail for each (an empty one for a key the Details lacks).
func (ix *Index) detailsOf(forms ...*node) map[int64]*Detail {
	var keys []int64
	for _, n := range forms {
		for _, q := range n.quotes {
			keys = append(keys, q.key)
		}
	}
	slices.Sort(keys)
	ds := ix.details.Get(keys)
	for _, k := range keys {
		if ds[k] == nil {
			ds[k] = &Detail{Key: k}
		}
	}
	return ds
}

// articleOf returns the number of a record of q's article: the one
// of the quote placed before when it is of the same article (an
// article's quotes come together: a store reads them so), else a new
// one. No table of articles by id is kept; a record lives as long as a
// member holds it (refs), and its number is then reused.
func (ix *Index) articleOf(q *Quote) int32 {
	if i := ix.lastArticle; i >= 0 {
		if a := &ix.articles[i]; a.id == q.ArticleID && (a.id != 0 || a.source == q.Source) && a.Published == q.Published {
			return i
		}
	}
	a := articleRec{id: q.ArticleID, Published: q.Published}
	if a.id == 0 {
		a.source = strings.Clone(q.Source)
	}
	var i int32
	if n := len(ix.freeArticles); n > 0 {
		i = ix.freeArticles[n-1]
		ix.freeArticles = ix.freeArticles[:n-1]
		ix.articles[i] = a
	} else {
		i = int32(len(ix.articles))
		ix.articles = append(ix.articles, a)
	}
	ix.lastArticle = i
	return i
}

// releaseArticle drops a member's hold on article record i.
func (ix *Index) releaseArticle(i int32) {
	a := &ix.articles[i]
	if a.refs--; a.refs > 0 {
		return
	}
	*a = articleRec{}
	ix.freeArticles = append(ix.freeArticles, i)
	if ix.lastArticle == i {
		ix.lastArticle = -1
	}
}

// speakerOf returns the number of the one record of q's speaker name
// and kind.
func (ix *Index) speakerOf(q *Quote) int32 {
	if i, ok := ix.speakers[speakerRec{q.Speaker, q.SpeakerKind}]; ok {
		return i
	}
	r := speakerRec{strings.Clone(q.Speaker), claimtrail.SpeakerKind(strings.Clone(string(q.SpeakerKind)))}
	i := int32(len(ix.speakerRecs))
	ix.speakerRecs = append(ix.speakerRecs, r)
	ix.speakers[r] = i
	return i
}

// speakerOfMember and articleOfMember return the records m shares.
func (ix *Index) speakerOfMember(m member) *speakerRec { return &ix.speakerRecs[m.speaker] }
func (ix *Index) articleOfMember(m member) *articleRec { return &ix.articles[m.article] }

// published is the time of m's article.
func (ix *Index) published(m member) time.Time { return ix.articles[m.article].Published }

// speech is what the speech rule reads of a member (speakerKey,
// sameSpeech), as a Quote.
func (ix *Index) speech(m member) Quote {
	s := ix.speakerOfMember(m)
	return Quote{Speaker: s.Speaker, SpeakerKind: s.SpeakerKind, Published: ix.published(m)}
}

// newMember makes the member of q (its key k) and puts its detail.
func (ix *Index) newMember(q *Quote, k int64) member {
	m := member{key: k, speaker: ix.speakerOf(q), article: ix.articleOf(q)}
	ix.articles[m.article].refs++
	ix.details.Put(&Detail{Key: k, Start: q.Start, End: q.End, Text: q.Text, Match: q.MatchText(),
		Source: q.Source, Outlet: q.Outlet, Markers: q.Markers})
	return m
}

// dropMember forgets the detail of m and its hold on its article.
func (ix *Index) dropMember(m *member) {
	ix.details.Drop(m.key)
	ix.releaseArticle(m.article)
}

// quoteOf rebuilds the Quote of a member of n: the fields a member was
// made from (see Member).
func (ix *Index) quoteOf(n *node, m *member) Quote {
	return ix.quoteOfDetail(m, ix.detailsOf(n)[m.key])
}

func (ix *Index) quoteOfDetail(m *member, d *Detail) Quote {
	id, piece := SplitKey(m.key)
	s := ix.speakerOfMember(*m)
	q := Quote{
		ID: id, Piece: piece, ArticleID: ix.articleOfMember(*m).id, Source: d.Source, Outlet: d.Outlet,
		Published: ix.published(*m), Start: d.Start, End: d.End, Text: d.Text,
		Speaker: s.Speaker, SpeakerKind: s.SpeakerKind, Markers: d.Markers,
	}
	if d.Match != "" {
		q.Utterance = []string{d.Match}
	} else if QuotedText(q.Text) != "" {
		q.Pieces = []string{""}
	}
	return q
}

// outletKey is the outlet of a member, or its source when the outlet is
// unknown: an article from nowhere known still counts as one voice.
func outletKey(d *Detail) string {
	if d.Outlet != "" {
		return d.Outlet
	}
	return "source:" + d.Source
}

func (ix *Index) articleKey(m member) string {
	if a := ix.articleOfMember(m); a.id != 0 {
		return strconv.FormatInt(a.id, 10)
	}
	return ix.articleOfMember(m).source
}

// compareMembers is compareQuotes of two members, on their details.
func (ix *Index) compareMembers(a, b *member, ds map[int64]*Detail) int {
	da, db := ds[a.key], ds[b.key]
	return compareAppearance(ix.published(*a), ix.published(*b), da.Outlet, db.Outlet,
		da.Source, db.Source, da.Start, db.Start, a.key, b.key)
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

// sorted returns the keys in order, merging the extra keys and dropping
// removed ones first if there are any: the table's own slice.
func (t *keyTable) sorted() []int64 {
	if len(t.extra) > 0 || t.dead > 0 {
		t.compact()
	}
	return t.keys
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
