package claimtrail

import "testing"

// BenchmarkVerbatimQuotes looks for quoted pieces in contents as the
// extractor's rules ask about them: mostly paraphrase without a quote
// mark, some with a scare quote or a full quote. One op is the whole set.
func BenchmarkVerbatimQuotes(b *testing.B) {
	texts := []string{
		"that the government would review the decision before the end of the year",
		"the plan was fair to everyone who had paid into the fund since 2010",
		"that the deal was “grossly unfair” to workers in the region",
		"“We will not back down, whatever the cost,”",
		"that he had been misquoted in the Sunday Times on Monday",
		"the Department of Health and the Ministry of Defence had not met",
	}
	var content [][]Span
	for _, t := range texts {
		content = append(content, []Span{{Start: 0, End: len([]rune(t)), Text: t}})
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, c := range content {
			n += len(VerbatimQuotes(KindMixed, c))
		}
	}
	if n == 0 {
		b.Fatal("no quotes found")
	}
}
