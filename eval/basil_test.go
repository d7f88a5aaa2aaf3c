package eval

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		gold, predicted string
		want            bool
	}{
		{"Rick Perry", "Rick Perry", true},
		{"Rick Perry", "Perry", true},
		{"Rick Perry", "Gov. Rick Perry", false}, // titles are the resolver's job to strip
		{"Joe Biden", "Joseph R. Biden", false},  // given names conflict without a nickname table
		{"Joe Biden", "Joe R. Biden Jr.", true},
		{"Donald Trump", "Donald J. Trump", true},
		{"Donald Trump", "Ivanka Trump", false},
		{"Donald Trump", "", false},
		{"Obama campaign", "Obama campaign", true},
		{"Senate Republicans", "Republicans", true},
		{"NAACP", "Benjamin Jealous", false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.gold, tt.predicted); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tt.gold, tt.predicted, got, tt.want)
		}
	}
}

func TestIsPersonLabel(t *testing.T) {
	for label, want := range map[string]bool{
		"Elizabeth Lauten": true, "Raul Labrador": true, "Obama campaign": false,
		"Republican Lawmakers": false, "NAACP": false, "Secure America Now": false,
		"internet companies": false, "Tea Party": false,
	} {
		if got := IsPersonLabel(label); got != want {
			t.Errorf("IsPersonLabel(%q) = %v, want %v", label, got, want)
		}
	}
}

// TestBasilDev holds the scores on BASIL dev (real news) above floors just
// under what the extractor reaches, so a change that loses real quotes or
// speakers fails here even when PolNeAR does not move.
func TestBasilDev(t *testing.T) {
	dir := shareddata.Dir(t, "basil", "dev")
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Basil(context.Background(), dir, ex)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Quotes != 317 || rep.Persons != 81 {
		t.Fatalf("read %d quotes, %d with a named person; the README says 317 and 81", rep.Quotes, rep.Persons)
	}
	floors := []struct {
		name     string
		got, of  int
		atLeastP float64
	}{
		{"found", rep.Found, rep.Quotes, 0.95},
		{"verbatim found", rep.FoundVerbatim, rep.InMarks, 0.93},
		{"named person found", rep.PersonsFound, rep.Persons, 0.90},
		{"named person right", rep.PersonsRight, rep.PersonsFound, 0.80},
	}
	for _, f := range floors {
		if float64(f.got) < f.atLeastP*float64(f.of) {
			t.Errorf("%s: %d/%d, floor %.0f%%", f.name, f.got, f.of, 100*f.atLeastP)
		}
	}
}
