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

// OlderFunc reads up to limit matches stored before the one with id
// before (smaller ids), newest first, after skipping skip of them; their
// ranks are all 0.
type OlderFunc func(before int64, limit, skip int) ([]int64, []float64, error)

// PageRanked cuts SearchPage's page, from offset on, out of a store's
// ranked candidates (ids and ranks in SortRanked order; oldest the
// smallest id among them). When the candidates may not be every match
// (more) and the page reaches past them, older matches follow, read by
// older; a page that starts past the candidates is older's alone. Both
// stores page this way, so they cut pages alike.
func PageRanked(ids []int64, ranks []float64, oldest int64, more bool, offset, limit int, older OlderFunc) ([]int64, []float64, error) {
	if need := offset + limit + 1; more && need > len(ids) {
		skip := max(0, offset-len(ids))
		olderIDs, zeros, err := older(oldest, need-len(ids)-skip, skip)
		if err != nil {
			return nil, nil, err
		}
		if skip > 0 {
			return olderIDs, zeros, nil
		}
		ids, ranks = append(ids, olderIDs...), append(ranks, zeros...)
	}
	if offset >= len(ids) {
		return nil, nil, nil
	}
	return ids[offset:], ranks[offset:], nil
}
