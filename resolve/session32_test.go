package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// chainCase resolves the sources in order (each a phrase and which of
// its occurrences) and checks what the last resolves to.
type chainCase struct {
	name    string
	text    string
	sources []string
	nths    []int
	want    string
	kind    claimtrail.SpeakerKind
}

func runChainCases(t *testing.T, cases []chainCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			ms := make([]Mention, len(tc.sources))
			for i, p := range tc.sources {
				ms[i] = mentionOf(t, tc.text, p, tc.nths[i])
			}
			got := Resolve(d, ms)
			last := got[len(got)-1]
			if last.Name != tc.want || tc.kind != "" && last.Kind != tc.kind {
				t.Errorf("%q → %q (%s), want %q (%s)", tc.sources[len(tc.sources)-1], last.Name, last.Kind, tc.want, tc.kind)
			}
		})
	}
}

// TestBodyDescriptionAntecedent: "the company", "the firm", "the group"
// is the body the article named just before (the only one there, or the
// one it names most); with none, two named as often, or only a person
// named, it stays a description. A name nothing marks as a person's
// that such a description goes on with is a body's, later too.
func TestBodyDescriptionAntecedent(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the only body named before", "Jobs\n\nShares in Quintaro fell on Monday. Quintaro has cut 200 jobs. The company said demand was weak.",
			[]string{"The company"}, []int{0}, "Quintaro", claimtrail.SpeakerOrganization},
		{"the body named most", "Jobs\n\nShares in Quintaro fell. Quintaro has cut jobs at its plant. Quintaro has also sold its stake in Veldmark. The firm said demand was weak.",
			[]string{"The firm"}, []int{0}, "Quintaro", claimtrail.SpeakerOrganization},
		{"the group after a spokesman", "Hunting\n\nThe Rural Alliance lost its appeal on Wednesday. But the group says hunting will go on.",
			[]string{"the group"}, []int{0}, "Rural Alliance", claimtrail.SpeakerOrganization},
		{"a name retyped by its description", "Pensions\n\nBut Age Matters said the plan was cowardly. The charity said the plan was a u-turn. Age Matters said more must be done.",
			[]string{"Age Matters", "The charity", "Age Matters"}, []int{0, 0, 1}, "Age Matters", claimtrail.SpeakerOrganization},
		// near misses: no body named, two named as often, a person, a
		// word that only opens sentences, a place
		{"no body named", "Strike\n\nWorkers walked out on Monday. The company said talks would go on.",
			[]string{"The company"}, []int{0}, "company", claimtrail.SpeakerDescription},
		{"two bodies as often", "Merger\n\nQuintaro and Veldmark agreed to merge. The company said the deal would close in May.",
			[]string{"The company"}, []int{0}, "company", claimtrail.SpeakerDescription},
		{"a person", "Profits\n\nJane Fetter runs the bakery. The firm said profits rose.",
			[]string{"The firm"}, []int{0}, "firm", claimtrail.SpeakerDescription},
		{"a person by his pronoun", "Camping\n\nOfficers say Vrask Olmund fled Georgia with his son. At the time, the group told police they were camping.",
			[]string{"the group"}, []int{0}, "group", claimtrail.SpeakerDescription},
		{"a description of its own before", "Poll\n\nYesterday Quintaro reported that the senator won among the group of voters making $100,000 or more. The group also said the economy was weak.",
			[]string{"The group"}, []int{0}, "group", claimtrail.SpeakerDescription},
		{"a sentence opener", "Profits\n\nProfits rose by 5% last year. The bank said costs fell.",
			[]string{"The bank"}, []int{0}, "bank", claimtrail.SpeakerDescription},
	})
}

// TestBodyByTheAndClip: a name of two or three words written after
// "the" and ending its phrase there is a body's (a document's or a
// work's is described by its name), and a short word that clips the
// first word of such a body's name stands for it ("the Fed" after "the
// Federal Reserve"); a given name, a place or a place's adjective is no
// such clip, and a person's name takes no "the".
func TestBodyByTheAndClip(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the before a name", "Rates\n\nRates rose. Analysts expect the Quarrow Reserve to act. The Quarrow Reserve said inflation was contained.",
			[]string{"The Quarrow Reserve"}, []int{0}, "Quarrow Reserve", claimtrail.SpeakerOrganization},
		{"a clip of the body's first word", "Rates\n\nThe US looks set for higher rates, according to the Federated Reserve. The Fed said inflation was contained.",
			[]string{"the Federated Reserve", "The Fed"}, []int{0, 0}, "Federated Reserve", claimtrail.SpeakerOrganization},
		{"a document so named", "Jobs\n\nJobs grew, according to the Quarrow Survey. The Quarrow Survey reported 10,000 new jobs.",
			[]string{"The Quarrow Survey"}, []int{0}, "Quarrow Survey", claimtrail.SpeakerDescription},
		// near misses: a person's name, a place's adjective
		{"a person's name", "Rates\n\nRates rose. Vrask Olmund said inflation was contained.",
			[]string{"Vrask Olmund"}, []int{0}, "Vrask Olmund", claimtrail.SpeakerPerson},
		{"a place's adjective is no clip", "Trade\n\nThe Europan Union met. Europ said trade would grow.",
			[]string{"Europ"}, []int{1}, "Europ", ""},
	})
}

// TestBodyByIts: a name that "its" (or an "it" that acts) goes on with,
// later in the sentence it is the subject of or opening the next, is a
// body's; a word for people is not, whatever "its" follows it, nor a
// full name an "it" follows after a noun phrase.
func TestBodyByIts(t *testing.T) {
	runChainCases(t, []chainCase{
		{"its opening the next sentence", "Care\n\nBut Grey Matters argued social care was under-funded. Its director said more money was needed.",
			[]string{"Grey Matters"}, []int{0}, "Grey Matters", claimtrail.SpeakerOrganization},
		{"its later in the sentence", "Browsers\n\nYesterday Quintaro reported that downloads of its browser had doubled.",
			[]string{"Quintaro"}, []int{0}, "Quintaro", claimtrail.SpeakerOrganization},
		{"an it that acts", "Spam\n\nYesterday Quintaro claimed that what it is offering is legal.",
			[]string{"Quintaro"}, []int{0}, "Quintaro", claimtrail.SpeakerOrganization},
		// near misses: people, another name before "its", a noun
		// phrase before "it" after a person's full name
		{"a noun phrase before it", "Oil\n\nYesterday Vrask Olmund said the cartel would act when it meets.",
			[]string{"Vrask Olmund"}, []int{0}, "Vrask Olmund", claimtrail.SpeakerPerson},
		{"a word for people", "Care\n\nBut Pensioners argued social care was under-funded. Its cost was rising.",
			[]string{"Pensioners"}, []int{0}, "Pensioners", ""},
		{"another name first", "Browsers\n\nYesterday Quintaro reported that Veldmark had doubled its sales.",
			[]string{"Quintaro"}, []int{0}, "Quintaro", claimtrail.SpeakerPerson},
	})
}

// TestPluralSubjectBefore: "They" after a sentence whose subject is a
// plural of people or bodies is that subject, also a number of people
// just named, a plural read by its singular ("companies") and a subject
// with a relative clause in commas; a plural speaker of a trailing
// report after that subject is left to the extractor.
func TestPluralSubjectBefore(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a relative clause in commas", "Photos\n\nThe couple, who married last year, claimed staff took the photos. They said the photos were private.",
			[]string{"They"}, []int{0}, "couple", claimtrail.SpeakerGroup},
		{"a number of people", "Airline\n\nThe trio are Ann Lee, Bo Tran and Cy Marr. The three have refused to confirm the reports. They said they would quit in May.",
			[]string{"They"}, []int{0}, "three", claimtrail.SpeakerGroup},
		{"a plural by its singular", "Screens\n\nThe two rival companies will share research. They said the deal would cut costs.",
			[]string{"They"}, []int{0}, "two rival companies", claimtrail.SpeakerGroup},
		// near miss: a trailing report's plural speaker after the subject
		{"a plural speaker after", "Skis\n\nRival companies have lost sales, analysts said. Prices fell further, they added.",
			[]string{"analysts", "they"}, []int{0, 0}, "", claimtrail.SpeakerUnknown},
	})
}
