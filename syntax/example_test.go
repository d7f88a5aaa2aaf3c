package syntax_test

import (
	"fmt"

	"github.com/claimtrail/claimtrail/syntax"
)

// The three models run in sequence over one tokenized sentence. Load them
// once; they are safe for concurrent use.
func Example() {
	tagger, err := syntax.LoadTagger()
	if err != nil {
		panic(err)
	}
	ner, _ := syntax.LoadEntityTagger()
	parser, _ := syntax.LoadParser()

	words := []string{"“", "We", "will", "win", ",", "”", "Trump", "told", "reporters", "."}
	tags := make([]string, len(words))
	ents := make([]string, len(words))
	heads := make([]int, len(words))
	labels := make([]string, len(words))
	tagger.Tag(words, tags)
	ner.Tag(words, tags, ents)
	parser.Parse(words, tags, heads, labels)
	for i, w := range words {
		head := "ROOT"
		if heads[i] >= 0 {
			head = words[heads[i]]
		}
		fmt.Printf("%s/%s %s %s(%s)\n", w, tags[i], ents[i], labels[i], head)
	}
}
