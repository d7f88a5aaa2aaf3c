package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

// TestNamedList: a group's name that lists persons' names only is
// protected as a named person's quote is; a group described by a name
// ("Trump critics") or by a party ("Labour and Tory MPs") is not.
func TestNamedList(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Ryan Vell and Tam Dorsey", true},
		{"Senators Ann Vell, Tam Dorsey and Joe Pike", true},
		{"Ann Vell", false},
		{"Trump critics", false},
		{"Labour and Tory MPs", false},
		{"Ann Vell and officials", false},
	} {
		if got := namedList(tc.name); got != tc.want {
			t.Errorf("namedList(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPhrasalAct: verbs of doing in phrases that look like reports ("put
// it up on the net", "made a point of turning", "failed to clear the
// bar", "failed one of her assignments", "named as person of interest")
// are no speech; their near misses ("as Marx put it:", "put it in a
// statement", "made a point of thanking", "failed to mention", "failed to
// reveal") are.
func TestPhrasalAct(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	for _, tc := range []struct {
		cue, content string
		want         bool
	}{
		{"put it up on", "the net as open source software", true},
		{"put it", "up on the net as open source software", true},
		{"made a point of", "turning to face the chancellor", true},
		{"failed to clear", "the bar after deciding to come in late", true},
		{"failed", "one of her student's assignments", true},
		{"named", "as person of interest", true},
		// near misses
		{"put it:", "\"To call upon people to give up their illusions\"", false},
		{"put it in a statement to", "a colleague, the network is providing a view", false},
		{"made a point of", "thanking the volunteers", false},
		{"failed to mention", "that they were adverts", false},
		{"failed to reveal", "any details", false},
		{"named", "Mr Vell as one of five executives", false},
	} {
		if got := phrasalAct(att(tc.cue, tc.content)); got != tc.want {
			t.Errorf("phrasalAct(%q, %q) = %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestTrailingPronounQuotes: "“...,” he remarks." gives the quote its cue
// and the pronoun, where the model read "remarks" as a noun; a pronoun
// and a verb of no saying ("he runs") give none.
func TestTrailingPronounQuotes(t *testing.T) {
	x := extractOrFail(t, "Long lives\n\nMr Toshi wants to outlive everyone.\n\nOn the edge of the city, 83-year-old Yuji Shimo plays golf with friends.\n\n\"I think this is because the food has improved,\" he remarks. \"On average, we can live longer.\"\n")
	attributionWith(t, x, "with cue remarks", hasCue("remarks"))
	noCueIn(t, strings.Contains, "runs",
		"Long lives\n\nOn the edge of the city, 83-year-old Yuji Shimo plays golf with friends.\n\n\"I think this is because the food has improved,\" he runs. \"On average, we can live longer.\"\n")
}

// TestQuoteUnderATopicLabel: in a list of quotes under "Some Vell
// quotations:", a quote after a short label of its topic on its line ("On
// Hezbollah: “...”", "On the press: “...”") is Vell's too, and keeps the
// speaker past the rules for quotes after another's lead-in; a long line
// of narrative ending in a colon is no label.
func TestQuoteUnderATopicLabel(t *testing.T) {
	const head = "Photo row\n\nThe site has published the photo with Reed’s permission.\nAsked whether he thought the photo’s release would have affected the campaign, Reed said, “I insist.\nIt absolutely would have made a difference.”\nSome Vell quotations:\n“My god will wipe this country from the face of the earth.”\n"
	for _, tc := range []struct{ name, line, want string }{
		{"label", "On Hezbollah: “You are wicked deceivers of the people.\nYou have misled them.”\n", "Vell"},
		{"lower-case label", "On the press: “You are wicked deceivers of the people.\nYou have misled them.”\n", "Vell"},
		{"narrative", "The remarks drew protests across the city and a statement from the mayor, who wrote: “You are wicked deceivers of the people.\nYou have misled them.”\n", ""},
	} {
		x := extractOrFail(t, head+tc.line)
		for _, a := range x.Attributions {
			if len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "wicked deceivers") && (a.Speaker.Name == "Vell") != (tc.want == "Vell") {
				t.Errorf("%s: speaker %q, want %q", tc.name, a.Speaker.Name, tc.want)
			}
		}
	}
}

// TestClaimThenClauseSubject: a source "a point the Harlow press office"
// (from "..., a point the Harlow press office denied") is the office;
// "The statement issued by Vell" and "a statement late Thursday" keep
// their heads.
func TestClaimThenClauseSubject(t *testing.T) {
	for _, tc := range []struct{ text, source, want string }{
		{"He said the letters did not speak for the bishops, a point the Harlow press office denied.", "a point the Harlow press office", "the Harlow press office"},
		{"She would have settled, a statement Vell's lawyer said.", "a statement Vell's lawyer", "Vell's lawyer"},
		// near misses
		{"The statement issued by Vell also said profits fell.", "The statement issued by Vell", "The statement issued by Vell"},
		{"In a statement late Thursday, the mayor said the road was shut.", "a statement late Thursday", "a statement late Thursday"},
	} {
		d := segment.Segment("Title\n\n" + tc.text)
		s := strings.Index(d.Text, tc.source)
		f := attribute.Found{Source: attribute.Range{Start: tokenFrom(d, s), End: tokenFrom(d, s+len(tc.source))}}
		zeroRelativeSubject(d, &f)
		if got := d.Text[d.Tokens[f.Source.Start].Start:d.Tokens[f.Source.End-1].End]; got != tc.want {
			t.Errorf("%q: source %q, want %q", tc.source, got, tc.want)
		}
	}
}

// TestTimeAfterCueOver: "reported over | the weekend, a father ..." moves
// the time into the cue; "reported over | the phone that" (no time)
// stays.
func TestTimeAfterCueOver(t *testing.T) {
	for _, tc := range []struct{ text, cue, content, wantCue string }{
		{"As the site reported over the weekend, a father opened fire on officers.", "reported over", "the weekend, a father opened fire on officers", "reported over the weekend"},
		{"The site reported over the weekend that a father opened fire on officers.", "reported over", "the weekend that a father opened fire on officers", "reported over the weekend"},
		// near miss: no time after "over"
		{"The clerk reported over the phone that a father opened fire on officers.", "reported over", "the phone that a father opened fire on officers", "reported over"},
	} {
		d := segment.Segment("Title\n\n" + tc.text)
		r := func(s string) attribute.Range {
			i := strings.Index(d.Text, s)
			return attribute.Range{Start: tokenFrom(d, i), End: tokenFrom(d, i+len(s))}
		}
		c := r(tc.content)
		f := attribute.Found{Cue: r(tc.cue), Content: c, Pieces: []attribute.Range{c}}
		fs := []attribute.Found{f}
		timeBeforeThat(d, fs)
		if got := d.Text[d.Tokens[fs[0].Cue.Start].Start:d.Tokens[fs[0].Cue.End-1].End]; got != tc.wantCue {
			t.Errorf("%q: cue %q, want %q", tc.text, got, tc.wantCue)
		}
	}
}
