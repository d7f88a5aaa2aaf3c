package eval

import "testing"

func TestSplitClass(t *testing.T) {
	for _, c := range []struct {
		aFound, bFound bool
		aFile, bFile   string
		a, b           string
		want           string
	}{
		{false, true, "x", "y", "the harbor tolls", "the harbor tolls", SplitNotFound},
		{true, true, "x", "x", "the harbor tolls", "the ferry schedule", SplitSameArticle},
		{true, true, "x", "y", "The harbor tolls will pay", "for the new breakwater", SplitNoWords},
		{true, true, "x", "y", "The harbor tolls will pay", "and the Tolls, she said", SplitSharedWords},
		// Stopwords alone are no shared words.
		{true, true, "x", "y", "and that is what we will do", "we will not do that", SplitNoWords},
	} {
		if got := splitClass(c.aFound, c.bFound, c.aFile, c.bFile, c.a, c.b); got != c.want {
			t.Errorf("splitClass(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

func TestSpeakerClass(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"Ann Lee", "Ann Lee", SpeakersSame},
		{"Ann Lee", "ann lee ", SpeakersSame},
		{"Ann Lee", "Lee", SpeakersDifferent},
		{"letter", "writers", SpeakersDifferent},
		{"Ann Lee", "", SpeakersUnresolved},
		{"", "", SpeakersUnresolved},
	} {
		if got := speakerClass(c.a, c.b); got != c.want {
			t.Errorf("speakerClass(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}
