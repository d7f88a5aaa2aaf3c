package query

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string // want: Query.String()
	}{
		{`pay twice`, `(pay twice)`},
		{`pay AND twice`, `(pay twice)`},
		{`"act of God"`, `"act of God"`},
		{`“act of God”`, `"act of God"`},
		{`bridg*`, `bridg*`},
		{`"new yor"*`, `"new yor"*`},
		{`Blair OR Brown`, `(Blair OR Brown)`},
		{`NOT Blair`, `NOT Blair`},
		{`-Blair -Brown`, `NOT (Blair OR Brown)`},
		{`Blair -Brown`, `(Blair NOT Brown)`},
		{`Blair NOT Brown`, `(Blair NOT Brown)`},
		{`tax (rise)`, `(tax rise)`},
		{`Smith (R-Texas) said`, `(Smith "R Texas" said)`},
		{`NEAR(Blair Brown)`, `NEAR(Blair Brown, 10)`},
		{`NEAR(Blair "Gordon Brown", 5)`, `NEAR(Blair "Gordon Brown", 5)`},
		{`Blair NEAR Brown`, `NEAR(Blair Brown, 10)`},
		{`(tax OR levy) rise`, `((tax OR levy) rise)`},
		{`U.S. don't 9/11`, `("U S" "don t" "9 11")`},
		{`said said said`, `said`},
		{`or not near`, `(or not near)`},
		{`well — said`, `(well said)`},
		{`()  pay`, `pay`},
		{`NOT NOT pay`, `pay`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, want string // want: a piece of the message
	}{
		{``, "no words"},
		{`— …`, "no words"},
		{`tax (rise`, "unclosed ("},
		{`tax rise)`, "unmatched )"},
		{`"act of God`, "unclosed quote"},
		{`OR Blair`, "OR needs a word before"},
		{`Blair OR`, "OR needs a word after"},
		{`Blair AND`, "AND needs a word after"},
		{`Blair NOT`, "NOT needs a word after"},
		{`NEAR(Blair)`, "at least two"},
		{`NEAR(Blair Brown, x)`, "distance must be a number"},
		{`NEAR(Blair Brown, 5000)`, "distance must be a number"},
		{`NEAR(Blair (Brown))`, "only words"},
		{`NEAR(Blair Brown`, "unclosed NEAR"},
		{`a* OR b*`, "too short"},
		{`pay OR NOT twice`, "cannot be an alternative"},
		{`pay (NOT twice)`, ""}, // allowed: pay NOT twice
		{`abc* bcd* cde* def* efg*`, "prefix* terms, at most 4"},
		{strings.Repeat("x", 2000), "too long"},
		{strings.Repeat("(", 20) + "a" + strings.Repeat(")", 20), "nested"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if tt.want == "" {
			if err != nil {
				t.Errorf("Parse(%q): %v", tt.in, err)
			}
			continue
		}
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q) error = %v, want a *query.Error", tt.in, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %q, want it to mention %q", tt.in, err, tt.want)
		}
	}
}

func TestTooManyWords(t *testing.T) {
	var words []string
	for i := range 40 {
		words = append(words, "w"+strings.Repeat("x", i))
	}
	if _, err := Parse(strings.Join(words, " ")); err == nil || !strings.Contains(err.Error(), "at most 32") {
		t.Errorf("40 distinct words: err = %v", err)
	}
	// 150 copies of one word are one term.
	q, err := Parse(strings.TrimSpace(strings.Repeat("said ", 150)))
	if err != nil {
		t.Fatal(err)
	}
	if c := q.Cost(); c.Terms != 1 {
		t.Errorf("150 × said costs %d terms, want 1", c.Terms)
	}
	// but 1001 characters are refused
	if _, err := Parse(strings.Repeat("said ", 201)); err == nil {
		t.Errorf("a 1005-character query was accepted")
	}
}

func TestCostly(t *testing.T) {
	for in, want := range map[string]bool{
		`pay twice`:             false,
		`"act of God"`:          false,
		`bridg*`:                false,
		`NOT Blair`:             true,
		`NEAR(a b)`:             true,
		`a OR b`:                false,
		`a OR b OR c OR d OR e`: true,
	} {
		q, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Cost().Costly(); got != want {
			t.Errorf("%q costly = %v, want %v", in, got, want)
		}
	}
}

func TestTermsSkipNegated(t *testing.T) {
	q, err := Parse(`Blair -Brown "tax rise"`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range q.Terms() {
		got = append(got, n.String())
	}
	if strings.Join(got, ",") != `Blair,"tax rise"` {
		t.Errorf("Terms = %v", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`a OR b`, `NEAR(a b, 3)`, `"x y"* -z`, `(((`, `tax (rise)`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		// A parsed query re-parses to the same tree.
		q2, err := Parse(q.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its String %q fails: %v", s, q.String(), err)
		}
		if q2.String() != q.String() {
			t.Fatalf("round trip %q: %s != %s", s, q.String(), q2.String())
		}
	})
}
