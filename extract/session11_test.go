package extract

import (
	"strings"
	"testing"
)

// speakerCase is an article, the cue of one of its attributions and the
// speaker it must have.
type speakerCase struct{ name, text, cue, want string }

func runSpeakerCases(t *testing.T, cases []speakerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := attributionWith(t, extractOrFail(t, tc.text), "with cue "+tc.cue, hasCue(tc.cue))
			if a.Speaker.Name != tc.want {
				t.Errorf("speaker %q (source %+v), want %q", a.Speaker.Name, a.Source, tc.want)
			}
		})
	}
}

// TestSourceRunningIntoItsClause: a source that runs on into its own
// clause is the name before its first verb, not a name inside the clause
// (nor the first of a family named in the headline); a new subject after
// "and" is the one who speaks.
func TestSourceRunningIntoItsClause(t *testing.T) {
	const family = "Vale family split\n\nNora Vale declared in July she plans to challenge the senator in the primary.\n\n"
	runSpeakerCases(t, []speakerCase{
		{"the subject before the verb", family + "Former Vice President Tom Vale backed her in June.\n\n" +
			"Former Vice President Vale has publicly voiced support for same-sex marriage and, mirroring Nora’s stance, has reportedly said the matter should be decided on a state-by-state basis.\n",
			"has reportedly said", "Tom Vale"},
		{"a surname after the headline's", family + "Her father, Tom Vale, backed her in June.\n\n" +
			"Mr. Vale has publicly voiced support for same-sex marriage and, mirroring Nora’s stance, has reportedly said the matter should be decided on a state-by-state basis.\n",
			"has reportedly said", "Tom Vale"},
		{"a new subject after and", "Cup blow\n\nRuiz sustained a knee injury in the cup defeat at Leeds and manager Jo Brandt said: \"He cannot run.\"\n", "said:", "Jo Brandt"},
	})
}

// TestSendersSpeak: a participle after whom a letter went to is the
// senders' ("sending the letter to Senate Majority Leader Harry Reid
// warning him" warns Reid), also after an opening participle clause or
// adverb; the addressee is no speaker.
func TestSendersSpeak(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"after an opening participle", "Budget standoff\n\nThrowing down the gauntlet, all 42 members of the harbour caucus are sending the letter to Board Chairman Dale Okafor warning him that they will block the budget.\n", "warning", "42 members of the harbour caucus"},
		{"after an opening adverb", "Budget standoff\n\nEarlier the Bishop of Harbourton wrote to all three parties urging them not to fight the election on fear.\n", "urging", "Bishop of Harbourton"},
	})
}

// TestPronounAfterDescribedSource: "He" after a source the article does
// not name ("a bank spokesman told Reuters. He estimated") is that
// source, not a man named earlier; "The man" after a name stays the name.
func TestPronounAfterDescribedSource(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a spokesman", "Bank losses\n\nTom Gower runs the branch in Galle.\n\nMore than one in ten customers were hit, a bank spokesman told Reuters. He estimated the loss at 3bn rupees.\n", "estimated", "bank spokesman"},
		{"an unnamed woman", "Claim emerges\n\nKen Doyle denies the claim.\n\nAn unidentified woman says the incident took place at a party in 1982, according to the Gazette.\n\nShe said that Doyle had cornered her in a room at the party.\n", "said", "unidentified woman"},
		// near miss: a definite "The man" goes back to the name
		{"the man", "Concert shooting\n\nRocky Palma was shot at the concert and is now speaking out.\n\n“I heard shots from two places,” Palma said.\n\nThe man then goes on to explain that he ran to hide. He continued: “I was lucky.”\n", "continued:", "Rocky Palma"},
	})
}

// TestHeAfterReportAboutSomeone: "Pell arrived “very polite,” Dorn said.
// “...,” he said" goes on with Dorn, who spoke, not Pell, the subject of
// what Dorn said.
func TestHeAfterReportAboutSomeone(t *testing.T) {
	const text = "Seller saw nothing odd\n\nGreg Dorn, a part-time ammunition reseller, said he never saw anything suspicious in his brief interactions with Lyle Pell.\n\n" +
		"Mr. Pell arrived at the seller's home in Mesa \"very well-dressed, very polite, very respectful,\" Dorn said.\n\n" +
		"\"At no time did I see anything suspicious or odd,\" he said.\n"
	x := extractOrFail(t, text)
	a := attributionWith(t, x, "with the quote", hasContent(func(s string) bool { return strings.Contains(s, "At no time") }))
	if a.Speaker.Name != "Greg Dorn" {
		t.Errorf("speaker %q, want Greg Dorn", a.Speaker.Name)
	}
}

// TestSourceIsTheWholeApposition: when the model takes only the tail of a
// speaker's apposition for the source and reads the name into the
// quotation, the source runs from the name after the quotation.
func TestSourceIsTheWholeApposition(t *testing.T) {
	const text = "Jobs data\n\nThe port added jobs in November.\n\n" +
		"\"The data is favourable, but a lot of jobs are temporary for the Christmas season,\" Dale Okafor, chief economist with Lopes Filho & Associates consultancy in Rio de Janeiro, told Reuters.\n"
	a := attributionWith(t, extractOrFail(t, text), "with cue told", hasCue("told"))
	if a.Speaker.Name != "Dale Okafor" {
		t.Errorf("speaker %q (source %+v), want Dale Okafor", a.Speaker.Name, a.Source)
	}
}
