package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// dateLayouts are tried in order before the catch-all parser; they cover
// what news metadata actually holds. Layouts without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 02 Jan 2006",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	"2 January 2006 15:04 MST",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"02 Jan 2006",
	"Monday 2 January 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"January 2006",
}

// dateNoise is wording that date fields carry around the date itself.
var dateNoise = regexp.MustCompile(`(?i)^(published|posted|updated|last updated|first published|date)( on| at)?:?\s+`)

// ParseDate reads a publication date in any of many formats: RFC 3339 and
// ISO 8601 forms, RFC 1123/822 (feeds), "2 January 2006", "January 2,
// 2006", "2006-01-02", with or without a time and zone, and Unix seconds
// or milliseconds written as digits. A time without a zone is taken as
// UTC. The result is in UTC; ok is false when s is not a date this
// function can read, or lies outside the years 1800..2200.
func ParseDate(s string) (t time.Time, ok bool) {
	defer func() {
		// The catch-all parser is third-party code run on untrusted
		// input; a panic there must not take down a batch.
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	s = strings.TrimSpace(s)
	s = dateNoise.ReplaceAllString(s, "")
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	if t, ok := parseUnix(s); ok {
		return t, true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(fixZone(t))
		}
	}
	if t, err := dateparse.ParseIn(s, time.UTC); err == nil {
		return plausible(t)
	}
	return time.Time{}, false
}

// parseUnix reads Unix seconds (9 to 10 digits) or milliseconds (12 to 13
// digits); other digit strings (20060102) are left to the layouts.
func parseUnix(s string) (time.Time, bool) {
	if len(s) < 9 || len(s) > 13 || len(s) == 11 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) >= 12 {
		return plausible(time.UnixMilli(n))
	}
	return plausible(time.Unix(n, 0))
}

// unixNumber turns a JSON number of Unix seconds or milliseconds into a
// time.
func unixNumber(f float64) (time.Time, bool) {
	switch {
	case f > 1e11 && f < 1e14:
		return plausible(time.UnixMilli(int64(f)))
	case f > 1e8 && f < 1e11:
		return plausible(time.Unix(int64(f), 0))
	}
	return time.Time{}, false
}

// zoneOffsets are the zone abbreviations news pages use, which time.Parse
// cannot know the offset of (it gives them offset zero).
var zoneOffsets = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
	"PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
	"GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "WET": 0, "BST": 1,
	"CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
	"JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
}

// fixZone gives a time parsed with a zone abbreviation its real offset.
func fixZone(t time.Time) time.Time {
	name, offset := t.Zone()
	hours, known := zoneOffsets[name]
	if !known || offset != 0 || hours == 0 {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
		time.FixedZone(name, hours*3600))
}

// plausible keeps dates a news article can have and converts them to UTC.
func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t.UTC(), true
}
