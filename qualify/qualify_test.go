package qualify

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// attSpec describes one attribution of a test text by its pieces as
// written ("said", or "said#2" for the second occurrence) and what
// Qualify should find for it.
type attSpec struct {
	src, cue string
	content  []string
	speaker  string
	// wants
	channel string
	relays  []string
	markers []string // "type:text"
}

type qualifyCase struct {
	name    string
	text    string
	atts    []attSpec
	article []string // article-level markers, "type:text"
}

// findSpan locates "piece" or "piece#n" in text as a code-point span.
func findSpan(t *testing.T, text, piece string) *claimtrail.Span {
	t.Helper()
	if piece == "" {
		return nil
	}
	nth := 1
	if i := strings.LastIndex(piece, "#"); i > 0 {
		if n, err := strconv.Atoi(piece[i+1:]); err == nil {
			piece, nth = piece[:i], n
		}
	}
	off := 0
	isLetter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for k := 1; ; k++ {
		i := strings.Index(text[off:], piece)
		if i < 0 {
			t.Fatalf("piece %q (occurrence %d) not in text %q", piece, nth, text)
		}
		before, _ := utf8.DecodeLastRuneInString(text[:off+i])
		after, _ := utf8.DecodeRuneInString(text[off+i+len(piece):])
		if isLetter(before) || isLetter(after) { // whole words only
			off += i + len(piece)
			k--
			continue
		}
		if k == nth {
			start := utf8.RuneCountInString(text[:off+i])
			return &claimtrail.Span{Start: start, End: start + utf8.RuneCountInString(piece), Text: piece}
		}
		off += i + len(piece)
	}
}

func markerStrings(ms []claimtrail.Marker) []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m.Type)+":"+m.Text)
	}
	return out
}

func runCases(t *testing.T, cases []qualifyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			atts := make([]claimtrail.Attribution, len(tc.atts))
			for i, s := range tc.atts {
				atts[i] = claimtrail.Attribution{
					Source:  findSpan(t, tc.text, s.src),
					Cue:     findSpan(t, tc.text, s.cue),
					Speaker: claimtrail.Speaker{Name: s.speaker},
				}
				for _, c := range s.content {
					atts[i].Content = append(atts[i].Content, *findSpan(t, tc.text, c))
				}
			}
			article := Qualify(tc.text, atts)
			first := fmt.Sprint(atts, article)
			if again := Qualify(tc.text, atts); fmt.Sprint(atts, again) != first {
				t.Errorf("a second call gives a different result")
			}
			runes := []rune(tc.text)
			for i, s := range tc.atts {
				got := atts[i]
				if string(got.Channel) != s.channel {
					t.Errorf("att %d (%s %s): channel %q, want %q", i, s.src, s.cue, got.Channel, s.channel)
				}
				if got.AccordingTo == nil || got.Markers == nil {
					t.Errorf("att %d: according_to and markers must be empty lists, not nil", i)
				}
				if !slices.Equal(got.AccordingTo, s.relays) && len(got.AccordingTo)+len(s.relays) > 0 {
					t.Errorf("att %d (%s %s): according_to %q, want %q", i, s.src, s.cue, got.AccordingTo, s.relays)
				}
				if gm := markerStrings(got.Markers); !slices.Equal(gm, s.markers) {
					t.Errorf("att %d (%s %s): markers %q, want %q", i, s.src, s.cue, gm, s.markers)
				}
				for _, m := range got.Markers {
					if string(runes[m.Start:m.End]) != m.Text {
						t.Errorf("att %d: marker span %d-%d is %q, text %q", i, m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
					}
				}
			}
			if ga := markerStrings(article); !slices.Equal(ga, tc.article) {
				t.Errorf("article markers %q, want %q", ga, tc.article)
			}
			for _, m := range article {
				if string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("article marker span %d-%d is %q, text %q", m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
				}
			}
		})
	}
}

func TestChannels(t *testing.T) {
	runCases(t, []qualifyCase{
		{name: "on Twitter after cue", text: "Trump said on Twitter that the deal was dead.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"that the deal was dead"}, channel: "Twitter"}}},
		{name: "tweeted is the cue", text: "Trump tweeted that the deal was dead.",
			atts: []attSpec{{src: "Trump", cue: "tweeted", content: []string{"that the deal was dead"}, channel: "Twitter"}}},
		{name: "in a tweet", text: "The senator said in a tweet that she would run again.",
			atts: []attSpec{{src: "The senator", cue: "said", content: []string{"that she would run again"}, channel: "Twitter"}}},
		{name: "wrote on Facebook", text: "Obama wrote on Facebook that he was proud of the team.",
			atts: []attSpec{{src: "Obama", cue: "wrote", content: []string{"that he was proud of the team"}, channel: "Facebook"}}},
		{name: "posted on Truth Social", text: "Trump posted on Truth Social that the trial was rigged.",
			atts: []attSpec{{src: "Trump", cue: "posted", content: []string{"that the trial was rigged"}, channel: "Truth Social"}}},
		{name: "posted on X", text: "Musk posted on X that the rocket was ready.",
			atts: []attSpec{{src: "Musk", cue: "posted", content: []string{"that the rocket was ready"}, channel: "Twitter"}}},
		{name: "other platform as written", text: "The singer said on TikTok that the tour was over.",
			atts: []attSpec{{src: "The singer", cue: "said", content: []string{"that the tour was over"}, channel: "TikTok"}}},
		{name: "at a press conference", text: "The mayor said at a press conference that schools would reopen.",
			atts: []attSpec{{src: "The mayor", cue: "said", content: []string{"that schools would reopen"}, channel: "press conference"}}},
		{name: "at a news conference with place", text: "Biden said at a news conference in Warsaw that the alliance was united.",
			atts: []attSpec{{src: "Biden", cue: "said", content: []string{"that the alliance was united"}, channel: "press conference"}}},
		{name: "told reporters", text: "“We are ready,” the governor told reporters on Monday.",
			atts: []attSpec{{src: "the governor", cue: "told", content: []string{"“We are ready,”"}, channel: "press conference"}}},
		{name: "interview with", text: "Harris said in an interview with CNN that she would not run.",
			atts: []attSpec{{src: "Harris", cue: "said", content: []string{"that she would not run"}, channel: "interview", relays: []string{"CNN"}}}},
		{name: "told CNN is an interview relayed by CNN", text: "Sanders told CNN that the bill would pass.",
			atts: []attSpec{{src: "Sanders", cue: "told", content: []string{"that the bill would pass"}, channel: "interview", relays: []string{"CNN"}}}},
		{name: "told the Associated Press", text: "Pelosi told the Associated Press that the vote would be close.",
			atts: []attSpec{{src: "Pelosi", cue: "told", content: []string{"that the vote would be close"}, channel: "interview", relays: []string{"Associated Press"}}}},
		{name: "told a programme", text: "It would mean more leave, Ms Hewitt told GMTV's Sunday programme.",
			atts: []attSpec{{src: "Ms Hewitt", cue: "told", content: []string{"It would mean more leave"}, channel: "interview", relays: []string{"GMTV"}}}},
		{name: "in a statement", text: "The company said in a statement that it had fixed the flaw.",
			atts: []attSpec{{src: "The company", cue: "said", content: []string{"that it had fixed the flaw"}, channel: "statement"}}},
		{name: "Twitter as source gives statement", text: "Twitter said in a statement that the account had been suspended.",
			atts: []attSpec{{src: "Twitter", cue: "said", content: []string{"that the account had been suspended"}, channel: "statement"}}},
		{name: "sentence-initial statement", text: "In a statement on Tuesday, the White House said the talks had failed.",
			atts: []attSpec{{src: "the White House", cue: "said", content: []string{"the talks had failed"}, channel: "statement"}}},
		{name: "the source is the medium", text: "A statement from the White House said the talks had failed.",
			atts: []attSpec{{src: "A statement from the White House", cue: "said", content: []string{"the talks had failed"}, channel: "statement"}}},
		{name: "not a channel: deep inside a long source", text: "Nominees facing tough confirmation hearings said they were ready.",
			atts: []attSpec{{src: "Nominees facing tough confirmation hearings", cue: "said", content: []string{"they were ready"}}}},
		{name: "parenthetical statement", text: "The ministry, in a statement, said the border was closed.",
			atts: []attSpec{{src: "The ministry", cue: "said", content: []string{"the border was closed"}, channel: "statement"}}},
		{name: "testified", text: "The director testified that the agency had no records.",
			atts: []attSpec{{src: "The director", cue: "testified", content: []string{"that the agency had no records"}, channel: "hearing"}}},
		{name: "at a Senate hearing", text: "Coats said at a Senate hearing that Russia was still active.",
			atts: []attSpec{{src: "Coats", cue: "said", content: []string{"that Russia was still active"}, channel: "hearing"}}},
		{name: "at a rally", text: "Trump said at a rally in Ohio that the economy was booming.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"that the economy was booming"}, channel: "rally"}}},
		{name: "speaking at a rally", text: "Speaking at a rally in Ohio, Trump said the economy was booming.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"the economy was booming"}, channel: "rally"}}},
		{name: "in a speech", text: "The pope said in a speech that peace was possible.",
			atts: []attSpec{{src: "The pope", cue: "said", content: []string{"that peace was possible"}, channel: "speech"}}},
		{name: "in a letter", text: "The lawmakers wrote in a letter that the rule was illegal.",
			atts: []attSpec{{src: "The lawmakers", cue: "wrote", content: []string{"that the rule was illegal"}, channel: "letter"}}},
		{name: "in an email", text: "A spokesman said in an email that the firm would appeal.",
			atts: []attSpec{{src: "A spokesman", cue: "said", content: []string{"that the firm would appeal"}, channel: "email"}}},
		{name: "on Fox News", text: "Giuliani said on Fox News that the probe was a witch hunt.",
			atts: []attSpec{{src: "Giuliani", cue: "said", content: []string{"that the probe was a witch hunt"}, channel: "television", relays: []string{"Fox News"}}}},
		{name: "interview on Fox News: nearest wins", text: "Giuliani said in an interview on Fox News that the probe was a witch hunt.",
			atts: []attSpec{{src: "Giuliani", cue: "said", content: []string{"that the probe was a witch hunt"}, channel: "interview", relays: []string{"Fox News"}}}},
		{name: "channel at the head of an over-long content", text: "Virta said during the press conference in Tampere she had wanted a deal.",
			atts: []attSpec{{src: "Virta", cue: "said", content: []string{"during the press conference in Tampere she had wanted a deal"}, channel: "press conference"}}},
		{name: "channel straddling the start of a badly cut content", text: "Virta said during the press conference in Tampere she had wanted a deal.",
			atts: []attSpec{{src: "Virta", cue: "said", content: []string{"the press conference in Tampere she had wanted a deal"}, channel: "press conference"}}},
		{name: "not a channel: free speech", text: "The judge said free speech was at stake.",
			atts: []attSpec{{src: "The judge", cue: "said", content: []string{"free speech was at stake"}}}},
		{name: "inverted order", text: "“We will win,” said Smith in a statement.",
			atts: []attSpec{{src: "Smith", cue: "said", content: []string{"“We will win,”"}, channel: "statement"}}},
		{name: "trailing after content", text: "The minister said the talks would resume, in an interview with the BBC.",
			atts: []attSpec{{src: "The minister", cue: "said", content: []string{"the talks would resume"}, channel: "interview", relays: []string{"BBC"}}}},
		{name: "not a channel: participle about other comments", text: "President Trump walked back comments made during the press conference, stating that he misspoke.",
			atts: []attSpec{{src: "President Trump", cue: "stating", content: []string{"that he misspoke"}, speaker: "Donald Trump",
				markers: []string{"retracted:walked back", "retracted:misspoke"}}}},
		{name: "not a channel: inside the quote", text: "“I said it on Twitter and at the rally,” she said.",
			atts: []attSpec{{src: "she", cue: "said#2", content: []string{"“I said it on Twitter and at the rally,”"}}}},
		{name: "not a channel: inside indirect content", text: "He said that she had lied at a press conference.",
			atts: []attSpec{{src: "He", cue: "said", content: []string{"that she had lied at a press conference"}}}},
		{name: "not a channel: other clause far from cue", text: "At a rally last week the crowd was large, and on Monday the senator said the race was close.",
			atts: []attSpec{{src: "the senator", cue: "said", content: []string{"the race was close"}}}},
		{name: "not a channel: in the content of another", text: "The firm issued a statement saying she had handed in her report and noting that the sale was off.",
			atts: []attSpec{{src: "The firm", cue: "saying", content: []string{"she had handed in her report"}, channel: "statement"},
				{src: "The firm", cue: "noting", content: []string{"that the sale was off"}}}},
		{name: "not a channel: the verb after to", text: "The party, which tried to rally support by saying that turnout was low, lost.",
			atts: []attSpec{{src: "which", cue: "saying", content: []string{"that turnout was low"}}}},
	})
}

func TestInheritance(t *testing.T) {
	runCases(t, []qualifyCase{
		{name: "standalone quote inherits from previous paragraph",
			text: "Trump claimed on Twitter that the media was lying.\n\n“The media is lying to you!”",
			atts: []attSpec{
				{src: "Trump", cue: "claimed", content: []string{"that the media was lying"}, speaker: "Donald Trump", channel: "Twitter"},
				{content: []string{"“The media is lying to you!”"}, speaker: "Donald Trump", channel: "Twitter"},
			}},
		{name: "another speaker in between blocks",
			text: "Trump said on Twitter that the media was lying.\n\nBiden said the opposite.\n\n“The media is lying to you!”",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media was lying"}, speaker: "Donald Trump", channel: "Twitter"},
				{src: "Biden", cue: "said#2", content: []string{"the opposite"}, speaker: "Joe Biden"},
				{content: []string{"“The media is lying to you!”"}, speaker: "Donald Trump"},
			}},
		{name: "too far back",
			text: "Trump said on Twitter that the media was lying.\n\nThe storm hit.\n\nRoads closed.\n\nSchools shut.\n\n“The media is lying to you!”",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media was lying"}, speaker: "Donald Trump", channel: "Twitter"},
				{content: []string{"“The media is lying to you!”"}, speaker: "Donald Trump"},
			}},
		{name: "sourced attribution in next paragraph, then its quote",
			text: "Putin said during the press conference that he had wanted a deal.\n\nPutin said the following when asked about it.\n\n“Yes, I did.”",
			atts: []attSpec{
				{src: "Putin", cue: "said", content: []string{"that he had wanted a deal"}, speaker: "Vladimir Putin", channel: "press conference"},
				{src: "Putin#2", cue: "said the following", content: []string{"“Yes, I did.”"}, speaker: "Vladimir Putin", channel: "press conference"},
			}},
		{name: "sourced attribution two paragraphs later does not inherit",
			text: "Putin said during the press conference that he had wanted a deal.\n\nThe summit ended.\n\nPutin said that relations would improve.",
			atts: []attSpec{
				{src: "Putin", cue: "said", content: []string{"that he had wanted a deal"}, speaker: "Vladimir Putin", channel: "press conference"},
				{src: "Putin#2", cue: "said#2", content: []string{"that relations would improve"}, speaker: "Vladimir Putin"},
			}},
		{name: "a relay attribution in the same sentence does not block",
			text: "Trump claims on Twitter that the Kremlin cheats, according to the Washington Post.\n\n“They cheat!”",
			atts: []attSpec{
				{src: "Trump", cue: "claims", content: []string{"that the Kremlin cheats"}, speaker: "Donald Trump", channel: "Twitter", relays: []string{"Washington Post"}},
				{src: "the Washington Post", cue: "according to", content: []string{"Trump claims on Twitter that the Kremlin cheats"}, speaker: "Washington Post"},
				{content: []string{"“They cheat!”"}, speaker: "Donald Trump", channel: "Twitter"},
			}},
		{name: "later marks a new occasion",
			text: "The director testified that the agency had no records. She later said that she misspoke.",
			atts: []attSpec{
				{src: "The director", cue: "testified", content: []string{"that the agency had no records"}, speaker: "Ann Lee", channel: "hearing"},
				{src: "She", cue: "said", content: []string{"that she misspoke"}, speaker: "Ann Lee", markers: []string{"retracted:misspoke"}},
			}},
		{name: "sourced attributions do not pass on an inherited channel",
			text: "Trump said on Twitter that the media lied.\n\nHe said the polls were fake.\n\nHe said the crowd was huge.",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media lied"}, speaker: "Donald Trump", channel: "Twitter"},
				{src: "He", cue: "said#2", content: []string{"the polls were fake"}, speaker: "Donald Trump", channel: "Twitter"},
				{src: "He#2", cue: "said#3", content: []string{"the crowd was huge"}, speaker: "Donald Trump"},
			}},
		{name: "standalone quotes pass a channel on",
			text: "Trump said on Twitter that the media lied.\n\n“The media lies.\n\n“The polls are fake.”",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media lied"}, speaker: "Donald Trump", channel: "Twitter"},
				{content: []string{"“The media lies."}, speaker: "Donald Trump", channel: "Twitter"},
				{content: []string{"“The polls are fake.”"}, speaker: "Donald Trump", channel: "Twitter"},
			}},
		{name: "nested statement does not inherit from its reporter",
			text: "His lawyer told Fox News that the suit, which he expects to file soon, will name the agency.",
			atts: []attSpec{
				{src: "His lawyer", cue: "told", content: []string{"that the suit, which he expects to file soon, will name the agency"}, speaker: "Ron Daigle", channel: "interview", relays: []string{"Fox News"}},
				{src: "he", cue: "expects", content: []string{"to file soon"}, speaker: "Ron Daigle"},
			}},
		{name: "own channel wins",
			text: "Trump said on Twitter that the media was lying.\n\nTrump said at a rally that the media was lying again.",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media was lying"}, speaker: "Donald Trump", channel: "Twitter"},
				{src: "Trump#2", cue: "said#2", content: []string{"that the media was lying again"}, speaker: "Donald Trump", channel: "rally"},
			}},
		{name: "no speaker name, no inheritance",
			text: "Trump said on Twitter that the media was lying.\n\n“The media is lying to you!”",
			atts: []attSpec{
				{src: "Trump", cue: "said", content: []string{"that the media was lying"}, channel: "Twitter"},
				{content: []string{"“The media is lying to you!”"}},
			}},
	})
}

func TestRelays(t *testing.T) {
	trumpTold := attSpec{src: "Trump", cue: "told", content: []string{"that he would fire the counsel"}, speaker: "Donald Trump"}
	with := func(a attSpec, relays ...string) attSpec { a.relays = relays; return a }
	runCases(t, []qualifyCase{
		{name: "trailing according to", text: "Trump told aides that he would fire the counsel, according to the New York Times.",
			atts: []attSpec{with(trumpTold, "New York Times")}},
		{name: "leading according to", text: "According to the Washington Post, Trump told aides that he would fire the counsel.",
			atts: []attSpec{with(trumpTold, "Washington Post")}},
		{name: "according to as the attribution's own cue", text: "According to the Washington Post, the meeting lasted two hours.",
			atts: []attSpec{{src: "the Washington Post", cue: "According to", content: []string{"the meeting lasted two hours"}}}},
		{name: "both the according-to attribution and the relayed one",
			text: "According to the Washington Post, Trump told aides that he would fire the counsel.",
			atts: []attSpec{
				{src: "the Washington Post", cue: "According to", content: []string{"Trump told aides that he would fire the counsel"}},
				with(trumpTold, "Washington Post"),
			}},
		{name: "X reported", text: "Trump told aides that he would fire the counsel, the New York Times reported.",
			atts: []attSpec{with(trumpTold, "New York Times")}},
		{name: "as first reported by", text: "Trump told aides that he would fire the counsel, as first reported by Axios.",
			atts: []attSpec{with(trumpTold, "Axios")}},
		{name: "a report in", text: "The ministry said the plant was shut, according to a report in the Financial Times.",
			atts: []attSpec{{src: "The ministry", cue: "said", content: []string{"the plant was shut"}, relays: []string{"Financial Times"}}}},
		{name: "citing", text: "Oil prices fell after Saudi officials said output would rise, Bloomberg News reported, citing Reuters.",
			atts: []attSpec{{src: "Saudi officials", cue: "said", content: []string{"output would rise"}, relays: []string{"Bloomberg News", "Reuters"}}}},
		{name: "names joined by and", text: "Officials fired the aide, who contradicted the account, according to NBC News and the AP.",
			atts: []attSpec{{src: "who", cue: "contradicted", content: []string{"the account"}, relays: []string{"NBC News", "AP"}}}},
		{name: "enclosing media attribution", text: "The New York Times reported that Trump told aides he would quit.",
			atts: []attSpec{
				{src: "The New York Times", cue: "reported", content: []string{"that Trump told aides he would quit"}},
				{src: "Trump", cue: "told", content: []string{"he would quit"}, speaker: "Donald Trump", relays: []string{"New York Times"}},
			}},
		{name: "an outlet's reporter relays for the outlet",
			text: "Trump told aides that he would fire the counsel, according to the New York Times’ chief White House correspondent.",
			atts: []attSpec{
				with(trumpTold, "New York Times"),
				{src: "the New York Times’ chief White House correspondent", cue: "according to", content: []string{"Trump told aides that he would fire the counsel"}, relays: []string{"New York Times"}},
			}},
		{name: "a named reporter of an outlet",
			text: "Trump told aides that he would fire the counsel, according to the Washington Post's Carla Venn.",
			atts: []attSpec{
				with(trumpTold, "Washington Post"),
				{src: "the Washington Post's Carla Venn", cue: "according to", content: []string{"Trump told aides that he would fire the counsel"}, relays: []string{"Washington Post"}},
			}},
		// near miss: a reporter's words that name no outlet before them
		{name: "a named person, no outlet",
			text: "Trump told aides that he would fire the counsel, according to the mayor's aide Carla Venn.",
			atts: []attSpec{
				trumpTold,
				{src: "the mayor's aide Carla Venn", cue: "according to", content: []string{"Trump told aides that he would fire the counsel"}},
			}},
		{name: "officials are not media", text: "Trump said he would quit, according to two officials.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"he would quit"}}}},
		{name: "press secretary is not media", text: "Trump said he would quit, according to White House Press Secretary Sarah Sanders.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"he would quit"}}}},
		{name: "relay goes to the outer of nested attributions",
			text: "Halvorsen claims that the ministry is helping the Greens, according to the Washington Post.",
			atts: []attSpec{
				{src: "Halvorsen", cue: "claims", content: []string{"that the ministry is helping the Greens"}, relays: []string{"Washington Post"}},
				{src: "the ministry", cue: "is helping", content: []string{"the Greens"}},
			}},
		{name: "relative clause loses a tie even when its content is too long",
			text: "After a summit with Putin, who admitted that he wanted a deal, Trump claims that the Kremlin cheats, according to the Washington Post.",
			atts: []attSpec{
				{src: "who", cue: "admitted", content: []string{"that he wanted a deal, Trump claims that the Kremlin cheats"}},
				{src: "Trump", cue: "claims", content: []string{"that the Kremlin cheats"}, relays: []string{"Washington Post"}},
				{src: "the Washington Post", cue: "according to", content: []string{"After a summit with Putin, who admitted that he wanted a deal, Trump claims that the Kremlin cheats"}},
			}},
		{name: "not media: a postal company that says",
			text: "Royal Mail says it is investigating the delay, which has meant 300 homes got no packs.",
			atts: []attSpec{
				{src: "Royal Mail", cue: "says", content: []string{"it is investigating the delay, which has meant 300 homes got no packs"}},
				{src: "which", cue: "has meant", content: []string{"300 homes got no packs"}},
			}},
		{name: "not media: an agency or a republic",
			text: "Officials said oil demand would fall, according to the International Energy Agency and the Czech Republic.",
			atts: []attSpec{{src: "Officials", cue: "said", content: []string{"oil demand would fall"}}}},
		{name: "relay for the nearer attribution only",
			text: "Putin, who said he wanted peace, told Trump that he would visit, according to the Washington Post.",
			atts: []attSpec{
				{src: "who", cue: "said", content: []string{"he wanted peace"}},
				{src: "Putin", cue: "told", content: []string{"that he would visit"}, relays: []string{"Washington Post"}},
			}},
	})
}

func TestMarkers(t *testing.T) {
	runCases(t, []qualifyCase{
		{name: "without evidence between cue and content", text: "Trump claimed, without evidence, that millions voted illegally.",
			atts: []attSpec{{src: "Trump", cue: "claimed", content: []string{"that millions voted illegally"}, markers: []string{"unsupported:without evidence"}}}},
		{name: "trailing without offering evidence", text: "Trump claimed that millions voted illegally, without offering evidence.",
			atts: []attSpec{{src: "Trump", cue: "claimed", content: []string{"that millions voted illegally"}, markers: []string{"unsupported:without offering evidence"}}}},
		{name: "trailing inside content", text: "Trump claimed that millions voted illegally, without offering any evidence.",
			atts: []attSpec{{src: "Trump", cue: "claimed", content: []string{"that millions voted illegally, without offering any evidence"}, markers: []string{"unsupported:without offering any evidence"}}}},
		{name: "seemingly without evidence is one marker", text: "Trump claims on Twitter, seemingly without evidence, that the rivals cheated.",
			atts: []attSpec{{src: "Trump", cue: "claims", content: []string{"that the rivals cheated"}, channel: "Twitter", markers: []string{"unsupported:seemingly without evidence"}}}},
		{name: "falsely claimed", text: "Trump falsely claimed that he won the state.",
			atts: []attSpec{{src: "Trump", cue: "claimed", content: []string{"that he won the state"}, markers: []string{"false:falsely claimed"}}}},
		{name: "baselessly", text: "The candidate baselessly claimed that the vote was rigged.",
			atts: []attSpec{{src: "The candidate", cue: "claimed", content: []string{"that the vote was rigged"}, markers: []string{"unsupported:baselessly"}}}},
		{name: "offered no evidence, next sentence", text: "Smith said the vote was rigged. She offered no evidence.",
			atts:    []attSpec{{src: "Smith", cue: "said", content: []string{"the vote was rigged"}}},
			article: []string{"unsupported:offered no evidence"}},
		{name: "reportedly before cue", text: "Putin reportedly told Trump that he wanted a deal.",
			atts: []attSpec{{src: "Putin", cue: "told", content: []string{"that he wanted a deal"}, markers: []string{"hedged:reportedly"}}}},
		{name: "sentence-initial hedge", text: "Reportedly, the president told aides that he was furious.",
			atts: []attSpec{{src: "the president", cue: "told", content: []string{"that he was furious"}, markers: []string{"hedged:Reportedly"}}}},
		{name: "is said to", text: "The president is said to have told aides that he was furious.",
			atts: []attSpec{{src: "The president", cue: "told", content: []string{"that he was furious"}, markers: []string{"hedged:is said to"}}}},
		{name: "unattributed hedge", text: "The meeting reportedly lasted two hours.",
			article: []string{"hedged:reportedly"}},
		{name: "hedge in a clause about something else", text: "After the meeting, which reportedly lasted two hours, Trump said it went well.",
			atts:    []attSpec{{src: "Trump", cue: "said", content: []string{"it went well"}}},
			article: []string{"hedged:reportedly"}},
		{name: "hedge inside a quote is the speaker's", text: "“He allegedly stole it,” the officer said.",
			atts: []attSpec{{src: "the officer", cue: "said", content: []string{"“He allegedly stole it,”"}}}},
		{name: "hedge inside an unattributed quote", text: "“He allegedly stole it.”"},
		{name: "hedge inside indirect content is the speaker's", text: "Police said the man allegedly stole a car.",
			atts: []attSpec{{src: "Police", cue: "said", content: []string{"the man allegedly stole a car"}}}},
		{name: "denied as cue", text: "The Kremlin denied that it interfered in the election.",
			atts: []attSpec{{src: "The Kremlin", cue: "denied", content: []string{"that it interfered in the election"}, markers: []string{"denied:denied"}}}},
		{name: "passive denied is not a denial", text: "He was denied bail."},
		{name: "negated denied is not a denial", text: "The department had not denied any request."},
		{name: "refusing to retract is no retraction", text: "The senator refuses to retract her remarks about the port."},
		{name: "refusing to deny is no denial", text: "The minister refused to deny that the talks had failed."},
		{name: "deny (weak) alone is nothing", text: "Nobody can deny the result."},
		{name: "rejected the claim", text: "The minister rejected the claim that she had lied.",
			atts: []attSpec{{src: "The minister", cue: "rejected the claim", content: []string{"that she had lied"}, markers: []string{"denied:rejected the claim"}}}},
		{name: "dismissed as cue (weak, in frame)", text: "The company dismissed the report as false.",
			atts: []attSpec{{src: "The company", cue: "dismissed", content: []string{"the report as false"}, markers: []string{"denied:dismissed the report"}}}},
		{name: "dismissed without attribution is nothing", text: "The judge dismissed the case."},
		{name: "walked back and misspoke", text: "Trump later walked back the remark, saying he misspoke.",
			atts: []attSpec{{src: "Trump", cue: "saying", content: []string{"he misspoke"}, speaker: "Donald Trump", markers: []string{"retracted:walked back", "retracted:misspoke"}}}},
		{name: "retraction goes to the outer statement of the same speaker",
			text: "Halvorsen walked back his remarks, stating that he misspoke and agrees that the port was flooded.",
			atts: []attSpec{
				{src: "Halvorsen", cue: "stating", content: []string{"that he misspoke and agrees that the port was flooded"}, speaker: "Erik Halvorsen",
					markers: []string{"retracted:walked back", "retracted:misspoke"}},
				{src: "he", cue: "agrees", content: []string{"that the port was flooded"}, speaker: "Erik Halvorsen"},
			}},
		{name: "misspoke about someone else", text: "Smith said Jones misspoke.",
			atts: []attSpec{{src: "Smith", cue: "said", content: []string{"Jones misspoke"}, speaker: "John Smith"}}},
		{name: "wrongly (weak) next to cue", text: "Trump wrongly said that the wall was finished.",
			atts: []attSpec{{src: "Trump", cue: "said", content: []string{"that the wall was finished"}, markers: []string{"false:wrongly"}}}},
		{name: "wrongly without attribution is nothing", text: "He was wrongly convicted in 1990."},
		{name: "retracted", text: "The newspaper retracted the story on Friday.", article: []string{"retracted:retracted"}},
		{name: "marker goes to the attribution it modifies",
			text: "Smith, who said the plan was sound, falsely claimed that costs fell.",
			atts: []attSpec{
				{src: "who", cue: "said", content: []string{"the plan was sound"}},
				{src: "Smith", cue: "claimed", content: []string{"that costs fell"}, markers: []string{"false:falsely claimed"}},
			}},
		{name: "hedge in a parenthesis between source and cue",
			text:    "A friend (who apparently heard gossip) retracted her statement.",
			atts:    []attSpec{{src: "A friend", cue: "retracted", content: []string{"her statement"}, markers: []string{"retracted:retracted"}}},
			article: []string{"hedged:apparently"}},
		{name: "hedge in a relative clause between source and cue",
			text:    "Putin, who reportedly wanted a deal, said the talks went well.",
			atts:    []attSpec{{src: "Putin", cue: "said", content: []string{"the talks went well"}}},
			article: []string{"hedged:reportedly"}},
		{name: "passive rejection is a vote, not a denial", text: "Britain stays if the agreement is rejected by MPs.",
			atts: []attSpec{{src: "MPs", cue: "is rejected", content: []string{"the agreement"}}}},
		{name: "title case headline", text: "Trump Falsely Claims He Won The State",
			atts: []attSpec{{src: "Trump", cue: "Claims", content: []string{"He Won The State"}, markers: []string{"false:Falsely Claims"}}}},
	})
}

func TestRobustSpans(t *testing.T) {
	text := "Trump said on Twitter, without evidence, that it was rigged."
	atts := []claimtrail.Attribution{
		{Source: &claimtrail.Span{Start: -5, End: 3}, Cue: &claimtrail.Span{Start: 6, End: 10}},
		{Source: &claimtrail.Span{Start: 50, End: 10}},
		{Cue: &claimtrail.Span{Start: 1000, End: 2000}, Content: []claimtrail.Span{{Start: 500, End: 400}}},
		{},
	}
	got := Qualify(text, atts)
	if got == nil {
		t.Fatal("article markers must be an empty list, not nil")
	}
	if atts[0].Channel != "Twitter" {
		t.Errorf("clamped source: channel %q, want Twitter", atts[0].Channel)
	}
	for i := 1; i < len(atts); i++ {
		if atts[i].Channel != "" || len(atts[i].Markers) != 0 {
			t.Errorf("att %d with invalid spans got %q %v", i, atts[i].Channel, atts[i].Markers)
		}
	}
	if len(Qualify("", nil)) != 0 {
		t.Error("empty text gives markers")
	}
	// invalid UTF-8 and lone marks
	_ = Qualify("\xff\xfe reportedly “ \" ’ ‘ «", []claimtrail.Attribution{{Cue: &claimtrail.Span{Start: 0, End: 1}}})
}

// TestLexiconSizes guards against a lexicon silently losing its entries.
func TestLexiconSizes(t *testing.T) {
	for c, want := range map[class]int{classMarker: 40, classChannel: 60, classRelay: 6} {
		if lex.sizes[c] < want {
			t.Errorf("class %d has %d entries, want at least %d", c, lex.sizes[c], want)
		}
	}
	t.Logf("lexicon entries: markers %d, channels %d, relays %d", lex.sizes[classMarker], lex.sizes[classChannel], lex.sizes[classRelay])
}

// TestCarrierRelays: the outlet a statement was made to, or that saw the
// document, is its relay; people ("reporters", "MPs") and look-alike names
// ("Times Square", "the Post Office", "the Guardian Council") are not.
func TestCarrierRelays(t *testing.T) {
	said := func(text, src, cue, content, channel string, relays ...string) qualifyCase {
		return qualifyCase{name: text, text: text,
			atts: []attSpec{{src: src, cue: cue, content: []string{content}, channel: channel, relays: relays}}}
	}
	runCases(t, []qualifyCase{
		said("The mayor told Reuters that the ferry would stop.", "The mayor", "told", "that the ferry would stop", "interview", "Reuters"),
		said("“We are ready,” Ms Aalto told the BBC.", "Ms Aalto", "told", "“We are ready,”", "interview", "BBC"),
		said("Ms Aalto told the Guardian she was leaving.", "Ms Aalto", "told", "she was leaving", "interview", "Guardian"),
		said("The coach told BBC Radio Five Live that he was delighted.", "The coach", "told", "that he was delighted", "interview", "BBC Radio Five Live"),
		said("The coach told BBC Radio 4's Today programme that he was delighted.", "The coach", "told", "that he was delighted", "interview", "BBC Radio 4"),
		said("The coach told BBC Sport he was delighted.", "The coach", "told", "he was delighted", "interview", "BBC Sport"),
		said("The coach told CNN Tuesday that he was delighted.", "The coach", "told", "that he was delighted", "interview", "CNN"),
		said("The coach told CNN Wolf Blitzer that he was delighted.", "The coach", "told", "that he was delighted", "interview", "CNN"),
		said("The coach told the Harbour Valley Gazette that he was delighted.", "The coach", "told", "that he was delighted", "interview", "Harbour Valley Gazette"),
		said("The coach told Kyodo News Agency that he was delighted.", "The coach", "told", "that he was delighted", "interview", "Kyodo News Agency"),
		// an unlisted name that the word after it says is an outlet's
		said("“Call the governor,” Mr. Dane told KTRS radio.", "Mr. Dane", "told", "“Call the governor,”", "interview", "KTRS radio"),
		said("The coach told the Vale Harbour newspaper that he was delighted.", "The coach", "told", "that he was delighted", "interview", "Vale Harbour newspaper"),
		said("“We will win,” Ms Lowell told reporters, according to the Lakeside Review.", "Ms Lowell", "told", "“We will win,”", "press conference", "Lakeside Review"),
		// near miss: one word before "newspaper" may be a nationality
		said("The coach told a Danish newspaper that he was delighted.", "The coach", "told", "that he was delighted", "interview"),
		said("Ms Lund said in an interview with CNN that she would run again.", "Ms Lund", "said", "that she would run again", "interview", "CNN"),
		said("In an interview with the Financial Times, Ms Lund said she would run again.", "Ms Lund", "said", "she would run again", "interview", "Financial Times"),
		said("In a statement to Fox News, the agency said it had fixed the leak.", "the agency", "said", "it had fixed the leak", "statement", "Fox News"),
		said("The agency said in a statement to the Springfield Herald that it had fixed the leak.", "The agency", "said", "that it had fixed the leak", "statement", "Springfield Herald"),
		said("Speaking to Sky News, the general said the war was over.", "the general", "said", "the war was over", "interview", "Sky News"),
		said("The general, speaking on BBC One, said the war was over.", "The general", "said", "the war was over", "", "BBC One"),
		said("Mr Dale wrote in the Times that taxes must rise.", "Mr Dale", "wrote", "that taxes must rise", "op-ed", "Times"),
		said("The council will close the bridge, according to a memo seen by Reuters.", "a memo seen by Reuters", "according to", "The council will close the bridge", "", "Reuters"),
		said("The mayor planned to resign, according to a transcript reviewed by Business Insider.", "a transcript reviewed by Business Insider", "according to", "The mayor planned to resign", "", "Business Insider"),
		said("A letter seen by the Daily Telegraph says the plan is dead.", "A letter seen by the Daily Telegraph", "says", "the plan is dead", "", "Daily Telegraph"),
		said("The plant was shut, according to a report in the Financial Times.", "a report in the Financial Times", "according to", "The plant was shut", "", "Financial Times"),
		{name: "according to cut into the cue", text: "These deals take time, he said according to a transcript reviewed by Business Insider.",
			atts: []attSpec{{src: "he", cue: "said according to", content: []string{"These deals take time", "a transcript reviewed by Business Insider"}, relays: []string{"Business Insider"}}}},
		{name: "enclosing report by a listed outlet", text: "The chief executive said in a memo that prices fell, Yahoo Finance reported earlier this year.",
			atts: []attSpec{
				{src: "The chief executive", cue: "said", content: []string{"that prices fell"}, channel: "memo", relays: []string{"Yahoo Finance"}},
				{src: "Yahoo Finance", cue: "reported", content: []string{"The chief executive said in a memo that prices fell"}},
			}},
		{name: "enclosing report after a trailing clause", text: "The chief executive said that prices fell as sales rose, Yahoo Finance reported.",
			atts: []attSpec{
				{src: "The chief executive", cue: "said", content: []string{"that prices fell"}, relays: []string{"Yahoo Finance"}},
				{src: "Yahoo Finance", cue: "reported", content: []string{"The chief executive said that prices fell as sales rose"}},
			}},
		said("“We are ready,” the official told the Harbour Gazette in a statement.", "the official", "told", "“We are ready,”", "statement", "Harbour Gazette"),
		said("“We are ready,” the official told Gizmodo by email.", "the official", "told", "“We are ready,”", "email", "Gizmodo"),
		// negatives
		said("The senator told reporters that the vote would pass.", "The senator", "told", "that the vote would pass", "press conference"),
		said("The senator told journalists in Times Square that the vote would pass.", "The senator", "told", "that the vote would pass", "press conference"),
		said("The minister told MPs that the vote would pass.", "The minister", "told", "that the vote would pass", "hearing"),
		said("The Post Office said deliveries would resume.", "The Post Office", "said", "deliveries would resume", ""),
		said("The envoy told the Post Office staff that deliveries would resume.", "The envoy", "told", "that deliveries would resume", ""),
		said("The cleric told the Guardian Council that the law was void.", "The cleric", "told", "that the law was void", ""),
		said("The cleric wrote in February that the law was void.", "The cleric", "wrote", "that the law was void", ""),
		said("The agency said in a statement to Parliament that the law was void.", "The agency", "said", "that the law was void", "statement"),
		said("According to the Washington Post, the meeting lasted two hours.", "the Washington Post", "According to", "the meeting lasted two hours", ""),
		said("Reuters told its readers the meeting lasted two hours.", "Reuters", "told", "the meeting lasted two hours", ""),
	})
}

// TestRelayIsNotTheSpeaker: a badly cut source or a resolved speaker that
// names the outlet keeps the outlet out of according_to.
func TestRelayIsNotTheSpeaker(t *testing.T) {
	runCases(t, []qualifyCase{
		{name: "source cut too long", text: "According to the Harbour Daily News, Mr Voss took the money.",
			atts: []attSpec{{src: "the Harbour Daily News, Mr Voss", cue: "According to", content: []string{"took the money"}, speaker: "Harbour Daily News"}}},
		{name: "relative pronoun resolved to the outlet", text: "He planted a story in Politico that revealed the payments.",
			atts: []attSpec{{src: "that", cue: "revealed", content: []string{"the payments"}, speaker: "Politico"}}},
		{name: "described outlet as the source", text: "The museum gave permission, showbusiness newspaper Variety reported.",
			atts: []attSpec{{src: "showbusiness newspaper Variety", cue: "reported", content: []string{"The museum gave permission"}}}},
		{name: "another speaker keeps the relay", text: "Mr Voss took the money, according to a story in Politico.",
			atts: []attSpec{{src: "Mr Voss", cue: "took", content: []string{"the money"}, speaker: "Mr Voss", relays: []string{"Politico"}}}},
	})
}

func TestMediaNames(t *testing.T) {
	said := func(text, content string, relays ...string) qualifyCase {
		return qualifyCase{name: text, text: text,
			atts: []attSpec{{src: "Mr Holm", cue: "told", content: []string{content}, channel: "interview", relays: relays}}}
	}
	runCases(t, []qualifyCase{
		said("Mr Holm told Reuters the 10 firms had agreed to pay.", "the 10 firms had agreed to pay", "Reuters"),
		said("Mr Holm told Reuters 10 firms had agreed to pay.", "10 firms had agreed to pay", "Reuters"),
		said("Mr Holm told BBC News 24 the deal was done.", "the deal was done", "BBC News 24"),
		said("Mr Holm told the FT that the deal was done.", "that the deal was done", "FT"),
		said("Mr Holm told Today the deal was done.", "the deal was done", "Today"),
		said("Mr Holm told the News of the World the film was done.", "the film was done", "News of the World"),
		said("Mr Holm told the Scottish Daily Mail the film was done.", "the film was done", "Scottish Daily Mail"),
		said("Mr Holm told the Las Vegas Review-Journal the film was done.", "the film was done", "Las Vegas Review-Journal"),
		said("Mr Holm told The Daily Caller News Foundation the film was done.", "the film was done", "Daily Caller News Foundation"),
		said("Mr Holm told Variety in February that the film was done.", "that the film was done", "Variety"),
		{name: "wrote in February for an outlet", text: "Mr Holm wrote in February for Vanity Fair that the film was done.",
			atts: []attSpec{{src: "Mr Holm", cue: "wrote", content: []string{"that the film was done"}, channel: "op-ed", relays: []string{"Vanity Fair"}}}},
		said("Mr Holm told US TV show 60 Minutes that the film was done.", "that the film was done", "60 Minutes"),
		said("Mr Holm told US TV network Fox News that the film was done.", "that the film was done", "Fox News"),
		said("Mr Holm told German TV the film was done.", "the film was done", "German TV"),
		said("Mr Holm told Variety the film was done.", "the film was done", "Variety"),
		said("Mr Holm told BBC1's Breakfast programme the deal was done.", "the deal was done", "BBC1"),
		// a name no list holds, that a word for an outlet introduces
		said("Mr Holm told the Danish tabloid Ekstra Bladet that the deal was done.", "that the deal was done", "Ekstra Bladet"),
		said("Mr Holm told the newspaper Politiken that the deal was done.", "that the deal was done", "Politiken"),
		said("Mr Holm told Dutch daily Algemeen Dagblad on Monday that the deal was done.", "that the deal was done", "Algemeen Dagblad"),
		// a broadcaster's call sign, a site by its domain, the agency
		// unhyphenated
		said("Mr Holm told KNPR, a local radio station, that the deal was done.", "that the deal was done", "KNPR"),
		said("Mr Holm told FoxNews.com that the deal was done.", "that the deal was done", "FoxNews.com"),
		said("Mr Holm told Agence France Presse that the deal was done.", "that the deal was done", "Agence France Presse"),
		// the object of "told" goes on as the claim's subject: no outlet
		said("Mr Holm told the newspaper Anders Berg had agreed to pay.", "Anders Berg had agreed to pay"),
		// a masthead run into the claim's subject's name
		said("Mr Holm told the Sunday Times Mr Campbell would quit.", "Mr Campbell would quit", "Sunday Times"),
		{name: "three letters, no call sign", text: "Mr Holm told KLM the deal was done.",
			atts: []attSpec{{src: "Mr Holm", cue: "told", content: []string{"the deal was done"}}}},
		said("Mr Holm told the newspaper's editor that the deal was done.", "that the deal was done"),
		// a programme's one-word name before "programme", a local paper
		// by its masthead word (near miss: a one-word name with no such
		// word, "told KLM" below)
		said("Mr Holm told the Today programme the deal was done.", "the deal was done", "Today"),
		said("Mr Holm told the Harlow Citizen that the deal was done.", "that the deal was done", "Harlow Citizen"),
		said("Mr Holm told the Northern Echo that the deal was done.", "that the deal was done", "Northern Echo"),
	})
	// "Today" as a day is no outlet
	runCases(t, []qualifyCase{{name: "today the day", text: "Today Mr Holm said the deal was done.",
		atts: []attSpec{{src: "Mr Holm", cue: "said", content: []string{"the deal was done"}}}}})
}

// TestCueInsideOpenQuote: a straight quote mark left open earlier makes
// the tokenizer count the reporter's "told BBC News" as quoted; on the
// extractor's cue it still counts, elsewhere in a quote it does not.
func TestCueInsideOpenQuote(t *testing.T) {
	runCases(t, []qualifyCase{
		{name: "open quote before the cue", text: "He called it \"a farce. Mr Lind told BBC News there were problems.",
			atts: []attSpec{{src: "Mr Lind", cue: "told", content: []string{"there were problems"}, channel: "interview", relays: []string{"BBC News"}}}},
		{name: "a real quote is the speaker's", text: "\"I told BBC News I was done,\" Mr Lind said.",
			atts: []attSpec{{src: "Mr Lind", cue: "said", content: []string{"\"I told BBC News I was done,\""}}}},
	})
}

// TestMarkerScope: markers that qualify something else than the
// attribution's statement stay off it.
func TestMarkerScope(t *testing.T) {
	one := func(name, text, src, cue, content string, markers ...string) qualifyCase {
		return qualifyCase{name: name, text: text,
			atts: []attSpec{{src: src, cue: cue, content: []string{content}, speaker: "Anna Berg", markers: markers}}}
	}
	runCases(t, []qualifyCase{
		one("denied a that-clause", "Ms Berg denied that she had seen the file.", "Ms Berg", "denied", "that she had seen the file", "denied:denied"),
		one("denied allegations", "Ms Berg has denied the allegations.", "Ms Berg", "has denied", "the allegations", "denied:denied"),
		one("denies a gerund", "Ms Berg denies taking the money.", "Ms Berg", "denies", "taking the money", "denied:denies"),
		one("denied a clause without that", "Ms Berg denied the plan would cost jobs.", "Ms Berg", "denied", "the plan would cost jobs", "denied:denied"),
		one("denied a quote", "Ms Berg denied “any wrongdoing”.", "Ms Berg", "denied", "“any wrongdoing”", "denied:denied"),
		one("not a denial: bail", "Ms Berg was charged and repeatedly denied bail.", "Ms Berg", "repeatedly denied", "bail"),
		one("not a denial: sport", "The keeper denied the same striker again.", "The keeper", "denied", "the same striker again"),
		one("not a denial: rejected an offer", "The board rejected a takeover offer from Voss.", "The board", "rejected", "a takeover offer from Voss"),
		one("not a denial: rejected a bill", "Ms Berg rejected the bill.", "Ms Berg", "rejected", "the bill"),
		one("rejected a claim noun", "Ms Berg rejected the comparison with her rival.", "Ms Berg", "rejected", "the comparison with her rival", "denied:rejected"),
		one("dismissed reports", "Ms Berg dismissed reports that she would quit.", "Ms Berg", "dismissed", "reports that she would quit", "denied:dismissed"),
		one("disputed a gerund", "Ms Berg disputed having signed it.", "Ms Berg", "disputed", "having signed it", "denied:disputed"),
		one("rejected a possessive's allegations", "Ms Berg rejected Voss's allegations as absurd.", "Ms Berg", "rejected", "Voss's allegations as absurd", "denied:rejected"),
		one("dismissed as", "The ministry dismissed the study as “rubbish”.", "The ministry", "dismissed", "the study as “rubbish”", "denied:dismissed"),
		one("not a denial: dismissed a player", "The referee dismissed the Harbour City striker.", "The referee", "dismissed", "the Harbour City striker"),
		one("not a denial: bids rejected, then a clause", "Mr Voss had two bids rejected, having come close in May.", "Mr Voss", "rejected", "having come close in May"),
		one("not a denial: rejected by votes", "That measure, rejected by two votes, would have passed.", "two votes", "rejected", "That measure"),
		one("not a denial: an appeal rejected", "Harbour City had a penalty appeal rejected.", "Harbour City", "rejected", "a penalty appeal"),
		one("misleading statement", "Ms Berg made a misleading statement about the loan.", "Ms Berg", "made", "a misleading statement about the loan", "false:misleading statement"),
		{name: "debunked theory", text: "Mr Voss repeated the widely debunked theory that the vote was rigged.",
			atts: []attSpec{{src: "Mr Voss", cue: "repeated", content: []string{"the widely debunked theory that the vote was rigged"}, markers: []string{"false:widely debunked"}}}},
		{name: "debunked alone is nothing", text: "The myth was debunked in 1990."},
		{name: "headline passive denied by", text: "Harbour City denied by keeper heroics"},
		one("passive with adverb", "Ms Berg said she was wrongly denied entry.", "Ms Berg", "said", "she was wrongly denied entry"),
		{name: "hedge in a clause of its own after the frame",
			text:    "The outbreak killed 300 people, according to Ministry figures, although the real toll is thought to be higher.",
			atts:    []attSpec{{src: "Ministry figures", cue: "according to", content: []string{"The outbreak killed 300 people"}}},
			article: []string{"hedged:is thought to"}},
		{name: "hedge after despite",
			text:    "The firms will sign on Monday, according to agency reports, despite what was thought to be a better bid.",
			atts:    []attSpec{{src: "agency reports", cue: "according to", content: []string{"The firms will sign on Monday"}}},
			article: []string{"hedged:was thought to"}},
		{name: "hedge on another verb joined by and",
			text:    "The judge has apparently read the ruling and decided that she will yield.",
			atts:    []attSpec{{src: "The judge", cue: "decided", content: []string{"that she will yield"}}},
			article: []string{"hedged:apparently"}},
		one("retraction deep in the content is not the speaker's", "Ms Berg acknowledged she could not order the paper to retract the name.",
			"Ms Berg", "acknowledged", "she could not order the paper to retract the name"),
		one("retraction as the content's verb", "Ms Berg said she had retracted the claim.", "Ms Berg", "said", "she had retracted the claim", "retracted:retracted"),
	})
}
