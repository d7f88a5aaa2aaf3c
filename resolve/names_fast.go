package resolve

// plainLower reports a word that isCap is sure to call no name: two
// lower-case ASCII letters or more, and no "diGenova" (a capital third
// or fourth). It is small enough to be inlined, so that collectNames,
// which asks isCap of every token of an article, tells most words
// ("the", "said") without a call.
func plainLower(s string) bool {
	// (c-'a' < 26: c is in a-z, bytes below 'a' wrapping round)
	return len(s) >= 2 && s[0]-'a' < 26 && s[1]-'a' < 26 && (len(s) < 5 || s[2]-'a' < 26 && s[3]-'A' >= 26)
}
