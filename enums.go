package claimtrail

// The closed sets of the domain, listed once so that filters, API
// parameters, the UI and the stores validate against the same values.

// Kinds are the attribution kinds, in the order listings show them.
var Kinds = []Kind{KindDirect, KindIndirect, KindMixed}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return oneOf(k, Kinds) }

// MarkerTypes are the reporter marker types, in the order listings show
// them.
var MarkerTypes = []MarkerType{MarkerUnsupported, MarkerFalse, MarkerHedged, MarkerRetracted, MarkerDenied}

// Valid reports whether t is one of MarkerTypes.
func (t MarkerType) Valid() bool { return oneOf(t, MarkerTypes) }

// SpeakerKinds are the speaker kinds.
var SpeakerKinds = []SpeakerKind{SpeakerPerson, SpeakerOrganization, SpeakerGroup, SpeakerDescription, SpeakerUnknown}

// Valid reports whether k is one of SpeakerKinds.
func (k SpeakerKind) Valid() bool { return oneOf(k, SpeakerKinds) }

// Strings returns the values of a closed set as plain strings (for
// messages and API enums).
func Strings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func oneOf[T comparable](v T, set []T) bool {
	for _, x := range set {
		if v == x {
			return true
		}
	}
	return false
}
