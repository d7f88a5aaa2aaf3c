package claimtrail

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestClusterMemberSpeakerShape(t *testing.T) {
	tests := []struct {
		m    ClusterMember
		want string
	}{
		{ClusterMember{Speaker: "Jane Doe", SpeakerID: 7, SpeakerKind: SpeakerPerson}, `"speaker":{"id":7,"name":"Jane Doe","kind":"person"}`},
		{ClusterMember{}, `"speaker":{"name":"","kind":"unknown"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.m)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tt.want) || strings.Count(string(b), `"speaker"`) != 1 {
			t.Errorf("%s, want %s", b, tt.want)
		}
		var back ClusterMember
		if err := json.Unmarshal(b, &back); err != nil || back.Speaker != tt.m.Speaker || back.SpeakerID != tt.m.SpeakerID {
			t.Errorf("round trip %s: %+v, %v", b, back, err)
		}
	}
	var old ClusterMember
	if err := json.Unmarshal([]byte(`{"speaker":"Jane Doe","text":"x"}`), &old); err != nil || old.Speaker != "Jane Doe" || old.Text != "x" {
		t.Errorf("old form: %+v, %v", old, err)
	}
}
