package claimtrail

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// SpeakerVotes counts, per canonical speaker name, the members of a
// cluster attributed to it and the kind they give it: what a cluster's
// Speaker (the majority) and Speakers are made from.
type SpeakerVotes struct {
	count map[string]int
	kind  map[string]SpeakerKind
}

// Add counts one member attributed to name (canonical; "" is not
// counted: an unknown speaker casts no vote).
func (v *SpeakerVotes) Add(name string, kind SpeakerKind) {
	if name == "" {
		return
	}
	if v.count == nil {
		v.count, v.kind = map[string]int{}, map[string]SpeakerKind{}
	}
	v.count[name]++
	if k := v.kind[name]; k == "" || k == SpeakerUnknown {
		v.kind[name] = kind
	}
}

// Speakers lists every speaker voted for, by name (never nil).
func (v *SpeakerVotes) Speakers() []Speaker {
	out := make([]Speaker, 0, len(v.count))
	for name := range v.count {
		out = append(out, Speaker{Name: name, Kind: cmp.Or(v.kind[name], SpeakerUnknown)})
	}
	slices.SortFunc(out, func(a, b Speaker) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Majority is the speaker with most votes (ties to the name first in
// order, so that the answer does not depend on the order members came
// in), or the unknown speaker when there was no vote.
func (v *SpeakerVotes) Majority() Speaker {
	best := Speaker{Kind: SpeakerUnknown}
	n := 0
	for _, sp := range v.Speakers() {
		if c := v.count[sp.Name]; c > n {
			best, n = sp, c
		}
	}
	return best
}

// SpeakerNames lists the names of a cluster's speakers.
func (c Cluster) SpeakerNames() []string {
	out := make([]string, len(c.Speakers))
	for i, sp := range c.Speakers {
		out[i] = sp.Name
	}
	return out
}

// HasSpeaker reports whether one of a cluster's speakers is name,
// ignoring case.
func (c Cluster) HasSpeaker(name string) bool {
	return slices.ContainsFunc(c.Speakers, func(sp Speaker) bool { return strings.EqualFold(sp.Name, name) })
}

// StoredSpeakers is how a store keeps a cluster's speakers in one JSON
// column: the array of Speakers (without ids, which a merge may change)
// with the majority Speaker first. ReadStoredSpeakers is its inverse.
func (c *Cluster) StoredSpeakers() string {
	list := make([]Speaker, 0, len(c.Speakers))
	if c.Speaker.Name != "" {
		list = append(list, Speaker{Name: c.Speaker.Name, Kind: c.Speaker.Kind})
	}
	for _, sp := range c.Speakers {
		if sp.Name != c.Speaker.Name {
			list = append(list, Speaker{Name: sp.Name, Kind: sp.Kind})
		}
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// ReadStoredSpeakers sets Speaker and Speakers from StoredSpeakers'
// form; an array of bare names (as stores wrote before) reads as
// speakers of unknown kind, the first the majority.
func (c *Cluster) ReadStoredSpeakers(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("cluster %d speakers: %w", c.ID, err)
	}
	c.Speakers = make([]Speaker, 0, len(raw))
	for _, r := range raw {
		var sp Speaker
		if len(r) > 0 && r[0] == '"' {
			if err := json.Unmarshal(r, &sp.Name); err != nil {
				return fmt.Errorf("cluster %d speakers: %w", c.ID, err)
			}
		} else if err := json.Unmarshal(r, &sp); err != nil {
			return fmt.Errorf("cluster %d speakers: %w", c.ID, err)
		}
		sp.Kind = cmp.Or(sp.Kind, SpeakerUnknown)
		c.Speakers = append(c.Speakers, sp)
	}
	c.Speaker = Speaker{Kind: SpeakerUnknown}
	if len(c.Speakers) > 0 {
		c.Speaker = c.Speakers[0]
	}
	slices.SortFunc(c.Speakers, func(a, b Speaker) int { return strings.Compare(a.Name, b.Name) })
	return nil
}

// SetSpeakerIDs gives the cluster's speakers the ids of the stored
// speakers of their names (ids maps a name to its id; names it lacks
// keep no id).
func (c *Cluster) SetSpeakerIDs(ids map[string]int64) {
	for i := range c.Speakers {
		c.Speakers[i].ID = ids[c.Speakers[i].Name]
	}
	if c.Speaker.Name != "" {
		c.Speaker.ID = ids[c.Speaker.Name]
	}
}
