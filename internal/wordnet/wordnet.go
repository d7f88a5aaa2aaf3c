// Package wordnet reads WordNet 3.0's database files (Debian
// wordnet-base) for the generators that turn its classes into Go word
// lists (resolve/internal/gennouns, extract/internal/genverbs), and
// writes those lists.
package wordnet

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// EachLine calls fn with the fields of each line of a WordNet file that is
// not a licence line (those start with spaces).
func EachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// Wrapped writes words space-separated in lines of about 90 bytes, as the
// generated lists hold them.
func Wrapped(b *strings.Builder, words []string) {
	line := 0
	for i, w := range words {
		if i > 0 {
			if line+len(w) > 90 {
				b.WriteString("\n")
				line = 0
			} else {
				b.WriteString(" ")
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
}
