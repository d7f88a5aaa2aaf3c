package extract

import (
	"testing"
)

// TestNamedAfterQuotes: a quote whose speaker is named just after it with
// a verb of saying the model does not read ("agreed Mr Okafor", "Palma
// detailed", "Ruiz probed", "Jones positively purred") is that speaker's,
// not the person named last in the paragraph or addressed inside it; the
// rest of the sentence's quote after the name is the same speaker's. A
// quote inside another clause ("Asked, “...?” Vell replied", "he is
// “glad,” reported the Gazette") gets nothing from the name after it.
func TestNamedAfterQuotes(t *testing.T) {
	const intro = "Harbour talks\n\nDale Okafor, chairman of the harbour board, met union leaders Joan Vell, Rita Palma and Ana Ruiz on Monday.\n\n"
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"verb then name", intro + "\"Consumers are hungry for it and we will find new models together,\" agreed Ms Vell. The talks go on.\n", "Consumers are hungry for it and we will find new models together,", "Joan Vell"},
		{"name then verb", intro + "\"Every other person that I have talked to has said the same thing,\" Palma detailed.\n", "Every other person that I have talked to has said the same thing,", "Rita Palma"},
		{"question, verb then adverb", intro + "Okafor sat down.\n\n“Is that a recent development?” Ruiz probed gently.\n", "Is that a recent development?", "Ana Ruiz"},
		{"adverb before a tag", intro + "“If only my hands were free, I would clap for you, Dale,” Ruiz positively purred.\n", "If only my hands were free, I would clap for you, Dale,", "Ana Ruiz"},
	})
	runPieceCases(t, []pieceCase{
		{"the second piece", intro + "\"Dale,\" interrupted Ms Vell, \"you will please sit down.\"\n", "you will please sit down.", "Joan Vell"},
	})
	// near misses: the quote is not the named person's
	for _, tc := range []struct{ name, text, quote string }{
		{"inside a participle clause", intro + "Asked point-blank, \"Is that picture you?\" Ruiz replied, \"You know I will not talk about it.\"\n", "Is that picture you?"},
		{"inside a reported clause", intro + "His first reaction is that he is “glad it’s over,” reported the Harbour Gazette.\n", "glad it’s over,"},
		{"not a verb of saying", intro + "\"We will see,\" Ruiz walked out.\n", "We will see,"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range extractOf(t, tc.text) {
				if len(a.Quotes) == 1 && a.Quotes[0].Text == tc.quote && a.Speaker.Name != "" && a.Speaker.Name != "Dale Okafor" {
					t.Errorf("quote %q given to %q (source %+v)", tc.quote, a.Speaker.Name, a.Source)
				}
			}
		})
	}
}
