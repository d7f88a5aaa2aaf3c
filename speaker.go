package claimtrail

import (
	"cmp"
	"slices"
	"strings"
)

// NameCount is an outlet or channel with how many of a speaker's
// attributions it carries: a speaker's page shows the outlets quoting
// the speaker most (at most TopOutlets, most first, then by name) and
// every channel used (most first, then by name). Empty names are left
// out.
type NameCount struct {
	Name         string `json:"name"`
	Attributions int    `json:"attributions"`
}

// TopOutlets is how many outlets a speaker's summary lists.
const TopOutlets = 5

// TopNameCounts lists the n names of counts counted most, most first,
// then by name: the order NameCount's doc promises, in one place for
// every store that counts in memory.
func TopNameCounts(counts map[string]int, n int) []NameCount {
	out := []NameCount{}
	for name, c := range counts {
		out = append(out, NameCount{Name: name, Attributions: c})
	}
	slices.SortFunc(out, func(a, b NameCount) int {
		return cmp.Or(cmp.Compare(b.Attributions, a.Attributions), cmp.Compare(a.Name, b.Name))
	})
	return out[:min(n, len(out))]
}

// SpeakerDescription is a speaker the article only describes with common
// nouns ("analysts", "the company", "the report", "critics"): who it is
// cannot be told beyond the article, so two articles' "analysts" are not
// one speaker. Stores keep such speakers with their attribution and never
// merge them across articles.
const SpeakerDescription SpeakerKind = "description"

// descriptionFlag keeps a description speaker's words with its
// attribution in a store: a description ("analysts") is local to its
// article and gets no speaker row, so the stores keep it as a flag that
// readers turn back into the speaker and never show.
const descriptionFlag = "speaker-description:"

// FlagsWithDescription returns flags with sp's words added when sp is a
// description speaker (a copy; flags is not changed).
func FlagsWithDescription(flags []string, sp Speaker) []string {
	if sp.Kind != SpeakerDescription || strings.TrimSpace(sp.Name) == "" {
		return flags
	}
	return append(append([]string(nil), flags...), descriptionFlag+strings.TrimSpace(sp.Name))
}

// TakeDescription restores a description speaker kept in flags into sp
// (unless sp is a stored speaker) and returns the other flags, reusing
// flags' array.
func TakeDescription(flags []string, sp *Speaker) []string {
	out := flags[:0]
	for _, f := range flags {
		if name, ok := strings.CutPrefix(f, descriptionFlag); ok {
			if sp.ID == 0 {
				sp.Name, sp.Kind = name, SpeakerDescription
			}
			continue
		}
		out = append(out, f)
	}
	return out
}
