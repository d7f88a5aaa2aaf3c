package sqlite

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestSpeakerPage(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	var names []string
	f := claimtrail.SpeakerFilter{Limit: 1}
	for range 10 {
		page, next, err := s.SpeakerPage(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range page {
			names = append(names, sp.Name)
		}
		if next == "" {
			break
		}
		f.After = next
	}
	if len(names) != 3 || names[0] != "Jane Doe" {
		t.Errorf("paged speakers %v, want 3, most quoted first", names)
	}
	page, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{MinStatements: 2})
	if err != nil || len(page) != 1 || page[0].Name != "Jane Doe" {
		t.Errorf("min 2 statements: %+v %v", page, err)
	}
	page, _, err = s.SpeakerPage(ctx, claimtrail.SpeakerFilter{Name: "mayor"})
	if err != nil || len(page) != 1 || page[0].Name != "Jane Doe" {
		t.Errorf("alias filter: %+v %v", page, err)
	}
	if _, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{Kind: "alien"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad kind: %v", err)
	}
	if _, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{After: "x"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}
