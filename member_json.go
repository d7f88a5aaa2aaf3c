package claimtrail

import (
	"encoding/json"
	"fmt"
)

// memberJSON is ClusterMember's JSON form without its methods.
type memberJSON ClusterMember

// MarshalJSON writes the member's speaker in the one speaker shape of the
// API and the CLI, {"id", "name", "kind"}, with the unknown speaker
// explicit: {"name": "", "kind": "unknown"} and no id.
func (m ClusterMember) MarshalJSON() ([]byte, error) {
	sp := Speaker{ID: m.SpeakerID, Name: m.Speaker, Kind: m.SpeakerKind}
	if sp.Name == "" {
		sp = Speaker{Kind: SpeakerUnknown}
	} else if sp.Kind == "" {
		sp.Kind = SpeakerUnknown
	}
	return json.Marshal(struct {
		memberJSON
		Speaker Speaker `json:"speaker"`
	}{memberJSON(m), sp})
}

// UnmarshalJSON reads the object form, and the bare name older versions
// wrote.
func (m *ClusterMember) UnmarshalJSON(b []byte) error {
	var v struct {
		memberJSON
		Speaker json.RawMessage `json:"speaker"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*m = ClusterMember(v.memberJSON)
	if len(v.Speaker) == 0 || string(v.Speaker) == "null" {
		return nil
	}
	if v.Speaker[0] == '"' {
		return json.Unmarshal(v.Speaker, &m.Speaker)
	}
	var sp Speaker
	if err := json.Unmarshal(v.Speaker, &sp); err != nil {
		return fmt.Errorf("cluster member speaker: %w", err)
	}
	m.Speaker, m.SpeakerID, m.SpeakerKind = sp.Name, sp.ID, sp.Kind
	return nil
}
