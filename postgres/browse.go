package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
)

var _ claimtrail.SpeakerLister = (*Store)(nil)

// SpeakerPage implements claimtrail.SpeakerLister as the sqlite store
// does: most quoted first, then by name, paged by offset.
func (s *Store) SpeakerPage(ctx context.Context, f claimtrail.SpeakerFilter) ([]claimtrail.SpeakerStat, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	offset := 0
	if f.After != "" {
		cur, err := claimtrail.DecodeCursor(f.After)
		if err != nil || cur.Key != "speakers" {
			return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "invalid speakers cursor %q", f.After)
		}
		offset = int(cur.ID) - 1
	}
	var where []string
	var a args
	if name := strings.TrimSpace(f.Name); name != "" {
		like := a.add("%" + escapeLike(strings.ToLower(name)) + "%")
		where = append(where, `(sp.name_key LIKE `+like+` OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias_key LIKE `+like+`))`)
	}
	if f.Kind != "" {
		switch f.Kind {
		case claimtrail.SpeakerPerson, claimtrail.SpeakerOrganization, claimtrail.SpeakerGroup, claimtrail.SpeakerUnknown:
		default:
			return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "unknown speaker kind %q (want person, organization, group or unknown)", f.Kind)
		}
		where = append(where, `sp.kind = `+a.add(string(f.Kind)))
	}
	q := `SELECT sp.id, sp.name_key, coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0) AS n FROM speakers sp`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q = `SELECT x.id FROM (` + q + `) x`
	if f.MinStatements > 0 {
		q += ` WHERE x.n >= ` + a.add(f.MinStatements)
	}
	q += ` ORDER BY x.n DESC, x.name_key, x.id LIMIT ` + a.add(limit+1) + ` OFFSET ` + a.add(offset)
	var ids []int64
	err = s.each(ctx, q, a, func(row pgx.Row) error {
		var id int64
		err := row.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("speakers: %w", err)
	}
	next := ""
	if len(ids) > limit {
		ids = ids[:limit]
		next = claimtrail.Cursor{Key: "speakers", ID: int64(offset + limit + 1)}.Encode()
	}
	out := []claimtrail.SpeakerStat{}
	if len(ids) == 0 {
		return out, "", nil
	}
	stats, err := s.speakerStats(ctx, speakerStatQuery+` WHERE sp.id = ANY($1)`+speakerStatGroup, args{ids})
	if err != nil {
		return nil, "", err
	}
	byID := make(map[int64]claimtrail.SpeakerStat, len(stats))
	for _, st := range stats {
		byID[st.ID] = st
	}
	for _, id := range ids {
		if st, ok := byID[id]; ok {
			out = append(out, st)
		}
	}
	return out, next, nil
}
