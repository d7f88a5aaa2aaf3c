package trail

// Votes counts, for each old cluster id, the new clusters its quotes are
// in after a refresh, so that a store can point the old id at the new
// cluster that took most of its quotes (links and pages to the old id
// keep working). Both stores count the same way.
type Votes map[int64]map[int64]int

// Add counts one quote that was in cluster old and is in now; a quote
// that stayed, or had no cluster, counts nothing.
func (v Votes) Add(old, now int64) {
	if old == 0 || old == now {
		return
	}
	if v[old] == nil {
		v[old] = map[int64]int{}
	}
	v[old][now]++
}

// Successors maps each old cluster id to the new cluster with the most
// of its quotes (ties to the smaller id).
func (v Votes) Successors() map[int64]int64 {
	out := make(map[int64]int64, len(v))
	for old, vs := range v {
		best, bestN := int64(0), 0
		for id, n := range vs {
			if n > bestN || (n == bestN && id < best) {
				best, bestN = id, n
			}
		}
		out[old] = best
	}
	return out
}

// SuccessorsOf is Successors of the quotes stored under old cluster ids
// (quote key to cluster id) and assigned to new ones.
func SuccessorsOf(stored map[int64]int64, assigned map[int64]ClusterID) map[int64]int64 {
	v := Votes{}
	for q, old := range stored {
		if now, ok := assigned[q]; ok {
			v.Add(old, int64(now))
		}
	}
	return v.Successors()
}
