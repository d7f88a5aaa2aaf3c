package trail

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// piecesAt makes a quote of article art by speaker with verbatim pieces
// at the given starts (each piece ends at start plus its length).
func piecesAt(id, art int64, speaker string, pieces ...any) Quote {
	q := Quote{ID: id, ArticleID: art, Source: "a" + string(rune('0'+art)), Speaker: speaker, SpeakerKind: claimtrail.SpeakerPerson}
	for i := 0; i+1 < len(pieces); i += 2 {
		start, text := pieces[i].(int), pieces[i+1].(string)
		q.Pieces = append(q.Pieces, text)
		q.PieceSpans = append(q.PieceSpans, claimtrail.Span{Start: start, End: start + len([]rune(text)), Text: text})
	}
	if len(q.PieceSpans) > 0 {
		q.Start, q.End = q.PieceSpans[0].Start, q.PieceSpans[len(q.PieceSpans)-1].End
	}
	return q
}

const (
	harborA = "The harbor tolls will pay for the new breakwater within a decade"
	harborB = "Nobody on the council has shown me a cheaper way to protect the docks"
	harborC = "The ferry schedule stays as it is until the spring"
)

// TestJoinUtterancesAcrossOutlets: one article quotes an answer in two
// pieces (the second standing alone after the first, a new attribution);
// an outlet that quotes only the second piece and one that quotes only
// the first belong to the same trail.
func TestJoinUtterancesAcrossOutlets(t *testing.T) {
	first := []Quote{
		piecesAt(1, 1, "Mara Lind", 100, harborA),
		piecesAt(2, 1, "Mara Lind", 100+len(harborA)+20, harborB),
	}
	JoinUtterances(first)
	for _, q := range first {
		if len(q.Utterance) != 1 || q.Utterance[0] != harborA+" … "+harborB {
			t.Fatalf("quote %d: utterance %q, want both pieces", q.ID, q.Utterance)
		}
	}
	others := []Quote{piecesAt(3, 2, "Lind", 40, harborB), piecesAt(4, 3, "Mara Lind", 10, harborA)}
	JoinUtterances(others)
	ix := NewIndex(nil)
	for _, q := range append(first, others...) {
		ix.Add(q)
	}
	got := ix.Assignments()
	c := got[MemberKey(1, 0)]
	for _, id := range []int64{2, 3, 4} {
		if got[MemberKey(id, 0)] != c {
			t.Errorf("quote %d in cluster %d, want %d (the utterance's)", id, got[MemberKey(id, 0)], c)
		}
	}
	m, _ := ix.Member(MemberKey(2, 0))
	if m.Text != harborB {
		t.Errorf("member text %q, want its own words", m.Text)
	}
}

// TestJoinUtterancesApart: pieces of two speakers, pieces of two
// attributions further apart than PieceGap, pieces of no named speaker
// and two remarks inside one content span stay apart; the pieces of one
// attribution cut by its cue join up to UtteranceGap apart.
func TestJoinUtterancesApart(t *testing.T) {
	qs := []Quote{
		piecesAt(1, 1, "Mara Lind", 0, harborA),
		piecesAt(2, 1, "Jon Okafor", len(harborA)+10, harborB), // another speaker
		piecesAt(3, 1, "Mara Lind", 400, harborA),
		piecesAt(4, 1, "Mara Lind", 400+len(harborA)+PieceGap+1, harborB), // too far for two attributions
		piecesAt(5, 1, "he", 900, harborA),
		piecesAt(6, 1, "he", 900+len(harborA)+5, harborB), // no name
		piecesAt(7, 1, "Mara Lind", 2000, harborA, 2000+len(harborA)+UtteranceGap, harborB),
		piecesAt(8, 1, "Mara Lind", 3000, harborA, 3000+len(harborA)+UtteranceGap+1, harborB),
		// two remarks in one content span: the reporter's words between
		piecesAt(9, 1, "Mara Lind", 4000, harborA, 4000+len(harborA)+PieceGap+1, harborB),
	}
	qs[6].Opens, qs[7].Opens = []bool{false, true}, []bool{false, true} // cut by the cue
	JoinUtterances(qs)
	for _, q := range qs[:6] {
		if q.Utterance != nil {
			t.Errorf("quote %d joined: %q", q.ID, q.Utterance)
		}
	}
	if u := qs[6].Utterance; len(u) != 2 || u[0] != u[1] || u[0] == "" {
		t.Errorf("one attribution's pieces %d apart not joined: %q", UtteranceGap, u)
	}
	if qs[7].Utterance != nil {
		t.Errorf("one attribution's pieces past UtteranceGap joined: %q", qs[7].Utterance)
	}
	if qs[8].Utterance != nil {
		t.Errorf("two remarks of one content span joined: %q", qs[8].Utterance)
	}
}

// TestJoinUtterancesAlone: a quote standing alone (no source or cue of
// its own) after a piece of its speaker whose cue follows it continues
// that piece up to UtteranceGap apart, across the cue and the speaker's
// title; a quote with its own cue that far away, and a quote standing
// alone further away, after another speaker's piece or after a piece
// whose cue came before it (the words between are the reporter's: "on
// Monday. At the meeting the next morning,"), stay apart. QuoteOf reads
// Alone and the cue from the attribution.
func TestJoinUtterancesAlone(t *testing.T) {
	alone := func(q Quote) Quote { q.SetCue(true, "", 0, 0); return q }
	cueAt := func(q Quote, at int) Quote { q.SetCue(false, "said", at, at+4); return q }
	far := len(harborA) + UtteranceGap
	qs := []Quote{
		cueAt(piecesAt(1, 1, "Mara Lind", 0, harborA), len(harborA)+3),
		alone(piecesAt(2, 1, "Mara Lind", far, harborB)),
		cueAt(piecesAt(3, 1, "Mara Lind", 1000, harborA), 1000+len(harborA)+3),
		cueAt(piecesAt(4, 1, "Mara Lind", 1000+far, harborB), 1000+far+len(harborB)+3), // its own cue
		cueAt(piecesAt(5, 1, "Mara Lind", 2000, harborA), 2000+len(harborA)+3),
		alone(piecesAt(6, 1, "Mara Lind", 2000+far+1, harborB)), // too far
		cueAt(piecesAt(7, 1, "Jon Okafor", 3000, harborA), 3000+len(harborA)+3),
		alone(piecesAt(8, 1, "Mara Lind", 3000+len(harborA)+50, harborB)), // another speaker before
		cueAt(piecesAt(9, 1, "Mara Lind", 4020, harborA), 4000),           // the cue before the piece
		alone(piecesAt(10, 1, "Mara Lind", 4020+len(harborA)+60, harborB)),
	}
	JoinUtterances(qs)
	if u := qs[0].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[1].Utterance, u) {
		t.Errorf("a quote standing alone %d after its speaker's piece: utterances %q / %q, want one", UtteranceGap, u, qs[1].Utterance)
	}
	for _, q := range qs[2:] {
		if q.Utterance != nil {
			t.Errorf("quote %d joined: %q", q.ID, q.Utterance)
		}
	}
	art := &claimtrail.Article{ID: 1, Source: "a1"}
	content := []claimtrail.Span{{Start: 0, End: 10, Text: `"It is so."`}}
	if q, _ := QuoteOf(art, &claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: content}); !q.Alone || q.CueEnd != 0 {
		t.Errorf("QuoteOf: a quote with no source and cue: Alone %v, cue end %d", q.Alone, q.CueEnd)
	}
	cue := claimtrail.Span{Start: 12, End: 17, Text: "added"}
	if q, _ := QuoteOf(art, &claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: content, Cue: &cue}); q.Alone || !q.Continues || q.CueStart != 12 || q.CueEnd != 17 {
		t.Errorf("QuoteOf: a quote with the cue %q: Alone %v, Continues %v, cue %d-%d", cue.Text, q.Alone, q.Continues, q.CueStart, q.CueEnd)
	}
}

// TestJoinUtterancesContinues: a quote whose cue says the speaker went
// on, the cue between it and the piece of its speaker before it,
// continues that piece up to UtteranceGap apart; another cue that far
// away does not, nor a continuation cue after its quote when the piece
// before had its cue before it.
func TestJoinUtterancesContinues(t *testing.T) {
	cueAt := func(q Quote, cue string, at int) Quote { q.SetCue(false, cue, at, at+len(cue)); return q }
	far := len(harborA) + UtteranceGap
	qs := []Quote{
		cueAt(piecesAt(1, 1, "Mara Lind", 10, harborA), "said", 0),
		cueAt(piecesAt(2, 1, "Mara Lind", 10+far, harborB), "added", 10+far-10), // "She added: B"
		cueAt(piecesAt(3, 1, "Mara Lind", 1000, harborA), "said", 1000+len(harborA)+3),
		cueAt(piecesAt(4, 1, "Mara Lind", 1000+far, harborB), "said", 1000+far-10),
		cueAt(piecesAt(5, 1, "Mara Lind", 2010, harborA), "said", 2000), // "Lind said A on Monday."
		cueAt(piecesAt(6, 1, "Mara Lind", 2010+len(harborA)+60, harborB), "added", 2010+len(harborA)+60+len(harborB)+3),
	}
	JoinUtterances(qs)
	if u := qs[0].Utterance; len(u) != 1 || !slices.Equal(qs[1].Utterance, u) {
		t.Errorf("a quote going on %d after its speaker's piece: utterances %q / %q, want one", UtteranceGap, u, qs[1].Utterance)
	}
	for _, q := range qs[2:] {
		if q.Utterance != nil {
			t.Errorf("quote %d joined: %q", q.ID, q.Utterance)
		}
	}
	for cue, want := range map[string]bool{"added": true, "He added,": true, "continued": true, "went on to say": true,
		"concluded her Facebook post": true, "adding that": true, "said": false, "told reporters": false, "padded": false, "went": false} {
		if ContinuationCue(cue) != want {
			t.Errorf("ContinuationCue(%q) = %v, want %v", cue, !want, want)
		}
	}
}

// TestJoinUtterancesNextParagraph: a piece whose cue comes after it,
// then the speaker's next piece with its own cue after it, are one
// utterance when only the first cue (with the speaker's name and title)
// stands between, up to CueTail past it; further, with the next piece's
// cue before it (the reporter's "He also argued that"), or with the first
// piece's cue before it, they stay apart.
func TestJoinUtterancesNextParagraph(t *testing.T) {
	cueAt := func(q Quote, at int) Quote { q.SetCue(false, "said", at, at+4); return q }
	a := len(harborA)
	qs := []Quote{
		cueAt(piecesAt(1, 1, "Mara Lind", 0, harborA), a+2),
		cueAt(piecesAt(2, 1, "Mara Lind", a+6+CueTail, harborB), a+6+CueTail+len(harborB)+2),
		cueAt(piecesAt(3, 1, "Mara Lind", 1000, harborA), 1000+a+2),
		cueAt(piecesAt(4, 1, "Mara Lind", 1000+a+7+CueTail, harborB), 1000+a+7+CueTail+len(harborB)+2), // too far
		cueAt(piecesAt(5, 1, "Mara Lind", 2000, harborA), 2000+a+2),
		cueAt(piecesAt(6, 1, "Mara Lind", 2000+a+6+CueTail, harborB), 2000+a+6+CueTail-10), // its cue before it
		cueAt(piecesAt(7, 1, "Mara Lind", 3010, harborA), 3000),                            // the first cue before its piece
		cueAt(piecesAt(8, 1, "Mara Lind", 3010+a+PieceGap+1, harborB), 3010+a+PieceGap+1+len(harborB)+2),
	}
	JoinUtterances(qs)
	if u := qs[0].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[1].Utterance, u) {
		t.Errorf("the next paragraph %d past the cue: utterances %q / %q, want one", CueTail, u, qs[1].Utterance)
	}
	for _, q := range qs[2:] {
		if q.Utterance != nil {
			t.Errorf("quote %d joined: %q", q.ID, q.Utterance)
		}
	}
}

// TestJoinUtterancesDocument: the pieces of one document an article
// quotes are one utterance, however far apart and whatever is quoted
// between ("the letter", "The Georgetown University letter"); pieces of
// two documents, or of a person, stay apart; a quote standing alone
// with no speaker goes on from a document's piece and cue just before
// it (“A,” the letter states. “B”), not further than PieceGap, and not
// from a person's (“Nooooo!” the crowd cried. “B”: another speaker).
func TestJoinUtterancesDocument(t *testing.T) {
	by := func(q Quote, kind claimtrail.SpeakerKind) Quote { q.SpeakerKind = kind; return q }
	cueAt := func(q Quote, at int) Quote { q.SetCue(false, "states", at, at+6); return q }
	alone := func(q Quote) Quote {
		q.Speaker, q.SpeakerKind = "", claimtrail.SpeakerUnknown
		q.SetCue(true, "", 0, 0)
		return q
	}
	a := len(harborA)
	qs := []Quote{
		by(piecesAt(1, 1, "letter", 0, harborA), claimtrail.SpeakerDescription),
		piecesAt(2, 1, "Jon Okafor", 500, harborC),
		by(piecesAt(3, 1, "Georgetown University letter", 2000, harborB), claimtrail.SpeakerDescription),
		by(piecesAt(4, 1, "report", 3000, harborA), claimtrail.SpeakerDescription),
		by(piecesAt(5, 1, "memo", 4000, harborB), claimtrail.SpeakerDescription),
		cueAt(by(piecesAt(6, 2, "resolution", 0, harborA), claimtrail.SpeakerDescription), a+2),
		alone(piecesAt(7, 2, "", a+20, harborB)),
		cueAt(by(piecesAt(8, 3, "resolution", 0, harborA), claimtrail.SpeakerDescription), a+2),
		alone(piecesAt(9, 3, "", a+PieceGap+1, harborB)), // too far
		cueAt(piecesAt(10, 4, "Mara Lind", 0, harborA), a+2),
		alone(piecesAt(11, 4, "", a+20, harborB)), // after a person's piece: perhaps another's
	}
	JoinUtterances(qs)
	if u := qs[0].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[2].Utterance, u) {
		t.Errorf("one letter's pieces: utterances %q / %q, want one", u, qs[2].Utterance)
	}
	if u := qs[5].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[6].Utterance, u) {
		t.Errorf("a quote standing alone after the resolution's piece: utterances %q / %q, want one", u, qs[6].Utterance)
	}
	for _, i := range []int{1, 3, 4, 7, 8, 9, 10} {
		if qs[i].Utterance != nil {
			t.Errorf("quote %d joined: %q", qs[i].ID, qs[i].Utterance)
		}
	}
	for _, c := range []struct {
		name string
		kind claimtrail.SpeakerKind
		want string
	}{
		{"the lawsuit from Nebraska and Oklahoma", claimtrail.SpeakerGroup, "lawsuit"},
		{"suit", claimtrail.SpeakerDescription, "lawsuit"},
		{"The Georgetown University letter", claimtrail.SpeakerDescription, "letter"},
		{"E-mail", claimtrail.SpeakerDescription, "email"},
		{"Post", claimtrail.SpeakerOrganization, ""},
		{"internal review", claimtrail.SpeakerDescription, ""},
		{"Ann Letter", claimtrail.SpeakerPerson, ""},
		{"letter writers", claimtrail.SpeakerDescription, ""},
		{"report", claimtrail.SpeakerDescription, "report\x00report"},
		{"the report", claimtrail.SpeakerDescription, "report\x00report"},
		{"Senate report", claimtrail.SpeakerDescription, "report\x00senate report"},
		{"report from Great Britain", claimtrail.SpeakerDescription, "report\x00report from great britain"},
		{"letter released Tuesday by the faculty at Georgetown", claimtrail.SpeakerDescription, "letter"},
		{"the memo obtained by the committee", claimtrail.SpeakerDescription, "memo"},
		{"the report issued Monday", claimtrail.SpeakerDescription, "report\x00report"},
		{"the House Armed Services report", claimtrail.SpeakerDescription, "report\x00house armed services report"},
		{"letter writers", claimtrail.SpeakerDescription, ""},
	} {
		if got := documentKey(c.name, c.kind); got != c.want {
			t.Errorf("documentKey(%q, %s) = %q, want %q", c.name, c.kind, got, c.want)
		}
	}
}

// TestJoinUtterancesWords: a chain of pieces is cut before the piece
// that would take its words past utteranceWords, the ellipsis between
// two pieces counted as a word (it is one of the form's: a longer form
// takes no part in matching).
func TestJoinUtterancesWords(t *testing.T) {
	words := func(n int) string {
		return strings.TrimSpace(strings.Repeat("harbor tolls ", n/2) + strings.Repeat("dock ", n%2))
	}
	for _, c := range []struct {
		a, b int
		join bool
	}{{74, 75, true}, {75, 75, false}} {
		x, y := words(c.a), words(c.b)
		qs := []Quote{piecesAt(1, 1, "Mara Lind", 0, x), piecesAt(2, 1, "Mara Lind", len(x)+5, y)}
		JoinUtterances(qs)
		if got := qs[0].Utterance != nil; got != c.join {
			t.Errorf("%d + %d words: joined %v, want %v", c.a, c.b, got, c.join)
		}
		if got := len(Tokenize(qs[0].MatchText())); got > utteranceWords {
			t.Errorf("%d + %d words: a form of %d words", c.a, c.b, got)
		}
	}
}

// TestJoinUtterancesOrder: the result depends on the quotes of each
// article, not on their order or on other articles.
func TestJoinUtterancesOrder(t *testing.T) {
	qs := []Quote{
		piecesAt(1, 1, "Mara Lind", 100, harborA),
		piecesAt(2, 2, "Mara Lind", 100+len(harborA)+3, harborB),
		piecesAt(3, 1, "Mara Lind", 100+len(harborA)+3, harborB),
		piecesAt(4, 2, "Mara Lind", 100, harborA),
	}
	JoinUtterances(qs)
	want := map[int64][]string{}
	for _, q := range qs {
		want[q.ID] = q.Utterance
	}
	rev := slices.Clone(qs)
	slices.Reverse(rev)
	JoinUtterances(rev)
	for _, art := range []int64{2, 1} { // each article alone
		var one []Quote
		for _, q := range qs {
			if q.ArticleID == art {
				one = append(one, q)
			}
		}
		JoinUtterances(one)
		rev = append(rev, one...)
	}
	for _, q := range rev {
		if !slices.Equal(q.Utterance, want[q.ID]) || len(q.Utterance) != 1 {
			t.Errorf("quote %d: %q, want %q", q.ID, q.Utterance, want[q.ID])
		}
	}
}

// TestJoinUtterancesSameSpan: two attributions of one quoted span (the
// extractor gave it two sources) are read in the order of their keys,
// whatever order the quotes come in, and the next piece goes on from
// either of them: “A” (“he said, conservatives believe”) / “B,” he said.
func TestJoinUtterancesSameSpan(t *testing.T) {
	a := len(harborA)
	qs := []Quote{
		piecesAt(1, 1, "Mara Lind", 0, harborA),
		piecesAt(2, 1, "Jon Okafor", 0, harborA),
		piecesAt(3, 1, "Mara Lind", a+3, harborB),
	}
	rev := slices.Clone(qs)
	slices.Reverse(rev)
	JoinUtterances(qs)
	JoinUtterances(rev)
	for i, q := range qs {
		if r := rev[len(rev)-1-i]; !slices.Equal(q.Utterance, r.Utterance) {
			t.Errorf("quote %d: %q in one order, %q in the other", q.ID, q.Utterance, r.Utterance)
		}
	}
	if u := qs[0].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[2].Utterance, u) || qs[1].Utterance != nil {
		t.Errorf("utterances %q / %q / %q, want the first and the last one", u, qs[1].Utterance, qs[2].Utterance)
	}
}

// TestQuoteOfOpens: a quote cut by its cue opens a second content span;
// a mixed quote of two remarks has both pieces in one.
func TestQuoteOfOpens(t *testing.T) {
	text := `“We will win,” she said after the vote, “and they know it.”`
	a := claimtrail.Attribution{ID: 1, Kind: claimtrail.KindDirect, Content: []claimtrail.Span{
		{Start: 0, End: 14, Text: `“We will win,”`}, {Start: 39, End: len([]rune(text)), Text: `“and they know it.”`}}}
	a.Quotes = claimtrail.VerbatimQuotes(a.Kind, a.Content)
	q, ok := QuoteOf(&claimtrail.Article{ID: 1}, &a)
	if !ok || !slices.Equal(q.Opens, []bool{false, true}) {
		t.Errorf("cut quote: opens %v, want [false true]", q.Opens)
	}
	var r Quote
	mixed := `the city “will rebuild the bridge” and then “will pay for it”`
	r.SetPieces(claimtrail.KindMixed, []claimtrail.Span{{Start: 0, End: len([]rune(mixed)), Text: mixed}})
	if len(r.Pieces) != 2 || !slices.Equal(r.Opens, []bool{false, false}) {
		t.Errorf("mixed quote: pieces %q opens %v, want two pieces in one span", r.Pieces, r.Opens)
	}
}

// TestJoinUtterancesTitle: a name in quote marks between two pieces of
// one speaker (“A,” Mara Lind said on the program “Harbor Talk,” adding
// that “B”) is the reporter's: the pieces around it join each other, and
// it joins neither. titleLike reads names in title case only.
func TestJoinUtterancesTitle(t *testing.T) {
	cueAt := func(q Quote, at int, cue string) Quote { q.SetCue(false, cue, at, at+len(cue)); return q }
	title := "Harbor Talk,"
	at := len(harborA) + 40
	qs := []Quote{
		cueAt(piecesAt(1, 1, "Mara Lind", 0, harborA), len(harborA)+3, "said"),
		cueAt(piecesAt(2, 1, "Mara Lind", at, title), len(harborA)+3, "said"),
		cueAt(piecesAt(3, 1, "Mara Lind", at+len(title)+30, harborB), at+len(title)+3, "adding"),
	}
	JoinUtterances(qs)
	if u := qs[0].Utterance; len(u) != 1 || u[0] != harborA+" … "+harborB || !slices.Equal(qs[2].Utterance, u) {
		t.Errorf("pieces around a title: utterances %q / %q, want one of both", u, qs[2].Utterance)
	}
	if qs[1].Utterance != nil {
		t.Errorf("the title joined: %q", qs[1].Utterance)
	}
	for _, c := range []struct {
		piece string
		want  bool
	}{
		{"This Week,", true}, {"Face the Nation", true}, {"In God We Trust", true},
		{"Nah.", false}, {"So, now you're Jack Kennedy?", false}, {"We Will Win?", false},
		{"Tell me who you are", false}, {"the Harbor Talk", false}, {"One Two Three Four Five Six", false},
	} {
		if got := titleLike(c.piece); got != c.want {
			t.Errorf("titleLike(%q) = %v, want %v", c.piece, got, c.want)
		}
	}
}

// checkJoinedInBothOrders joins the two quotes mk makes (reading the
// article text rs) and checks they share an utterance exactly when want
// says, and that the other order joins them alike.
func checkJoinedInBothOrders(t *testing.T, name string, mk func() []Quote, rs []rune, want bool) {
	t.Helper()
	qs := mk()
	JoinUtterancesIn(qs, func(*Quote) []rune { return rs })
	got := qs[0].Utterance != nil && slices.Equal(qs[0].Utterance, qs[1].Utterance)
	if got != want {
		t.Errorf("%s: joined %v, want %v (%q / %q)", name, got, want, qs[0].Utterance, qs[1].Utterance)
	}
	rev := mk()
	rev[0], rev[1] = rev[1], rev[0]
	JoinUtterancesIn(rev, func(*Quote) []rune { return rs })
	if !slices.Equal(rev[1].Utterance, qs[0].Utterance) || !slices.Equal(rev[0].Utterance, qs[1].Utterance) {
		t.Errorf("%s: the quotes in the other order joined otherwise: %q / %q", name, rev[1].Utterance, rev[0].Utterance)
	}
}

// TestJoinUtterancesText: with the article's text, two pieces of one
// speaker whose cue carries a long title (past CueTail) are one
// utterance when the words between are only the cue, with a paragraph
// break or a participle clause; the reporter's account, a new occasion,
// a paraphrase or a question between keeps them apart, as does a piece
// that goes on inside the reporter's sentence. Without the text none
// of them join.
func TestJoinUtterancesText(t *testing.T) {
	a := "The harbor tolls will pay for the new breakwater within a decade"
	b := "Nobody on the council has shown me a cheaper way to protect the docks"
	for _, c := range []struct {
		name, between string
		want          bool
	}{
		{"long title", `,” said Mara Lind, the mayor of Port Halden, who chairs the harbor board and the ferry commission.` + "\n\n“", true},
		{"participle clause", `,” she said to reporters on the quay.` + "\n\n" + `Turning to the council, Lind said, “`, true},
		{"cue after both", `,” Mayor Mara Lind of Port Halden said in a written statement to the Harbor Gazette. “`, true},
		{"title after the verb", `,” said Rep. Mara Lind, D-Maine, who chairs the harbor board and the ferry commission.` + "\n\n“", true},
		{"capitalised words after the verb", `,” said Mara Lind, the mayor of Port Halden.` + "\n\n" + `She said Harbor Board members, “`, false},
		{"paraphrase in one paragraph", `,” Lind said, adding that the board would meet in March. “`, true},
		{"paraphrase across a paragraph", `,” Lind said, adding that the board would meet in March.` + "\n\n“", false},
		{"title before the verb", `,” Mara Lind, who chairs the harbor board and the ferry commission, said. “`, false},
		{"new occasion", `,” Mara Lind, the mayor of Port Halden, said on Tuesday at the harbor board. Later she said, “`, false},
		{"the day of the remark after the verb", `,” Mara Lind said in a speech Thursday night at the harbor board in Port Halden.` + "\n\n“", true},
		{"went on to say, paraphrased", `,” Ms. Lind said.` + "\n\n" + `She went on to say that the board had been far too slow for years. “`, true},
		{"went on to another subject", `,” Ms. Lind said.` + "\n\n" + `She went on to discuss the ferry timetable and the new bridge. “`, false},
		{"a day before the verb", `,” said Mara Lind, the mayor of Port Halden.` + "\n\n" + `On Thursday Lind said, “`, false},
		{"paraphrase", `,” said Mara Lind, the mayor of Port Halden and chair of the harbor board.` + "\n\n" + `She said the council had not asked, and “`, false},
		{"reporter's account", `,” said Mara Lind, the mayor of Port Halden and chair of the harbor board.` + "\n\n" + `The board meets again in March. “`, false},
		{"question", `,” said Mara Lind, the mayor of Port Halden and chair of the harbor board. Why now? “`, false},
		{"two breaks", `,” said Mara Lind, the mayor of Port Halden and chair of the harbor board.` + "\n\n" + `She said:` + "\n\n“", false},
	} {
		text := "“" + a + c.between + b + ".”"
		rs := []rune(text)
		startB := len([]rune("“" + a + c.between))
		cue := strings.Index(text, "said")
		cueAt := len([]rune(text[:cue]))
		mk := func() []Quote {
			q1 := piecesAt(1, 1, "Mara Lind", 1, a)
			q1.SetCue(false, "said", cueAt, cueAt+4)
			q2 := piecesAt(2, 1, "Mara Lind", startB, b)
			q2.SetCue(false, "said", startB-8, startB-4) // a cue of its own
			return []Quote{q1, q2}
		}
		qs := mk()
		JoinUtterances(qs)
		if qs[0].Utterance != nil {
			t.Errorf("%s: joined without the text: %q", c.name, qs[0].Utterance)
		}
		checkJoinedInBothOrders(t, c.name, mk, rs, c.want)
	}
	// A piece that goes on inside the reporter's sentence, and another
	// speaker's piece, stay apart.
	text := "“" + a + `,” said Mara Lind, the mayor of Port Halden.` + "\n\n" + `Lind said, “` + "nobody" + b[6:] + ".”"
	rs := []rune(text)
	start := len([]rune("“" + a + `,” said Mara Lind, the mayor of Port Halden.` + "\n\n" + `Lind said, “`))
	for _, c := range []struct {
		name, speaker, piece string
	}{{"lower case", "Mara Lind", "nobody" + b[6:]}, {"another speaker", "Jon Okafor", "Nobody" + b[6:]}} {
		q1, q2 := piecesAt(1, 1, "Mara Lind", 1, a), piecesAt(2, 1, c.speaker, start, c.piece)
		qs := []Quote{q1, q2}
		JoinUtterancesIn(qs, func(*Quote) []rune { return rs })
		if qs[0].Utterance != nil {
			t.Errorf("%s: joined %q", c.name, qs[0].Utterance)
		}
	}
}

// TestArticleIDs: each article once, in the order first met.
func TestArticleIDs(t *testing.T) {
	got := ArticleIDs([]Quote{{ArticleID: 7}, {ArticleID: 3}, {ArticleID: 7}, {ArticleID: 5}, {ArticleID: 3}})
	if want := []int64{7, 3, 5}; !slices.Equal(got, want) {
		t.Errorf("ArticleIDs = %v, want %v", got, want)
	}
}

// TestJoinParaphrase: two pieces of one speaker in one paragraph, the
// second introduced by its own saying cue in the reporter's paraphrase
// ("She called the tolls “...”"), are one act of speech; across a
// paragraph break, on another occasion, with another quote between,
// with a cue that does not say, or for a scare-quoted phrase, they
// stay apart.
func TestJoinParaphrase(t *testing.T) {
	a := "So far the answer from the harbor board has not been very good"
	b := "a bridge too far for the fishing fleet"
	for _, c := range []struct {
		name, between, cue, b string
		want                  bool
	}{
		{"paraphrase with a saying cue", `,” Lind said. She called the harbor board's new tolls “`, "called", b, true},
		{"saying he had", `,” Lind said, calling the board's figures accurate and saying the tolls were “`, "saying", b, true},
		{"across a paragraph", `,” Lind said.` + "\n\n" + `She called the harbor board's new tolls “`, "called", b, false},
		{"another occasion", `,” Lind said on Monday. Later she called the new tolls “`, "called", b, false},
		{"another year", `,” Lind said in 2019, and she called the new tolls “`, "called", b, false},
		{"another quote between", `,” Lind said. She called the board “a club” and the new tolls “`, "called", b, false},
		{"a cue that does not say", `,” Lind said, and her ad highlights the board's plan for the “`, "highlights", b, false},
		{"a scare-quoted phrase", `,” Lind said. She called the harbor board's new tolls “`, "called", "a bridge", false},
		{"a correction a day later", `,” Lind said. A day on, she said the harbor board's tolls were “`, "said", "not a bridge too far for the fishing fleet", false},
		{"a question between", `,” Lind said. Why? She called the harbor board's new tolls “`, "called", b, false},
	} {
		text := "“" + a + c.between + c.b + ".”"
		rs := []rune(text)
		startB := len([]rune("“" + a + c.between))
		cueAt := len([]rune(text[:strings.Index(text, "said")]))
		cue2 := len([]rune(text[:strings.LastIndex(text, c.cue)]))
		mk := func() []Quote {
			q1 := piecesAt(1, 1, "Mara Lind", 1, a)
			q1.SetCue(false, "said", cueAt, cueAt+4)
			q2 := piecesAt(2, 1, "Mara Lind", startB, c.b)
			q2.SetCue(false, c.cue, cue2, cue2+len(c.cue))
			return []Quote{q1, q2}
		}
		checkJoinedInBothOrders(t, c.name, mk, rs, c.want)
	}
}

// TestJoinNewTopic: a new paragraph whose sentence names the topic of
// the next piece before its cue ("Of the board, she said,") opens the
// answer to another question: the pieces either side stay apart, even
// a few words apart; the same cue without the topic still joins.
func TestJoinNewTopic(t *testing.T) {
	a := "The harbor tolls will pay for the new breakwater within a decade"
	b := "I want the board to do well and I hope it listens to the fleet"
	for _, c := range []struct {
		name, between string
		want          bool
	}{
		{"topic, a few words apart", `.”` + "\n\n" + `Of the board, Lind said, “`, false},
		{"topic after a long title", `,” said Mara Lind, the mayor of Port Halden.` + "\n\n" + `On Port Halden, she said, “`, false},
		{"the same cue without a topic", `.”` + "\n\n" + `Lind said, “`, true},
		{"a topic word inside the sentence", `.”` + "\n\n" + `Lind, of Port Halden, said, “`, true},
	} {
		text := "“" + a + c.between + b + ".”"
		rs := []rune(text)
		startB := len([]rune("“" + a + c.between))
		cue := len([]rune(text[:strings.LastIndex(text, "said")]))
		q1 := piecesAt(1, 1, "Mara Lind", 1, a)
		q2 := piecesAt(2, 1, "Mara Lind", startB, b)
		q2.SetCue(false, "said", cue, cue+4)
		qs := []Quote{q1, q2}
		JoinUtterancesIn(qs, func(*Quote) []rune { return rs })
		got := qs[0].Utterance != nil && slices.Equal(qs[0].Utterance, qs[1].Utterance)
		if got != c.want {
			t.Errorf("%s: joined %v, want %v", c.name, got, c.want)
		}
	}
}

// TestJoinWithinContent: two pieces of one content span of one
// attribution (a mixed quote whose reporter's words carry the speech
// on) are one act of speech when only a paraphrase of it stands between;
// a word of saying or of an occasion between (another speaker's words
// quoted inside the content), a question, a paragraph break or another
// quote mark keeps them apart.
func TestJoinWithinContent(t *testing.T) {
	a := "the tolls will pay for the new breakwater"
	b := "a bridge too far for the fishing fleet"
	for _, c := range []struct {
		name, between string
		want          bool
	}{
		{"paraphrase between", `” within a decade, and that the board's plan to raise them further was “`, true},
		{"the words of another speaker", `” when he said on Monday that the board's plan was “`, false},
		{"another occasion", `” and later that the board's plan to raise them further was “`, false},
		{"a question", `” within a decade? The board's plan to raise them further was “`, false},
		{"a paragraph break", `” within a decade.` + "\n\n" + `The plan to raise them further was “`, false},
		{"another quote between", `” within a decade, a “club” plan, and “`, false},
	} {
		text := "Lind said “" + a + c.between + b + "”"
		rs := []rune(text)
		startA := len([]rune("Lind said “"))
		startB := len([]rune("Lind said “" + a + c.between))
		q := piecesAt(1, 1, "Mara Lind", startA, a, startB, b)
		q.SetCue(false, "said", 5, 9)
		q.Opens = []bool{false, false}
		qs := []Quote{q}
		JoinUtterancesIn(qs, func(*Quote) []rune { return rs })
		got := qs[0].Utterance != nil && qs[0].Utterance[0] != "" && qs[0].Utterance[0] == qs[0].Utterance[1]
		if got != c.want {
			t.Errorf("%s: joined %v, want %v", c.name, got, c.want)
		}
	}
}

// TestJoinContinuedInText: a piece whose cue is not a continuation but
// whose sentence says the speaker went on (“went on to praise”, “Lind
// continued, argues that”) goes on from the speaker's piece before it;
// without the continuation, with another speaker, or when the cue
// stands outside the two pieces, they stay apart.
func TestJoinContinuedInText(t *testing.T) {
	a := "The harbor tolls will pay for the new breakwater within a decade"
	b := "having the patience to wait for the new breakwater"
	for _, c := range []struct {
		name, between, cue, speaker string
		want                        bool
	}{
		{"went on to praise", `,” Lind said.` + "\n\n" + `Lind went on to praise the board for “`, "praise", "Mara Lind", true},
		{"continued, in the sentence", `,” Lind said.` + "\n\n" + `That board, Lind continued, argues for “`, "argues", "Mara Lind", true},
		{"no continuation", `,” Lind said.` + "\n\n" + `Lind praised the board for “`, "praised", "Mara Lind", false},
		{"a continuation before the sentence", `,” Lind continued.` + "\n\n" + `Lind praised the board for “`, "praised", "Mara Lind", false},
		{"another speaker", `,” Lind said.` + "\n\n" + `Oren Vale went on to praise the board for “`, "praise", "Oren Vale", false},
	} {
		text := "“" + a + c.between + b + ".”"
		rs := []rune(text)
		startB := len([]rune("“" + a + c.between))
		cue1 := "said"
		if !strings.Contains(text, cue1) {
			cue1 = "continued"
		}
		cueAt := len([]rune(text[:strings.Index(text, cue1)]))
		cue2 := len([]rune(text[:strings.LastIndex(text, c.cue)]))
		mk := func() []Quote {
			q1 := piecesAt(1, 1, "Mara Lind", 1, a)
			q1.SetCue(false, cue1, cueAt, cueAt+len(cue1))
			q2 := piecesAt(2, 1, c.speaker, startB, b)
			q2.SetCue(false, c.cue, cue2, cue2+len([]rune(c.cue)))
			return []Quote{q1, q2}
		}
		checkJoinedInBothOrders(t, c.name, mk, rs, c.want)
	}
}

// TestJoinDocumentGoesOn: a document's first piece whose cue says it
// went on (“The letter goes on: ...”) goes on from the piece just
// before it, whoever the article named as its speaker (the letter's
// authors); a plain cue, a piece of the document earlier in the
// article (the document's own pieces join as before), or a piece too
// far back keep the piece before apart.
func TestJoinDocumentGoesOn(t *testing.T) {
	a := len(harborA)
	mk := func(cue string, at int, earlier bool) []Quote {
		qs := []Quote{piecesAt(1, 1, "Republicans", 100, harborA)}
		qs[0].SpeakerKind = claimtrail.SpeakerGroup
		q := piecesAt(2, 1, "letter", at, harborB)
		q.SpeakerKind = claimtrail.SpeakerDescription
		q.SetCue(false, cue, at-len(cue)-2, at-2)
		qs = append(qs, q)
		if earlier {
			e := piecesAt(3, 1, "the letter", 0, harborC)
			e.SpeakerKind = claimtrail.SpeakerDescription
			qs = append(qs, e)
		}
		return qs
	}
	for _, c := range []struct {
		name    string
		cue     string
		at      int
		earlier bool
		want    bool
	}{
		{"goes on", "goes on:", 100 + a + 20, false, true},
		{"continues", "continues:", 100 + a + 20, false, true},
		{"a plain cue", "says:", 100 + a + 20, false, false},
		{"an earlier piece of the letter", "goes on:", 100 + a + 20, true, false},
		{"too far back", "goes on:", 100 + a + UtteranceGap + 1, false, false},
	} {
		qs := mk(c.cue, c.at, c.earlier)
		JoinUtterances(qs)
		got := qs[0].Utterance != nil && slices.Equal(qs[0].Utterance, qs[1].Utterance)
		if got != c.want {
			t.Errorf("%s: joined %v, want %v", c.name, got, c.want)
		}
	}
}

// TestJoinAuthors: in an article that quotes one document, a piece of
// "the writers" (its authors, named by no name of their own) is one of
// the document's pieces, wherever it stands; with two documents, or
// for a name that is more than the writers ("letter writers"), it
// stays apart.
func TestJoinAuthors(t *testing.T) {
	doc := func(id int64, name string, at int, text string) Quote {
		q := piecesAt(id, 1, name, at, text)
		q.SpeakerKind = claimtrail.SpeakerDescription
		return q
	}
	for _, c := range []struct {
		name    string
		qs      []Quote
		want    bool
		authors int // index of the writers' quote
	}{
		{"one letter", []Quote{doc(1, "the letter", 0, harborA), doc(2, "The writers", 1000, harborB)}, true, 1},
		{"writers first", []Quote{doc(2, "authors", 0, harborB), doc(1, "Georgetown University letter", 1000, harborA)}, true, 0},
		{"two documents", []Quote{doc(1, "the letter", 0, harborA), doc(3, "the memo", 500, harborC), doc(2, "The writers", 1000, harborB)}, false, 2},
		{"letter writers", []Quote{doc(1, "the letter", 0, harborA), doc(2, "letter writers", 1000, harborB)}, false, 1},
	} {
		JoinUtterances(c.qs)
		d := 1 - c.authors
		if c.authors == 2 {
			d = 0
		}
		got := c.qs[d].Utterance != nil && slices.Equal(c.qs[d].Utterance, c.qs[c.authors].Utterance)
		if got != c.want {
			t.Errorf("%s: joined %v, want %v", c.name, got, c.want)
		}
	}
}

// TestJoinRelayed: a span the extractor gave both a person ("He added
// that") and a document whose cue follows the person's ("the report
// found that") is the person's remark relaying the document: it does
// not join the document's piece quoted earlier in the article; the
// same document piece with its cue before the person's (two sources of
// one quote) still does.
func TestJoinRelayed(t *testing.T) {
	b := "local school boards are in the best position to decide"
	at := 1000
	for _, c := range []struct {
		name                  string
		personCue, reportCue  int // cue starts
		wantDocumentJoinsSpan bool
	}{
		{"the person relays the report", at - 40, at - 20, false},
		{"two sources of one quote", at - 20, at - 40, true},
	} {
		report := piecesAt(1, 1, "the report", 0, harborA)
		report.SpeakerKind = claimtrail.SpeakerDescription
		person := piecesAt(2, 1, "Ann Hale", at, b)
		person.SetCue(false, "added", c.personCue, c.personCue+5)
		twin := piecesAt(3, 1, "report", at, b)
		twin.SpeakerKind = claimtrail.SpeakerDescription
		twin.SetCue(false, "found", c.reportCue, c.reportCue+5)
		qs := []Quote{report, person, twin}
		JoinUtterances(qs)
		got := qs[0].Utterance != nil && slices.Equal(qs[0].Utterance, qs[2].Utterance)
		if got != c.wantDocumentJoinsSpan {
			t.Errorf("%s: the report's pieces joined %v, want %v", c.name, got, c.wantDocumentJoinsSpan)
		}
	}
}

// TestJoinUnnamedGoesOn: a piece the extractor gave no speaker goes on
// from the named speaker's piece just before it when only the
// reporter's carrying on of that speech stands between, in one
// paragraph; a paragraph break, another name, other people, a word of
// saying, another occasion or a scare-quoted phrase keeps it apart.
func TestJoinUnnamedGoesOn(t *testing.T) {
	a := "The harbor tolls will pay for the new breakwater"
	b := "leaves the fishing fleet to pay for the ferry"
	for _, c := range []struct {
		name, between, b, speaker string
		want                      bool
	}{
		{"the speech carried on", `,” Lind said. Moreover, the board's plan “`, b, "", true},
		{"the speaker's own name", `,” Lind said. Moreover, Lind thinks the board's plan “`, b, "", true},
		{"across a paragraph", `,” Lind said.` + "\n\n" + `Moreover, the board's plan “`, b, "", false},
		{"another person named", `,” Lind said. For Tom Reyes the board's plan “`, b, "", false},
		{"other people", `,” Lind said. Others on the board think its plan “`, b, "", false},
		{"a word of saying", `,” Lind said. The chair argued that the board's plan “`, b, "", false},
		{"another occasion", `,” Lind said. A day later the board's plan “`, b, "", false},
		{"a scare-quoted phrase", `,” Lind said. Moreover, the board's plan “`, "leaves everyone", "", false},
		{"a speaker of its own", `,” Lind said. Moreover, the board's plan “`, b, "Tom Reyes", false},
	} {
		text := "“" + a + c.between + c.b + ".”"
		rs := []rune(text)
		startB := len([]rune("“" + a + c.between))
		cueAt := len([]rune(text[:strings.Index(text, "said")]))
		mk := func() []Quote {
			q1 := piecesAt(1, 1, "Mara Lind", 1, a)
			q1.SetCue(false, "said", cueAt, cueAt+4)
			q2 := piecesAt(2, 1, c.speaker, startB, c.b)
			q2.Alone = c.speaker == ""
			return []Quote{q1, q2}
		}
		checkJoinedInBothOrders(t, c.name, mk, rs, c.want)
	}
}

// TestJoinItGoesOn: a piece whose source is the pronoun "it" (a text:
// the extractor leaves the speaker unresolved) goes on from the piece
// just before it when nothing of the reporter's stands between, or
// only the start of its own sentence; another attribution's cue
// between ("it" may be what that one spoke of), a sentence of the
// reporter's, another occasion, a source that is not "it" or a piece
// too far back keep them apart.
func TestJoinItGoesOn(t *testing.T) {
	a := "The harbor tolls will pay for the new breakwater within a decade"
	b := "the fishing fleet will not pay for the ferry"
	far := strings.Repeat("and the tolls and the ferry ", 8)
	for _, c := range []struct {
		name, prevSpeaker, before, between, after, source, cue string
		want                                                   bool
	}{
		{"across a paragraph, it says after", "", `The council's page reads: “`, `.”` + "\n\n" + `“`, `,” it says.`, "it", "says", true},
		{"the start of its own sentence", "", `The draft called for “`, `.” It said the plan could mean that “`, `.”`, "It", "said", true},
		{"after a named speaker's page", "Mara Lind", `Lind says this on her page: “`, `.”` + "\n\n" + `“`, `,” it says.`, "it", "says", true},
		{"another attribution's cue between", "Mara Lind", `“`, `,” Lind said of the report. “`, `,” it said.`, "it", "said", false},
		{"a sentence of the reporter's", "", `The draft called for “`, `.” The board disagreed. “`, `,” it said.`, "it", "said", false},
		{"another occasion", "", `The draft called for “`, `.” Later it said that “`, `.”`, "it", "said", false},
		{"a source that is not it", "", `The draft called for “`, `.”` + "\n\n" + `“`, `,” they said.`, "they", "said", false},
		{"a word ending in it", "", `The draft called for “`, `.” Audit said the plan could mean that “`, `.”`, "Audit", "said", false},
		{"too far back", "", `The draft called for “`, `.” It said, ` + far + `that “`, `.”`, "It", "said", false},
	} {
		text := c.before + a + c.between + b + c.after
		rs := []rune(text)
		startA := len([]rune(c.before))
		startB := len([]rune(c.before + a + c.between))
		cueAt := len([]rune(text[:strings.LastIndex(text, " "+c.cue)+1]))
		mk := func() []Quote {
			q1 := piecesAt(1, 1, c.prevSpeaker, startA, a)
			if c.prevSpeaker != "" {
				at := len([]rune(text[:strings.Index(text, " said")+1]))
				if !strings.Contains(text, " said") {
					at = len([]rune(text[:strings.Index(text, " says")+1]))
				}
				q1.SetCue(false, "said", at, at+4)
			}
			q2 := piecesAt(2, 1, "", startB, b)
			q2.SetCue(false, c.cue, cueAt, cueAt+len(c.cue))
			return []Quote{q1, q2}
		}
		checkJoinedInBothOrders(t, c.name, mk, rs, c.want)
	}
}
