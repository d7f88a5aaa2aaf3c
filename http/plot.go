package http

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Plot geometry, in SVG user units; the SVG scales to the page width.
const (
	plotWidth   = 960
	plotLeft    = 210 // room for outlet names
	plotRight   = 40
	plotTop     = 36
	plotRowH    = 34
	plotBottomH = 44
)

// trailPlot draws the cluster's members as a timeline: one row per outlet
// (ordered by when it first carried the statement), time across, each
// member a point linked to its place in the article. The first appearance
// gets a ring and a label; cuts, variants and misattributions get their
// own shapes so the plot also reads in greyscale and print.
func trailPlot(c *claimtrail.Cluster, members []trailMember) template.HTML {
	type row struct {
		outlet string
		first  time.Time
	}
	var rows []row
	rowOf := map[string]int{}
	var tmin, tmax time.Time
	for _, m := range members {
		if _, ok := rowOf[m.Outlet]; !ok {
			rowOf[m.Outlet] = len(rows)
			rows = append(rows, row{outlet: m.Outlet})
		}
		rw := &rows[rowOf[m.Outlet]]
		if t := m.Published; !t.IsZero() {
			if rw.first.IsZero() || t.Before(rw.first) {
				rw.first = t
			}
			if tmin.IsZero() || t.Before(tmin) {
				tmin = t
			}
			if t.After(tmax) {
				tmax = t
			}
		}
	}
	// Outlets with unknown dates go last.
	slices.SortStableFunc(rows, func(a, b row) int {
		switch {
		case a.first.IsZero() && b.first.IsZero():
			return 0
		case a.first.IsZero():
			return 1
		case b.first.IsZero():
			return -1
		}
		return cmp.Or(a.first.Compare(b.first), cmp.Compare(a.outlet, b.outlet))
	})
	for i, rw := range rows {
		rowOf[rw.outlet] = i
	}
	if tmin.IsZero() {
		tmin = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		tmax = tmin
	}
	span := tmax.Sub(tmin)
	pad := max(span/20, time.Hour)
	tmin, tmax = tmin.Add(-pad), tmax.Add(pad)
	height := plotTop + len(rows)*plotRowH + plotBottomH
	xOf := func(t time.Time) float64 {
		return plotLeft + float64(t.Sub(tmin))/float64(tmax.Sub(tmin))*float64(plotWidth-plotLeft-plotRight)
	}
	yOf := func(i int) float64 { return plotTop + float64(i)*plotRowH + plotRowH/2 }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="trail-plot" viewBox="0 0 %d %d" role="img" aria-labelledby="plot-title plot-desc" xmlns="http://www.w3.org/2000/svg">`, plotWidth, height)
	fmt.Fprintf(&b, `<title id="plot-title">When each outlet carried the statement</title><desc id="plot-desc">%d quotes in %d outlets from %s to %s; rows are outlets in order of first appearance, time runs left to right.</desc>`,
		len(members), len(rows), tmin.Add(pad).Format("2 Jan 2006 15:04"), tmax.Add(-pad).Format("2 Jan 2006 15:04"))
	// Rows and outlet names.
	for i, rw := range rows {
		y := yOf(i)
		if i%2 == 0 {
			fmt.Fprintf(&b, `<rect class="band" x="0" y="%.1f" width="%d" height="%d"/>`, y-plotRowH/2, plotWidth, plotRowH)
		}
		fmt.Fprintf(&b, `<text class="outlet" x="%d" y="%.1f">%s</text>`, plotLeft-12, y+4, html.EscapeString(cmp.Or(rw.outlet, "unknown outlet")))
		fmt.Fprintf(&b, `<line class="row-line" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, plotLeft, plotWidth-plotRight, y, y)
	}
	// Day ticks: at midnights UTC, thinned to at most ~10 labels.
	axisY := plotTop + len(rows)*plotRowH
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, plotLeft, plotWidth-plotRight, axisY, axisY)
	days := int(tmax.Sub(tmin).Hours()/24) + 1
	step := max(1, (days+9)/10)
	for d := tmin.Truncate(24 * time.Hour).Add(24 * time.Hour); !d.After(tmax); d = d.Add(time.Duration(step) * 24 * time.Hour) {
		x := xOf(d)
		fmt.Fprintf(&b, `<line class="tick" x1="%.1f" x2="%.1f" y1="%d" y2="%d"/>`, x, x, plotTop, axisY+5)
		fmt.Fprintf(&b, `<text class="tick-label" x="%.1f" y="%d">%s</text>`, x, axisY+20, d.Format("2 Jan"))
	}
	if days <= 1 {
		fmt.Fprintf(&b, `<text class="tick-label" x="%.1f" y="%d">%s</text>`, xOf(tmin.Add(pad)), axisY+20, tmin.Add(pad).Format("2 Jan 15:04"))
	}
	// Points.
	for _, m := range members {
		if m.Published.IsZero() {
			continue
		}
		x, y := xOf(m.Published), yOf(rowOf[m.Outlet])
		cls := cmp.Or(m.Kind, "exact")
		if m.Misattributed {
			cls = "misattributed"
		}
		label := fmt.Sprintf("%s, %s: %s (%s, %s)", cmp.Or(m.Outlet, "unknown outlet"), m.Published.Format("2 Jan 15:04"), truncate(m.Text, 90), cmp.Or(m.Speaker, "no speaker"), cls)
		fmt.Fprintf(&b, `<a href="/articles/%d#att-%d" class="point-link" aria-label="%s">`, m.ArticleID, m.AttributionID, html.EscapeString(label))
		fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(label))
		if m.First {
			fmt.Fprintf(&b, `<circle class="first-ring" cx="%.1f" cy="%.1f" r="12"/>`, x, y)
			fmt.Fprintf(&b, `<text class="first-label" x="%.1f" y="%.1f">first</text>`, x, y-16)
		}
		switch cls {
		case "cut":
			fmt.Fprintf(&b, `<rect class="pt pt-cut" x="%.1f" y="%.1f" width="11" height="11"/>`, x-5.5, y-5.5)
		case "variant":
			fmt.Fprintf(&b, `<path class="pt pt-variant" d="M%.1f %.1fl7 7-7 7-7-7z"/>`, x, y-7)
		case "misattributed":
			fmt.Fprintf(&b, `<path class="pt pt-misattributed" d="M%.1f %.1fl7 12h-14z"/>`, x, y-7)
		default:
			fmt.Fprintf(&b, `<circle class="pt pt-exact" cx="%.1f" cy="%.1f" r="6"/>`, x, y)
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// statementsChart draws a speaker's statements per day as bars, so a
// reader sees when the speaker was most quoted.
func statementsChart(rows []claimtrail.AttributionRow) template.HTML {
	perDay := map[time.Time]int{}
	for _, r := range rows {
		if !r.Published.IsZero() {
			perDay[r.Published.UTC().Truncate(24*time.Hour)]++
		}
	}
	if len(perDay) == 0 {
		return ""
	}
	days := slices.SortedFunc(func(yield func(time.Time) bool) {
		for d := range perDay {
			if !yield(d) {
				return
			}
		}
	}, func(a, b time.Time) int { return a.Compare(b) })
	first, last := days[0], days[len(days)-1]
	n := int(last.Sub(first).Hours()/24) + 1
	if n > 120 { // a long history: bucket by week instead of day
		return weekChart(perDay, first, last)
	}
	return barChart(perDay, first, n, 24*time.Hour, "2 Jan")
}

func weekChart(perDay map[time.Time]int, first, last time.Time) template.HTML {
	perWeek := map[time.Time]int{}
	for d, c := range perDay {
		perWeek[first.Add(d.Sub(first)/(7*24*time.Hour)*(7*24*time.Hour))] += c
	}
	n := int(last.Sub(first).Hours()/(24*7)) + 1
	return barChart(perWeek, first, n, 7*24*time.Hour, "2 Jan 2006")
}

func barChart(counts map[time.Time]int, first time.Time, n int, step time.Duration, layout string) template.HTML {
	const w, h, left, bottom = 720, 160, 30, 28
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	barW := float64(w-left) / float64(n)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bar-chart" viewBox="0 0 %d %d" role="img" aria-label="Statements per period" xmlns="http://www.w3.org/2000/svg">`, w, h+bottom)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, left, w, h, h)
	fmt.Fprintf(&b, `<text class="tick-label" x="%d" y="%d">%d</text>`, left-6, 12, top)
	labelEvery := max(1, n/8)
	for i := range n {
		t := first.Add(time.Duration(i) * step)
		c := counts[t]
		x := float64(left) + float64(i)*barW
		if c > 0 {
			bh := float64(h-16) * float64(c) / float64(top)
			fmt.Fprintf(&b, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d</title></rect>`, x+barW*0.1, float64(h)-bh, barW*0.8, bh, t.Format(layout), c)
		}
		if i%labelEvery == 0 {
			fmt.Fprintf(&b, `<text class="tick-label" x="%.1f" y="%d">%s</text>`, x+barW/2, h+18, t.Format(layout))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
