package trail

import (
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestPendingDetails(t *testing.T) {
	var p PendingDetails
	if p.Len() != 0 {
		t.Fatal("new PendingDetails not empty")
	}
	d := &Detail{Key: 30, Text: "a", Markers: []claimtrail.Marker{{Type: "hedge"}}}
	p.Put(d)
	p.Put(&Detail{Key: 10, Text: "b"})
	p.Drop(20)
	if n := p.Put(&Detail{Key: 20, Text: "c"}); n != 3 {
		t.Fatalf("Put returned %d pending, want 3", n)
	}
	if n := p.Drop(10); n != 3 {
		t.Fatalf("Drop returned %d pending, want 3", n)
	}
	d.Text = "changed after Put"
	keys, get := p.Take()
	if !slices.Equal(keys, []int64{10, 20, 30}) {
		t.Fatalf("keys %v, want 10 20 30", keys)
	}
	if get(10) != nil || get(20).Text != "c" || get(30).Text != "a" || get(30).Markers != nil {
		t.Fatalf("details %v %v %v", get(10), get(20), get(30))
	}
	if p.Len() != 0 {
		t.Fatal("Take left writes pending")
	}
}
