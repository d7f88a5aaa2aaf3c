package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// SpeakerPage implements claimtrail.SpeakerLister: speakers most quoted
// first, then by name and id, filtered by name or alias, kind and a
// minimum number of statements, paged by a cursor (an offset: the order
// depends on counts, which have no index to seek on).
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
	var args []any
	if name := strings.TrimSpace(f.Name); name != "" {
		like := "%" + escapeLike(strings.ToLower(name)) + "%"
		where = append(where, `(lower(sp.name) LIKE ? ESCAPE '\' OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE ? ESCAPE '\'))`)
		args = append(args, like, like)
	}
	if f.Kind != "" {
		switch f.Kind {
		case claimtrail.SpeakerPerson, claimtrail.SpeakerOrganization, claimtrail.SpeakerGroup, claimtrail.SpeakerUnknown:
		default:
			return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "unknown speaker kind %q (want person, organization, group or unknown)", f.Kind)
		}
		where = append(where, `sp.kind = ?`)
		args = append(args, string(f.Kind))
	}
	q := `SELECT sp.id, coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0) AS n FROM speakers sp`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	if f.MinStatements > 0 {
		q = `SELECT id, n FROM (` + q + `) WHERE n >= ?`
		args = append(args, f.MinStatements)
	}
	q = `SELECT x.id FROM (` + q + `) x JOIN speakers sp ON sp.id = x.id ORDER BY x.n DESC, sp.name, sp.id LIMIT ? OFFSET ?`
	args = append(args, limit+1, offset)
	var ids []int64
	err = s.each(ctx, q, args, func(sc scanner) error {
		var id int64
		if err := sc.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
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
	js, _ := json.Marshal(ids)
	stats, err := s.speakerStats(ctx, speakerStatQuery+` WHERE sp.id IN (SELECT value FROM json_each(?))`+speakerStatGroup, []any{string(js)})
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

// clusterMemberFilters adds the ClusterFilter conditions that look at a
// cluster's members (alias c for the cluster).
func clusterMemberFilters(f claimtrail.ClusterFilter, where []string, args []any) ([]string, []any) {
	var member []string
	if f.Outlet != "" {
		member, args = append(member, `ar.outlet = ? COLLATE NOCASE`), append(args, f.Outlet)
	}
	if !f.Since.IsZero() {
		member, args = append(member, `ar.published >= ?`), append(args, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		member, args = append(member, `ar.published < ?`), append(args, formatTime(f.Until))
	}
	if f.SpeakerKind != "" {
		member, args = append(member, `coalesce(sp.kind, 'unknown') = ?`), append(args, string(f.SpeakerKind))
	}
	if len(member) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM cluster_members cm JOIN attributions a ON a.id = cm.attribution_id JOIN articles ar ON ar.id = a.article_id
			LEFT JOIN speakers sp ON sp.id = a.speaker_id WHERE cm.cluster_seq = c.seq AND `+strings.Join(member, " AND ")+`)`)
	}
	if f.Marker != "" {
		where = append(where, `EXISTS (SELECT 1 FROM cluster_members cm JOIN markers m ON m.attribution_id = cm.attribution_id WHERE cm.cluster_seq = c.seq AND m.type = ?)`)
		args = append(args, string(f.Marker))
	}
	return where, args
}
