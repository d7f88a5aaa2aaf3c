package claimtrail

import "testing"

func TestValidSets(t *testing.T) {
	for _, tc := range []struct {
		name  string
		valid bool
		got   bool
	}{
		{"direct", true, Kind("direct").Valid()},
		{"mixed", true, KindMixed.Valid()},
		{"quote", false, Kind("quote").Valid()},
		{"empty kind", false, Kind("").Valid()},
		{"hedged", true, MarkerType("hedged").Valid()},
		{"Hedged", false, MarkerType("Hedged").Valid()},
		{"denied", true, MarkerDenied.Valid()},
		{"sarcastic", false, MarkerType("sarcastic").Valid()},
		{"group", true, SpeakerGroup.Valid()},
		{"robot", false, SpeakerKind("robot").Valid()},
	} {
		if tc.got != tc.valid {
			t.Errorf("%s: Valid() = %v, want %v", tc.name, tc.got, tc.valid)
		}
	}
	if got := Strings(MarkerTypes); len(got) != 5 || got[0] != "unsupported" {
		t.Errorf("Strings(MarkerTypes) = %q", got)
	}
}

func TestHashText(t *testing.T) {
	// The SHA-256 of "abc", a published test vector.
	if got := HashText("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("HashText(abc) = %s", got)
	}
	if HashText("a") == HashText("b") {
		t.Error("different texts, same hash")
	}
}

// TestDescriptionSpeakerIsValid: the resolver's description speakers must
// pass Article.Validate, or every article with an "analysts said" is
// refused at ingest (found when the two changes met).
func TestDescriptionSpeakerIsValid(t *testing.T) {
	if !SpeakerDescription.Valid() {
		t.Fatal("SpeakerDescription is not a valid speaker kind")
	}
}
