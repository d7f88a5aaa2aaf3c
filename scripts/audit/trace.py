#!/usr/bin/env python3
"""Trace one article through the extractor's passes: print the model's
attributions, then each pass that adds or removes one (source, cue and
content pieces), to see which rule made or broke an attribution.

usage: python3 scripts/audit/trace.py ARTICLE.txt

It writes a throwaway test, extract/zz_trace_test.go, whose body is the
pass list read from extract/extract.go at the time (so it follows the
pipeline as it is), runs it with `go test`, and removes it again. Default
mode only.
"""
import os, subprocess, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
src = open(os.path.join(root, 'extract', 'extract.go')).read().split('\n')
start = next(i for i, l in enumerate(src) if 'found := nounCompoundReports(d, dropCredits(d, all))' in l)
end = next(i for i, l in enumerate(src) if 'found = dropHypothetical(d, found)' in l)
body = []
for l in src[start:end + 1]:
    t = l.strip()
    if not t or t.startswith('//'):
        continue
    body.append('\t' + t)
    body.append('\ttr("%s", found)' % t.replace('\\', '\\\\').replace('"', '\\"'))
test = '''package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

func TestZZTrace(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("TRACE_FILE"))
	if err != nil {
		t.Skip()
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	d, _ := segment.SegmentContext(ctx, string(b))
	view := attribute.NewText(d)
	sel, _ := e.selector.CueSentencesContext(ctx, view, selectorSlack)
	_ = e.syntax.annotateContext(ctx, d, sel, false)
	all, _ := e.model.FindContext(ctx, view, sel)
	show := func(f attribute.Found) string {
		sp := func(r attribute.Range) string {
			if r.Empty() {
				return "-"
			}
			return d.Text[d.Tokens[r.Start].Start:d.Tokens[r.End-1].End]
		}
		s := fmt.Sprintf("S[%s] C[%s]", sp(f.Source), sp(f.Cue))
		for _, p := range f.Pieces {
			x := sp(p)
			if len(x) > 60 {
				x = x[:60] + "..."
			}
			s += " P[" + x + "]"
		}
		return s
	}
	prev := map[string]bool{}
	for _, f := range all {
		prev[show(f)] = true
		fmt.Println("model:", show(f))
	}
	tr := func(name string, found []attribute.Found) {
		cur := map[string]bool{}
		for _, f := range found {
			cur[show(f)] = true
		}
		for k := range cur {
			if !prev[k] {
				fmt.Println(name, "+", k)
			}
		}
		for k := range prev {
			if !cur[k] {
				fmt.Println(name, "-", k)
			}
		}
		prev = cur
	}
''' + '\n'.join(body) + '\n}\n'
path = os.path.join(root, 'extract', 'zz_trace_test.go')
open(path, 'w').write(test)
try:
    env = dict(os.environ, TRACE_FILE=os.path.abspath(sys.argv[1]))
    out = subprocess.run(['go', 'test', '-count=1', '-run', '^TestZZTrace$', '-v', '.'],
                         cwd=os.path.join(root, 'extract'), env=env, capture_output=True, text=True)
    for line in (out.stdout + out.stderr).splitlines():
        if not line.startswith(('=== RUN', '--- PASS', 'PASS', 'ok ')):
            print(line)
finally:
    os.remove(path)
