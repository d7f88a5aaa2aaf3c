package trail

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func words(s string) []string { return strings.Fields(Normalize(s)) }

func TestMatches(t *testing.T) {
	const tweet = "I have great confidence in my intelligence people but Putin was extremely strong and powerful in his denial today"
	tests := []struct {
		name        string
		short, long string
		want        bool
	}{
		{"identical", tweet, tweet, true},
		{"quote marks and case", "“I HAVE GREAT confidence in my intelligence people,” but Putin was extremely strong and powerful in his denial today.", tweet, true},
		{"four-word partial quote", "extremely strong and powerful", tweet, true},
		{"partial quote at the start", "great confidence in my intelligence people", tweet, true},
		{"partial with ellipsis", "I have great confidence ... Putin was extremely strong", tweet, true},
		{"one word changed", "He perceived the threat as far greater than me and said so on television", "He perceives the threat as far greater than me and said so on television", true},
		{"pronoun changed", "He perceives the threat as far greater than him and said so on television", "He perceives the threat as far greater than me and said so on television", true},
		{"three words too short", "extremely strong powerful", tweet, false},
		{"stopwords only", "in his and in", tweet, false},
		{"common phrase shared", "At the end of the day the American people will decide who governs", "At the end of the day we need more nurses in our hospitals and schools", false},
		{"common phrase as the whole short quote", "the American people deserve better", "the American people want lower taxes and better roads", false},
		{"same topic different words", "Putin was very weak in his denial", tweet, false},
		{"scattered words", "confidence people strong denial", tweet, false},
		{"two changes in a short quote", "extremely weak and feeble", tweet, false},
		{"pieces in another order", "was extremely strong … great confidence in my intelligence", tweet, true},
		{"pieces in another order, one with a word changed", "was extremely strong … great faith in my intelligence", tweet, false},
		{"pieces in another order, too little content", "in his denial … in my", tweet, false},
		{"two short phrases listed in either order", "a very great man … deserve to die", "deserve to die … a very great man", false},
		{"pieces in another order inside a statement", "denies any wrongdoing … a politically driven vendetta",
			"The county has pursued a politically driven vendetta from the start. The mayor denies any wrongdoing and will be vindicated", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, l := words(tt.short), words(tt.long)
			if len(s) > len(l) {
				s, l = l, s
			}
			sim, got := matches(s, l)
			if got != tt.want {
				t.Errorf("matches = %v (similarity %.3f), want %v", got, sim, tt.want)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name               string
		canonical, variant string
		want               []claimtrail.WordDiff
	}{
		{"exact", "We will win this fight", "“we will WIN this fight”", nil},
		{"cut", "We will win this fight in every town", "win this fight", nil},
		{"replace", "He perceives the threat as real", "He perceived the threat as real",
			[]claimtrail.WordDiff{{Op: "replace", Canonical: "perceives", Variant: "perceived"}}},
		{"pronoun", "far greater than me, he said", "far greater than him, he said",
			[]claimtrail.WordDiff{{Op: "replace", Canonical: "me", Variant: "him"}}},
		{"insert", "we will win this fight", "we will surely win this fight",
			[]claimtrail.WordDiff{{Op: "insert", Variant: "surely"}}},
		{"delete", "we will surely win this fight", "we will win this fight",
			[]claimtrail.WordDiff{{Op: "delete", Canonical: "surely"}}},
		{"missing word before the last", "the public perceives the danger better than the board ever did.", "perceives the danger better than the board did.",
			[]claimtrail.WordDiff{{Op: "delete", Canonical: "ever"}}},
		{"unrelated forms have no diff", "let it come out, let people see it", "the Mueller report delivery suggests no more indictments are coming, why wait", nil},
		{"ellipsis in the longer variant", "we will win this fight", "we will win this fight … in every town and city", nil},
		{"ellipsis is a cut", "we will win this fight in every town and city", "we will win … every town and city", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(Tokenize(tt.canonical), Tokenize(tt.variant))
			if len(got) != len(tt.want) {
				t.Fatalf("Diff = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("diff %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestNearMissOppositeMeaning: two quotes that differ by a negation are
// two utterances (the second may correct the first), even though the
// words they share are almost all of them; a cut across an ellipsis that
// leaves a negation out is still the same utterance.
func TestNearMissOppositeMeaning(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"I don't see any reason why it would be Russia", "I don't see any reason why it wouldn't be Russia", false},
		{"the budget is balanced and the docks are paying", "The budget is not balanced and the docks are not paying for themselves", false},
		{"why it would be Russia", "I don't see any reason why it would be Russia, he said", true},
		{"the miners can … the drought of Manila", "the miners can never expand Texas so our party refuses to fund the drought of Manila", true},
	}
	for _, tt := range tests {
		_, got := matches(norms(Tokenize(tt.short)), norms(Tokenize(tt.long)))
		if got != tt.want {
			t.Errorf("matches(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

// TestOverlaps: two cuts of one utterance that share a long run where
// they meet (one ends inside the other, or they come in another order)
// are one utterance; a long shared run both forms go on from with
// different words, or a short set phrase, is not.
func TestOverlaps(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       bool
	}{
		{"start and end quoted by two outlets",
			"Russia will be fighting very hard to have an impact on the upcoming election",
			"to have an impact on the upcoming election. They will be pushing very hard for the Democrats", true},
		{"two sentences in another order",
			"They definitely don't want Trump. Russia will be pushing very hard for the Democrats",
			"Russia will be pushing very hard for the Democrats. They definitely don't want Trump", true},
		{"run at an ellipsis",
			"we will close the border … the wall will be paid for by Mexico one way or another",
			"the wall will be paid for by Mexico one way or another and everyone knows it", true},
		{"opposite meaning shares a long start",
			"I don't see any reason why it would be Russia",
			"I don't see any reason why it wouldn't be Russia", false},
		{"set phrase of five words",
			"every budget abandons a fragile strike in my first hundred days",
			"in my first hundred days the miners will fund the railway", false},
		{"a word changed where the cuts meet",
			"The harbour board backs the tolls. Councillor Varga respects that but thinks the bridge should be built further north",
			"Cllr. Varga respects that but thinks the bridge should be built further north. If the board is sincere it will fund it", true},
		{"a word changed inside the shared stretch",
			"I have made it clear that the safety report did not reach my desk or the deputy's office",
			"That report did not reach me. I have made it clear that the safety reports did not reach my desk", true},
		{"two words changed: another statement",
			"we will build the new harbour wall next spring with federal money",
			"we will build the new harbour road next spring with state money", false},
		{"run without content words",
			"and that is what we have to do for them, believe me",
			"that is what we have to do for them and more", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := norms(Tokenize(tt.a)), norms(Tokenize(tt.b))
			s1, got := overlaps(a, b)
			s2, back := overlaps(b, a)
			if got != tt.want || back != tt.want {
				t.Fatalf("overlaps = %v / %v (reversed), want %v", got, back, tt.want)
			}
			if got && (s1 <= 0 || s1 >= MinSimilarity || s2 <= 0 || s2 >= MinSimilarity) {
				t.Errorf("overlap similarity %.2f / %.2f, want in (0, %.2f): below any cut", s1, s2, MinSimilarity)
			}
		})
	}
}

// TestSharesEnough: fuzzyOverlap's first bound counts the words the two
// forms share as a multiset (a word of long matches once), without
// gaps, and asks for longRun of them with minOverlapRunContent+1
// content words.
func TestSharesEnough(t *testing.T) {
	tests := []struct {
		name, short, long string
		want              bool
	}{
		{"eight shared, four content",
			"russia will be pushing very hard for democrats",
			"they said russia will be pushing very hard for democrats now", true},
		{"seven shared",
			"russia will be pushing very hard for",
			"russia will be pushing very hard for democrats", false},
		{"eight shared, two content",
			"the senate will be very hard for you",
			"the senate will be very hard for you", false},
		{"a word of long matches once",
			"hard hard hard hard hard hard hard hard",
			"hard pushing russia democrats senate vote trump election", false},
		{"gaps are not words",
			"russia … … … pushing hard democrats senate",
			"russia … … … pushing hard democrats senate", false},
		{"order does not matter",
			"democrats for hard very pushing be will russia",
			"russia will be pushing very hard for democrats", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sharesEnough(strings.Fields(tc.short), strings.Fields(tc.long)); got != tc.want {
				t.Errorf("sharesEnough = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSharesEnoughBoundsFuzzy: the bound never rules out a pair whose
// alignment passes, on pairs made to overlap with a word changed (where
// fuzzyAlign finds overlaps) and pairs of random words (where the bound
// rules most out).
func TestSharesEnoughBoundsFuzzy(t *testing.T) {
	vocab := strings.Fields("russia pushing hard democrats senate vote trump election border wall mexico the will be very for they to a " + Gap)
	r := rand.New(rand.NewPCG(3, 4))
	words := func(n int) []string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return ws
	}
	found, ruledOut := 0, 0
	for i := range 20000 {
		long := words(8 + r.IntN(20))
		var short []string
		if i%2 == 0 {
			// A cut of long with a word changed, going on past its end.
			from := r.IntN(len(long) - 4)
			short = append(slices.Clone(long[from:]), words(r.IntN(6))...)
			short[r.IntN(len(short))] = vocab[r.IntN(len(vocab))]
		} else {
			short = words(8 + r.IntN(20))
		}
		ok := sharesEnough(short, long)
		if !ok {
			ruledOut++
		}
		if fuzzyAlign(short, long) > 0 {
			found++
			if !ok {
				t.Fatalf("sharesEnough rules out %q and %q, which fuzzyAlign overlaps", short, long)
			}
		}
	}
	if found == 0 || ruledOut == 0 {
		t.Fatalf("%d overlaps found, %d pairs ruled out: the test reaches neither side", found, ruledOut)
	}
	t.Logf("%d overlaps found, %d of 20000 pairs ruled out", found, ruledOut)
}
