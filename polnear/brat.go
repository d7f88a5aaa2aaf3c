package polnear

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Ann is a parsed brat standoff (.ann) file before it is tied to a text:
// its text-bound annotations ("T" lines) and events ("E" lines). Other line
// kinds (attributes, relations, notes) carry nothing PolNeAR's scoring needs
// and are skipped.
type Ann struct {
	// TextBounds by ID ("T12").
	TextBounds map[string]TextBound
	// Events in file order.
	Events []Event
}

// TextBound is one "T" line: a typed annotation over one or more character
// ranges of the text.
type TextBound struct {
	ID   string
	Type string // "Source", "Cue", "Content", "Attribution", "Discuss", ...
	// Ranges are [start, end) code-point offsets, in file order; more than
	// one for a discontinuous span ("315 448;463 553").
	Ranges [][2]int
	// Text is the covered text as brat wrote it (fragments joined by a
	// space). It is cut at the first newline, since brat writes a span that
	// crosses a line break over several file lines.
	Text string
	// Line is the 1-based line number in the .ann file, for messages.
	Line int
}

// Event is one "E" line: a typed trigger and its role arguments.
type Event struct {
	ID      string
	Type    string // "Attribution" or "Attribution-no-source"
	Trigger string // ID of the trigger text-bound, may be empty
	Args    []Arg
	Line    int
}

// Arg is one role argument of an event ("Content2:T22").
type Arg struct {
	Role string // as written: "Source", "Cue", "Content", "Content2"
	ID   string
}

// maxOffset bounds offsets so that a corrupt file cannot make a reader
// allocate or loop absurdly; no news article is a billion characters.
const maxOffset = 1 << 30

// ParseAnn reads a brat standoff file. It fails on a malformed "T" or "E"
// line and on an event that names a text-bound annotation the file does not
// define; lines that are neither (and the continuation lines of a span text
// that crosses a line break) are skipped.
func ParseAnn(r io.Reader) (*Ann, error) {
	ann := &Ann{TextBounds: map[string]TextBound{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Bytes()
		tab := bytes.IndexByte(line, '\t')
		if tab <= 1 || !isAnnID(line[:tab]) {
			continue // continuation of a multi-line span text, or blank
		}
		id := string(line[:tab])
		rest := string(line[tab+1:])
		switch id[0] {
		case 'T':
			tb, err := parseTextBound(id, rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			tb.Line = lineNo
			if _, dup := ann.TextBounds[id]; dup {
				return nil, fmt.Errorf("line %d: duplicate id %s", lineNo, id)
			}
			ann.TextBounds[id] = tb
		case 'E':
			ev, err := parseEvent(id, rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			ev.Line = lineNo
			ann.Events = append(ann.Events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read ann: %w", err)
	}
	for _, ev := range ann.Events {
		if ev.Trigger != "" {
			if _, ok := ann.TextBounds[ev.Trigger]; !ok {
				return nil, fmt.Errorf("line %d: event %s: trigger %s is not defined", ev.Line, ev.ID, ev.Trigger)
			}
		}
		for _, a := range ev.Args {
			if _, ok := ann.TextBounds[a.ID]; !ok {
				return nil, fmt.Errorf("line %d: event %s: %s:%s is not defined", ev.Line, ev.ID, a.Role, a.ID)
			}
		}
	}
	return ann, nil
}

// isAnnID reports whether b looks like a brat annotation id: a letter or
// '#' followed by digits.
func isAnnID(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	switch b[0] {
	case 'T', 'E', 'A', 'M', 'R', 'N', '#', '*':
	default:
		return false
	}
	for _, c := range b[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseTextBound parses "Type START END[;START END...]\tTEXT".
func parseTextBound(id, rest string) (TextBound, error) {
	head, text, _ := strings.Cut(rest, "\t")
	typ, offsets, ok := strings.Cut(head, " ")
	if !ok || typ == "" {
		return TextBound{}, fmt.Errorf("%s: want \"TYPE START END\", got %q", id, head)
	}
	tb := TextBound{ID: id, Type: typ, Text: text}
	for frag := range strings.SplitSeq(offsets, ";") {
		s, e, ok := strings.Cut(strings.TrimSpace(frag), " ")
		if !ok {
			return TextBound{}, fmt.Errorf("%s: bad range %q", id, frag)
		}
		start, err1 := strconv.Atoi(s)
		end, err2 := strconv.Atoi(strings.TrimSpace(e))
		if err1 != nil || err2 != nil || start < 0 || end < start || end > maxOffset {
			return TextBound{}, fmt.Errorf("%s: bad range %q", id, frag)
		}
		tb.Ranges = append(tb.Ranges, [2]int{start, end})
	}
	return tb, nil
}

// parseEvent parses "Type:TRIGGER Role:ID Role:ID ...".
func parseEvent(id, rest string) (Event, error) {
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return Event{}, fmt.Errorf("%s: empty event", id)
	}
	ev := Event{ID: id}
	typ, trig, _ := strings.Cut(fields[0], ":")
	if typ == "" {
		return Event{}, fmt.Errorf("%s: event without a type: %q", id, fields[0])
	}
	ev.Type, ev.Trigger = typ, trig
	for _, f := range fields[1:] {
		role, ref, ok := strings.Cut(f, ":")
		if !ok || role == "" || ref == "" {
			return Event{}, fmt.Errorf("%s: bad argument %q", id, f)
		}
		ev.Args = append(ev.Args, Arg{Role: role, ID: ref})
	}
	return ev, nil
}
