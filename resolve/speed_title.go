package resolve

// isTitleCase asks titleCaseAt once of each paragraph, which counted the
// capitalised words of the whole paragraph (0.35% of the default mode's
// instructions over BBC politics). A paragraph of prose is told early:
// once even a capital on every token left could not lift the share of
// capitalised words to 70%, the answer is no.

// titleCaseOut reports that a paragraph with words words so far, caps of
// them capitalised, and at most rest tokens left cannot end with
// caps*10 >= words*7, even were every token left a capitalised word.
func titleCaseOut(words, caps, rest int) bool {
	return (caps+rest)*10 < (words+rest)*7
}
