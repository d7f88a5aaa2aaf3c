package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestAgeDescription: "the 64-year-old" stands for the person just named.
func TestAgeDescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the person just named", "Marta Quiroga won the final on Sunday. The 29-year-old said the wind had made it hard.", "The 29-year-old", 0, "Marta Quiroga", claimtrail.SpeakerPerson},
		{"with a noun after a name", "Veteran actor Dermot Ashby attacked modern films on Tuesday. The 67-year-old also said he had lost his spark.", "The 67-year-old", 0, "Dermot Ashby", claimtrail.SpeakerPerson},
		// near misses: an indefinite age is someone new, and a group of ages is no one
		{"indefinite", "Marta Quiroga won the final on Sunday. A 12-year-old said the match was thrilling.", "A 12-year-old", 0, "", ""},
		{"not an age", "Marta Quiroga won the final on Sunday. The 29-year-olds said the match was thrilling.", "The 29-year-olds", 0, "", ""},
	})
}

func TestAgeNoun(t *testing.T) {
	for w, want := range map[string]bool{"64-year-old": true, "7-year-old": true, "year-old": false, "-year-old": false, "six-year-old": false, "64-year-olds": false, "64-years-old": false} {
		if got := ageNoun(w); got != want {
			t.Errorf("ageNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestOrgHeads: "the group", "the airline" speak for an organisation the
// article describes; a thing does not.
func TestOrgHeads(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"group", "Profits rose at the miner. The group said the figure was final.", "The group", 0, "group", claimtrail.SpeakerDescription},
		{"airline", "Fares fell again in May. The airline said it had agreed a loan.", "The airline", 0, "airline", claimtrail.SpeakerDescription},
		{"plural", "The ban starts in June. Animal welfare groups said they welcomed it.", "Animal welfare groups", 0, "Animal welfare groups", ""},
		// near miss: a thing
		{"a thing", "Prices rose in May. The photo showed a crowd at the gates.", "The photo", 0, "", claimtrail.SpeakerUnknown},
	})
}

// TestTwoTitlesOnePerson: "X Attorney General and Senate candidate Name"
// is one person; two names joined by "and" are two (named without their
// offices since session 20: titledPair).
func TestTwoTitlesOnePerson(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"two titles", "The race tightened. State Attorney General and Senate candidate Richard Olmos said the poll was wrong.", "State Attorney General and Senate candidate Richard Olmos", 0, "Richard Olmos", claimtrail.SpeakerPerson},
		// near miss
		{"two people", "The race tightened. Governor Mary Pike and Senate candidate Richard Olmos said the poll was wrong.", "Governor Mary Pike and Senate candidate Richard Olmos", 0, "Mary Pike and Richard Olmos", claimtrail.SpeakerGroup},
	})
}

// TestNarrativeChain: "he" after sentences that go on about a man named
// before them is that man, not the person quoted before him.
func TestNarrativeChain(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		nth        int // which "He" is the source
		want       string
	}{
		{"a chain of he", "“He is a fine choice,” Governor Tim Marsh said of Mr. Oduya. Mr. Oduya is a former chief of staff to the governor. From 1997 to 2009, he practiced law in Boston. He also served as a prosecutor. He left the office last year, but said the post was worth it.", 2, "Ben Oduya"},
		// near miss: the "he" before is a question's, not a subject
		{"no chain", "“He is a fine choice,” Governor Tim Marsh said of Mr. Oduya. Asked whether he would stay, the governor smiled. He said the post was worth it.", 1, "Tim Marsh"},
	} {
		text := "Ben Oduya was named on Monday. " + tc.text
		d := segment.Segment(text)
		got := Resolve(d, []Mention{mentionOf(t, text, "Governor Tim Marsh", 0), mentionOf(t, text, "He", tc.nth)})
		if got[1].Name != tc.want {
			t.Errorf("%s: he -> %q, want %q", tc.name, got[1].Name, tc.want)
		}
	}
}

// TestRelativeClauseName: a name inside a relative clause after the head
// is what the clause is about, not the speaker; anonymous and "close to"
// sources are descriptions.
func TestRelativeClauseName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"that", "Deborah Ramirez spoke to the magazine. A third person that Ramirez claimed was at the party says she was not there.", "A third person that Ramirez claimed was at the party", 0, "third person", claimtrail.SpeakerDescription},
		{"who", "The video spread fast. A Texas teenager who supports President Trump says he was attacked.", "A Texas teenager who supports President Trump", 0, "Texas teenager", claimtrail.SpeakerDescription},
		{"close to", "The plan was leaked. One source close to the White House who has seen the plan told the paper it was final.", "One source close to the White House who has seen the plan", 0, "One source close to the White House who has seen the plan", claimtrail.SpeakerDescription},
		{"person", "The talks went on. The person said the talks would end soon.", "The person", 0, "person", claimtrail.SpeakerDescription},
		// near miss: the name before the clause is the head
		{"name before", "Talks stalled. The DUP, on whom the Tories rely for a majority, insisted the border plan must go.", "The DUP, on whom the Tories rely for a majority,", 0, "DUP", ""},
	})
}

// TestParticipleBy: after "pardoned by" or "obtained by" the name is not
// the speaker; a document's author is ("a statement issued by").
func TestParticipleBy(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"person head", "The pardon came in March. An ex-Navy sailor pardoned by Trump says he is suing.", "An ex-Navy sailor pardoned by Trump", 0, "ex-Navy sailor", claimtrail.SpeakerDescription},
		{"relay", "The talks went on. The e-mails obtained by The Courier show the plan was old.", "The e-mails obtained by The Courier", 0, "e-mails", claimtrail.SpeakerDescription},
		{"no name", "The talks went on. The statement released by each office said the talks were useful.", "The statement released by each office", 0, "statement released by each office", claimtrail.SpeakerDescription},
		// near miss: the author of a document
		{"author", "The talks went on. A statement issued by Press Secretary Dana Whitfield said the talks were useful.", "A statement issued by Press Secretary Dana Whitfield", 0, "Dana Whitfield", claimtrail.SpeakerPerson},
	})
}

// TestCopulaWord: a word after "became" or "is" describes its subject
// and is no speaker; the same noun as a subject is.
func TestCopulaWord(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"after became", "The e-mails that became public on Friday were used to suggest a cover-up.", "public", 0, "", claimtrail.SpeakerUnknown},
		// near miss: "the public" as a subject
		{"subject", "The e-mails were released. The public said the release was late.", "The public", 0, "public", claimtrail.SpeakerDescription},
	})
}
