package trail

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// countingDetails is memDetails that counts the reads, as a store's
// Details would make queries.
type countingDetails struct {
	memDetails
	gets int
}

func (c *countingDetails) Get(keys []int64) map[int64]*Detail {
	c.gets++
	if !slices.IsSorted(keys) {
		panic("Get: keys not sorted")
	}
	return c.memDetails.Get(keys)
}

// TestDetailsOutside: an index whose details are kept by another
// Details (a store's) clusters and summarises as one keeping them
// itself, with members removed and replaced; SummariesOf equals
// SummaryOf key by key, with one read of the details for them all.
func TestDetailsOutside(t *testing.T) {
	quotes := synthSet(5, 120, 40)
	own := NewIndex(nil)
	outside := NewIndex(nil)
	cd := &countingDetails{memDetails: memDetails{}}
	outside.SetDetails(cd)
	for _, ix := range []*Index{own, outside} {
		for _, q := range quotes {
			ix.Add(q.Quote)
		}
		for i, q := range quotes {
			switch i % 7 {
			case 0:
				ix.Remove(q.ID)
			case 1:
				q.Text += " And that is that."
				ix.Add(q.Quote)
			}
		}
	}
	if !reflect.DeepEqual(own.Assignments(), outside.Assignments()) {
		t.Fatal("assignments differ")
	}
	if len(cd.memDetails) != outside.Len() {
		t.Errorf("the Details holds %d members, the index %d", len(cd.memDetails), outside.Len())
	}
	keys := outside.Keys()
	var want []any
	for _, k := range keys {
		a, _ := own.SummaryOf(k)
		b, ok := outside.SummaryOf(k)
		if !ok || !reflect.DeepEqual(a, b) {
			t.Fatalf("summary of %d: %+v, want %+v", k, b, a)
		}
		m, _ := outside.Member(k)
		if w, _ := own.Member(k); !reflect.DeepEqual(m, w) {
			t.Fatalf("member %d: %+v, want %+v", k, m, w)
		}
		want = append(want, b)
	}
	cd.gets = 0
	got, ok := outside.SummariesOf(append(keys, MemberKey(1<<40, 0)))
	if cd.gets != 1 {
		t.Errorf("SummariesOf read the details %d times, want once", cd.gets)
	}
	if ok[len(keys)] {
		t.Error("SummariesOf of an unknown key: ok")
	}
	for i := range keys {
		if !ok[i] || !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("SummariesOf %d: %+v, want %+v", keys[i], got[i], want[i])
		}
	}
	if !reflect.DeepEqual(own.Clusters(1), outside.Clusters(1)) {
		t.Error("clusters with members differ")
	}
}

// TestEachSummary: EachSummary gives, page by page and in order, the
// summary SummaryOf gives for each key, and stops at fn's error.
func TestEachSummary(t *testing.T) {
	ix := NewIndex(nil)
	for _, q := range synthSet(7, 60, 20) {
		ix.Add(q.Quote)
	}
	keys := ix.Keys()
	i := 0
	err := ix.EachSummary(keys, 7, func(c *claimtrail.Cluster) error {
		want, _ := ix.SummaryOf(keys[i])
		if !reflect.DeepEqual(*c, want) {
			t.Fatalf("summary %d (key %d): %+v, want %+v", i, keys[i], *c, want)
		}
		i++
		return nil
	})
	if err != nil || i != len(keys) {
		t.Fatalf("EachSummary: %d of %d summaries, err %v", i, len(keys), err)
	}
	stop := errors.New("stop")
	n := 0
	if err := ix.EachSummary(keys, 7, func(*claimtrail.Cluster) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("after an error: %d calls, err %v", n, err)
	}
}
