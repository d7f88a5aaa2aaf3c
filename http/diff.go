package http

import (
	"html"
	"html/template"
	"strings"
	"unicode"
)

// diffOp is one step of a word alignment of a variant against the
// canonical text.
type diffOp struct {
	Op        string // "equal", "insert", "delete", "replace"
	Canonical string // words of the canonical text (equal, delete, replace)
	Variant   string // words of the variant (equal, insert, replace)
}

// maxDiffWords bounds the quadratic alignment; longer texts are shown
// without a diff.
const maxDiffWords = 600

// normWord compares words the way a reader would: case, quote marks and
// surrounding punctuation do not make a difference.
func normWord(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }))
}

// wordDiff aligns variant against canonical word by word (longest common
// subsequence) and merges adjacent deletes and inserts into replaces.
func wordDiff(canonical, variant string) []diffOp {
	a, b := strings.Fields(canonical), strings.Fields(variant)
	if len(a) > maxDiffWords || len(b) > maxDiffWords {
		return nil
	}
	na, nb := make([]string, len(a)), make([]string, len(b))
	for i, w := range a {
		na[i] = normWord(w)
	}
	for i, w := range b {
		nb[i] = normWord(w)
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if na[i] == nb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	add := func(op, ca, va string) {
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Canonical = strings.TrimSpace(ops[n-1].Canonical + " " + ca)
			ops[n-1].Variant = strings.TrimSpace(ops[n-1].Variant + " " + va)
			return
		}
		ops = append(ops, diffOp{Op: op, Canonical: ca, Variant: va})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && na[i] == nb[j]:
			add("equal", a[i], b[j])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			add("insert", "", b[j])
			j++
		default:
			add("delete", a[i], "")
			i++
		}
	}
	return mergeChanges(dissolveStopwords(ops))
}

// stopwords are words an alignment matches by accident ("the" in two
// different sentences); a lone one between changes is not a real match.
var stopwords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "to": true, "in": true,
	"on": true, "that": true, "is": true, "was": true, "it": true, "for": true, "by": true, "with": true, "as": true, "at": true}

// dissolveStopwords turns a one-word stopword match that is not next to
// another match into a change, so that a stray "the" does not split one
// cut into pieces.
func dissolveStopwords(ops []diffOp) []diffOp {
	for k, op := range ops {
		if op.Op != "equal" || strings.Contains(op.Canonical, " ") || !stopwords[normWord(op.Canonical)] {
			continue
		}
		prevEq := k > 0 && ops[k-1].Op == "equal"
		nextEq := k+1 < len(ops) && ops[k+1].Op == "equal"
		if len(ops) > 1 && !prevEq && !nextEq {
			ops[k].Op = "replace"
		}
	}
	return ops
}

// mergeChanges joins adjacent non-equal steps into one: a delete next to
// an insert is one replaced phrase.
func mergeChanges(ops []diffOp) []diffOp {
	var merged []diffOp
	for _, op := range ops {
		if n := len(merged); n > 0 && op.Op != "equal" && merged[n-1].Op != "equal" {
			last := &merged[n-1]
			last.Canonical = strings.TrimSpace(last.Canonical + " " + op.Canonical)
			last.Variant = strings.TrimSpace(last.Variant + " " + op.Variant)
			switch {
			case last.Canonical == "":
				last.Op = "insert"
			case last.Variant == "":
				last.Op = "delete"
			default:
				last.Op = "replace"
			}
			continue
		}
		merged = append(merged, op)
	}
	return merged
}

// variantKind classifies a member against the canonical text: "exact",
// "cut" (a part of it, perhaps framed by the reporter's own words), or
// "variant" (words changed, added or removed inside); "" when the texts
// were too long to compare.
func variantKind(ops []diffOp) string {
	if ops == nil {
		return ""
	}
	if len(ops) == 1 && ops[0].Op != "equal" {
		return "variant" // nothing in common
	}
	kind := "exact"
	for k, op := range ops {
		switch {
		case op.Op == "equal":
		case k == 0 || k == len(ops)-1:
			if op.Canonical != "" {
				kind = "cut"
			}
		default:
			return "variant"
		}
	}
	return kind
}

// renderDiff shows the variant with changed words marked: replaced and
// removed canonical words struck through, new words underlined, a cut at
// either end shown as an ellipsis and the reporter's words around a
// partial quote muted.
func renderDiff(ops []diffOp, variant string) template.HTML {
	if ops == nil {
		return template.HTML(html.EscapeString(variant))
	}
	var b strings.Builder
	for k, op := range ops {
		if k > 0 {
			b.WriteByte(' ')
		}
		if len(ops) > 1 && (k == 0 || k == len(ops)-1) && op.Op != "equal" {
			cut, framing := "", ""
			if op.Canonical != "" {
				cut = `<span class="cut" title="` + html.EscapeString("cut: "+op.Canonical) + `">…</span>`
			}
			if op.Variant != "" {
				framing = `<span class="context" title="the reporter's words">` + html.EscapeString(op.Variant) + `</span>`
			}
			if k == 0 {
				b.WriteString(strings.TrimSpace(cut + " " + framing))
			} else {
				b.WriteString(strings.TrimSpace(framing + " " + cut))
			}
			continue
		}
		switch op.Op {
		case "equal":
			b.WriteString(html.EscapeString(op.Variant))
		case "insert":
			b.WriteString(`<ins title="added">` + html.EscapeString(op.Variant) + `</ins>`)
		case "replace":
			b.WriteString(`<del title="canonical">` + html.EscapeString(op.Canonical) + `</del> <ins title="variant">` + html.EscapeString(op.Variant) + `</ins>`)
		case "delete":
			b.WriteString(`<del title="left out">` + html.EscapeString(op.Canonical) + `</del>`)
		}
	}
	return template.HTML(b.String())
}
