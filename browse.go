package claimtrail

import "context"

// SpeakerFilter selects speakers for a listing; zero fields do not filter.
type SpeakerFilter struct {
	// Name matches the name or an alias, case-insensitive, as a substring.
	Name string
	Kind SpeakerKind
	// MinStatements drops speakers with fewer attributions.
	MinStatements int
	After         string
	Limit         int
}

// SpeakerLister is a store that pages through speakers with filters,
// most quoted first, then by name. The sqlite store implements it.
type SpeakerLister interface {
	SpeakerPage(ctx context.Context, f SpeakerFilter) ([]SpeakerStat, string, error)
}
