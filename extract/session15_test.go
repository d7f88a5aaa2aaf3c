package extract

import "testing"

// TestPronounAfterToldBy: the agent of "were told by X" is who goes on
// speaking, not a name talked about, and a newspaper's name is no "she".
func TestPronounAfterToldBy(t *testing.T) {
	story := "Council keeps quiet on flood plans\n\n" +
		"The Riverside Gazette has asked twice to speak with Mayor Tom Reilly about the flood plans.\n" +
		"Both times, reporters were told by Jane Ortiz, the council's director of communications, that the mayor “will not be giving interviews.”\n" +
		"“As he has said before, the review is still going on” she said in an email Thursday.\n"
	speakerOfContent(t, story, "review is still going on", "Jane Ortiz")
}

// TestNewspaperShortName: "the Post" after "the Washington Post" is that
// newspaper, not a new organisation called "Post"; "the Times" after two
// newspapers of that name stays as written.
func TestNewspaperShortName(t *testing.T) {
	story := "Mayor's plan questioned\n\n" +
		"The Greenford Post first reported the plan on Monday.\n" +
		"The mayor, Ana Ruiz, said the plan would cut costs.\n" +
		"The Post said the plan had been drafted by a consultant who was paid twice.\n"
	speakerOfContent(t, story, "drafted by a consultant", "Greenford Post")
	story = "Papers split on the plan\n\n" +
		"The Greenford Times and the Ashby Times both covered the plan on Monday.\n" +
		"The Times said the plan had been drafted by a consultant who was paid twice.\n"
	speakerOfContent(t, story, "drafted by a consultant", "Times")
}
