package extract

import "testing"

// TestReportInLeadingConcession: a report made in a "while" or "although"
// clause that opens the sentence, also after "And" or "But", ends where
// the main clause begins, also at a comma that closes a quote and for a
// "that" clause with its own verb; a "that" clause reported in the main
// clause, after a leading clause that closed before the source, keeps
// its own comma.
func TestReportInLeadingConcession(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"after And, at a quote's comma", "Ad tracking\n\nThey fail. And while the firms claim to allow the user to opt out of \"interest-based ads,\" it's not clear that the opt-outs govern data collection itself, rather than just the use of the data.\n", "claim",
			"the firms", "to allow the user to opt out of \"interest-based ads,\""},
		{"a that clause with its verb", "Catch limits\n\nThe deal was signed in 2015. While Norway told the U.N. fisheries agency on Tuesday that it plans only to raise its catch within limits set by the 2015 deal, the announcement came with threats from a top Norwegian official that the catch could be quickly expanded.\n", "told",
			"Norway", "that it plans only to raise its catch within limits set by the 2015 deal"},
		{"after But", "Budget fight\n\nThe bill passed. But while Senator Vell says the plan cuts schools, even he admitted that his own budget trims them.\n", "says",
			"Senator Vell", "the plan cuts schools"},
		// near miss: the leading clause closed before the source
		{"clause closed before the source", "Plague\n\nCases have dropped. Since the disease can kill in hours, experts warn that since no case was seen this week, it could return.\n", "warn",
			"experts", "that since no case was seen this week, it could return"},
	})
}
