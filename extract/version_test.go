package extract

import (
	"bytes"
	"strings"
	"testing"
)

// TestVersionFollowsModels: the version changes when any model a mode
// uses changes, and only then (the rules part is bumped by hand).
func TestVersionFollowsModels(t *testing.T) {
	a, b := []byte("model one"), []byte("model two")
	if versionOf(ModeDefault, a, b) != versionOf(ModeDefault, bytes.Clone(a), bytes.Clone(b)) {
		t.Error("same bytes, different versions")
	}
	for _, tc := range []struct {
		name   string
		models [][]byte
	}{
		{"one byte changed", [][]byte{[]byte("model onf"), b}},
		{"second model changed", [][]byte{a, []byte("model twx")}},
		{"bytes moved between files", [][]byte{[]byte("model on"), []byte("emodel two")}},
		{"a model dropped", [][]byte{a}},
	} {
		if versionOf(ModeDefault, tc.models...) == versionOf(ModeDefault, a, b) {
			t.Errorf("%s: version unchanged", tc.name)
		}
	}
	seen := map[string]Mode{}
	for _, m := range []Mode{ModeDefault, ModeFast, ModeAccurate} {
		v := ModeVersion(m)
		if !strings.HasPrefix(v, RulesVersion+"+") || !strings.HasSuffix(v, "-"+m.String()) {
			t.Errorf("%v: version %q does not read RULES+DIGEST-MODE", m, v)
		}
		if other, dup := seen[v]; dup {
			t.Errorf("modes %v and %v share version %q", m, other, v)
		}
		seen[v] = m
	}
}

// TestVersionOfEmbeddedModels: retraining the fast model (here: one bit
// of its embedded bytes flipped) changes the version of the fast mode and
// of the modes that use it as their first pass.
func TestVersionOfEmbeddedModels(t *testing.T) {
	e, err := NewFast()
	if err != nil {
		t.Fatal(err)
	}
	if e.Version() != ModeVersion(ModeFast) {
		t.Errorf("NewFast().Version() = %q, ModeVersion = %q", e.Version(), ModeVersion(ModeFast))
	}
	before := map[Mode]string{}
	for _, m := range []Mode{ModeDefault, ModeFast, ModeAccurate} {
		before[m] = ModeVersion(m)
	}
	saved := attributionFastModel
	t.Cleanup(func() { attributionFastModel = saved })
	attributionFastModel = bytes.Clone(saved)
	attributionFastModel[len(attributionFastModel)/2] ^= 1
	for _, m := range []Mode{ModeDefault, ModeFast, ModeAccurate} {
		if ModeVersion(m) == before[m] {
			t.Errorf("%v: version %q unchanged after the fast model changed", m, before[m])
		}
	}
	attributionFastModel = saved
	savedAcc := attributionAccurateModel
	t.Cleanup(func() { attributionAccurateModel = savedAcc })
	attributionAccurateModel = append(bytes.Clone(savedAcc), 0)
	if ModeVersion(ModeAccurate) == before[ModeAccurate] {
		t.Error("accurate: version unchanged after its model changed")
	}
	if ModeVersion(ModeDefault) != before[ModeDefault] || ModeVersion(ModeFast) != before[ModeFast] {
		t.Error("the accurate model changed the other modes' versions")
	}
	if custom := NewFastWithModel(e.model).Version(); !strings.Contains(custom, "custom") {
		t.Errorf("a caller's model gives version %q, want it marked custom", custom)
	}
}

// TestVersionDigestedWhenAsked: loading an embedded mode does not digest
// its models (a command that never prints the version does not pay for
// it); Version does, and gives ModeVersion, with or without stances.
func TestVersionDigestedWhenAsked(t *testing.T) {
	saved := embeddedVersions
	t.Cleanup(func() { embeddedVersions = saved })
	for _, m := range []Mode{ModeDefault, ModeFast, ModeAccurate} {
		calls := 0
		embeddedVersions = func(mode Mode) string { calls++; return saved(mode) }
		e, err := NewMode(m)
		if err != nil {
			t.Fatal(err)
		}
		if calls != 0 {
			t.Errorf("%v: NewMode digested the models %d time(s)", m, calls)
		}
		if got, want := e.Version(), ModeVersion(m); got != want {
			t.Errorf("%v: Version() = %q, want %q", m, got, want)
		}
		if got, want := e.WithStances(true).Version(), ModeVersion(m)+"+stances"; got != want {
			t.Errorf("%v: with stances Version() = %q, want %q", m, got, want)
		}
		if calls != 2 {
			t.Errorf("%v: Version asked the digest %d time(s), want 2", m, calls)
		}
	}
}
