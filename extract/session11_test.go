package extract

import "testing"

// TestSourceRunningIntoItsClause: a source that runs on into its own
// clause is the name before its first verb, not a name inside the clause
// (nor the first of a family named in the headline); a new subject after
// "and" is the one who speaks.
func TestSourceRunningIntoItsClause(t *testing.T) {
	const family = "Vale family split\n\nNora Vale declared in July she plans to challenge the senator in the primary.\n\n"
	for _, tc := range []struct{ name, text, cue, want string }{
		{"the subject before the verb", family + "Former Vice President Tom Vale backed her in June.\n\n" +
			"Former Vice President Vale has publicly voiced support for same-sex marriage and, mirroring Nora’s stance, has reportedly said the matter should be decided on a state-by-state basis.\n",
			"has reportedly said", "Tom Vale"},
		{"a surname after the headline's", family + "Her father, Tom Vale, backed her in June.\n\n" +
			"Mr. Vale has publicly voiced support for same-sex marriage and, mirroring Nora’s stance, has reportedly said the matter should be decided on a state-by-state basis.\n",
			"has reportedly said", "Tom Vale"},
		{"a new subject after and", "Cup blow\n\nRuiz sustained a knee injury in the cup defeat at Leeds and manager Jo Brandt said: \"He cannot run.\"\n", "said:", "Jo Brandt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := attributionWith(t, extractOrFail(t, tc.text), "with cue "+tc.cue, hasCue(tc.cue))
			if a.Speaker.Name != tc.want {
				t.Errorf("speaker %q (source %+v), want %q", a.Speaker.Name, a.Source, tc.want)
			}
		})
	}
}
