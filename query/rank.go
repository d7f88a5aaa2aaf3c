package query

import (
	"cmp"
	"slices"
)

// SortRanked orders a store's ranked candidates as SearchPage promises:
// best rank first (lower is better, as BM25 scores and negated ts_rank
// are), ties by id. It lives here so that the SQLite and PostgreSQL
// stores cannot drift apart on the order of equally ranked matches. The
// inputs are left as they are; the returned slices are new.
func SortRanked(ids []int64, ranks []float64) ([]int64, []float64) {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(ranks[a], ranks[b]); c != 0 {
			return c
		}
		return cmp.Compare(ids[a], ids[b])
	})
	outIDs, outRanks := make([]int64, 0, len(ids)), make([]float64, 0, len(ids))
	for _, i := range order {
		outIDs, outRanks = append(outIDs, ids[i]), append(outRanks, ranks[i])
	}
	return outIDs, outRanks
}
