package trail

import (
	"math"
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
// the article's members: its id and time, in 24 bytes (56 with a
// time.Time and a source string: the records were a tenth of the
// cluster step's live heap at 160k generated articles, one per
// article). The time is its instant (sec, nsec; nsec -1 for the zero
// time) in UTC; the rare article with no id (its source names it) or
// with a time in another location keeps those in Index.articleMore.
// refs counts the members that hold it: at zero its number is free for
// the next article.
type articleRec struct {
	id   int64
	sec  int64
	nsec int32
	refs int32
}

// articleMore is what a few article records need beyond articleRec:
// the source of an article with no id (articleKey), and the location
// of a time not in UTC, so that the time read back is the one given.
type articleMore struct {
	source string
	loc    *time.Location
}

// packTime is t as articleRec holds it, with its location when that is
// not UTC (nil otherwise).
func packTime(t time.Time) (sec int64, nsec int32, loc *time.Location) {
	if l := t.Location(); l != time.UTC {
		loc = l
	}
	if t.IsZero() {
		return 0, -1, loc
	}
	return t.Unix(), int32(t.Nanosecond()), loc
}

// unpackTime is packTime's inverse: the same instant in the same
// location, without a monotonic reading (the index's times are read
// from stores and articles, which carry none).
func unpackTime(sec int64, nsec int32, loc *time.Location) time.Time {
	var t time.Time
	if nsec >= 0 {
		t = time.Unix(sec, int64(nsec))
	}
	if loc == nil {
		return t.UTC()
	}
	return t.In(loc)
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
		for _, q := range n.members() {
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
	sec, nsec, loc := packTime(q.Published)
	source := ""
	if q.ArticleID == 0 {
		source = q.Source
	}
	if i := ix.lastArticle; i >= 0 {
		if a := &ix.articles[i]; a.id == q.ArticleID && a.sec == sec && a.nsec == nsec {
			if more := ix.articleMore[i]; more.source == source && more.loc == loc {
				return i
			}
		}
	}
	a := articleRec{id: q.ArticleID, sec: sec, nsec: nsec}
	var i int32
	if n := len(ix.freeArticles); n > 0 {
		i = ix.freeArticles[n-1]
		ix.freeArticles = ix.freeArticles[:n-1]
		ix.articles[i] = a
	} else {
		i = int32(len(ix.articles))
		ix.articles = append(ix.articles, a)
	}
	if source != "" || loc != nil {
		if ix.articleMore == nil {
			ix.articleMore = map[int32]articleMore{}
		}
		ix.articleMore[i] = articleMore{source: strings.Clone(source), loc: loc}
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
	delete(ix.articleMore, i)
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
func (ix *Index) published(m member) time.Time {
	a := &ix.articles[m.article]
	if a.nsec >= 0 && len(ix.articleMore) == 0 {
		return time.Unix(a.sec, int64(a.nsec)).UTC()
	}
	return unpackTime(a.sec, a.nsec, ix.articleMore[m.article].loc)
}

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
	return ix.articleMore[m.article].source
}

// compareMembers is compareQuotes of two members, on their details.
func (ix *Index) compareMembers(a, b *member, ds map[int64]*Detail) int {
	da, db := ds[a.key], ds[b.key]
	return compareAppearance(ix.published(*a), ix.published(*b), da.Outlet, db.Outlet,
		da.Source, db.Source, da.Start, db.Start, a.key, b.key)
}

// keyTable maps member keys to form numbers (node.id) in about 8 bytes
// a member (12 with the keys as int64s, 40 to 50 in a map): keys
// sorted, with the form of each (-1 once removed), and the keys that
// came out of order in a map until there are enough of them to merge.
// Members mostly come in key order (attribution ids grow as articles
// are stored), so most go at the end. The sorted keys are kept in
// blocks of up to keyBlock: a block's first key (bases) and each key's
// distance from it in 32 bits (offs), where neighbouring keys differ by
// a few attributions; a key too far from its block's first starts a new
// block. The key table was the cluster step's third holder at 160k
// generated articles (15 MB, 1.35M members).
type keyTable struct {
	bases  []int64  // first key of each block
	starts []int32  // place in offs of each block's first key
	offs   []uint32 // key - its block's base, in key order
	forms  []int32
	extra  map[int64]int32
	dead   int // removed keys still in offs
}

// keyBlock is the most keys in a block (see keyTable): 12 bytes of
// block for 256 keys.
const keyBlock = 256

// blockEnd is the place past block b's last key.
func (t *keyTable) blockEnd(b int) int {
	if b+1 < len(t.starts) {
		return int(t.starts[b+1])
	}
	return len(t.offs)
}

// search returns the place of k in the sorted keys, or where it would
// go, and whether it is there (removed or not).
func (t *keyTable) search(k int64) (int, bool) {
	// The last block whose first key is k or less.
	b, found := slices.BinarySearch(t.bases, k)
	if found {
		return int(t.starts[b]), true
	}
	if b == 0 {
		return 0, false
	}
	b--
	lo, hi := int(t.starts[b]), t.blockEnd(b)
	d := k - t.bases[b]
	if d > math.MaxUint32 {
		return hi, false
	}
	j, found := slices.BinarySearch(t.offs[lo:hi], uint32(d))
	return lo + j, found
}

// find returns the place of k in the sorted keys, if there.
func (t *keyTable) find(k int64) (int, bool) {
	i, ok := t.search(k)
	return i, ok && t.forms[i] >= 0
}

// reserve makes room for n sorted keys.
func (t *keyTable) reserve(n int) {
	t.offs = slices.Grow(t.offs, max(0, n-len(t.offs)))
	t.forms = slices.Grow(t.forms, max(0, n-len(t.forms)))
	t.bases = slices.Grow(t.bases, max(0, n/keyBlock+1-len(t.bases)))
	t.starts = slices.Grow(t.starts, max(0, n/keyBlock+1-len(t.starts)))
}

// push appends k, greater than every sorted key, with form f.
func (t *keyTable) push(k int64, f int32) {
	b := len(t.bases) - 1
	if b < 0 || len(t.offs)-int(t.starts[b]) >= keyBlock || k-t.bases[b] > math.MaxUint32 {
		t.bases, t.starts = append(t.bases, k), append(t.starts, int32(len(t.offs)))
		b++
	}
	t.offs, t.forms = append(t.offs, uint32(k-t.bases[b])), append(t.forms, f)
}

// last is the greatest sorted key (removed or not); ok is false when
// there is none.
func (t *keyTable) last() (k int64, ok bool) {
	if len(t.offs) == 0 {
		return 0, false
	}
	return t.bases[len(t.bases)-1] + int64(t.offs[len(t.offs)-1]), true
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
	if top, ok := t.last(); !ok || k > top {
		t.push(k, f)
		return
	}
	i, found := t.search(k)
	if found {
		if t.forms[i] < 0 {
			t.dead--
		}
		t.forms[i] = f
		return
	}
	if t.extra == nil {
		t.extra = map[int64]int32{}
	}
	t.extra[k] = f
	if len(t.extra) > 1024+len(t.offs)/8 {
		t.compact()
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
		if t.dead > 1024+len(t.offs)/2 {
			t.compact()
		}
	}
}

// len is the number of keys.
func (t *keyTable) len() int { return len(t.offs) - t.dead + len(t.extra) }

// compact merges the extra keys into the sorted ones and drops the
// removed keys.
func (t *keyTable) compact() {
	more := make([]int64, 0, len(t.extra))
	for k := range t.extra {
		more = append(more, k)
	}
	slices.Sort(more)
	n := t.len()
	old := *t
	*t = keyTable{offs: make([]uint32, 0, n), forms: make([]int32, 0, n)}
	i, j := 0, 0
	b := 0 // old's block of place i
	for i < len(old.offs) || j < len(more) {
		if i < len(old.offs) {
			for b+1 < len(old.starts) && int(old.starts[b+1]) <= i {
				b++
			}
		}
		if j == len(more) || (i < len(old.offs) && old.bases[b]+int64(old.offs[i]) < more[j]) {
			if old.forms[i] >= 0 {
				t.push(old.bases[b]+int64(old.offs[i]), old.forms[i])
			}
			i++
			continue
		}
		t.push(more[j], old.extra[more[j]])
		j++
	}
}

// sorted calls fn with every key in order, merging the extra keys and
// dropping removed ones first if there are any; it stops at fn's first
// error.
func (t *keyTable) sorted(fn func(k int64) error) error {
	if len(t.extra) > 0 || t.dead > 0 {
		t.compact()
	}
	for b := range t.bases {
		for i := int(t.starts[b]); i < t.blockEnd(b); i++ {
			if err := fn(t.bases[b] + int64(t.offs[i])); err != nil {
				return err
			}
		}
	}
	return nil
}

// each calls fn with every key and its form, in no particular order.
func (t *keyTable) each(fn func(k int64, f int32)) {
	for b := range t.bases {
		for i := int(t.starts[b]); i < t.blockEnd(b); i++ {
			if t.forms[i] >= 0 {
				fn(t.bases[b]+int64(t.offs[i]), t.forms[i])
			}
		}
	}
	for k, f := range t.extra {
		fn(k, f)
	}
}
