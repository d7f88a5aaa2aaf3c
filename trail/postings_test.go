package trail

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestCappedPostings holds the posting bound: a bigram in more than
// MaxPostings forms keeps the highest-ranked ones, cuts that share it
// and rarer words still join their utterance, and the clusters do not
// depend on the order the quotes came in.
func TestCappedPostings(t *testing.T) {
	var quotes []Quote
	id := int64(0)
	add := func(text string) {
		id++
		quotes = append(quotes, Quote{ID: id, ArticleID: id, Source: fmt.Sprintf("s%d", id), Text: text})
	}
	// MaxPostings+50 different utterances, all with "prime minister",
	// of different lengths.
	for i := range MaxPostings + 50 {
		add(fmt.Sprintf("the prime minister will visit town%d and meet mayor%d about bridge%d repairs", i, i, i) +
			strings.Repeat(" and more", i%7))
	}
	// A cut of one of them: shares the stop bigram and rarer ones.
	add("prime minister will visit town7 and meet mayor7")
	// A quote sharing only the stop bigram: stays apart.
	add("the prime minister is on holiday in the mountains this week")

	tests := []struct {
		name string
		seed uint64
	}{{"in order", 0}, {"shuffled", 1}, {"shuffled again", 2}}
	var first map[int64]ClusterID
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := append([]Quote(nil), quotes...)
			if tt.seed != 0 {
				r := rand.New(rand.NewPCG(tt.seed, 9))
				r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
			}
			ix := NewIndex(nil)
			for _, q := range qs {
				ix.Add(q)
			}
			for g := range ix.postings {
				if l := ix.posted(g); len(l) > MaxPostings {
					t.Errorf("posting list of %x holds %d forms", g, len(l))
				}
			}
			// The capped list holds the longest forms.
			l := ix.posted(gramOf(ix.vocab["prime"], ix.vocab["minister"]))
			if len(l) != MaxPostings {
				t.Fatalf("'prime minister' list holds %d forms, want %d", len(l), MaxPostings)
			}
			in := map[*node]bool{}
			for _, id := range l {
				in[ix.formAt(id)] = true
			}
		outer:
			for _, out := range ix.forms() {
				if in[out] || !strings.Contains(ix.keyOf(out), "prime minister") {
					continue
				}
				for _, id := range l {
					if n := ix.formAt(id); ix.outranks(out, n) {
						t.Errorf("capped list holds %q but not %q, which outranks it", ix.keyOf(n), ix.keyOf(out))
						break outer
					}
				}
			}
			got := ix.Assignments()
			cut, holiday := MemberKey(id-1, 0), MemberKey(id, 0)
			if got[cut] != got[MemberKey(8, 0)] {
				t.Errorf("the cut did not join the utterance it cuts")
			}
			for k, c := range got {
				if k != holiday && c == got[holiday] {
					t.Errorf("a quote sharing only a stop bigram joined member %d", k)
					break
				}
			}
			if first == nil {
				first = got
			} else if !maps.Equal(first, got) {
				t.Errorf("clusters depend on the order of the quotes")
			}
		})
	}
}

// TestPostingEntries checks the posting lists kept in map values and
// the list pool (see posting) against plain lists, over random posts
// and removals of forms sharing bigrams: every list (uncapped) holds
// the forms posted under its bigram, in the order they came, as a list
// grows past two, shrinks back and its pool slot is reused. With a
// low bound, a list holds no more forms than the bound allows, each a
// live form with the bigram.
func TestPostingEntries(t *testing.T) {
	words := strings.Fields("alpha beta gamma delta epsilon zeta")
	for _, tt := range []struct {
		name  string
		bound int
		live  int // about the most forms live at a time
		seed  uint64
	}{{"uncapped", 1000, 3000, 1}, {"short lists", 1000, 12, 2}, {"bound 3", 3, 3000, 3}, {"bound 2", 2, 12, 4}, {"bound 1", 1, 3000, 5}} {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(tt.seed, 7))
			ix := NewIndex(nil)
			ix.maxPostings = tt.bound
			want := map[gram][]int32{} // uncapped: the plain lists
			var live []*node
			for step := range 3000 {
				if len(live) > 0 && (r.IntN(3) == 0 || len(live) > tt.live) {
					i := r.IntN(len(live))
					n := live[i]
					live = append(live[:i], live[i+1:]...)
					ix.unpost(n)
					for _, g := range ix.grams(n) {
						l := want[g]
						for j, f := range l {
							if f == n.id {
								l = append(l[:j:j], l[j+1:]...)
								break
							}
						}
						want[g] = l
					}
					*ix.byID.at(n.id) = nil
					ix.forgetIDs(n)
					ix.freeIDs = append(ix.freeIDs, n.id)
					continue
				}
				n := placeRandom(t, ix, r, words, step, 3, 4)
				ix.post(n)
				for _, g := range ix.grams(n) {
					want[g] = append(want[g], n.id)
				}
				live = append(live, n)
			}
			has := map[int32]bool{}
			for _, n := range live {
				has[n.id] = true
			}
			for g, l := range want {
				got := ix.posted(g)
				if tt.bound >= 1000 {
					if fmt.Sprint(got) != fmt.Sprint(l) {
						t.Fatalf("list of %x: %v, want %v", g, got, l)
					}
					continue
				}
				if len(got) > max(2, tt.bound) {
					t.Errorf("list of %x holds %d forms, bound %d", g, len(got), tt.bound)
				}
				for _, f := range got {
					if !has[f] || !ix.hasGram(ix.formAt(f), g) {
						t.Errorf("list of %x holds form %d, not live or without the bigram", g, f)
					}
				}
			}
			if _, ok := ix.postings[gram(0)]; ok {
				t.Errorf("an entry for no bigram")
			}
			for g := range ix.postings {
				if len(ix.posted(g)) == 0 {
					t.Errorf("empty entry for %x kept", g)
				}
			}
		})
	}
}

// postingState is what an index's posting lists hold, by words rather
// than numbers (two indexes number words and forms each their own way):
// each bigram's forms (sorted keys), whether it is capped and its
// capMin, and each form's capMask.
func postingState(ix *Index) (lists map[string]string, capMasks map[string]uint64) {
	lists, capMasks = map[string]string{}, map[string]uint64{}
	for g := range ix.postings {
		words := ix.words[uint32(g>>32)] + " " + ix.words[uint32(g)]
		var keys []string
		for _, f := range ix.posted(g) {
			keys = append(keys, ix.keyOf(ix.formAt(f)))
		}
		slices.Sort(keys)
		_, capped := ix.capped[g]
		lists[words] = fmt.Sprintf("%q capped %v min %d", keys, capped, ix.capMin[g])
	}
	for _, n := range ix.forms() {
		capMasks[ix.keyOf(n)] = ix.hot.at(n.id).capMask
	}
	return lists, capMasks
}

// TestRestorePartialPostings: a restore with saved links posts only the
// bigrams its searches read (Index.partial), and the first Add posts
// the rest, so that the posting lists are then those of an index built
// afresh (with capped lists under a bound of four; capMin and each
// form's capMask too), and so are the clusters of what is added after
// (under MaxPostings: with a bound of four, adding to an index restored
// with every list posted at once differs from adding afresh as well).
// It fails when completePostings leaves a form or a bigram out, or when
// the restore posts everything.
func TestRestorePartialPostings(t *testing.T) {
	all := synthSet(11, 300, 120)
	before, after := splitBeforeAfter(all, rand.New(rand.NewPCG(5, 3)), 2, 1)
	later := after[len(after)-40:]
	after = after[:len(after)-40]
	for _, bound := range []int{4, MaxPostings} {
		t.Run(fmt.Sprint(bound), func(t *testing.T) {
			old := NewIndex(nil)
			old.maxPostings = bound
			for _, q := range before {
				old.Add(q)
			}
			r := NewRestorer(nil)
			r.ix.maxPostings = bound
			r.Place(after)
			restored := r.Finish(old.Links())
			fresh := NewIndex(nil)
			fresh.maxPostings = bound
			for _, q := range after {
				fresh.Add(q)
			}
			if restored.partial == nil {
				t.Fatal("restore with saved links posted every bigram")
			}
			if got, all := len(restored.postings), len(fresh.postings); got >= all {
				t.Fatalf("restore posted %d bigrams of %d", got, all)
			}
			restored.completePostings()
			gotLists, gotMasks := postingState(restored)
			wantLists, wantMasks := postingState(fresh)
			if !maps.Equal(gotLists, wantLists) {
				for w, l := range wantLists {
					if gotLists[w] != l {
						t.Errorf("bigram %q: %s after the restore, %s afresh", w, gotLists[w], l)
					}
				}
				t.Fatalf("posting lists differ (%d bigrams after the restore, %d afresh)", len(gotLists), len(wantLists))
			}
			if !maps.Equal(gotMasks, wantMasks) {
				t.Fatal("capMasks differ after the restore")
			}
			if bound == 4 && len(fresh.capped) == 0 {
				t.Fatal("no list capped under a bound of four")
			}
			if bound != MaxPostings {
				return
			}
			for _, q := range later {
				restored.Add(q)
				fresh.Add(q)
			}
			if got, want := restored.Assignments(), fresh.Assignments(); !maps.Equal(got, want) {
				t.Fatalf("clusters after adding %d quotes differ from an index built afresh", len(later))
			}
		})
	}
}

// TestReleaseSearch: an index whose search structures were released
// builds them again on the next change: the posting lists and capMasks
// are then those of the index that kept them (with lists capped under
// a bound of four), and so are the clusters and links of what is added
// after. It fails when ReleaseSearch leaves a list, a mask or the form
// table behind, or when the next change does not build them again.
func TestReleaseSearch(t *testing.T) {
	all := synthSet(12, 300, 120)
	before, later := all[:len(all)-40], all[len(all)-40:]
	for _, bound := range []int{4, MaxPostings} {
		t.Run(fmt.Sprint(bound), func(t *testing.T) {
			kept, released := NewIndex(nil), NewIndex(nil)
			kept.maxPostings, released.maxPostings = bound, bound
			for _, q := range before {
				kept.Add(q.Quote)
				released.Add(q.Quote)
			}
			released.ReleaseSearch()
			if len(released.postings) != 0 || len(released.capped) != 0 || slices.ContainsFunc(slices.Concat(released.hot.chunks...), func(h hotNode) bool { return h.capMask != 0 }) {
				t.Fatal("ReleaseSearch kept posting lists, caps or masks")
			}
			if released.nodes.slots != nil || released.Forms() != kept.Forms() {
				t.Fatalf("ReleaseSearch kept the form table, or lost its count (%d forms, kept %d)", released.Forms(), kept.Forms())
			}
			if bound == 4 && len(kept.capped) == 0 {
				t.Fatal("no list capped under a bound of four")
			}
			released.completePostings()
			gotLists, gotMasks := postingState(released)
			wantLists, wantMasks := postingState(kept)
			if !maps.Equal(gotLists, wantLists) || !maps.Equal(gotMasks, wantMasks) {
				t.Fatalf("posting lists or capMasks differ after a release (%d bigrams, kept %d)", len(gotLists), len(wantLists))
			}
			for _, q := range later {
				kept.Add(q.Quote)
				released.Add(q.Quote)
			}
			if got, want := released.Assignments(), kept.Assignments(); !maps.Equal(got, want) {
				t.Fatalf("clusters after adding %d quotes differ from the index that kept its lists", len(later))
			}
			if !slices.Equal(released.Links(), kept.Links()) {
				t.Fatal("links differ from the index that kept its lists")
			}
		})
	}
}

// TestReleaseForms: after ReleaseSearch frees the form table, the
// changed links (removed forms among them) are found without it, and
// removing and adding quotes files the forms again: the changed links,
// clusters and links are those of an index that kept its table. It
// fails when ChangedLinks builds the table again, or reads a form
// wrongly without it.
func TestReleaseForms(t *testing.T) {
	all := synthSet(12, 300, 120)
	before, later := all[:len(all)-40], all[len(all)-40:]
	kept, released := NewIndex(nil), NewIndex(nil)
	for _, q := range before {
		kept.Add(q.Quote)
		released.Add(q.Quote)
	}
	for _, q := range before[:5] { // removed forms among the changed links
		kept.Remove(q.ID)
		released.Remove(q.ID)
	}
	released.ReleaseSearch()
	gotUp, gotRm := released.ChangedLinks()
	wantUp, wantRm := kept.ChangedLinks()
	if released.nodes.slots != nil {
		t.Fatal("ChangedLinks filed the forms again")
	}
	if len(wantRm) == 0 || len(wantUp) == 0 || !slices.Equal(gotUp, wantUp) || !slices.Equal(gotRm, wantRm) {
		t.Fatalf("changed links after a release: %d and %d removed, want %d and %d", len(gotUp), len(gotRm), len(wantUp), len(wantRm))
	}
	for _, q := range before[5:10] {
		kept.Remove(q.ID)
		released.Remove(q.ID)
	}
	for _, q := range later {
		kept.Add(q.Quote)
		released.Add(q.Quote)
	}
	if released.nodes.slots == nil || released.Forms() != kept.Forms() {
		t.Fatalf("forms not filed again: %d, kept %d", released.Forms(), kept.Forms())
	}
	if got, want := released.Assignments(), kept.Assignments(); !maps.Equal(got, want) {
		t.Fatal("clusters differ from the index that kept its form table")
	}
	if !slices.Equal(released.Links(), kept.Links()) {
		t.Fatal("links differ from the index that kept its form table")
	}
	gotUp, gotRm = released.ChangedLinks()
	wantUp, wantRm = kept.ChangedLinks()
	if !slices.Equal(gotUp, wantUp) || !slices.Equal(gotRm, wantRm) {
		t.Fatal("changed links differ from the index that kept its form table")
	}
}

// TestRestoreReserve: a restore told how many members to expect makes
// its arrays once (the forms' numbers, hot, the form and member key
// tables keep the capacity reserved) and builds the index a restore
// without it builds; reserving less than comes (or nothing) only lets
// them grow. It fails when Place grows a reserved array or when the
// reserve changes a form's place.
func TestRestoreReserve(t *testing.T) {
	all := synthSet(11, 300, 120)
	var quotes []Quote
	for _, q := range all {
		quotes = append(quotes, q.Quote)
	}
	plain := NewRestorer(nil)
	plain.Place(quotes)
	want := plain.Finish(nil)
	members := want.Len()
	for _, reserve := range []int{members, members / 2, 0} {
		t.Run(fmt.Sprint(reserve), func(t *testing.T) {
			r := NewRestorer(nil)
			r.Reserve(reserve)
			ix := r.ix
			byID, hot, slots, offs := chunkedCap(&ix.byID), chunkedCap(&ix.hot), len(ix.nodes.slots), cap(ix.byQuote.offs)
			r.Place(quotes)
			if reserve == members && (chunkedCap(&ix.byID) != byID || chunkedCap(&ix.hot) != hot || len(ix.nodes.slots) != slots || cap(ix.byQuote.offs) != offs) {
				t.Fatalf("an array grew past its reserve: forms %d -> %d, hot %d -> %d, table %d -> %d, keys %d -> %d",
					byID, chunkedCap(&ix.byID), hot, chunkedCap(&ix.hot), slots, len(ix.nodes.slots), offs, cap(ix.byQuote.offs))
			}
			got := r.Finish(nil)
			if !maps.Equal(got.Assignments(), want.Assignments()) || !slices.Equal(got.Links(), want.Links()) {
				t.Fatal("clusters or links differ from a restore without a reserve")
			}
		})
	}
}

// TestFullListsRanked holds postGram's order: a full posting list is in
// rank order, best first (its lowest form, the one a newcomer that
// outranks it replaces, is its last), over random posts and removals
// of forms of random lengths under several bounds; with no removals a
// capped list holds the highest-ranked forms with its bigram (a removal
// leaves a place any newcomer takes). Every pool list's entry says
// whether its bigram is capped (cappedList) as Index.capped does.
func TestFullListsRanked(t *testing.T) {
	words := strings.Fields("alpha beta gamma delta the of")
	for _, tt := range []struct {
		name  string
		bound int
		live  int // about the most forms live at a time (0: no removals)
		seed  uint64
	}{{"bound 2", 2, 40, 1}, {"bound 3", 3, 40, 2}, {"bound 8", 8, 200, 3}, {"bound 8, no removals", 8, 0, 4},
		{"MaxPostings", MaxPostings, 600, 5}, {"MaxPostings, no removals", MaxPostings, 0, 6}} {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(tt.seed, 11))
			ix := NewIndex(nil)
			ix.maxPostings = tt.bound
			var live []*node
			full := 0
			for step := range 2000 {
				if tt.live > 0 && len(live) > 0 && (r.IntN(4) == 0 || len(live) > tt.live) {
					i := r.IntN(len(live))
					ix.unpost(live[i])
					live = append(live[:i], live[i+1:]...)
				} else {
					n := placeRandom(t, ix, r, words, step, 6, 12)
					ix.post(n)
					live = append(live, n)
				}
				if step%10 != 9 {
					continue
				}
				for g, p := range ix.postings {
					_, capped := ix.capped[g]
					if a, _ := p.parts(); a < 0 && (p&cappedList != 0) != capped {
						t.Fatalf("step %d: the entry of %x says capped %v, Index.capped %v", step, g, !capped, capped)
					}
					if ix.isCapped(g, p, true) != capped {
						t.Fatalf("step %d: isCapped of %x is %v, Index.capped says %v", step, g, !capped, capped)
					}
					l := ix.posted(g)
					if len(l) < tt.bound {
						continue
					}
					full++
					for i := 1; i < len(l); i++ {
						if !ix.outranksID(l[i-1], l[i]) {
							t.Fatalf("step %d: full list of %x not in rank order at %d: %q before %q", step, g, i,
								ix.keyOf(ix.formAt(l[i-1])), ix.keyOf(ix.formAt(l[i])))
						}
					}
					if _, capped := ix.capped[g]; !capped || tt.live > 0 {
						continue
					}
					// No live form with g outside the list outranks its last.
					for _, n := range live {
						if !slices.Contains(l, n.id) && ix.hasGram(n, g) && ix.outranksID(n.id, l[len(l)-1]) {
							t.Fatalf("step %d: capped list of %x leaves out %q, which outranks its last", step, g, ix.keyOf(n))
						}
					}
				}
			}
			if full == 0 {
				t.Fatal("no list was full: the test does not reach the bound")
			}
		})
	}
}

// placeRandom places a new form of least+r.IntN(spread) random words
// and the step's own word (so it is new), failing when it is not.
func placeRandom(t *testing.T, ix *Index, r *rand.Rand, words []string, step, least, spread int) *node {
	t.Helper()
	ws := make([]string, least+r.IntN(spread))
	for j := range ws {
		ws[j] = words[r.IntN(len(words))]
	}
	n, fresh := ix.place(Quote{ID: int64(step + 1), Text: strings.Join(ws, " ") + fmt.Sprint(" w", step)})
	if !fresh {
		t.Fatalf("form %q not new", ix.keyOf(n))
	}
	return n
}
