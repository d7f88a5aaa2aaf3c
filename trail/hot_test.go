package trail

import (
	"slices"
	"testing"
)

// TestFormNumbersReused: a removed form's number goes to the next new
// form, and the posting lists and ranks read through the numbers stay
// those of the live forms.
func TestFormNumbersReused(t *testing.T) {
	ix := NewIndex(nil)
	ix.Add(Quote{ID: 1, Text: `"the harbour tolls will pay for the new bridge next spring"`})
	ix.Add(Quote{ID: 2, Text: `"the harbour tolls will pay for the new bridge"`})
	n := ix.formOf(MemberKey(1, 0))
	id := n.id
	ix.Remove(1)
	if ix.formAt(id) != nil || !slices.Contains(ix.freeIDs, id) {
		t.Fatalf("form number %d not freed", id)
	}
	ix.Add(Quote{ID: 3, Text: `"the harbour tolls will pay for the new bridge and the ferry next spring"`})
	m := ix.formOf(MemberKey(3, 0))
	if m.id != id || ix.formAt(id) != m || ix.hot.at(id).words != int32(len(ix.appendIDs(nil, m))) || ix.hot.at(id).weight != ix.weightOf(m) {
		t.Fatalf("new form got number %d (freed %d) or stale hot fields", m.id, id)
	}
	c2, _ := ix.ClusterOf(MemberKey(2, 0))
	c3, _ := ix.ClusterOf(MemberKey(3, 0))
	if c2 != c3 {
		t.Errorf("the cut did not join the longer form that took the freed number")
	}
}
