package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"testing"
)

// lemmaCases lists the string cases of the switches on lemma in the
// function fn of file.
func lemmaCases(t *testing.T, file, fn string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok {
				return true
			}
			if id, ok := sw.Tag.(*ast.Ident); !ok || id.Name != "lemma" {
				return true
			}
			for _, st := range sw.Body.List {
				for _, e := range st.(*ast.CaseClause).List {
					if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						if !slices.Contains(out, s) {
							out = append(out, s)
						}
					}
				}
			}
			return true
		})
	}
	if len(out) == 0 {
		t.Fatalf("no switch on lemma in %s of %s", fn, file)
	}
	slices.Sort(out)
	return out
}

// TestActionLemma: actionLemma lists exactly the lemmas actionSense has
// a case for, so that stopping early for the others changes nothing.
func TestActionLemma(t *testing.T) {
	want := lemmaCases(t, "precision.go", "actionSense")
	got := lemmaCases(t, "speed_action.go", "actionLemma")
	if !slices.Equal(got, want) {
		t.Errorf("actionLemma lists %q, actionSense has cases for %q", got, want)
	}
	for _, tc := range []struct {
		lemma string
		want  bool
	}{{"add", true}, {"name", true}, {"appoint", true}, {"say", false}, {"tell", false}, {"", false}} {
		if got := actionLemma(tc.lemma); got != tc.want {
			t.Errorf("actionLemma(%q) = %v, want %v", tc.lemma, got, tc.want)
		}
	}
}
