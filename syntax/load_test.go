package syntax

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// collectedSoon runs the collector until done reports true, for up to
// about 100 ms.
func collectedSoon(done *atomic.Bool) bool {
	for range 50 {
		if done.Load() {
			return true
		}
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}
	return done.Load()
}

// TestSharedModel: a model is one instance while anything holds it,
// and is collected once nothing does; loading it again decodes it
// again.
func TestSharedModel(t *testing.T) {
	var decoded atomic.Int32
	m := sharedModel[[1 << 16]byte]{decode: func() (*[1 << 16]byte, error) {
		decoded.Add(1)
		return new([1 << 16]byte), nil
	}}
	var collected atomic.Bool
	func() {
		a, _ := m.get()
		b, _ := m.get()
		if a != b || decoded.Load() != 1 {
			t.Fatalf("two loads while held: same %v, decoded %d times; want one instance", a == b, decoded.Load())
		}
		runtime.AddCleanup(a, func(c *atomic.Bool) { c.Store(true) }, &collected)
	}()
	if !collectedSoon(&collected) {
		t.Fatal("the model was not collected with nothing holding it")
	}
	if c, _ := m.get(); c == nil || decoded.Load() != 2 {
		t.Errorf("load after collection: decoded %d times, want 2", decoded.Load())
	}
}

// TestLoadTaggerLetsGo: the embedded tagger is one instance while held,
// and the package does not keep it once its users are done (an
// ingest's clustering step then has its 19 MB).
func TestLoadTaggerLetsGo(t *testing.T) {
	var collected atomic.Bool
	func() {
		a, err := LoadTagger()
		if err != nil {
			t.Fatal(err)
		}
		b, err := LoadTagger()
		if err != nil {
			t.Fatal(err)
		}
		if a != b {
			t.Error("two loads of the tagger while one is held gave two instances")
		}
		runtime.AddCleanup(a, func(c *atomic.Bool) { c.Store(true) }, &collected)
	}()
	if !collectedSoon(&collected) {
		t.Error("the tagger was not collected with nothing holding it")
	}
}
