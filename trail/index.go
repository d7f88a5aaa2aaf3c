package trail

import (
	"cmp"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Version changes whenever the clustering of the same quotes may change
// (normalisation, stopwords, thresholds), so that a store re-clusters.
const Version = "trail-29"

// ClusterID names a cluster. It is a hash of the cluster's root form, so
// the same set of quotes gets the same ids whatever the order they were
// added in; it changes when a longer form becomes the root.
type ClusterID int64

// Quote is one direct or mixed quote to cluster, with the facts a trail
// shows about it.
type Quote struct {
	// ID identifies the quote (the attribution id); adding an ID again
	// replaces the earlier quote.
	ID        int64
	ArticleID int64
	// Source is the article's source as ingested (path or URL).
	Source    string
	Outlet    string
	Published time.Time
	// Start and End are code points into the article's text.
	Start, End int
	Text       string
	// Pieces are the verbatim quoted words (Attribution.Quotes, without
	// marks), in article order. When set, matching uses them, not Text:
	// a trail follows what the speaker said, not the reporter's framing.
	// The index clusters each piece on its own (see Split): an
	// attribution quoting two remarks may belong to two trails.
	Pieces []string
	// PieceSpans are the pieces' places in the article (code points),
	// parallel to Pieces when known; a piece member is located by it.
	PieceSpans []claimtrail.Span
	// Piece is the index of the piece this quote stands for, once split.
	Piece int
	// Opens, parallel to Pieces when known, is true for a piece that
	// begins a content span of its attribution after an earlier piece:
	// the words before it are no part of the content, but the source
	// and cue that cut a quote in two (“A,” she said after the vote,
	// “B”), not the reporter's words between two remarks.
	Opens []bool
	// Utterance, parallel to Pieces when set (see JoinUtterances), holds
	// for each piece the words of the utterance its member is part of:
	// the pieces one speaker said next to each other in the article,
	// joined by an ellipsis ("" for a piece on its own). A member is
	// matched on them, so that the pieces of one answer quoted apart are
	// one form.
	Utterance []string
	// Speaker is the name as the article resolved it; a speaker that is
	// not Known (no name, a pronoun, a kind-less description) does not
	// count towards a cluster's speakers.
	Speaker     string
	SpeakerKind claimtrail.SpeakerKind
	Markers     []claimtrail.Marker
	// Alone is true for a quote whose attribution has neither source
	// nor cue: a quote standing alone, its speaker taken from the
	// attribution before it. Continues is true for a quote whose
	// attribution's cue says the speaker went on ("she added", "he
	// continued"; ContinuationCue). CueStart and CueEnd are where the
	// attribution's cue stands (CueEnd 0: none). JoinUtterances reads
	// them; SetCue sets them (QuoteOf, and a store from the
	// attribution's stored cue).
	Alone, Continues bool
	CueStart, CueEnd int32
}

// PieceBits is how many low bits of a member key hold the piece index:
// a member of a cluster is one verbatim piece of an attribution, keyed
// MemberKey(attribution id, piece). Pieces past the last index an
// attribution can have are matched together as its last piece.
const PieceBits = 8

// MaxPiece is the highest piece index.
const MaxPiece = 1<<PieceBits - 1

// MemberKey is the key of piece of attribution id in the index.
func MemberKey(id int64, piece int) int64 { return id<<PieceBits | int64(piece) }

// SplitKey is MemberKey's inverse.
func SplitKey(key int64) (id int64, piece int) { return key >> PieceBits, int(key & MaxPiece) }

// KeyRanges walks sorted member keys a range at a time, each of about
// page keys and ending with a whole attribution, and calls fn with the
// range's attribution ids (lo, hi] and its keys. The first range starts
// at math.MinInt64 and the last ends at math.MaxInt64, so a store that
// reads its members by these bounds reads each of them in one range.
func KeyRanges(keys []int64, page int, fn func(lo, hi int64, keys []int64) error) error {
	lo := int64(math.MinInt64)
	for i := 0; ; {
		hi := int64(math.MaxInt64)
		j := len(keys)
		if i+page < len(keys) {
			hi, _ = SplitKey(keys[i+page])
			j = i + page
			for j < len(keys) { // the whole attribution of the last key in the range
				if id, _ := SplitKey(keys[j]); id > hi {
					break
				}
				j++
			}
		}
		if err := fn(lo, hi, keys[i:j]); err != nil {
			return err
		}
		if hi == math.MaxInt64 {
			return nil
		}
		lo, i = hi, j
	}
}

// Key is the quote's member key.
func (q *Quote) Key() int64 { return MemberKey(q.ID, q.Piece) }

// PieceGap is the most code points between two quoted pieces of one
// attribution for them to be one remark: “We will win,” she said,
// “and they know it.” is one utterance cut by its cue, while pieces
// further apart may quote two remarks.
const PieceGap = 40

// PieceMembers maps each piece of an attribution (by its span, in
// article order) to the member it belongs to: the index of the first
// piece of its run of pieces less than PieceGap apart. Without spans
// every piece is its own member.
func PieceMembers(spans []claimtrail.Span, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
		if len(spans) == n && i > 0 && spans[i].Start-spans[i-1].End <= PieceGap {
			out[i] = out[i-1]
		}
		out[i] = min(out[i], MaxPiece)
	}
	return out
}

// Split makes one quote per member of an attribution's quote (see
// PieceMembers): each piece, or run of pieces cut only by a cue, located
// at its place (when PieceSpans says where) and with its words as text.
// A quote with one piece or none stays one member (piece 0, unless it
// says otherwise: a piece split before).
func Split(q Quote) []Quote {
	utterance := q.Utterance
	if len(utterance) != len(q.Pieces) {
		utterance = nil
	}
	q.Utterance, q.Opens = nil, nil
	if len(q.Pieces) <= 1 {
		if len(q.Pieces) == 1 && len(q.PieceSpans) == 1 {
			q.Start, q.End, q.Text = q.PieceSpans[0].Start, q.PieceSpans[0].End, q.Pieces[0]
		}
		if len(utterance) == 1 && utterance[0] != "" {
			q.Utterance = utterance
		}
		q.PieceSpans = nil
		return []Quote{q}
	}
	spans := q.PieceSpans
	if len(spans) != len(q.Pieces) {
		spans = nil
	}
	member := PieceMembers(spans, len(q.Pieces))
	var out []Quote
	for i, m := range member {
		if i > 0 && m == member[i-1] {
			last := &out[len(out)-1]
			last.Pieces = append(last.Pieces, q.Pieces[i])
			if spans != nil {
				last.End = spans[i].End
			}
			continue
		}
		p := q
		p.Piece = m
		p.Pieces = []string{q.Pieces[i]}
		p.PieceSpans = nil
		if spans != nil {
			p.Start, p.End = spans[i].Start, spans[i].End
		}
		if utterance != nil && utterance[i] != "" {
			p.Utterance = []string{utterance[i]}
		}
		out = append(out, p)
	}
	for i := range out {
		out[i].Pieces = slices.Clip(out[i].Pieces)
		out[i].Text = strings.Join(out[i].Pieces, " … ")
	}
	return out
}

// MatchText is the text a quote is matched on: the utterance a member
// is part of (see JoinUtterances), else its verbatim pieces joined by an
// ellipsis (the words between them were left out), or the quoted parts
// of Text when it has no pieces.
func (q *Quote) MatchText() string {
	if len(q.Utterance) == 1 && q.Utterance[0] != "" {
		return q.Utterance[0]
	}
	if len(q.Pieces) == 0 {
		return QuotedText(q.Text)
	}
	return strings.Join(q.Pieces, " … ")
}

// QuoteOf makes the trail quote of a direct or mixed attribution, with
// its article's facts; ok is false for an attribution with no verbatim
// words (an indirect one).
func QuoteOf(art *claimtrail.Article, a *claimtrail.Attribution) (q Quote, ok bool) {
	if a.Kind == claimtrail.KindIndirect || len(a.Content) == 0 {
		return Quote{}, false
	}
	q = Quote{ID: a.ID, ArticleID: art.ID, Source: art.Source, Outlet: art.Outlet, Published: art.Published,
		Start: a.Content[0].Start, End: a.Content[len(a.Content)-1].End, Text: a.ContentText(),
		Speaker: a.Speaker.Name, SpeakerKind: a.Speaker.Kind, Markers: a.Markers}
	if a.Cue != nil {
		q.SetCue(a.Source == nil, a.Cue.Text, a.Cue.Start, a.Cue.End)
	} else {
		q.SetCue(a.Source == nil, "", 0, 0)
	}
	for _, p := range a.Quotes {
		q.Pieces = append(q.Pieces, p.Text)
		q.PieceSpans = append(q.PieceSpans, p)
	}
	q.Opens = opens(q.PieceSpans, a.Content)
	return q, true
}

// SetCue sets what JoinUtterances reads of a quote's attribution: its
// cue's text and place (end 0 for no cue) and whether it has no source.
// A store calls it with the attribution's stored cue and source.
func (q *Quote) SetCue(noSource bool, text string, start, end int) {
	q.Alone = noSource && end == 0
	q.Continues = end > 0 && ContinuationCue(text)
	q.CueStart, q.CueEnd = 0, 0
	if end > 0 {
		q.CueStart, q.CueEnd = int32(start), int32(end)
	}
}

// SetPieces sets a quote's verbatim pieces (Pieces, PieceSpans, Opens)
// from its attribution's kind and content spans, as a store reads them.
func (q *Quote) SetPieces(kind claimtrail.Kind, content []claimtrail.Span) {
	q.Pieces, q.PieceSpans = nil, nil
	for _, p := range claimtrail.VerbatimQuotes(kind, content) {
		q.Pieces = append(q.Pieces, p.Text)
		q.PieceSpans = append(q.PieceSpans, p)
	}
	q.Opens = opens(q.PieceSpans, content)
}

// opens marks the pieces that begin a content span after an earlier
// piece (see Quote.Opens): each piece is placed in the content span that
// holds its start.
func opens(pieces, content []claimtrail.Span) []bool {
	if len(pieces) < 2 {
		return nil
	}
	out := make([]bool, len(pieces))
	in := func(p claimtrail.Span) int {
		for i, c := range content {
			if p.Start >= c.Start && p.Start < c.End {
				return i
			}
		}
		return -1
	}
	prev := in(pieces[0])
	for i := 1; i < len(pieces); i++ {
		c := in(pieces[i])
		out[i] = c >= 0 && prev >= 0 && c != prev
		prev = c
	}
	return out
}

// node is one distinct normalised form with the quotes written that way.
type node struct {
	// The form's words, as word ids (Index.words) in order, are in
	// the arena Index.ids, read with idsOf or readIDs; their number
	// and weight (outranks) are in hot (wordCount, weightOf), so that
	// a node is 64 bytes (see formids.go).
	//
	// id numbers the form in Index.byID and Index.hot (the posting
	// lists hold these numbers); a removed form's number is reused.
	id int32
	// saved is set while Restorer.FinishFrom reads the saved links:
	// this form has one (in what was padding after id).
	saved bool
	// trivial is set for a form keyed by its one quote's place (see
	// place; its key's suffix is in Index.trivialKeys), short for a
	// short form (shortForm, fixed by its words): both in padding. The
	// key itself is not kept (see formkeys.go).
	trivial, short bool
	// nwords is the number of words, saturated at 255 (in padding):
	// enough for matchable, which has no Index to read hot from.
	nwords uint8
	// gmask has a bit set for each bigram of ids (gramBit): a bigram
	// whose bit is clear is not in the form, known without reading its
	// words (hasGram).
	gmask uint64
	// The members written this way, sorted by key (members): most
	// forms have one, kept in one (more is &soleMember); more holds
	// two or more (nil: none). A slice of its own for the one member
	// cost 16 bytes and the header 24 in every node (15 MB and more
	// at 1M quotes). Their details are in Index.details (see
	// members.go).
	one  [1]member
	more *[]member
	// parent is the longer form this one matches best (nil: a root);
	// sim is the similarity to it.
	parent *node
	sim    float64
	// child and sibling hold the forms whose parent this is, in no
	// order, as a list threaded through them by form number plus one
	// (0: none): child is the first, and each child's sibling the next
	// (see Index.adopt, kids). A list of its own behind a pointer cost
	// 11 MB of the 200 live at the peak of a one-shot update of 1M
	// quotes (most parents have one or two children; a map each was 54
	// MB of 834 MiB before that), where the two numbers take the 8
	// bytes the pointer did.
	child, sibling int32
}

func compareKey(x member, k int64) int { return cmp.Compare(x.key, k) }

// soleMember is what node.more points to when the form's one member is
// in node.one.
var soleMember []member

// members returns n's members, sorted by key, in a slice that setQuote
// and dropQuote may move (an element may be changed in place).
func (n *node) members() []member {
	switch n.more {
	case nil:
		return nil
	case &soleMember:
		return n.one[:]
	}
	return *n.more
}

// setMembers makes l (sorted by key; it may be n.one[:]) n's members.
func (n *node) setMembers(l []member) {
	switch len(l) {
	case 0:
		n.one[0], n.more = member{}, nil
	case 1:
		n.one[0], n.more = l[0], &soleMember
	default:
		if n.more == nil || n.more == &soleMember {
			n.more = new([]member)
		}
		*n.more = l
		n.one[0] = member{}
	}
}

// setQuote files q (key k) under n, replacing the quote of the same key.
func (ix *Index) setQuote(n *node, q *Quote, k int64) {
	l := n.members()
	i, found := slices.BinarySearchFunc(l, k, compareKey)
	if found {
		ix.dropMember(&l[i])
		l[i] = ix.newMember(q, k)
		return
	}
	if len(l) == 0 {
		n.one[0], n.more = ix.newMember(q, k), &soleMember
		return
	}
	if len(l) == cap(l) {
		// An eighth more room, not the doubling of append: a form's
		// members are most of what the index holds of a store whose
		// articles quote the same statements (on generated news half
		// of the members' memory was room never used), and a copy of
		// 16-byte members now and then costs little.
		grown := make([]member, len(l), len(l)+1+len(l)/8)
		copy(grown, l)
		l = grown
	}
	n.setMembers(slices.Insert(l, i, ix.newMember(q, k)))
}

// quote returns the member of key k filed under n, or nil.
func (n *node) quote(k int64) *member {
	l := n.members()
	i, found := slices.BinarySearchFunc(l, k, compareKey)
	if !found {
		return nil
	}
	return &l[i]
}

// dropQuote takes the quote of key k out of n.
func (ix *Index) dropQuote(n *node, k int64) {
	l := n.members()
	i, found := slices.BinarySearchFunc(l, k, compareKey)
	if found {
		ix.dropMember(&l[i])
		n.setMembers(slices.Delete(l, i, i+1))
	}
}

// adopt makes c a child of p (once: adopting a child again changes
// nothing).
func (ix *Index) adopt(p, c *node) {
	for k := p.child; k != 0; k = ix.formAt(k - 1).sibling {
		if k == c.id+1 {
			return
		}
	}
	c.sibling, p.child = p.child, c.id+1
}

// disown takes c from p's children, if it is one. It reads no form of
// c's number (Index.byID), which removeKey clears first.
func (ix *Index) disown(p, c *node) {
	var prev *node
	for k := p.child; k != 0; {
		if k == c.id+1 {
			if prev == nil {
				p.child = c.sibling
			} else {
				prev.sibling = c.sibling
			}
			c.sibling = 0
			return
		}
		prev = ix.formAt(k - 1)
		k = prev.sibling
	}
}

// kids yields n's children (see node.child); the next adopt or disown
// of n or of a child may change what follows.
func (ix *Index) kids(n *node) iter.Seq[*node] {
	return func(yield func(*node) bool) {
		for k := n.child; k != 0; {
			c := ix.formAt(k - 1)
			k = c.sibling
			if !yield(c) {
				return
			}
		}
	}
}

// appendKids appends n's children to dst.
func (ix *Index) appendKids(dst []*node, n *node) []*node {
	for k := n.child; k != 0; {
		c := ix.formAt(k - 1)
		dst = append(dst, c)
		k = c.sibling
	}
	return dst
}

// Index clusters quotes incrementally. It is not safe for concurrent use.
type Index struct {
	// nodes finds a form by its key (see formkeys.go); trivialKeys
	// holds, by form number, the suffix of a trivial form's key.
	nodes       formTable
	trivialKeys map[int32]string
	// byQuote maps a member key (MemberKey) to its form's number.
	byQuote keyTable
	// keys lists the member keys of each attribution id added whose
	// keys are not just its piece 0 (see keysOf): most attributions
	// are one member, and a list each cost more than the member.
	keys map[int64][]int64
	// restoring is set while Restore places the stored quotes: what
	// moved is not recorded (Restore forgets it).
	restoring bool
	// postings maps a bigram (gram: two word ids, not both stopwords)
	// to the forms containing it: the candidates of a new form. The
	// lists hold form numbers (node.id): the search reads Index.hot,
	// not the forms, for each form it meets. A bigram one or two forms
	// have (most of them) holds them in its map value; a longer list is
	// in lists (see posting). posted reads them all.
	postings map[gram]posting
	lists    listPool
	pairBuf  [2]int32
	// byID maps a form number to its form (nil: free, see freeIDs);
	// hot holds what the candidate search reads of every form it
	// meets, by form number, densely: most forms met share a common
	// phrase and nothing else, and are dropped on these fields alone.
	// Both grow a chunk at a time (see chunked).
	byID    chunked[*node]
	hot     chunked[hotNode]
	freeIDs []int32
	// ids holds every form's word ids (see formids.go); idSlots are
	// the buffers idsOf decodes them into.
	ids     idArena
	idSlots [2]idSlot
	// placeBuf holds the ids of the form place is making.
	placeBuf []int32
	// Names resolves speakers across the quotes added.
	Names *Names
	// speakers and lastArticle hold what members share; details keeps
	// what matching does not read of them (see members.go).
	speakers     map[speakerRec]int32
	speakerRecs  []speakerRec
	articles     []articleRec
	articleMore  map[int32]articleMore
	freeArticles []int32
	lastArticle  int32 // -1: none
	details      Details
	// moved collects quote ids whose cluster may have changed since the
	// last call to Moved.
	moved map[int64]struct{}
	// vocab numbers words; words[id] is the word (one string per word,
	// shared by every form), weights[id] its matching weight, and
	// stop[id] whether it is a stopword.
	vocab   map[string]int32
	words   []string
	weights []float64
	stop    []bool
	gapID   int32
	// gramBuf is reused by grams; its result is valid until the next
	// call.
	gramBuf []gram
	// cappedBuf holds the capped grams of the form being matched;
	// gramCapped and gramList, parallel to gramBuf, whether
	// each of its grams is capped and its posting list (or its one
	// form, -1 for none), looked up once by cappedGrams for the
	// candidates searches that follow.
	cappedBuf []gram
	// capBitsBuf holds capBits of each of cappedBuf's grams; lookBuf
	// the capped grams worthMatching looks for in a candidate's words.
	capBitsBuf []uint64
	lookBuf    []gram
	gramCapped []bool
	gramList   [][]int32
	// smallBuf holds the lists of one or two forms gramList points
	// into (room for two a gram, so that it never moves).
	smallBuf []int32
	// wordBuf holds the words of the two forms being matched (wordsOf).
	wordBuf [2][]string
	fitBuf  fitBuf
	// runBuf holds the two rows of overlapScore's run table, rules
	// its rules for word ids (idRules, made on first use).
	runBuf   [2][]int
	rules    runRules[int32]
	bagCache bagCache
	// candBuf is reused by gather; its result is valid until the
	// next call.
	candBuf []candidate
	candTab candTable
	// upBuf holds link's longer candidates (their places in the
	// candidate buffer).
	upBuf []int32
	// changed collects forms whose Link may differ since the last call
	// to ChangedLinks (new, removed, or with a new parent). allChanged
	// says every form's is (a build with no saved links, see Finish):
	// then changed is not kept, since on a fresh ingest's update it
	// would name every form while the store writes the links whole.
	changed    map[string]struct{}
	allChanged bool
	// shortPost maps a bigram to the short forms (see short.go) with it.
	shortPost map[gram][]*node
	// capped holds the bigrams whose posting list outgrew MaxPostings
	// and keeps only the highest-ranked forms (see post); shortStop
	// holds the bigrams dropped from shortPost.
	capped    map[gram]struct{}
	shortStop map[gram]struct{}
	// capMin holds, for each capped bigram, a lower bound on the word
	// count of the forms its list holds (exact after a full list
	// takes a form; removals only raise the true minimum).
	capMin map[gram]int
	// partial, when not nil, holds the only bigrams whose posting lists
	// are built (with every form that has them, so each is the list a
	// full build has): Restorer.FinishFrom posts the bigrams of the
	// forms it searches from (new, orphaned, with varied evidence, and
	// the short forms), not those of every stored form, and Add and
	// Remove post the rest first (completePostings). A one-shot
	// ingest's update into a store of 1M quotes searches from a few
	// thousand forms; the lists of every bigram were 157 MB of its live
	// heap, built for searches it does not make.
	partial map[gram]struct{}
	// maxPostings and maxMatches are MaxPostings and MaxMatches (a test
	// compares clusterings made with other bounds).
	maxPostings, maxMatches int
}

// MaxPostings is the most forms a bigram's posting list holds. A bigram
// that more forms contain ("prime minister", the middle of a statement
// quoted a thousand times) would make the cost of a new quote grow with
// the store; its list keeps the MaxPostings highest-ranked forms (the
// longest: the roots a new cut should find), so a new quote meets at
// most MaxPostings forms per bigram. Which forms a capped list holds
// depends only on the set of forms (outranks is a total order), not on
// the order they came in; a form that lost its place is still matched
// when a candidate of a form that shares a rarer bigram with it.
//
// 64 (trail-14; 100 before): at 1M quotes walking the capped lists
// and ranking what they hold was a third of a new quote's matching.
// On 200k synthetic quotes (TestScaleBounds) the same-utterance pairs
// recall went from 0.9586 to 0.9578 with MaxMatches 64, precision
// unchanged.
const MaxPostings = 64

// NewIndex returns an empty index; aliases may be nil.
func NewIndex(aliases *Aliases) *Index {
	ix := &Index{
		trivialKeys: map[int32]string{},
		keys:        map[int64][]int64{},
		postings:    map[gram]posting{},
		Names:       NewNames(aliases),
		speakers:    map[speakerRec]int32{},
		lastArticle: -1,
		details:     memDetails{},
		moved:       map[int64]struct{}{},
		vocab:       map[string]int32{},
		changed:     map[string]struct{}{},
		shortPost:   map[gram][]*node{},
		capped:      map[gram]struct{}{},
		shortStop:   map[gram]struct{}{},
		capMin:      map[gram]int{},

		maxPostings: MaxPostings,
		maxMatches:  MaxMatches,
	}
	ix.gapID = ix.wordID(Gap)
	return ix
}

func (ix *Index) wordID(w string) int32 {
	id, ok := ix.vocab[w]
	if !ok {
		id = int32(len(ix.weights))
		w = strings.Clone(w) // not a piece of a longer string kept alive
		ix.vocab[w] = id
		ix.words = append(ix.words, w)
		ix.weights = append(ix.weights, weight(w))
		ix.stop = append(ix.stop, stopwords[w])
	}
	return id
}

// gram is an indexed bigram: the word ids of two adjacent words, not
// both stopwords and neither a gap.
type gram uint64

func gramOf(a, b int32) gram { return gram(uint64(uint32(a))<<32 | uint64(uint32(b))) }

// gramBit is the bit of g in a form's gmask: one of 64, by a
// multiplicative hash of the two word ids.
func gramBit(g gram) uint64 { return 1 << (uint64(g) * 0x9e3779b97f4a7c15 >> 58) }

// capBits are the two bits of g in a form's capMask (a Bloom filter of
// its capped bigrams: 64 bits, two hashes), from the same multiplicative
// hash as gramBit. A form has few capped bigrams (the common phrases),
// so a mask of those alone rules out more than gmask, a mask of all its
// bigrams (a form of 20 bigrams sets a quarter of it). One bit in 32
// (session 18) let through a capped bigram a form does not have about
// one time in nine at 1M quotes (forms with a capped bigram set 3.5
// bits on average, a third of them 5 or more): of the 21k forms a
// batch of 1,000 read to count their capped bigrams, 12k were read for
// nothing (scale-test store, in-process batches). Two bits in 64 let
// such a bigram through about one time in seventy at 4 of them.
func capBits(g gram) uint64 {
	h := uint64(g) * 0x9e3779b97f4a7c15
	return 1<<(h>>58) | 1<<(h>>52&63)
}

// grams returns the distinct grams of n in order of first occurrence
// (the bigrams of its words, see bigrams), in a buffer valid until the
// next call.
func (ix *Index) grams(n *node) []gram {
	out := ix.gramBuf[:0]
	r := ix.readIDs(n)
	if r.left == 0 {
		ix.gramBuf = out
		return out
	}
	for b := r.next(); r.left > 0; {
		a := b
		b = r.next()
		if a == ix.gapID || b == ix.gapID || ix.stop[a] && ix.stop[b] {
			continue
		}
		if g := gramOf(a, b); !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	ix.gramBuf = out
	return out
}

// keysOf returns the member keys of attribution id (see Index.keys).
func (ix *Index) keysOf(id int64) []int64 {
	if l, ok := ix.keys[id]; ok {
		return l
	}
	if k := MemberKey(id, 0); ix.formOf(k) != nil {
		return []int64{k}
	}
	return nil
}

// setKeys records the member keys of attribution id.
func (ix *Index) setKeys(id int64, keys []int64) {
	if len(keys) == 1 && keys[0] == MemberKey(id, 0) {
		delete(ix.keys, id)
		return
	}
	ix.keys[id] = keys
}

// Len is the number of members (pieces) in the index.
func (ix *Index) Len() int { return ix.byQuote.len() }

// formOf returns the form of member key k, or nil.
func (ix *Index) formOf(k int64) *node {
	f, ok := ix.byQuote.get(k)
	if !ok {
		return nil
	}
	return ix.formAt(f)
}

// Forms is the number of distinct normalised forms.
func (ix *Index) Forms() int { return ix.nodes.len() }

// outranks orders forms: the longer form is the better root (more
// words, then more weight), and the key breaks ties so that the order is
// total and independent of insertion.
func (ix *Index) outranks(a, b *node) bool {
	ha, hb := ix.hot.at(a.id), ix.hot.at(b.id)
	if ha.words != hb.words {
		return ha.words > hb.words
	}
	if ha.weight != hb.weight {
		return ha.weight > hb.weight
	}
	return ix.compareKeys(a, b) < 0
}

// better reports whether parent candidate p with similarity s beats the
// current parent q with similarity t: higher similarity, then the
// higher-ranked form, so that a short quote matching two long ones joins
// one of them, the same one whatever came first.
func (ix *Index) better(p *node, s float64, q *node, t float64) bool {
	if q == nil {
		return true
	}
	if s != t {
		return s > t
	}
	return ix.outranks(p, q)
}

// Add adds one attribution's quote, split into its pieces (see Split),
// and returns the cluster of its first piece. Only the forms a piece's
// form matches are examined: the new form takes the best longer match
// as its parent, and shorter forms that match it better than their
// current parent move under it. Adding an attribution id again replaces
// its earlier pieces.
func (ix *Index) Add(q Quote) ClusterID {
	ix.completePostings()
	if len(ix.keysOf(q.ID)) > 0 {
		ix.Remove(q.ID)
	}
	var first ClusterID
	for i, p := range Split(q) {
		c := ix.addPiece(p)
		if i == 0 {
			first = c
		}
	}
	return first
}

func (ix *Index) addPiece(q Quote) ClusterID {
	n, fresh := ix.place(q)
	switch {
	case fresh && matchable(n):
		ix.link(n)
		ix.post(n)
		ix.offerShort(n)
	case matchable(n):
		// A new quote of a known form may be the evidence a short
		// piece was waiting for, or a speech link's (speech.go).
		ix.offerShort(n)
		ix.recheckKin(n, &q)
		if ix.speechTouched(n, &q) {
			ix.link(n)
		}
	case shortForm(n):
		if fresh {
			ix.postShort(n)
		}
		ix.linkShort(n)
	}
	return ix.root(n)
}

// place files a piece under its form, creating the form when it is new
// (fresh), without matching it against anything.
func (ix *Index) place(q Quote) (n *node, fresh bool) {
	toks := Tokenize(q.MatchText())
	key := joinNorm(toks)
	k := q.Key()
	suffix := ""
	if trivial(toks) {
		// Glue such as "he said." (an extraction slip) or "I do" is no
		// statement to follow: each such quote stays on its own, keyed
		// by where it stands, so that its cluster id is the same whatever
		// order (or worker) stored the articles.
		suffix = "\x00" + q.placeKey(k)
		key += suffix
	}
	ix.Names.Add(q.Speaker, q.SpeakerKind)
	if !ix.restoring {
		ix.moved[k] = struct{}{}
	}
	ix.setKeys(q.ID, append(ix.keysOf(q.ID), k))
	if n := ix.formByKey(key); n != nil {
		ix.setQuote(n, &q, k)
		ix.byQuote.set(k, n.id)
		return n, false
	}
	n = &node{trivial: suffix != ""}
	ix.setQuote(n, &q, k)
	if !ix.restoring { // Finish works out what changed
		ix.markChanged(key)
	}
	ids := ix.placeBuf[:0]
	h := hotNode{words: int32(len(toks))}
	for _, t := range toks {
		id := ix.wordID(t.Norm)
		ids = append(ids, id)
		h.weight += ix.weights[id]
	}
	ix.placeBuf = ids
	for i := 0; i+1 < len(ids); i++ {
		n.gmask |= gramBit(gramOf(ids[i], ids[i+1]))
	}
	n.nwords = uint8(min(len(ids), 255))
	n.short = isShort(n, toks)
	h.idOff = ix.ids.add(ids)
	ix.number(n, h)
	if n.trivial {
		ix.trivialKeys[n.id] = suffix
	}
	ix.addForm(n, stringHash(key))
	ix.byQuote.set(k, n.id)
	return n, true
}

// hotNode is what the candidate search reads of a form it must rank:
// words and weight are the form's (its number of words and weight):
// with them forms are ranked (outranksID, compareCandidates) without
// reading them, but for the ties of both, which compare keys (the
// first eight bytes of the key were kept here for those until session
// 29: 8 MB at 1M quotes for a tie of words and weight, which few pairs
// of forms have). The search counts the forms it meets in a table of
// its own (see search.go), not here.
type hotNode struct {
	weight float64
	words  int32
	// idOff is where the form's word ids are in Index.ids (in what was
	// padding).
	idOff uint32
	// capMask has the bits (capBits) of each of the form's bigrams
	// whose posting list is capped: an upper bound on the capped
	// bigrams a candidate shares, read without the form (worthMatching).
	// 64 bits: hot is 24 bytes a form.
	capMask uint64
}

// outranksID is outranks of the forms numbered a and b, read from hot
// (and their keys only when words and weight tie).
func (ix *Index) outranksID(a, b int32) bool {
	ha, hb := ix.hot.at(a), ix.hot.at(b)
	if ha.words != hb.words {
		return ha.words > hb.words
	}
	if ha.weight != hb.weight {
		return ha.weight > hb.weight
	}
	return ix.compareKeys(ix.formAt(a), ix.formAt(b)) < 0
}

// number gives a new form a form number (a free one first), and h
// (what hot holds of it).
func (ix *Index) number(n *node, h hotNode) {
	if k := len(ix.freeIDs); k > 0 {
		n.id = ix.freeIDs[k-1]
		ix.freeIDs = ix.freeIDs[:k-1]
		*ix.byID.at(n.id), *ix.hot.at(n.id) = n, h
		return
	}
	n.id = ix.byID.push(n)
	ix.hot.push(h)
}

// formAt returns the form numbered f (nil: a free number).
func (ix *Index) formAt(f int32) *node { return *ix.byID.at(f) }

// placeKey names where a quote stands: its article's source and the
// span of the piece, or the member key when the source is not known.
func (q Quote) placeKey(member int64) string {
	if q.Source == "" {
		return strconv.FormatInt(member, 10)
	}
	start, end := q.Start, q.End
	if q.Piece < len(q.PieceSpans) {
		start, end = q.PieceSpans[q.Piece].Start, q.PieceSpans[q.Piece].End
	}
	return q.Source + "@" + strconv.Itoa(start) + "-" + strconv.Itoa(end) + "#" + strconv.Itoa(q.Piece)
}

// matchable: forms too short or too long to match take no part.
func matchable(n *node) bool { return n.nwords > ShortMaxWords && int(n.nwords) <= MaxWords }

// link matches a form against its candidates: it takes the best longer
// match as its parent, and shorter forms that match it better than their
// current parent move under it.
//
// The longer candidates are matched first, those sharing the most
// bigrams with the form first: the form it is a cut of shares them
// all, and once it is the parent, matchAbove rules out most of the
// others without aligning them. The parent found is the same in any
// order (better is a total order: the best match wins), and the
// shorter candidates, whose moves do not depend on the form's parent,
// are matched after, in the search's order.
func (ix *Index) link(n *node) {
	cs := ix.worthMatching(n)
	up := ix.upBuf[:0]
	for i := range cs {
		if ix.outranks(cs[i].node, n) {
			up = append(up, int32(i))
		}
	}
	ix.upBuf = up
	// Most shared first, ties in the search's order (an insertion
	// sort: at most MaxMatches).
	for i := 1; i < len(up); i++ {
		for j := i; j > 0 && cs[up[j]].shared > cs[up[j-1]].shared; j-- {
			up[j], up[j-1] = up[j-1], up[j]
		}
	}
	for _, i := range up {
		c := &cs[i]
		if s, ok := ix.matchAbove(n, c.node, c.bound, n.parent, n.sim); ok && ix.better(c.node, s, n.parent, n.sim) {
			ix.setParent(n, c.node, s)
		}
		c.node = nil // matched
	}
	for _, c := range cs {
		if c.node == nil {
			continue
		}
		if s, ok := ix.matchAbove(c.node, n, c.bound, c.node.parent, c.node.sim); ok && ix.better(n, s, c.node.parent, c.node.sim) {
			ix.setParent(c.node, n, s)
		}
	}
}

// reparent gives a form whose parent went away the best parent among
// its candidates, as if the old parent had never been added.
func (ix *Index) reparent(c *node) {
	ix.markChanged(ix.keyOf(c))
	if shortForm(c) {
		if c.parent != nil {
			ix.disown(c.parent, c)
		}
		c.parent, c.sim = nil, 0
		ix.linkShort(c)
		return
	}
	c.parent, c.sim = nil, 0
	for _, p := range ix.worthMatching(c) {
		if ix.outranks(p.node, c) {
			if s, ok := ix.matchAbove(c, p.node, p.bound, c.parent, c.sim); ok && ix.better(p.node, s, c.parent, c.sim) {
				c.parent, c.sim = p.node, s
			}
		}
	}
	if c.parent != nil {
		ix.adopt(c.parent, c)
	}
}

// MaxMatches is the most candidates a form is matched against (the
// alignments of match are the cost of a new quote): those sharing the
// most bigrams of uncapped lists with it (rare ones), then the most
// bigrams, then the highest-ranked. A form shares many
// bigrams with the other quotes of its utterance; past the first
// MaxMatches, the candidates are forms that share a phrase with it, and
// their number grows with the store. 64 since trail-14 (128 before;
// see MaxPostings).
const MaxMatches = 64

// worthMatching returns the candidates of n (other than n) that share
// enough bigrams to pass the bounds of match, at most MaxMatches of
// them, each with its bound: the number of distinct bigrams it shares
// with n. The slice is the candidate buffer, valid until the next
// search.
//
// The candidates kept are those whose rare count plus the number of n's
// capped bigrams (what the rare count may miss: an uncapped list holds
// every form with its bigram) passes the bounds; past MaxMatches, those
// sharing the most rare bigrams, then the most bigrams, then the
// highest-ranked. Only then is the capped part counted exactly, against
// the candidate's words: a form made of common phrases has hundreds of
// candidates sharing nothing but those, and each would cost an
// alignment that the bound rules out. How the candidates are counted
// and the best chosen without reading every one: search.go.
func (ix *Index) worthMatching(n *node) []candidate {
	out, capped := ix.ranked(n)
	extra := len(capped)
	// Only the candidates kept are read as forms, and with capped
	// bigrams only those that capMask cannot rule out.
	for i := range out {
		ix.readHot(&out[i])
	}
	if extra == 0 {
		for i := range out {
			out[i].node = ix.formAt(out[i].id)
			out[i].bound = out[i].rare
		}
		return out
	}
	var bits uint64
	cbits := ix.capBitsBuf[:0]
	for _, g := range capped {
		b := capBits(g)
		bits |= b
		cbits = append(cbits, b)
	}
	ix.capBitsBuf = cbits
	kept := out[:0]
	for _, c := range out {
		need := needBigramsOf(ix.wordCount(n), c.words)
		// match compares the bound with minBigrams of the shorter form
		// and with minOverlapBigrams: counting past both changes nothing.
		// Which form is the shorter is read from the copies in hot
		// (outranksID), not from the candidate's form.
		short := ix.wordCount(n)
		if !ix.outranksID(c.id, n.id) {
			short = c.words
		}
		enough := max(minBigrams(short), minOverlapBigrams)
		// shared counts the bigrams whose lists hold the candidate: a
		// lower bound of what it shares.
		if c.bound = c.shared; c.bound < enough {
			// The capped bigrams whose bit is in the candidate's
			// capMask bound those it shares: when even they fall short
			// of need, the form is not read.
			hits := 0
			if m := ix.hot.at(c.id).capMask; m&bits != 0 {
				for _, b := range cbits {
					if m&b == b {
						hits++
					}
				}
			}
			if c.rare+hits < need {
				continue
			}
			c.bound = c.rare
			if hits > 0 {
				// Only the capped bigrams capMask lets through can be
				// the form's; those the search met it under are, and
				// the others are looked for in its words, in one pass.
				// The form itself (gmask, then its words) is read only
				// when those it holds for sure fall short: at 1M quotes
				// reading it was a cache miss for most candidates.
				m := ix.hot.at(c.id).capMask
				look := ix.lookBuf[:0]
				for i, g := range capped {
					if c.held&(1<<i) != 0 {
						c.bound++
					} else if m&cbits[i] == cbits[i] {
						look = append(look, g)
					}
				}
				if c.bound < enough && len(look) > 0 {
					c.node = ix.formAt(c.id)
					k := 0
					for _, g := range look {
						if c.node.gmask&gramBit(g) != 0 {
							look[k] = g
							k++
						}
					}
					if look = look[:k]; k > 0 {
						c.bound += ix.countGrams(c.node, look, enough-c.bound)
					}
				}
				ix.lookBuf = look
				c.bound = min(c.bound, enough)
			}
		}
		if c.bound >= need {
			if c.node == nil {
				c.node = ix.formAt(c.id)
			}
			kept = append(kept, c)
		}
	}
	return kept
}

// cappedUnreachable reports whether no form found only through n's
// capped lists can pass the bound of worthMatching, so that the search
// may skip those lists (a hundred forms each). Such a form shares no
// rare bigram with n: it passes only when the capped bigrams, extra of
// them, reach needBigrams, which for extra below minOverlapBigrams
// needs the shorter of the two forms to have at most 3*extra+2 words
// (minBigrams); capMin bounds the word count of the forms in each list.
func (ix *Index) cappedUnreachable(n *node, capped []gram) bool {
	extra := len(capped)
	if extra == 0 || extra >= minOverlapBigrams {
		return false
	}
	most := 3*extra + 2 // the longest form minBigrams allows extra for
	if ix.wordCount(n) <= most {
		return false
	}
	for _, g := range capped {
		if m, ok := ix.capMin[g]; !ok || m <= most {
			return false
		}
	}
	return true
}

// needBigrams is the fewest distinct bigrams two forms must share for
// match to find anything: minBigrams of the shorter (lower-ranked) one
// for a cut or variant, minOverlapBigrams for an overlap.
func (ix *Index) needBigrams(a, b *node) int {
	return needBigramsOf(ix.wordCount(a), ix.wordCount(b))
}

// needBigramsOf is needBigrams of forms of a and b words: the
// lower-ranked form is the shorter (outranks), and of two forms of the
// same length either has that length.
func needBigramsOf(a, b int) int { return min(minBigrams(min(a, b)), minOverlapBigrams) }

// hasGram reports whether the form's words hold the bigram g: its bit
// in gmask (most forms fail here), then the two words side by side in
// its words (countGrams; reading the bag first, one more array, cost
// more than it saved).
func (ix *Index) hasGram(n *node, g gram) bool {
	if n.gmask&gramBit(g) == 0 {
		return false
	}
	one := [1]gram{g}
	return ix.countGrams(n, one[:], 1) == 1
}

// countGrams counts the bigrams of gs (distinct; it reorders them)
// that n's words hold, up to most, reading the words once: a candidate
// of worthMatching is looked at for each of the capped bigrams the
// search did not meet it under, and each look (hasGram) read its words
// from the start. The ids are decoded here, not through idReader: this
// is most of the decoding a batch does (at 1M quotes, half of
// idReader.next's time when it went through it).
func (ix *Index) countGrams(n *node, gs []gram, most int) int {
	h := ix.hot.at(n.id)
	buf, at := ix.ids.at(h.idOff), 0
	found, left := 0, gs
	prev := ^uint32(0) // no id
	for range h.words {
		x := uint32(buf[at])
		at++
		if x >= 0x80 {
			x &= 0x7f
			for shift := 7; ; shift += 7 {
				c := buf[at]
				at++
				x |= uint32(c&0x7f) << shift
				if c < 0x80 {
					break
				}
			}
		}
		g := gram(uint64(prev)<<32 | uint64(x))
		if i := slices.Index(left, g); i >= 0 {
			if found++; found == most {
				return found
			}
			// Found once: the rest are looked for.
			left[i] = left[len(left)-1]
			left = left[:len(left)-1]
			if len(left) == 0 {
				return found
			}
		}
		prev = x
	}
	return found
}

// compareCandidates ranks candidates for MaxMatches: the most rare
// bigrams shared, then the most bigrams, then outranks (on the copies
// of the forms' word count and weight).
func (ix *Index) compareCandidates(a, b candidate) int {
	if r := compareRank(&a, &b); r != 0 {
		return r
	}
	return ix.compareKeys(ix.candidateNode(a), ix.candidateNode(b))
}

// candidateNode is c's form (read by number when the search has not
// read it).
func (ix *Index) candidateNode(c candidate) *node {
	if c.node != nil {
		return c.node
	}
	return ix.formAt(c.id)
}

// selectBest moves the k best candidates (compareCandidates, a total
// order: every candidate is another form) to the front of cs, in no
// particular order (link does not depend on it): a quickselect, where
// sorting the hundreds a form of common phrases meets cost more than
// matching the best.
//
// The quickselect ranks on the counts and the copies of word count and
// weight alone (compareRank), and the keys are compared only among the
// candidates that tie with the k-th on all of those (selectByKey).
// Those it ranks share their rare and shared counts (selectTop's ties)
// and many share a word count and weight, so a quickselect on
// compareCandidates compared keys (reading each form and its words)
// for every candidate that tied with a pivot, in each of its passes.
func (ix *Index) selectBest(cs []candidate, k int) {
	if k <= 0 || k >= len(cs) {
		return
	}
	selectRank(cs, k)
	// The k-th is at k-1: those ranked above it are before it, and
	// those that tie with it may be on either side.
	kth := cs[k-1]
	above := 0
	for i := range cs[:k] {
		if compareRank(&cs[i], &kth) < 0 {
			cs[above], cs[i] = cs[i], cs[above]
			above++
		}
	}
	tie := above
	for i := above; i < len(cs); i++ {
		if compareRank(&cs[i], &kth) == 0 {
			cs[tie], cs[i] = cs[i], cs[tie]
			tie++
		}
	}
	if tie > k {
		ix.selectByKey(cs[above:tie], k-above)
	}
}

// compareRank is compareCandidates without the keys: 0 for candidates
// that only their keys tell apart.
func compareRank(a, b *candidate) int {
	if a.rare != b.rare {
		return b.rare - a.rare
	}
	if a.shared != b.shared {
		return b.shared - a.shared
	}
	if a.words != b.words {
		return b.words - a.words
	}
	if a.weight != b.weight {
		if a.weight > b.weight {
			return -1
		}
		return 1
	}
	return 0
}

// selectByKey is selectBest for candidates that compareRank ties: by
// their keys (a quickselect as selectRank's, the pivot's form held).
func (ix *Index) selectByKey(cs []candidate, k int) {
	lo, hi := 0, len(cs)-1
	for lo < hi {
		p := ix.candidateNode(cs[lo+(hi-lo)/2])
		i, j := lo, hi
		for i <= j {
			for ix.compareKeys(ix.candidateNode(cs[i]), p) < 0 {
				i++
			}
			for ix.compareKeys(p, ix.candidateNode(cs[j])) < 0 {
				j--
			}
			if i <= j {
				cs[i], cs[j] = cs[j], cs[i]
				i, j = i+1, j-1
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// selectRank moves k candidates that compareRank ranks first to the
// front of cs (Hoare's partition): the one at k-1 is a k-th, those
// before it rank no lower and those after it no higher (compareRank
// ties candidates). compareRank is called directly, not through a
// func value, so that the pivot's copy stays on the stack (passed to
// a func value, its address made it escape: 0.6 MB more garbage a
// batch at 1M quotes, 885 MB in 40 batches against 860 before
// selectBest ranked in two steps, and 859 now).
func selectRank(cs []candidate, k int) {
	lo, hi := 0, len(cs)-1
	for lo < hi {
		p := cs[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for compareRank(&cs[i], &p) < 0 {
				i++
			}
			for compareRank(&p, &cs[j]) < 0 {
				j--
			}
			if i <= j {
				cs[i], cs[j] = cs[j], cs[i]
				i, j = i+1, j-1
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// Link is one form's place in the phrase graph: its parent form ("" for
// a root) and the similarity to it. A store keeps the links so that the
// next process can Restore the index without matching again.
type Link struct {
	Form   string
	Parent string
	Sim    float64
}

// LinkLog folds the rows of an append-only log of links, read in form
// order and, within a form, in the order they were written, into the
// live graph: a form's last row is its link, and a last row without a
// parent means the form was removed. Both stores keep the phrase graph
// so (cluster_links), appending rows instead of rewriting them.
type LinkLog struct {
	// Emit, when set, gets each live link as it is folded, in form
	// order, instead of Links collecting them (a store that streams
	// the graph into Restorer.FinishFrom).
	Emit          func(Link)
	links         []Link
	last          Link
	removed, have bool
}

// Add reads the next row; removed is true for a row without a parent.
func (g *LinkLog) Add(l Link, removed bool) {
	if g.have && l.Form != g.last.Form {
		g.flush()
	}
	g.last, g.removed, g.have = l, removed, true
}

func (g *LinkLog) flush() {
	switch {
	case !g.have || g.removed:
	case g.Emit != nil:
		g.Emit(g.last)
	default:
		g.links = append(g.links, g.last)
	}
}

// Links returns the live links after the last row.
func (g *LinkLog) Links() []Link {
	g.flush()
	g.have = false
	return g.links
}

// Links returns the place of every form, sorted by form.
func (ix *Index) Links() []Link {
	// Each key built once: a parent's is shared by its children's links.
	keys := make([]string, ix.byID.len())
	keyOf := func(n *node) string {
		if keys[n.id] == "" {
			keys[n.id] = ix.keyOf(n)
		}
		return keys[n.id]
	}
	out := make([]Link, 0, ix.nodes.len())
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		l := Link{Form: keyOf(n)}
		if n.parent != nil {
			l.Parent, l.Sim = keyOf(n.parent), n.sim
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b Link) int { return strings.Compare(a.Form, b.Form) })
	return out
}

// Restore rebuilds an index from the quotes now stored and the links
// saved (by Links, with the same Version) after the previous update,
// matching only what changed: forms not in links are matched as Add
// does, and forms whose parent is gone look for a new one. The result
// is the index that adding every quote afresh would build.
func Restore(aliases *Aliases, quotes []Quote, links []Link) *Index {
	r := NewRestorer(aliases)
	r.Place(quotes)
	return r.Finish(links)
}

// Restorer is Restore in steps, for a store that reads its quotes a
// batch at a time (so that it never holds them all: the index keeps a
// small member of each, see members.go): NewRestorer, Place each
// batch, then Finish with the saved links. The quotes of one article
// go in one batch when they need JoinUtterances.
type Restorer struct{ ix *Index }

// NewRestorer starts a Restore.
func NewRestorer(aliases *Aliases) *Restorer {
	ix := NewIndex(aliases)
	ix.restoring = true
	return &Restorer{ix}
}

// Reserve makes room for about members members before Place (a count
// the store has at hand: the members it holds, and some room for the
// quotes new since): the form table and the member keys' table are
// made at that size once, where growing them a quarter at a time held
// the old array beside the new one at each step. At 1M quotes the last
// step of hot alone was 24 MB beside 30, and the peak RSS of a
// one-shot update came at one of those steps; the forms' numbers and
// what the search reads of them (Index.byID, hot) now grow a chunk at
// a time and are never copied (see chunked), so their reserve only
// sizes a small index's one chunk. A form has one member or more, so
// the forms fit too.
func (r *Restorer) Reserve(members int) { r.ix.reserve(members) }

// reserve makes room for n forms and n member keys.
func (ix *Index) reserve(n int) {
	if n <= 0 {
		return
	}
	ix.byID.reserve(n)
	ix.hot.reserve(n)
	ix.nodes.reserve(n)
	ix.byQuote.reserve(n)
}

// SetDetails is Index.SetDetails for the index being restored: call it
// before Place.
func (r *Restorer) SetDetails(d Details) { r.ix.SetDetails(d) }

// Place files quotes under their forms, without matching them.
func (r *Restorer) Place(quotes []Quote) {
	for _, q := range quotes {
		for _, p := range Split(q) {
			r.ix.place(p)
		}
	}
}

// Finish matches what changed since the links were saved (see Restore)
// and returns the index.
func (r *Restorer) Finish(links []Link) *Index {
	ix, _ := r.FinishFrom(func(saved func(Link)) error {
		for _, l := range links {
			saved(l)
		}
		return nil
	})
	return ix
}

// FinishFrom is Finish with the saved links read by each, which calls
// saved once for each link, at most once a form (as LinkLog gives
// them), and returns the error that stops it: a store streams them
// from its table, so that neither it nor the index holds the saved
// graph (at 1M quotes, a million links of two strings each, beside a
// map of them) while the index is finished. Each link is applied to
// its form as it comes; a form not placed was removed since.
func (r *Restorer) FinishFrom(each func(saved func(Link)) error) (*Index, error) {
	ix := r.ix
	// Placing marks nothing changed: the forms not saved, those matched
	// again below and the forms they move differ from the saved links.
	ix.changed = map[string]struct{}{}
	var fresh, orphans, shorts, varied []*node
	savedLinks := 0
	err := each(func(l Link) {
		savedLinks++
		n := ix.formByKey(l.Form)
		if n == nil {
			ix.changed[l.Form] = struct{}{} // removed since
			return
		}
		n.saved = true
		switch {
		case shortForm(n):
			if l.Parent != "" {
				if p := ix.formByKey(l.Parent); p != nil {
					n.parent, n.sim = p, l.Sim
					ix.adopt(p, n)
				} else {
					// Its parent is gone: a root now, unless
					// linkShort finds it another (which marks it
					// too). Marked here, as ChangedLinks must list
					// every link that differs from the saved one.
					ix.changed[ix.keyOf(n)] = struct{}{}
				}
			}
			return
		case !matchable(n):
			if l.Parent != "" {
				ix.changed[ix.keyOf(n)] = struct{}{} // a root now
			}
			return
		case l.Parent == "":
		default:
			if p := ix.formByKey(l.Parent); p != nil {
				n.parent, n.sim = p, l.Sim
				ix.adopt(p, n)
			} else {
				orphans = append(orphans, n)
			}
		}
		if ix.speechVaried(n) || ix.kinVaried(n) {
			varied = append(varied, n)
		}
	})
	if err != nil {
		return nil, err
	}
	r.ix = nil
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		saved := n.saved
		n.saved = false
		if !saved && savedLinks > 0 {
			ix.changed[ix.keyOf(n)] = struct{}{}
		}
		if shortForm(n) {
			ix.postShort(n)
			shorts = append(shorts, n)
			continue
		}
		if matchable(n) && !saved {
			fresh = append(fresh, n)
		}
	}
	// A speech link holds while its evidence does: a quote may have
	// gone since it was saved. An overlap holds while no quote that came
	// since names kin of the other side's speaker (kinSpeakers).
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		if n.parent != nil && (speechLink(n.sim) || overlapLink(n.sim) && (ix.kinVaried(n) || ix.kinVaried(n.parent))) && !shortForm(n) && !ix.holds(n, n.parent) {
			ix.disown(n.parent, n)
			n.parent, n.sim = nil, 0
			orphans = append(orphans, n)
		}
	}
	// The posting lists: only the bigrams the searches below read, when
	// the links were saved (see Index.partial); the rest when the index
	// is next changed.
	ix.postSearched(savedLinks == 0, orphans, fresh, varied, shorts)
	// Deterministic work order (the result does not depend on it).
	byKey := ix.compareKeys
	slices.SortFunc(orphans, byKey)
	slices.SortFunc(fresh, byKey)
	if savedLinks == 0 {
		// Every form is new: the set of changed forms would be all of
		// them, a map entry a form held while the store writes.
		ix.allChanged = true
	}
	for _, c := range orphans {
		ix.reparent(c)
	}
	for _, n := range fresh {
		ix.link(n)
	}
	// A form quoted by several speakers or at several times may have
	// gained the evidence of a speech link since it was saved.
	slices.SortFunc(varied, byKey)
	for _, n := range varied {
		ix.link(n)
	}
	// Short pieces depend on evidence that may have come with any new
	// quote: find each one's parent again (cheap: one posting list).
	slices.SortFunc(shorts, byKey)
	for _, n := range shorts {
		ix.linkShort(n)
	}
	ix.moved = map[int64]struct{}{} // not clear: a full build would keep its table
	ix.restoring = false
	if ix.allChanged {
		ix.changed = map[string]struct{}{} // short.go marks its forms directly
	}
	return ix, nil
}

// markChanged records that the link of the form keyed key may have
// changed (see Index.changed).
func (ix *Index) markChanged(key string) {
	if !ix.allChanged {
		ix.changed[key] = struct{}{}
	}
}

// recheckShort finds the parent of n (when short) and of its short
// children again after n lost a quote.
func (ix *Index) recheckShort(n *node) {
	if shortForm(n) {
		ix.linkShort(n)
	}
	var kids []*node
	for c := range ix.kids(n) {
		if shortForm(c) {
			kids = append(kids, c)
		}
	}
	slices.SortFunc(kids, ix.compareKeys)
	for _, c := range kids {
		ix.linkShort(c)
	}
}

// ChangedLinks returns the links of the forms that were added or got a
// new parent since the previous call (or since Restore), and the forms
// removed, both sorted, and forgets them: what a store rewrites of the
// phrase graph after an incremental update.
//
// After a Restore with no saved links every form is new: upsert is
// every link (Links), and changed holds only what was removed since.
func (ix *Index) ChangedLinks() (upsert []Link, removed []string) {
	if ix.allChanged {
		upsert = ix.Links()
	}
	keys := make([]string, 0, len(ix.changed))
	for k := range ix.changed {
		keys = append(keys, k)
	}
	for i, n := range ix.formsByKeys(keys) {
		k := keys[i]
		if n == nil {
			removed = append(removed, k)
			continue
		}
		if ix.allChanged {
			continue // listed above
		}
		l := Link{Form: k}
		if n.parent != nil {
			l.Parent, l.Sim = ix.keyOf(n.parent), n.sim
		}
		upsert = append(upsert, l)
	}
	ix.ForgetChangedLinks()
	slices.SortFunc(upsert, func(a, b Link) int { return strings.Compare(a.Form, b.Form) })
	slices.Sort(removed)
	return upsert, removed
}

// ForgetChangedLinks is ChangedLinks for a store that has written the
// links already (all of them, from Links): it forgets what changed
// without listing it.
func (ix *Index) ForgetChangedLinks() {
	ix.changed = map[string]struct{}{} // not clear: a full build would keep its table
	ix.allChanged = false
}

// SummaryOf returns the summary (no members) of the cluster a member
// (by key) is in: what a store rewrites for each cluster an update touched. Its cost
// is that of the one cluster, not of the index.
func (ix *Index) SummaryOf(id int64) (claimtrail.Cluster, bool) {
	n := ix.formOf(id)
	if n == nil {
		return claimtrail.Cluster{}, false
	}
	return *ix.summarize(ix.rootNode(n), false), true
}

// SummariesOf is SummaryOf of several members (by key), with the
// details of their clusters' members read together (one read of a
// store's Details for up to DetailsRead members, where SummaryOf makes
// one per cluster): the summary of the cluster of each key, and false
// for an unknown key.
func (ix *Index) SummariesOf(ids []int64) ([]claimtrail.Cluster, []bool) {
	out, ok := make([]claimtrail.Cluster, len(ids)), make([]bool, len(ids))
	var group []int // places in ids of the clusters read together
	var forms []*node
	members := 0
	flush := func() {
		ds := ix.detailsOf(forms...)
		for _, i := range group {
			r := ix.rootNode(ix.formOf(ids[i]))
			out[i], ok[i] = *ix.summarizeWith(r, ix.subtree(r), ds, false), true
		}
		group, forms, members = group[:0], forms[:0], 0
	}
	read := map[*node]bool{}
	for i, id := range ids {
		n := ix.formOf(id)
		if n == nil {
			continue
		}
		r := ix.rootNode(n)
		if !read[r] {
			sub := ix.subtree(r)
			size := 0
			for _, f := range sub {
				size += len(f.members())
			}
			if members > 0 && members+size > DetailsRead {
				flush()
				clear(read)
			}
			read[r] = true
			forms = append(forms, sub...)
			members += size
		}
		group = append(group, i)
	}
	flush()
	return out, ok
}

// EachSummary calls fn with the summary of the cluster of each member
// key in keys, in order, reading page clusters' details at a time
// (SummariesOf), so that a full update never holds every summary; the
// keys must be in the index. An error from fn stops it.
func (ix *Index) EachSummary(keys []int64, page int, fn func(c *claimtrail.Cluster) error) error {
	for lo := 0; lo < len(keys); lo += page {
		summaries, _ := ix.SummariesOf(keys[lo:min(lo+page, len(keys))])
		for j := range summaries {
			if err := fn(&summaries[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// DetailsRead is about the most members whose details SummariesOf reads
// at once (a cluster with more is read alone): what it holds at a time.
const DetailsRead = 4096

// trivial reports whether a quote is too little to follow: no content
// word, or fewer than MinWords words with one content word ("said the
// American", a slip of extraction). Two-word phrases such as "witch
// hunt" still group with their identical forms.
func trivial(toks []Token) bool {
	content := 0
	for _, t := range toks {
		if t.Norm != Gap && !stopwords[t.Norm] {
			content++
		}
	}
	return content == 0 || (len(toks) < MinWords && content < 2)
}

// Remove takes an attribution's pieces out (an article re-extracted or
// deleted). When a piece was the last quote of its form, the form's
// children look for a new parent among their candidates, as if the form
// had never been added.
func (ix *Index) Remove(id int64) {
	ix.completePostings()
	keys := ix.keysOf(id)
	delete(ix.keys, id)
	for _, k := range keys {
		ix.removeKey(k)
	}
}

func (ix *Index) removeKey(id int64) {
	n := ix.formOf(id)
	if n == nil {
		return
	}
	ix.byQuote.del(id)
	kin := ix.namedInFull(n, id)
	ix.dropQuote(n, id)
	ix.moved[id] = struct{}{}
	if len(n.members()) > 0 {
		// The evidence of short pieces and speech links may have gone
		// with the quote.
		ix.recheckShort(n)
		ix.recheckSpeech(n)
		if kin && matchable(n) {
			ix.link(n) // an overlap kinSpeakers kept apart may hold now
		}
		return
	}
	ix.markMoved(n)
	// Kept even when allChanged: ChangedLinks lists the removed forms.
	ix.changed[ix.keyOf(n)] = struct{}{}
	ix.dropForm(n)
	delete(ix.trivialKeys, n.id)
	ix.unpost(n)
	if shortForm(n) {
		ix.unpostShort(n)
	}
	*ix.byID.at(n.id) = nil
	ix.forgetIDs(n) // clears hot[n.id]
	ix.freeIDs = append(ix.freeIDs, n.id)
	if n.parent != nil {
		ix.disown(n.parent, n)
		n.parent = nil
	}
	orphans := ix.appendKids(nil, n) // reparent may change the list
	for _, c := range orphans {
		ix.reparent(c)
	}
}

// match tests short against long, sharing shared indexed bigrams: as a
// cut or variant (matches), with cheap bounds first (the bigrams
// matches needs; matched weight can be no more than the weight of the
// words the two share), else as an overlap (overlaps). The bounds it
// works out (commonWeight, mayOverlap) go on to speechMatch, which
// worked them out again for each pair that reached it.
func (ix *Index) match(short, long *node, shared int) (float64, bool) {
	b := pairBounds{common: -1}
	if shared >= minBigrams(ix.wordCount(short)) {
		b.common = ix.commonWeight(short, long)
		if s, ok := ix.variantOf(short, long, b.common); ok {
			return s, true
		}
	}
	if shared >= minOverlapBigrams {
		b.mayOverlap, b.overlapKnown = ix.mayOverlap(ix.idsOf(short, 0), ix.idsOf(long, 1)), true
		if b.mayOverlap {
			if s, ok := ix.overlapsIDs(short, long, MinRun, longRun, minOverlapRunContent); ok && !ix.kinSpeakers(short, long) {
				return s, true
			}
		}
	}
	return ix.speechMatch(short, long, shared, b)
}

// matchAbove is match for a form whose parent so far (nil: none) has
// similarity t: it reports false, without the tests, when no match of
// the pair can reach t, since better then rejects it whatever it is.
// A speech link is at most speechDiscount; a cut or variant at most
// the weight of the words the two forms share (commonWeight) over the
// short form's (fit's similarity: its matched words are shared words,
// and the long form's skipped words only add to the divisor; fitPieces
// gives MinSimilarity, which variantOf's own bound lets through only
// when that weight reaches it); an overlap at most overlapDiscount
// times that (its run is shared words, over the short form's weight).
// So once a form has a parent above a speech link, the pair is aligned
// only when the words the two share could beat it. What link and
// reparent decide is the same (the candidates in the same order, each
// either matched as before or ruled out where better would have
// refused it).
func (ix *Index) matchAbove(short, long *node, shared int, parent *node, t float64) (float64, bool) {
	if parent == nil || t <= speechDiscount {
		return ix.match(short, long, shared)
	}
	common := ix.commonWeight(short, long)
	// The margin covers the order the weights are summed in (fit and
	// overlapScore sum the short form's in word order, weightOf's sum
	// and commonWeight may add them in another).
	least := t * ix.weightOf(short) * (1 - 1e-9)
	if common < least {
		return 0, false
	}
	if shared >= minBigrams(ix.wordCount(short)) {
		if s, ok := ix.variantOf(short, long, common); ok {
			return s, true
		}
	}
	if overlapDiscount*common < least || shared < minOverlapBigrams || !ix.mayOverlap(ix.idsOf(short, 0), ix.idsOf(long, 1)) {
		return 0, false
	}
	if s, ok := ix.overlapsIDs(short, long, MinRun, longRun, minOverlapRunContent); ok && !ix.kinSpeakers(short, long) {
		return s, true
	}
	return 0, false
}

// pairBounds holds what match worked out of a pair of forms for
// speechMatch: their commonWeight (-1: not worked out) and mayOverlap
// (when overlapKnown).
type pairBounds struct {
	common                   float64
	mayOverlap, overlapKnown bool
}

// overlapsIDs is overlapsWith of two forms on their word ids (see
// overlapScore), and so is its fuzzyOverlap: the words' strings are
// not read.
func (ix *Index) overlapsIDs(short, long *node, minRun, long_, content int) (float64, bool) {
	if ix.rules.content == nil {
		ix.rules = ix.idRules()
	}
	s, l := ix.idsOf(short, 0), ix.idsOf(long, 1)
	return overlapScore(s, l, ix.rules, minRun, long_, content, &ix.runBuf, func() float64 {
		return fuzzyOverlapOf(&ix.fitBuf, s, l, ix.rules)
	})
}

// matchesAt is matchesAt of two forms, aligned on their word ids
// (fitOf); their words are read for the bounds past the alignment.
func (ix *Index) matchesAt(short, long *node, least float64, bigrams int) (float64, bool) {
	if ix.wordCount(short) < MinWords || ix.wordCount(long) < MinWords {
		return 0, false
	}
	if ix.rules.content == nil {
		ix.rules = ix.idRules()
	}
	f := fitOf(&ix.fitBuf, ix.idsOf(short, 0), ix.idsOf(long, 1), ix.rules, false)
	return matchesFit(f, ix.wordsOf(short, 0), ix.wordsOf(long, 1), least, bigrams)
}

// idRules are wordRules for the index's word ids (kept in Index.rules).
func (ix *Index) idRules() runRules[int32] {
	return runRules[int32]{
		gap:      ix.gapID,
		content:  func(id int32) bool { return id != ix.gapID && !ix.stop[id] },
		stop:     func(id int32) bool { return ix.stop[id] },
		weight:   func(id int32) float64 { return ix.weights[id] },
		negation: func(id int32) bool { return isNegation(ix.words[id]) },
	}
}

// mayOverlap is the cheap first test of overlaps on word ids (one id
// per word), before the words are read: both forms have MinRun words,
// and without an ellipsis in either, one form holds the other's first
// word and one holds the other's last word. Most candidates fail here.
func (ix *Index) mayOverlap(short, long []int32) bool {
	n, m := len(short), len(long)
	if n < MinRun || m < MinRun {
		return false
	}
	if slices.Contains(short, ix.gapID) || slices.Contains(long, ix.gapID) {
		return true
	}
	return (slices.Contains(long, short[0]) || slices.Contains(short, long[0])) &&
		(slices.Contains(long, short[n-1]) || slices.Contains(short, long[m-1]))
}

// bagCache holds the bag (word ids sorted) of the form whose bag was
// last asked for, and the pair of forms asked for last: a form keeps
// its ids in word order only (a sorted copy each was 70 MB of the 834
// MiB live at 1M quotes), and the bounds that read bags (variant,
// speechMatch) compare one form with its candidates in turn: that one
// is sorted once, the other side is counted (sharedWeight). A form's
// ids never change, and the cache keeps the form alive, so a pointer
// names its bag.
type bagCache struct {
	form *node
	bag  []int32
	prev [2]*node
	// counts, by word id, is zero between calls of sharedWeight.
	counts []int32
}

// sharedWeight is the weight of the words a and b share as bags,
// summed in increasing word id (the order a merge of two sorted bags
// adds them in, so that the sum is the same to the bit): the bag of
// one of them (cached, see bagCache) is walked in order against the
// other's counted words, with no sort of the other.
func (ix *Index) sharedWeight(a, b *node) float64 {
	c := &ix.bagCache
	sorted, other := a, b
	switch {
	case c.form == a:
	case c.form == b:
		sorted, other = b, a
	default:
		// The form of the previous pair is the one compared in turn.
		if b == c.prev[0] || b == c.prev[1] {
			sorted, other = b, a
		}
		c.form = sorted
		c.bag = ix.appendIDs(c.bag[:0], sorted)
		slices.Sort(c.bag)
	}
	c.prev = [2]*node{a, b}
	if len(c.counts) < len(ix.weights) {
		c.counts = make([]int32, len(ix.weights)+len(ix.weights)/4)
	}
	counts := c.counts
	r := ix.readIDs(other)
	for r.left > 0 {
		counts[r.next()]++
	}
	var common float64
	for _, id := range c.bag {
		if counts[id] > 0 {
			counts[id]--
			common += ix.weights[id]
		}
	}
	r = ix.readIDs(other)
	for r.left > 0 {
		counts[r.next()] = 0
	}
	return common
}

// wordsOf returns n's words in word buffer i (0 or 1), valid until
// the next call with the same i: a form keeps word ids only (a string
// header per word cost more than the rest of the form).
func (ix *Index) wordsOf(n *node, i int) []string {
	b := ix.wordBuf[i][:0]
	r := ix.readIDs(n)
	for r.left > 0 {
		b = append(b, ix.words[r.next()])
	}
	ix.wordBuf[i] = b
	return b
}

// variantOf is match's test of a cut or variant, common the
// commonWeight of the two forms.
func (ix *Index) variantOf(short, long *node, common float64) (float64, bool) {
	if common < MinSimilarity*ix.weightOf(short) {
		return 0, false
	}
	return ix.matchesAt(short, long, MinSimilarity, minBigrams(ix.wordCount(short)))
}

func (ix *Index) setParent(c, p *node, s float64) {
	ix.markChanged(ix.keyOf(c))
	if c.parent != nil {
		ix.disown(c.parent, c)
	}
	c.parent, c.sim = p, s
	ix.adopt(p, c)
	ix.markMoved(c)
}

// markMoved records every quote under n: their root may have changed.
func (ix *Index) markMoved(n *node) {
	if ix.restoring {
		return // Restore forgets what moved
	}
	for _, q := range n.members() {
		ix.moved[q.key] = struct{}{}
	}
	for c := range ix.kids(n) {
		ix.markMoved(c)
	}
}

// posting is a bigram's entry in Index.postings, two int32 in one
// word: (f, -1) for a list of the one form f, (f, g) for the list f, g,
// and (-1-i, 0) for list i of Index.lists (three forms or more, see
// listPool). A
// map value holding the one or two forms of most bigrams, where a map
// of lists cost a slice header in the map and an array (and a second
// map held the bigrams of one form), took the scale test's live heap
// at 100k quotes from 93 to 84 MiB.
type posting uint64

func onePosting(f int32) posting     { return posting(uint32(f)) | posting(math.MaxUint32)<<32 }
func pairPosting(f, g int32) posting { return posting(uint32(f)) | posting(uint32(g))<<32 }
func listPosting(i int) posting      { return posting(uint32(int32(-1 - i))) }

// cappedList marks the entry of a pool list (its upper half, 0
// otherwise) whose bigram is capped (Index.capped): the search reads
// that from the entry it looks up anyway, where a look-up in capped
// for each of a new form's bigrams was half of cappedGrams' time at 1M
// quotes (two maps of a million bigrams or more, a cache miss each). A
// capped bigram whose list lost forms down to two or fewer is found in
// capped (isCapped).
const cappedList posting = 1 << 32

// isCapped reports whether g is capped, p and ok its entry in
// Index.postings.
func (ix *Index) isCapped(g gram, p posting, ok bool) bool {
	if a, _ := p.parts(); ok && a < 0 {
		return p&cappedList != 0
	}
	_, capped := ix.capped[g]
	return capped
}

// parts returns the two halves of p.
func (p posting) parts() (a, b int32) { return int32(uint32(p)), int32(uint32(p >> 32)) }

// list returns the forms of p: a pool list, or its one or two forms in
// buf.
func (ix *Index) list(p posting, buf *[2]int32) []int32 {
	a, b := p.parts()
	switch {
	case a < 0:
		return ix.lists.get(int(-1 - a))
	case b < 0:
		buf[0] = a
		return buf[:1]
	default:
		buf[0], buf[1] = a, b
		return buf[:2]
	}
}

// setList makes l (in order) the list of g, p its entry so far.
func (ix *Index) setList(g gram, p posting, l []int32) {
	a, _ := p.parts()
	pooled := a < 0
	if len(l) <= 2 {
		if pooled {
			ix.lists.drop(int(-1 - a))
		}
		switch len(l) {
		case 0:
			delete(ix.postings, g)
		case 1:
			ix.postings[g] = onePosting(l[0])
		default:
			ix.postings[g] = pairPosting(l[0], l[1])
		}
		return
	}
	if pooled {
		ix.lists.set(int(-1-a), l)
		return
	}
	np := listPosting(ix.lists.set(-1, l))
	if _, capped := ix.capped[g]; capped {
		np |= cappedList
	}
	ix.postings[g] = np
}

// post adds n to the posting list of each of its bigrams; a full list
// (MaxPostings) keeps the highest-ranked forms: n takes the place of
// the lowest when it outranks it.
func (ix *Index) post(n *node) {
	for _, g := range ix.grams(n) {
		if ix.partial != nil {
			if _, ok := ix.partial[g]; !ok {
				continue
			}
		}
		ix.postGram(g, n)
	}
}

// postSearched posts every matchable form (see post): under all its
// bigrams when all is set, else only under the bigrams of the forms in
// searched (Index.partial), the forms a restore searches from.
func (ix *Index) postSearched(all bool, searched ...[]*node) {
	if !all {
		need := map[gram]struct{}{}
		for _, l := range searched {
			for _, n := range l {
				for _, g := range ix.grams(n) {
					need[g] = struct{}{}
				}
			}
		}
		ix.partial = need
	}
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		if !shortForm(n) && matchable(n) {
			ix.post(n)
		}
	}
}

// completePostings posts every matchable form under the bigrams a
// restore left out (see Index.partial): the lists are then those a
// full build has (a list's forms depend on the set of forms, not on
// the order they were posted in).
func (ix *Index) completePostings() {
	done := ix.partial
	if done == nil {
		return
	}
	ix.partial = nil
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		if shortForm(n) || !matchable(n) {
			continue
		}
		for _, g := range ix.grams(n) {
			if _, ok := done[g]; !ok {
				ix.postGram(g, n)
			}
		}
	}
}

// ReleaseSearch frees what the index keeps to find the candidates of a
// new form: the posting lists of the matchable forms, their caps and
// bounds (capMask in hot), and the search's buffers. An update that
// will not change the index again (a one-shot ingest's, whose index is
// not kept: from here it only reads clusters, summaries and links)
// holds none of it while it writes; at 1M quotes the lists a restore
// builds were 14 MB of the 220 live at that update's peak. The next Add
// or Remove builds every list again (completePostings, as after a
// restore): the lists depend on the set of forms only. The form table
// goes too (releaseForms): the next look-up by key files the forms
// again.
func (ix *Index) ReleaseSearch() {
	ix.postings, ix.lists = map[gram]posting{}, listPool{}
	ix.capped, ix.capMin = map[gram]struct{}{}, map[gram]int{}
	ix.partial = map[gram]struct{}{} // none built
	for _, ch := range ix.hot.chunks {
		for i := range ch {
			ch[i].capMask = 0
		}
	}
	ix.cappedBuf, ix.capBitsBuf, ix.gramCapped, ix.gramList, ix.smallBuf = nil, nil, nil, nil, nil
	ix.candBuf, ix.candTab = nil, candTable{}
	ix.releaseForms()
}

// mustBePosted panics when the posting list of g is read while a
// restore left it out (Index.partial): a search the restore did not
// plan for would see a list with forms missing.
func (ix *Index) mustBePosted(g gram) {
	if _, ok := ix.partial[g]; !ok {
		panic("trail: a posting list read before it was built (Index.partial)")
	}
}

// postGram adds n to the posting list of g; a full list (MaxPostings)
// keeps the highest-ranked forms: n takes the place of the lowest when
// it outranks it.
//
// A full list is kept in rank order, best first (sortRanked when it
// fills): its lowest form is its last, and a form that outranks it
// goes in at its place, found by a binary search. Until session 32 the
// list was in no order, and each form that took the place of the
// lowest scanned the list for the new lowest (outranksID of each of
// the 64 forms, a read of hot for each): 5 ms of a batch of 1,000 new
// quotes at 1M, where the search reads about six. Which forms a list
// holds is the same either way; only their order in it changed, and
// nothing reads a list in an order that matters (the candidate search
// counts forms, linkShort keeps the best).
func (ix *Index) postGram(g gram, n *node) {
	p, ok := ix.postings[g]
	if !ok {
		ix.postings[g] = onePosting(n.id)
		ix.lowerCapMin(g, n)
		return
	}
	var buf [2]int32
	l := ix.list(p, &buf)
	if len(l) == 1 {
		if ix.maxPostings <= 2 && ix.outranksID(n.id, l[0]) { // full: in rank order (tests)
			ix.postings[g] = pairPosting(n.id, l[0])
		} else {
			ix.postings[g] = pairPosting(l[0], n.id)
		}
		ix.lowerCapMin(g, n)
		return
	}
	if len(l) < ix.maxPostings {
		if len(l) == 2 {
			l = append(make([]int32, 0, 4), l...)
		}
		if l = append(l, n.id); len(l) == ix.maxPostings {
			ix.sortRanked(l)
		}
		ix.setList(g, p, l)
		ix.lowerCapMin(g, n)
		return
	}
	if !ix.isCapped(g, p, true) {
		// Until now the list held every form with g: they are
		// the forms whose capMask must now have g's bit.
		ix.capped[g] = struct{}{}
		if a, _ := p.parts(); a < 0 {
			ix.postings[g] = p | cappedList
		}
		for _, f := range l {
			ix.hot.at(f).capMask |= capBits(g)
		}
	}
	ix.hot.at(n.id).capMask |= capBits(g)
	last := len(l) - 1
	if ix.outranksID(n.id, l[last]) {
		// The first form n outranks (the list is in rank order, and n
		// outranks the last) moves down a place with those after it.
		i := sort.Search(last, func(i int) bool { return ix.outranksID(n.id, l[i]) })
		copy(l[i+1:], l[i:last])
		l[i] = n.id
		if len(l) == 2 { // in buf: a bound below three (tests)
			ix.postings[g] = pairPosting(l[0], l[1])
		}
	}
	// The lowest-ranked form is the shortest (outranks).
	ix.capMin[g] = int(ix.hot.at(l[last]).words)
}

// sortRanked puts a posting list in rank order, best first (outranksID:
// a total order, so the order depends on the forms only).
func (ix *Index) sortRanked(l []int32) {
	slices.SortFunc(l, func(a, b int32) int {
		switch {
		case a == b:
			return 0
		case ix.outranksID(a, b):
			return -1
		}
		return 1
	})
}

// lowerCapMin keeps capMin a bound when n joins a capped list that was
// not full (it lost forms since it was capped), and sets g's bit in n's
// capMask (capMin holds the capped bigrams).
func (ix *Index) lowerCapMin(g gram, n *node) {
	if m, ok := ix.capMin[g]; ok {
		ix.hot.at(n.id).capMask |= capBits(g)
		if w := ix.wordCount(n); w < m {
			ix.capMin[g] = w
		}
	}
}

// cappedGrams returns n's bigrams whose posting list is capped, in a
// buffer valid until the next call. A candidate's rare count misses
// the capped bigrams it shares with n; it shares at most these. It
// also looks up the list of each of n's bigrams (gramList) for the
// candidates searches of n that follow: one look-up per bigram and
// map, where each search made three.
func (ix *Index) cappedGrams(n *node) []gram {
	out := ix.cappedBuf[:0]
	gs := ix.grams(n)
	flags, lists := ix.gramCapped[:0], ix.gramList[:0]
	small := ix.smallBuf[:0]
	if cap(small) < 2*len(gs) {
		small = make([]int32, 0, 2*len(gs))
	}
	for _, g := range gs {
		if ix.partial != nil {
			ix.mustBePosted(g)
		}
		p, ok := ix.postings[g]
		capped := ix.isCapped(g, p, ok)
		if capped {
			out = append(out, g)
		}
		var l []int32
		if ok {
			if l = ix.list(p, &ix.pairBuf); len(l) <= 2 {
				k := len(small)
				small = append(small, l...)
				l = small[k:len(small):len(small)]
			}
		}
		flags, lists = append(flags, capped), append(lists, l)
	}
	ix.cappedBuf, ix.gramCapped, ix.gramList, ix.smallBuf = out, flags, lists, small
	return out
}

func (ix *Index) unpost(n *node) {
	for _, g := range ix.grams(n) {
		p, ok := ix.postings[g]
		if !ok {
			continue
		}
		var buf [2]int32
		l := ix.list(p, &buf)
		i := slices.Index(l, n.id)
		if i < 0 {
			continue
		}
		ix.setList(g, p, slices.Delete(l, i, i+1))
	}
}

// posted returns the numbers of the forms posted under g, in a slice
// valid until the next call (one or two forms are returned in a
// buffer).
func (ix *Index) posted(g gram) []int32 {
	if ix.partial != nil {
		ix.mustBePosted(g)
	}
	if p, ok := ix.postings[g]; ok {
		return ix.list(p, &ix.pairBuf)
	}
	return nil
}

// postLen is len(ix.posted(g)).
func (ix *Index) postLen(g gram) int { return len(ix.posted(g)) }

// candidate is a form sharing shared distinct indexed bigrams with
// another.
type candidate struct {
	// id is the form's number; node is the form, set for the
	// candidates worthMatching keeps.
	id     int32
	node   *node
	shared int
	// bound is the number of distinct bigrams it shares with the form
	// (set by worthMatching).
	bound int
	// rare counts the shared bigrams whose posting list is not capped:
	// the ones that say which utterance a form is.
	rare int
	// held has bit i set when the list of the i-th of the form's
	// capped bigrams searched (cappedGrams, the first 64) holds the
	// candidate: that bigram is the candidate's without reading it
	// (worthMatching).
	held uint64
	// words and weight are the form's (hotNode), for ranking
	// candidates without reading the forms (see outranks); words is -1
	// until they are read (readHot).
	words  int
	weight float64
}

func (ix *Index) rootNode(n *node) *node {
	for n.parent != nil {
		n = n.parent
	}
	return n
}

func (ix *Index) root(n *node) ClusterID { return ix.idOf(ix.rootNode(n)) }

// idOf is the id of the cluster whose root is n: the FNV-1a hash of
// its key.
func (ix *Index) idOf(n *node) ClusterID {
	// 53 bits: exact in JSON numbers and JavaScript.
	id := ClusterID(ix.keyHash(n) & (1<<53 - 1))
	if id == 0 {
		id = 1
	}
	return id
}

// ClusterOf returns the cluster of a member (by key), and false for an
// unknown key.
func (ix *Index) ClusterOf(id int64) (ClusterID, bool) {
	n := ix.formOf(id)
	if n == nil {
		return 0, false
	}
	return ix.root(n), true
}

// ClusterNewest returns the id of every cluster and the key of its
// newest member (the highest), parallel, in no order (a store numbers
// new clusters in the order of their newest members). It walks each
// tree from its root: the map of every cluster to its newest key that
// a walk over the members needs was about 20 MB at 1M quotes, held at
// the peak of a one-shot update. Two roots whose ids collide are two
// entries.
func (ix *Index) ClusterNewest() (ids, newest []int64) {
	roots := 0
	for _, n := range ix.byID.all() {
		if n != nil && n.parent == nil {
			roots++
		}
	}
	ids, newest = make([]int64, 0, roots), make([]int64, 0, roots)
	var stack []*node
	for _, n := range ix.byID.all() {
		if n == nil || n.parent != nil {
			continue
		}
		top, any := int64(0), false
		stack = append(stack[:0], n)
		for len(stack) > 0 {
			m := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if l := m.members(); len(l) > 0 { // sorted by key
				if k := l[len(l)-1].key; !any || k > top {
					top, any = k, true
				}
			}
			stack = ix.appendKids(stack, m)
		}
		if any {
			ids, newest = append(ids, int64(ix.idOf(n))), append(newest, top)
		}
	}
	return ids, newest
}

// UniqueClusters sorts ClusterNewest's ids and, parallel, newest keys by
// id (then key), in place, and keeps one entry per id with the newer key:
// two roots whose ids collide are one cluster to a store. ids and newest
// are cut to the same length. Both stores read the live clusters so.
func UniqueClusters(ids, newest []int64) ([]int64, []int64) {
	SortPairs(ids, newest)
	kept := 0
	for i := range ids {
		if kept > 0 && ids[kept-1] == ids[i] {
			newest[kept-1] = newest[i] // sorted: the newer
			continue
		}
		ids[kept], newest[kept] = ids[i], newest[i]
		kept++
	}
	return ids[:kept], newest[:kept]
}

// SortPairs sorts two parallel slices in place by first, then second:
// cluster ids and their newest keys by id (UniqueClusters), or, passed
// the other way round, by newest key and then id (the stores' listing
// order).
func SortPairs(first, second []int64) { sort.Sort(int64Pairs{first, second}) }

// int64Pairs sorts parallel slices a and b by a, then b (SortPairs).
type int64Pairs struct{ a, b []int64 }

func (c int64Pairs) Len() int { return len(c.a) }

func (c int64Pairs) Swap(i, j int) {
	c.a[i], c.a[j] = c.a[j], c.a[i]
	c.b[i], c.b[j] = c.b[j], c.b[i]
}

func (c int64Pairs) Less(i, j int) bool {
	return c.a[i] < c.a[j] || c.a[i] == c.a[j] && c.b[i] < c.b[j]
}

// Assignments maps every member key to its cluster.
func (ix *Index) Assignments() map[int64]ClusterID {
	out := make(map[int64]ClusterID, ix.byQuote.len())
	ix.byQuote.each(func(id int64, f int32) { out[id] = ix.root(ix.formAt(f)) })
	return out
}

// SortedKeys returns every member key, sorted (a copy: tests; a store
// walks them with KeyRanges).
func (ix *Index) SortedKeys() []int64 {
	out := make([]int64, 0, ix.byQuote.len())
	ix.EachSortedKey(func(k int64) { out = append(out, k) })
	return out
}

// EachSortedKey calls fn with every member key in order, from the
// index's own table: a full update walks them where a copy would cost 8
// bytes a member while the summaries and members are written. fn must
// not change the index.
func (ix *Index) EachSortedKey(fn func(k int64)) {
	ix.byQuote.sorted(func(k int64) error { fn(k); return nil })
}

// KeyRanges walks the index's member keys as the function KeyRanges
// walks the same keys in a sorted slice (the same ranges, bounds and
// keys), without such a slice: fn's keys are valid during the call
// only, and fn must not change the index.
func (ix *Index) KeyRanges(page int, fn func(lo, hi int64, keys []int64) error) error {
	r := keyRanger{page: page, lo: math.MinInt64, fn: fn}
	if err := ix.byQuote.sorted(r.add); err != nil {
		return err
	}
	return r.end()
}

// keyRanger cuts sorted keys given one at a time into KeyRanges'
// ranges.
type keyRanger struct {
	page   int
	lo, hi int64
	cut    bool // hi is known: the range ends with hi's last key
	buf    []int64
	fn     func(lo, hi int64, keys []int64) error
}

func (r *keyRanger) add(k int64) error {
	if id, _ := SplitKey(k); r.cut && id > r.hi {
		if err := r.fn(r.lo, r.hi, r.buf); err != nil {
			return err
		}
		r.lo, r.buf, r.cut = r.hi, r.buf[:0], false
	}
	r.buf = append(r.buf, k)
	if !r.cut && len(r.buf) == r.page+1 {
		r.hi, _ = SplitKey(k)
		r.cut = true
	}
	return nil
}

// end sends the last ranges: the one being filled, and the open range
// past it (empty unless the keys ran out before a cut).
func (r *keyRanger) end() error {
	if r.cut {
		if err := r.fn(r.lo, r.hi, r.buf); err != nil {
			return err
		}
		r.lo, r.buf = r.hi, r.buf[:0]
	}
	return r.fn(r.lo, math.MaxInt64, r.buf)
}

// Keys returns every member key, sorted.
func (ix *Index) Keys() []int64 {
	out := make([]int64, 0, ix.byQuote.len())
	ix.byQuote.each(func(k int64, _ int32) { out = append(out, k) })
	slices.Sort(out)
	return out
}

// Moved returns the member keys whose cluster may have changed since the
// previous call (added, removed, or moved under a new root), sorted, and
// forgets them. A store rewrites only these.
func (ix *Index) Moved() []int64 {
	out := make([]int64, 0, len(ix.moved))
	for id := range ix.moved {
		out = append(out, id)
	}
	ix.moved = map[int64]struct{}{} // not clear: a full build would keep its table
	slices.Sort(out)
	return out
}

// Member returns the piece filed under a member key (see Split): where
// it is and its words, for a store to keep with the member's cluster.
func (ix *Index) Member(key int64) (Quote, bool) {
	n := ix.formOf(key)
	if n == nil {
		return Quote{}, false
	}
	m := n.quote(key)
	if m == nil {
		return Quote{}, false
	}
	return ix.quoteOf(n, m), true
}

// ranked returns n's candidates that pass the count of shared bigrams,
// at most maxMatches of them (the best), and n's capped bigrams, which
// the candidates' bounds still have to count.
func (ix *Index) ranked(n *node) ([]candidate, []gram) {
	capped := ix.cappedGrams(n)
	extra := len(capped)
	skip := ix.cappedUnreachable(n, capped)
	out := ix.passing(n, skip, extra)
	if len(out) > ix.maxMatches && skip {
		// Ranking needs the shared counts the capped lists add.
		out = ix.passing(n, false, extra)
	}
	if len(out) > ix.maxMatches {
		out = ix.selectTop(out, ix.maxMatches)
	}
	return out, capped
}
