//go:build linux

package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/sqlite"
)

// memScaleFingerprint hashes a store's cluster members (by article URL,
// attribution and piece: not by id, which follows the order the
// workers' articles were committed in), live phrase graph (each form's last row in
// cluster_links, unless it removes the form), summaries and the order
// the clusters are numbered in (seq, by their newest members: the same
// across runs with one worker only, CLAIMTRAIL_MEMSCALE_WORKERS=1, as
// the attribution ids follow the order the articles were committed in),
// as the sqlite scale test's clusterFingerprint does: rows and FNV-64a
// of each.
func memScaleFingerprint(t *testing.T, path string) string {
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := ""
	for _, q := range []string{
		`SELECT a.url, t.ord, m.piece, c.id FROM cluster_members m JOIN clusters c ON c.seq = m.cluster_seq
			JOIN attributions t ON t.id = m.attribution_id JOIN articles a ON a.id = t.article_id ORDER BY 1, 2, 3`,
		`SELECT form, parent, sim FROM (SELECT form, parent, sim, row_number() OVER (PARTITION BY form ORDER BY seq DESC) AS last
			FROM cluster_links) WHERE last = 1 AND parent IS NOT NULL ORDER BY form`,
		`SELECT id, text, speakers, quotes, articles FROM clusters ORDER BY id`,
		`SELECT seq, id FROM clusters ORDER BY seq`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		h, n := fnv.New64a(), 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, vals...)
			n++
		}
		if err := cmpErr(rows.Err(), rows.Close()); err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprintf(" %d:%x", n, h.Sum64())
	}
	return out
}

// TestMemScale (CLAIMTRAIL_MEMSCALE=1; issue 10's bar "ingest memory
// stays flat from 10k to 1M articles") runs `claimtrail ingest` of one
// fixed batch of real articles (the first CLAIMTRAIL_MEMSCALE_ARTICLES,
// 2,000 unless set, of BBC and PTC in path order, as JSONL with URLs of
// their own) into a copy of stores of each size, one child process a
// size, and reports each run's peak RSS (VmHWM) and peak Go heap in
// use and live (runtime/metrics, sampled every 100 ms), split into the
// part before every item was committed (extraction) and the part after
// (the cross-article step), with ratios to the first size.
//
// The stores are those TestScaleClusterNewQuotes keeps (sqlite,
// CLAIMTRAIL_SCALE_KEEP=DIR: DIR/scale-SIZE.db, SIZE quotes of ten an
// article, clustered), read from CLAIMTRAIL_MEMSCALE_STORES=DIR for the
// sizes CLAIMTRAIL_MEMSCALE_SIZES (10000,100000,1000000 unless set; 0
// is a fresh store; a size whose store is absent is skipped). Copies go
// to CLAIMTRAIL_MEMSCALE_TMP (the test's temporary folder unless set),
// are migrated to the current schema before the ingest is measured
// (migrateStore), and are removed after each run. CLAIMTRAIL_MEMSCALE_PROFILE=PREFIX
// writes each run's heap profile at its highest live heap
// (PREFIX.SIZE.heap; `go tool pprof -top -sample_index=inuse_space`).
// CLAIMTRAIL_MEMSCALE_TRACE=FILE appends to FILE the run's RSS beside
// the runtime's memory classes each time the RSS grows (memTrace).
// CLAIMTRAIL_MEMSCALE_WORKERS=N extracts with N workers (2 unless set),
// and CLAIMTRAIL_MEMSCALE_FINGERPRINT=1 logs a fingerprint of each
// resulting store's clusters (memScaleFingerprint), to compare builds.
//
// CLAIMTRAIL_MEMSCALE_LONG=N instead runs one ingest of N articles into
// a fresh store (the corpora repeated, each copy with other URLs and
// dates) and logs RSS and heap every N/20 items committed: whether a
// long run grows.
//
//	CLAIMTRAIL_MEMSCALE=1 CLAIMTRAIL_MEMSCALE_STORES=/tmp/keep \
//	  go test ./cmd/claimtrail -run '^TestMemScale$' -v -timeout 2h
func TestMemScale(t *testing.T) {
	if child := os.Getenv("CLAIMTRAIL_MEMSCALE_CHILD"); child != "" {
		memScaleChild(t, child)
		return
	}
	if os.Getenv("CLAIMTRAIL_MEMSCALE") == "" {
		t.Skip("memory scale test (minutes): set CLAIMTRAIL_MEMSCALE=1")
	}
	dirs := []string{shareddata.Dir(t, "bbc"), shareddata.Dir(t, "ptc")}
	tmp := os.Getenv("CLAIMTRAIL_MEMSCALE_TMP")
	if tmp == "" {
		tmp = t.TempDir()
	}
	if v := os.Getenv("CLAIMTRAIL_MEMSCALE_LONG"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			t.Fatalf("CLAIMTRAIL_MEMSCALE_LONG: bad count %q", v)
		}
		jsonl := filepath.Join(tmp, "memscale-long.jsonl")
		writeMemScaleJSONL(t, jsonl, dirs, n)
		defer os.Remove(jsonl)
		db := filepath.Join(tmp, "memscale-long.db")
		defer removeStore(db)
		r := runMemScaleChild(t, memScaleRun{DB: db, JSONL: jsonl, Items: n, Every: max(1, n/20)})
		for _, s := range r.Samples {
			t.Logf("%7d items: RSS %4d MB, heap in use %4d MB, live %4d MB", s.Items, s.RSS>>20, s.Heap>>20, s.Live>>20)
		}
		t.Logf("long run of %d articles: %s", n, r)
		return
	}
	articles := 2000
	if v := os.Getenv("CLAIMTRAIL_MEMSCALE_ARTICLES"); v != "" {
		var err error
		if articles, err = strconv.Atoi(v); err != nil || articles <= 0 {
			t.Fatalf("CLAIMTRAIL_MEMSCALE_ARTICLES: bad count %q", v)
		}
	}
	sizes := []int{10_000, 100_000, 1_000_000}
	if v := os.Getenv("CLAIMTRAIL_MEMSCALE_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 0 {
				t.Fatalf("CLAIMTRAIL_MEMSCALE_SIZES: bad size %q", f)
			}
			sizes = append(sizes, n)
		}
	}
	stores := os.Getenv("CLAIMTRAIL_MEMSCALE_STORES")
	jsonl := filepath.Join(tmp, "memscale.jsonl")
	writeMemScaleJSONL(t, jsonl, dirs, articles)
	defer os.Remove(jsonl)
	var base *memScaleResult
	for _, n := range sizes {
		db := filepath.Join(tmp, fmt.Sprintf("memscale-%d.db", n))
		if n > 0 {
			src := filepath.Join(stores, fmt.Sprintf("scale-%d.db", n))
			if _, err := os.Stat(src); stores == "" || err != nil {
				t.Logf("store of %d quotes: no %s, skipped (CLAIMTRAIL_MEMSCALE_STORES)", n, src)
				continue
			}
			copyStore(t, src, db)
			migrateStore(t, db)
		}
		began := time.Now()
		r := runMemScaleChild(t, memScaleRun{DB: db, JSONL: jsonl, Items: articles, Profile: profilePath(n)})
		if os.Getenv("CLAIMTRAIL_MEMSCALE_FINGERPRINT") != "" {
			t.Logf("store of %d quotes + %d articles: clusters %s", n, articles, memScaleFingerprint(t, db))
		}
		removeStore(db)
		if base == nil {
			base = &r
		}
		t.Logf("store of %d quotes + %d articles (%v): %s; peak RSS x%.2f of the first size",
			n, articles, time.Since(began).Round(time.Second), r, float64(r.PeakRSS)/float64(base.PeakRSS))
	}
}

// profilePath is where the run into a store of n quotes writes its heap
// profile ("" for none).
func profilePath(n int) string {
	if p := os.Getenv("CLAIMTRAIL_MEMSCALE_PROFILE"); p != "" {
		return fmt.Sprintf("%s.%d.heap", p, n)
	}
	return ""
}

// writeMemScaleJSONL writes n articles of the .txt files under dirs
// (in path order, repeated when n is larger) as JSON Lines, each with
// a URL of its own and, from the second copy on, a later date.
func writeMemScaleJSONL(t *testing.T, path string, dirs []string, n int) {
	t.Helper()
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(files)
	if len(files) == 0 {
		t.Skip("no articles in the shared data")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	texts := map[string]string{}
	for i := range n {
		file, copyNo := files[i%len(files)], i/len(files)
		text, ok := texts[file]
		if !ok {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
			texts[file] = text
		}
		rel := strings.TrimPrefix(file, filepath.Dir(filepath.Dir(filepath.Dir(file))))
		rec := map[string]string{
			"url":  fmt.Sprintf("https://memscale.example/%d%s", copyNo, filepath.ToSlash(rel)),
			"text": text,
			"date": time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, copyNo).Format(time.RFC3339),
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// copyStore copies a SQLite store (and its WAL, if any) to dst.
func copyStore(t *testing.T, src, dst string) {
	t.Helper()
	removeStore(dst)
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(dst + suffix)
		if err == nil {
			_, err = io.Copy(out, in)
			err = cmpErr(err, out.Close())
		}
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// migrateStore brings the store at path to the current schema by
// opening and closing it, so that the ingest measured after it runs no
// migration: a kept store made before migration 112 peaked at 386-415
// MB at 1M with the migration inside the ingest, 310 migrated first
// (session 30), which is the migration's memory, not the ingest's.
func migrateStore(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	before := schemaVersion(t, path)
	began := time.Now()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate the copy %s: %v", path, err)
	}
	after, err := st.SchemaVersion(ctx)
	if err = cmpErr(err, st.Close()); err != nil {
		t.Fatalf("migrate the copy %s: %v", path, err)
	}
	if after != before {
		t.Logf("%s: migrated from schema %d to %d in %v, before the measured ingest",
			filepath.Base(path), before, after, time.Since(began).Round(100*time.Millisecond))
	}
}

// schemaVersion is the highest migration applied to the SQLite store at
// path, read without opening it as a Store (which would migrate it).
func schemaVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v sql.NullInt64
	if err := db.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		t.Fatalf("schema version of %s: %v", path, err)
	}
	return int(v.Int64)
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func removeStore(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// memScaleRun is what the parent asks a child to do.
type memScaleRun struct {
	DB, JSONL string
	// Items is how many items the ingest reports in all (the end of
	// extraction); Every, when positive, asks for a sample each Every
	// items.
	Items, Every int
	Profile      string
}

// memScaleSample is the process's memory at a point of a run.
type memScaleSample struct {
	Items           int
	RSS, Heap, Live uint64
}

// memScaleResult is what a child reports.
type memScaleResult struct {
	// PeakRSS is VmHWM at the end; the others are maxima of the 100 ms
	// samples, before every item was committed (Extract) and after
	// (Step).
	PeakRSS               uint64
	ExtractRSS, StepRSS   uint64
	ExtractHeap, StepHeap uint64
	ExtractLive, StepLive uint64
	Elapsed, Step         time.Duration
	Samples               []memScaleSample
	Output                string
}

func (r memScaleResult) String() string {
	return fmt.Sprintf("peak RSS %d MB (extraction %d, step %d), heap in use %d / %d MB, live %d / %d MB, %v (step %v): %s",
		r.PeakRSS>>20, r.ExtractRSS>>20, r.StepRSS>>20, r.ExtractHeap>>20, r.StepHeap>>20, r.ExtractLive>>20, r.StepLive>>20,
		r.Elapsed.Round(time.Second), r.Step.Round(time.Second), strings.TrimSpace(r.Output))
}

// runMemScaleChild runs the test binary again as a child that ingests
// (memScaleChild), so that its peak RSS is the ingest's alone.
func runMemScaleChild(t *testing.T, run memScaleRun) memScaleResult {
	t.Helper()
	spec, err := json.Marshal(run)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemScale$", "-test.v")
	cmd.Env = append(os.Environ(), "CLAIMTRAIL_MEMSCALE_CHILD="+string(spec))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s", err, out.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "MEMSCALE "); ok {
			var r memScaleResult
			if err := json.Unmarshal([]byte(rest), &r); err != nil {
				t.Fatal(err)
			}
			return r
		}
	}
	t.Fatalf("child printed no result:\n%s", out.String())
	return memScaleResult{}
}

// memTrace appends a line to path (when set) each time the RSS has
// grown by 4 MB or more since the last line, and at the end: the RSS
// beside the Go heap's objects and live bytes and what the runtime has
// mapped (its total, the free heap, released, unused in spans, the
// metadata), so that the RSS a run peaks at can be told from the heap
// (the rest of the RSS is SQLite's memory and the binary: RssAnon
// less what the runtime holds is SQLite's, RssFile the binary's pages).
type memTrace struct {
	path  string
	began time.Time
	rss   uint64
}

func (m *memTrace) sample(final bool, done int, rss, heap, live uint64) error {
	if m.path == "" || (rss < m.rss+4<<20 && !final) {
		return nil
	}
	m.rss = rss
	ms := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"}, {Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/metadata/other:bytes"}}
	metrics.Read(ms)
	f, err := os.OpenFile(m.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%6.1fs items %d: RSS %d MB (anon %d, file %d), heap %d, live %d; runtime total %d, free %d, released %d, unused %d, metadata %d\n",
		time.Since(m.began).Seconds(), done, rss>>20, procStatus("RssAnon")>>20, procStatus("RssFile")>>20, heap>>20, live>>20,
		ms[0].Value.Uint64()>>20, ms[1].Value.Uint64()>>20, ms[2].Value.Uint64()>>20, ms[3].Value.Uint64()>>20, ms[4].Value.Uint64()>>20)
	return cmpErr(err, f.Close())
}

// memScaleChild ingests as `claimtrail --db DB ingest --workers 2
// JSONL` does, sampling the process's memory, and prints the result as
// one line "MEMSCALE {json}".
func memScaleChild(t *testing.T, spec string) {
	var run memScaleRun
	if err := json.Unmarshal([]byte(spec), &run); err != nil {
		t.Fatal(err)
	}
	var r memScaleResult
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	items := func() int {
		n := 0
		for _, o := range []string{"inserted", "updated", "unchanged", "failed"} {
			n += int(itemsTotal.With(o).Value())
		}
		return n
	}
	var profErr error
	trace := memTrace{path: os.Getenv("CLAIMTRAIL_MEMSCALE_TRACE"), began: time.Now()}
	sample := func(final bool) {
		metrics.Read(samples)
		heap, live := samples[0].Value.Uint64(), samples[1].Value.Uint64()
		rss := procStatus("VmRSS")
		done := items()
		profErr = cmpErr(profErr, trace.sample(final, done, rss, heap, live))
		if done < run.Items {
			r.ExtractRSS, r.ExtractHeap, r.ExtractLive = max(r.ExtractRSS, rss), max(r.ExtractHeap, heap), max(r.ExtractLive, live)
		} else {
			r.StepRSS, r.StepHeap, r.StepLive = max(r.StepRSS, rss), max(r.StepHeap, heap), max(r.StepLive, live)
		}
		if run.Every > 0 && (final || done >= (len(r.Samples)+1)*run.Every) {
			r.Samples = append(r.Samples, memScaleSample{done, rss, heap, live})
		}
		// A heap profile at each new high of the live heap (by 4 MB or
		// more): the last one written is the run's peak.
		if run.Profile != "" && live >= lastProfiled+4<<20 {
			lastProfiled = live
			f, err := os.Create(run.Profile)
			if err == nil {
				err = cmpErr(pprof.WriteHeapProfile(f), f.Close())
			}
			profErr = cmpErr(profErr, err)
		}
	}
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sample(false)
			}
		}
	}()
	var out bytes.Buffer
	stdout, stderr = &out, &out
	began := time.Now()
	stepAt := make(chan time.Time, 1)
	go func() {
		// the end of extraction, for the step's time
		for items() < run.Items {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
		stepAt <- time.Now()
	}()
	workers := cmp.Or(os.Getenv("CLAIMTRAIL_MEMSCALE_WORKERS"), "2")
	code := run_(context.Background(), []string{"--db", run.DB, "ingest", "--workers", workers, run.JSONL})
	close(stop)
	<-stopped
	sample(true)
	r.Elapsed = time.Since(began)
	select {
	case at := <-stepAt:
		r.Step = time.Since(at)
	default:
	}
	r.PeakRSS = procStatus("VmHWM")
	r.Output = out.String()
	if code != exitOK {
		t.Fatalf("ingest exited %d: %s", code, out.String())
	}
	if profErr != nil {
		t.Fatal(profErr)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("MEMSCALE %s\n", b)
}

// lastProfiled is the live heap of the child's last heap profile.
var lastProfiled uint64

// run_ is run with kong's exit turned into a return.
func run_(ctx context.Context, args []string) int {
	return run(ctx, args, func(c int) { panic(fmt.Sprintf("exit %d", c)) })
}

// procStatus reads a field of /proc/self/status in bytes (kB there), 0
// when it cannot.
func procStatus(field string) uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
