package http

import (
	"net/http"

	"github.com/claimtrail/claimtrail"
)

// apiRelations serves GET /api/relations?type=&cluster=&attribution=:
// corrections, contradictions and reversals (claimtrail.Relation), from a
// store that finds them (sqlite and postgres both do); 404 from one that does not.
func (s *Server) apiRelations(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "type", "cluster", "attribution")
	f := claimtrail.RelationFilter{
		Type:          claimtrail.RelationType(q.enum("type", []string{"corrects", "contradicts", "reverses"})),
		Cluster:       q.int64("cluster"),
		AttributionID: q.int64("attribution"),
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	rs, ok := s.Clusters.(claimtrail.RelationStore)
	if !ok {
		s.writeError(w, r, claimtrail.Errorf(claimtrail.ENOTFOUND, "this store does not find relations"))
		return
	}
	rels, err := rs.Relations(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"relations": rels})
}
