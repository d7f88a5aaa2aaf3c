package extract

import "testing"

// TestWordlessContent: a content of punctuation alone (the model stopped
// at the dash of an aside) is no statement; the words after the aside
// keep their own attribution.
func TestWordlessContent(t *testing.T) {
	const story = "Recordings described\n\n" +
		"Greek officials have described — but have not released — what they say are recordings that show the driver was beaten inside the station.\n\n" +
		"And what did these Orders say? The Orders said that the guards must obey the captain.\n"
	runExtractCases(t, []extractCase{
		{name: "dash", text: story, content: "—", want: false},
		{name: "question mark", text: story, content: "?", want: false},
		{name: "after the aside", text: story, content: "recordings that show the driver", want: true, speaker: "-"},
	})
}
