package http

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail"
)

// The statement page tells what happened to one statement: where it
// first appeared, how it spread across outlets, and, on the same time
// axis, the statements that corrected, contradicted or reversed it (and
// those it answered).

// storyEvent is one row of a statement's timeline.
type storyEvent struct {
	When time.Time
	// Kind is "first", "quoted", "corrects", "contradicts", "reverses".
	Kind string
	// Incoming: the event answers this statement (a correction of it);
	// otherwise this statement answers the other one.
	Incoming   bool
	Outlet     string
	ArticleID  int64
	Source     string
	Speaker    string
	Text       string
	Confidence float64
	Evidence   []claimtrail.EvidenceSpan
	Cluster    int64
}

func (s *Server) uiStatement(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "statement")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, err := s.Clusters.Cluster(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var events []storyEvent
	outlets := map[string]bool{}
	for i, m := range c.Members {
		kind := "quoted"
		if i == 0 {
			kind = "first"
		}
		outlets[m.Outlet] = true
		events = append(events, storyEvent{When: m.Published, Kind: kind, Outlet: m.Outlet, ArticleID: m.ArticleID,
			Source: m.Source, Speaker: m.Speaker, Text: m.Text})
	}
	if rs, ok := s.Clusters.(claimtrail.RelationStore); ok {
		rels, err := rs.Relations(r.Context(), claimtrail.RelationFilter{Cluster: c.ID})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		for _, rel := range rels {
			other, incoming := rel.From, true
			if rel.From.Cluster == c.ID {
				other, incoming = rel.To, false
			}
			events = append(events, storyEvent{When: other.Published, Kind: string(rel.Type), Incoming: incoming,
				Source: other.ArticleSource, Speaker: other.Speaker, Text: other.Text, Confidence: rel.Confidence,
				Evidence: rel.Evidence, Cluster: other.Cluster})
		}
	}
	slices.SortStableFunc(events, func(a, b storyEvent) int {
		if az, bz := a.When.IsZero(), b.When.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.When.UnixNano(), b.When.UnixNano())
	})
	s.render(w, r, http.StatusOK, "statement", view{Title: "Statement: " + truncate(c.Text, 60), Nav: "clusters", Data: struct {
		Cluster *claimtrail.Cluster
		Events  []storyEvent
		Outlets int
	}{c, events, len(outlets)}})
}
