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
	// A delete next to an insert is one replaced phrase.
	var merged []diffOp
	for k := 0; k < len(ops); k++ {
		if k+1 < len(ops) && (ops[k].Op == "delete" && ops[k+1].Op == "insert" || ops[k].Op == "insert" && ops[k+1].Op == "delete") {
			ca, va := ops[k].Canonical+ops[k+1].Canonical, ops[k].Variant+ops[k+1].Variant
			merged = append(merged, diffOp{Op: "replace", Canonical: ca, Variant: va})
			k++
			continue
		}
		merged = append(merged, ops[k])
	}
	return merged
}

// variantKind classifies a member against the canonical text: "exact",
// "cut" (a part of it), or "variant" (words changed, added or removed
// inside); "" when the texts were too long to compare.
func variantKind(ops []diffOp) string {
	if ops == nil {
		return ""
	}
	kind := "exact"
	for k, op := range ops {
		switch op.Op {
		case "equal":
		case "delete":
			if k == 0 || k == len(ops)-1 {
				kind = "cut"
			} else {
				return "variant"
			}
		default:
			return "variant"
		}
	}
	return kind
}

// renderDiff shows the variant with changed words marked: replaced and
// removed canonical words struck through, new words underlined, and a cut
// at either end shown as an ellipsis.
func renderDiff(ops []diffOp, variant string) template.HTML {
	if ops == nil {
		return template.HTML(html.EscapeString(variant))
	}
	var b strings.Builder
	for k, op := range ops {
		if k > 0 {
			b.WriteByte(' ')
		}
		switch op.Op {
		case "equal":
			b.WriteString(html.EscapeString(op.Variant))
		case "insert":
			b.WriteString(`<ins title="added">` + html.EscapeString(op.Variant) + `</ins>`)
		case "replace":
			b.WriteString(`<del title="canonical">` + html.EscapeString(op.Canonical) + `</del> <ins title="variant">` + html.EscapeString(op.Variant) + `</ins>`)
		case "delete":
			if k == 0 || k == len(ops)-1 {
				b.WriteString(`<span class="cut" title="` + html.EscapeString("cut: "+op.Canonical) + `">…</span>`)
			} else {
				b.WriteString(`<del title="left out">` + html.EscapeString(op.Canonical) + `</del>`)
			}
		}
	}
	return template.HTML(b.String())
}
