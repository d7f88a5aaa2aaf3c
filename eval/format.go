package eval

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// pct writes a fraction as a percentage with one decimal, as papers do.
func pct(f float64) string { return fmt.Sprintf("%.1f", 100*f) }

// WriteText writes the report as aligned tables: totals per role and
// criterion, then F1 per publisher.
func (r *Report) WriteText(w io.Writer) error {
	el := time.Duration(r.Elapsed)
	rate := 0.0
	if el > 0 {
		rate = float64(r.Documents) / el.Seconds()
	}
	fmt.Fprintf(w, "PolNeAR %s: %d documents, %d gold attributions, %d predicted (extractor %s)\n",
		r.Dir, r.Documents, r.GoldAttributions, r.PredictedAttributions, r.ExtractorVersion)
	fmt.Fprintf(w, "%d workers, %s, %.0f documents/s\n\n", r.Workers, el.Round(time.Millisecond), rate)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "role\tmatch\tgold\tpredicted\tcorrect\tP\tR\tF1\t")
	for _, role := range Roles {
		c := r.Total[role]
		for _, m := range []struct {
			name    string
			correct int
			prf     PRF
		}{{"exact", c.Exact, c.ExactPRF()}, {"overlap", c.Overlap, c.OverlapPRF()}} {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", role, m.name, c.Gold, c.Predicted, m.correct,
				pct(m.prf.Precision), pct(m.prf.Recall), pct(m.prf.F1))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nF1 per publisher (exact / overlap)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "publisher\tdocuments\tsource\tcue\tcontent\t")
	for _, p := range r.Publishers {
		fmt.Fprintf(tw, "%s\t%d", p.Publisher, p.Documents)
		for _, role := range Roles {
			c := p.Counts[role]
			fmt.Fprintf(tw, "\t%s / %s", pct(c.ExactPRF().F1), pct(c.OverlapPRF().F1))
		}
		fmt.Fprintln(tw, "\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Failures) > 0 {
		fmt.Fprintf(w, "\n%d documents failed to extract (scored as finding nothing):\n", len(r.Failures))
		for i, f := range r.Failures {
			if i == 10 {
				fmt.Fprintf(w, "  ... and %d more\n", len(r.Failures)-10)
				break
			}
			fmt.Fprintf(w, "  %s: %s\n", f.Document, f.Error)
		}
	}
	return nil
}

// clip shortens s to at most n code points for a table cell, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// WriteText writes the reference check as aligned tables.
func (r *ExpectedReport) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "%s: found %d/%d with the right speaker, %d with a wrong speaker, %d missing; %d predicted, %d extra, %d violations\n\n",
		r.Article, r.Found, r.Total, r.WrongSpeaker, r.Missing, r.Predicted, len(r.Extra), len(r.Violations))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tstatus\tspeaker\tpredicted speaker\tcover\tcontent\t")
	for _, it := range r.Items {
		pred, cov := "-", "-"
		if it.Predicted != nil {
			pred, cov = it.Predicted.Speaker, pct(it.Coverage)
			if pred == "" {
				pred = "(none)"
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", it.Index, it.Status, it.Speaker, pred, cov, clip(it.Content, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Extra) > 0 {
		fmt.Fprintln(w, "\nextra predictions (match no reference)")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "#\tspeaker\tsource\tcue\tspan\tcontent\t")
		for _, p := range r.Extra {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d-%d\t%s\t\n", p.Index, p.Speaker, p.Source, p.Cue, p.Start, p.End, clip(p.Content, 60))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Violations) > 0 {
		fmt.Fprintln(w, "\nviolations")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "#\tspeaker\tsource\trule\tcontent\t")
		for _, v := range r.Violations {
			p := v.Prediction
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\n", p.Index, p.Speaker, p.Source, clip(v.Rule, 70), clip(p.Content, 40))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// mib writes a byte count in MiB with one decimal.
func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// WriteBenchText writes bench passes as one aligned table, followed by
// each pass's speed relative to the first (the baseline).
func WriteBenchText(w io.Writer, passes []*BenchResult) error {
	if len(passes) == 0 {
		return nil
	}
	p0 := passes[0]
	fmt.Fprintf(w, "%d articles, %.1f MB per run; %d worker(s), %d run(s), %d cores (GOMAXPROCS %d)\n",
		p0.Articles, float64(p0.Bytes)/1e6, p0.Workers, p0.Runs, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	if p0.Failures > 0 {
		fmt.Fprintf(w, "%d files failed, first: %s\n", p0.Failures, p0.FirstFailure)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pass\tarticles/s\tMB/s\tbest articles/s\tpeak Go heap\tretained\talloc/article\tmax RSS\tfailures\t")
	for _, p := range passes {
		fmt.Fprintf(tw, "%s\t%.0f\t%.2f\t%.0f\t%s\t%s\t%.1f KiB\t%s\t%d\t\n", p.Name, p.ArticlesPerSec, p.MBPerSec, p.BestArticlesPerSec,
			mib(p.PeakHeapBytes), mib(p.RetainedHeapBytes), p.AllocBytesPerArticle/1024, mib(uint64(p.MaxRSSBytes)), p.Failures)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range passes[1:] {
		if p.ArticlesPerSec > 0 && p0.ArticlesPerSec > 0 {
			fmt.Fprintf(w, "%s takes %.1fx the time of %s per article\n", p.Name, p0.ArticlesPerSec/p.ArticlesPerSec, p0.Name)
		}
	}
	return nil
}
