package trail

import (
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// TestSpeechPieces: two outlets quoting one answer that share only a
// short stretch of words are one utterance when both name the same
// speaker within SpeechWindow, and stay apart otherwise.
func TestSpeechPieces(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	const (
		a = "You know I'm not going to talk about this anymore"
		b = "I'm not going to talk about this anymore, I think if I gave a speech to a thousand people I would not answer one heckler"
	)
	if _, ok := matches(norms(Tokenize(a)), norms(Tokenize(b))); ok {
		t.Fatal("the words alone match: the test needs forms that only the speech rule joins")
	}
	if _, ok := overlaps(norms(Tokenize(a)), norms(Tokenize(b))); ok {
		t.Fatal("the words alone overlap")
	}
	long := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day(1), Speaker: "Anton Weir", SpeakerKind: "person", Text: b}
	tests := []struct {
		name  string
		short Quote
		join  bool
	}{
		{"same speaker, same day", Quote{Published: day(1), Speaker: "Anton Weir", SpeakerKind: "person"}, true},
		{"surname alone, within the window", Quote{Published: day(5), Speaker: "Rep. Weir", SpeakerKind: "person"}, true},
		{"same speaker, weeks later", Quote{Published: day(28), Speaker: "Anton Weir", SpeakerKind: "person"}, false},
		{"another person of that surname", Quote{Published: day(1), Speaker: "Clara Weir", SpeakerKind: "person"}, false},
		{"another speaker", Quote{Published: day(1), Speaker: "Bo Park", SpeakerKind: "person"}, false},
		{"no speaker", Quote{Published: day(1), Speaker: "he"}, false},
		{"no date", Quote{Speaker: "Anton Weir", SpeakerKind: "person"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			short := tt.short
			short.ID, short.ArticleID, short.Source, short.Text = 2, 2, "a2", a
			for _, order := range [][]Quote{{long, short}, {short, long}} {
				ix := NewIndex(nil)
				for _, q := range order {
					ix.Add(q)
				}
				if got := mustCluster(t, ix, 1) == mustCluster(t, ix, 2); got != tt.join {
					t.Errorf("order %d first: joined %v, want %v", order[0].ID, got, tt.join)
				}
			}
		})
	}
}

// TestSpeechEvidenceComesAndGoes: the evidence of a speech link may come
// with a later copy of a form already stored, and go with it; the index
// follows both, and Restore from links saved before either gives what
// adding every quote gives.
func TestSpeechEvidenceComesAndGoes(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	long := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day, Speaker: "Anton Weir", SpeakerKind: "person",
		Text: "I'm not going to talk about this anymore, I think if I gave a speech to a thousand people I would not answer one heckler"}
	bare := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day, Text: "You know I'm not going to talk about this anymore"}
	named := Quote{ID: 3, ArticleID: 3, Source: "a3", Published: day, Speaker: "Weir", SpeakerKind: "person",
		Text: "You know I'm not going to talk about this anymore."}
	quotesOf := func(ix *Index) []Quote {
		var qs []Quote
		for _, n := range ix.forms() {
			for _, q := range n.members() {
				qs = append(qs, ix.quoteOf(n, &q))
			}
		}
		return qs
	}
	same := func(t *testing.T, want, got *Index) {
		t.Helper()
		g := got.Assignments()
		for k, c := range want.Assignments() {
			if g[k] != c {
				t.Errorf("member %d in %d, want %d", k, g[k], c)
			}
		}
	}

	ix := NewIndex(nil)
	ix.Add(long)
	ix.Add(bare)
	if mustCluster(t, ix, 1) == mustCluster(t, ix, 2) {
		t.Fatal("joined without a named speaker")
	}
	apart := ix.Links()
	ix.Add(named)
	if mustCluster(t, ix, 1) != mustCluster(t, ix, 2) || mustCluster(t, ix, 2) != mustCluster(t, ix, 3) {
		t.Fatal("a named copy of a stored form brought no evidence")
	}
	joined := ix.Links()
	// Restore from the links saved before the named copy came.
	same(t, ix, Restore(nil, quotesOf(ix), apart))

	ix.Remove(3)
	if mustCluster(t, ix, 1) == mustCluster(t, ix, 2) {
		t.Fatal("the link stayed after its evidence was removed")
	}
	// Restore from the links saved while the named copy was there.
	same(t, ix, Restore(nil, quotesOf(ix), joined))
	fresh := NewIndex(nil)
	fresh.Add(bare)
	fresh.Add(long)
	same(t, ix, fresh)
}

// TestSpeechTranscripts: two outlets' transcripts of one answer, with
// many small differences ("he is" / "he's", "world view" / "worldview"),
// share too few bigrams for minBigrams: with the speaker and the day in
// common they are one utterance (speechBigrams), without them two.
func TestSpeechTranscripts(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	const (
		a = "He says he is a sailor. But I am talking about his world view or his -- the way he approaches problems in this harbor town. And I think they're different than how most people do in Port Halden"
		b = "I've said it before -- he says he's a sailor. But I'm talking about his worldview, the way he addresses problems in this harbour town, and they're different than most people see it in Port Halden."
	)
	sw, lw := norms(Tokenize(a)), norms(Tokenize(b))
	f := fit(sw, lw, false)
	if f.bigrams >= minBigrams(len(sw)) || f.bigrams < speechBigrams(len(sw)) || f.similarity() < speechSimilarity {
		t.Fatalf("%d words, %d bigrams, similarity %.2f: the test needs a pair only speechBigrams joins", len(sw), f.bigrams, f.similarity())
	}
	for _, c := range []struct {
		speaker string
		join    bool
	}{{"Anton Weir", true}, {"Bo Park", false}} {
		qa := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day, Speaker: "Anton Weir", SpeakerKind: "person", Text: a}
		qb := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day, Speaker: c.speaker, SpeakerKind: "person", Text: b}
		for _, order := range [][]Quote{{qa, qb}, {qb, qa}} {
			ix := NewIndex(nil)
			for _, q := range order {
				ix.Add(q)
			}
			if got := mustCluster(t, ix, 1) == mustCluster(t, ix, 2); got != c.join {
				t.Errorf("%s, order %d first: joined %v, want %v", c.speaker, order[0].ID, got, c.join)
			}
		}
	}
	for n, want := range map[int]int{4: 1, 11: 3, 12: 3, 36: 9} {
		if got := speechBigrams(n); got != want || (n >= 12 && got < minOverlapBigrams) {
			t.Errorf("speechBigrams(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestOverlapKin: a form that only overlaps another (a shared run where
// their cuts meet) does not join it when the two name people of one
// family name with different given names: a daughter echoing her
// father's phrase years later. The same surname alone, or a short form
// of the same given name, still joins. The guard reads every quote of
// both forms, so the result is the same in any order, after a removal
// and after a restore from links saved before the naming quote came.
func TestOverlapKin(t *testing.T) {
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	father := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day.AddDate(-4, 0, 0), SpeakerKind: "person",
		Text: "I think that the harbor belongs to every fishing family, and I have said so for many years"}
	unnamed := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: day, Speaker: "a relative", SpeakerKind: "description",
		Text: "The harbor belongs to every fishing family ... We will fight the new tolls at every council meeting"}
	named := unnamed
	named.ID, named.ArticleID, named.Source, named.SpeakerKind = 3, 3, "a3", "person"
	for _, c := range []struct {
		daughter, father string
		join             bool
	}{
		{"Ann Lee", "Tom Lee", false},
		{"Ann Lee", "Ann Lee", true},
		{"Lee", "Tom Lee", true},
		{"Thomas Lee", "Tom Lee", true},
		{"Ann Lee", "Tom Grant", true},
	} {
		f, n := father, named
		f.Speaker, n.Speaker = c.father, c.daughter
		all := []Quote{f, unnamed, n}
		indexesInEveryOrder(f, unnamed, n, func(order []Quote, ix *Index) {
			if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); (a == b) != c.join {
				t.Errorf("%q / %q, order %d %d %d: joined %v, want %v", c.daughter, c.father,
					order[0].ID, order[1].ID, order[2].ID, a == b, c.join)
			}
			ix.Remove(3)
			if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); a != b {
				t.Errorf("%q / %q, order %d %d %d: apart after the naming quote went", c.daughter, c.father,
					order[0].ID, order[1].ID, order[2].ID)
			}
		})
		// Links saved before the naming quote came, restored with it.
		before := NewIndex(nil)
		before.Add(f)
		before.Add(unnamed)
		ix := Restore(nil, all, before.Links())
		if a, b := mustCluster(t, ix, 1), mustCluster(t, ix, 2); (a == b) != c.join {
			t.Errorf("%q / %q restored: joined %v, want %v", c.daughter, c.father, a == b, c.join)
		}
	}
}

// TestSloganPieceKeepsUtterancesApart: a short piece that one outlet
// quotes with the rest of a statement (JoinUtterances joins them: the
// form is the whole run) and that another statement of the same
// speaker, the same day, holds inside a sentence is no evidence that
// the two are one utterance: a speaker repeats a slogan from one
// statement to the next. A rule joining them ("a short piece of an
// utterance joins a form of the speaker that holds it", as a short
// quote on its own does, see short.go) took BASIL dev recall from
// 0.883 to 0.887 (6 pairs, all right) but made 12 links on PolNeAR
// train and dev with dates, of which we read about 4 as two
// utterances ("radical Islamic terrorism" across a tweet, a statement
// and a speech; "do the right thing"): this test keeps it out. Tried
// again in session 37 (helper trail37) with the evidence from two
// articles only (a short piece of either form standing in the other,
// a link below every speech link, found through the short pieces'
// bigrams both ways): BASIL dev recall 0.908 to 0.930 at precision
// 0.988 (30 gold pairs, none wrong: two outlets' pieces of Gibbs's
// "This Week" interview, Hutchinson's "Teachers should teach"), but
// on PolNeAR train and dev all 3 of its links joined two utterances
// ("radical Islamic terrorism" twice, a tweet and a statement; "do the
// right thing"): a slogan and a phrase of one interview look alike.
func TestSloganPieceKeepsUtterancesApart(t *testing.T) {
	day := time.Date(2026, 6, 12, 9, 0, 0, 0, time.UTC)
	const (
		slogan    = "radical Islamic terrorism"
		statement = "In his remarks today the president refused to even say the words, and for that reason alone he should step down"
		speech    = "We need to protect all Americans of all backgrounds and all beliefs from radical Islamic terrorism, which has no place in an open and tolerant society"
	)
	joined := slogan + " … " + statement
	tests := []struct {
		name      string
		speaker   string
		published time.Time
	}{
		{"same speaker, same day", "Anton Weir", day},
		{"same speaker, next day", "Anton Weir", day.Add(24 * time.Hour)},
		{"surname alone, same day", "Weir", day},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Quote{ID: 1, ArticleID: 1, Source: "a1", Published: day, Speaker: "Anton Weir", SpeakerKind: "person",
				Text: slogan, Pieces: []string{slogan}, PieceSpans: []claimtrail.Span{{Start: 10, End: 35}},
				Utterance: []string{joined}}
			b := Quote{ID: 2, ArticleID: 2, Source: "a2", Published: tt.published, Speaker: tt.speaker, SpeakerKind: "person", Text: speech}
			for _, order := range [][]Quote{{a, b}, {b, a}} {
				ix := NewIndex(nil)
				for _, q := range order {
					ix.Add(q)
				}
				if mustCluster(t, ix, 1) == mustCluster(t, ix, 2) {
					t.Errorf("order %d first: the statement and the speech joined on the slogan", order[0].ID)
				}
			}
		})
	}
}
