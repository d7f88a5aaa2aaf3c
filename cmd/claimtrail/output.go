package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-isatty"
)

// Where commands write. Tests replace them to capture output; commands
// must not write to os.Stdout or os.Stderr directly.
var (
	stdout io.Writer = os.Stdout
	stderr io.Writer = os.Stderr
)

// isTerminal reports whether w is an interactive terminal, which decides
// the default output format, colours and progress bars.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// useColor reports whether to colour output written to w: only on a
// terminal, and never when NO_COLOR is set (https://no-color.org).
func useColor(w io.Writer) bool {
	return isTerminal(w) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

// Output formats.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// OutputFlags is embedded by every command that prints a listing.
type OutputFlags struct {
	Output string `short:"o" enum:"auto,table,json,jsonl,csv" default:"auto" placeholder:"FORMAT" help:"Output format: table, json (one document), jsonl (one object a line) or csv. Default: table on a terminal, jsonl otherwise."`
}

// format resolves "auto" for output written to w.
func (o OutputFlags) format(w io.Writer) string {
	if o.Output == "" || o.Output == "auto" {
		if isTerminal(w) {
			return formatTable
		}
		return formatJSONL
	}
	return o.Output
}

// column is one column of a listing: its header, how to render an item as
// text (table and CSV), and how wide it may be in a table (0: unlimited;
// longer cells are cut with "…"; CSV is never cut).
type column[T any] struct {
	name  string
	value func(T) string
	width int
}

// writeList prints items in format: a table with a header, CSV with a
// header, a JSON array (never null), or one JSON object per line.
func writeList[T any](w io.Writer, format string, items []T, cols []column[T]) error {
	switch format {
	case formatJSON:
		if items == nil {
			items = []T{}
		}
		return writeJSON(w, items, true)
	case formatJSONL:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return fmt.Errorf("write jsonl: %w", err)
			}
		}
		return nil
	case formatCSV:
		return writeCSVRows(w, items, cols, true)
	case formatTable:
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		header := make([]string, len(cols))
		for i, c := range cols {
			header[i] = strings.ToUpper(c.name)
		}
		fmt.Fprintln(tw, strings.Join(header, "\t"))
		for _, it := range items {
			cells := make([]string, len(cols))
			for i, c := range cols {
				cells[i] = cell(c.value(it), c.width)
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write table: %w", err)
		}
		return nil
	}
	return fmt.Errorf("unknown output format %q", format)
}

// writeCSVRows is writeList's CSV branch for callers that stream pages:
// the header only when header is true.
func writeCSVRows[T any](w io.Writer, items []T, cols []column[T], header bool) error {
	cw := csv.NewWriter(w)
	if header {
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.name
		}
		if err := cw.Write(names); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	for _, it := range items {
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = c.value(it)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// field is one named value of a single-object output (stats).
type field struct {
	name  string
	value string
}

// writeObject prints one object: as JSON, one JSON line, a CSV header and
// row, or "name: value" lines in a table.
func writeObject(w io.Writer, format string, v any, fields []field) error {
	switch format {
	case formatJSON:
		return writeJSON(w, v, true)
	case formatJSONL:
		return writeJSON(w, v, false)
	case formatCSV:
		cw := csv.NewWriter(w)
		names, values := make([]string, len(fields)), make([]string, len(fields))
		for i, f := range fields {
			names[i], values[i] = f.name, f.value
		}
		cw.Write(names)
		cw.Write(values)
		cw.Flush()
		return cw.Error()
	case formatTable:
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		for _, f := range fields {
			fmt.Fprintf(tw, "%s:\t%s\n", f.name, f.value)
		}
		return tw.Flush()
	}
	return fmt.Errorf("unknown output format %q", format)
}

func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// cell flattens s to one line and cuts it to width code points.
func cell(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if width > 0 && utf8.RuneCountInString(s) > width {
		r := []rune(s)
		return string(r[:width-1]) + "…"
	}
	return s
}

// day formats a time as a date for tables, "" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// timestamp formats a time for CSV, "" when unknown.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
