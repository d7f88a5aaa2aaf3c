package trail

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ParseAliasesYAML reads the YAML form of the aliases file: a list of
// people, each with a name, optional aliases and an optional external
// id, and forbid entries naming two names never to merge:
//
//   - name: Donald Trump
//     id: Q22686
//     aliases: [Trump, "The Donald"]
//   - name: Joe Biden
//     aliases:
//   - Uncle Joe
//   - forbid: [Donald Trump, Donald Trump Jr.]
//
// Only this shape is understood (it is not a general YAML parser, to
// avoid a dependency for one small file); anything else is an error
// naming the line.
func ParseAliasesYAML(r io.Reader) (*Aliases, error) {
	a := newAliases()
	type entry struct {
		line             int
		name, id         string
		aliases, forbid  []string
		hasName, hasForb bool
	}
	var entries []*entry
	var cur *entry
	listKey := "" // the key whose block list is being read
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if i := strings.Index(raw, " #"); i >= 0 {
			raw = raw[:i]
		}
		text := strings.TrimSpace(raw)
		if text == "" || strings.HasPrefix(text, "#") || text == "---" {
			continue
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " "))
		if indent == 0 {
			if !strings.HasPrefix(text, "- ") {
				return nil, fmt.Errorf("line %d: want a list item \"- name: ...\"", line)
			}
			cur = &entry{line: line}
			entries = append(entries, cur)
			text = strings.TrimSpace(text[2:])
			listKey = ""
		} else if cur == nil {
			return nil, fmt.Errorf("line %d: indented line outside an item", line)
		} else if strings.HasPrefix(text, "- ") && listKey != "" {
			v := yamlScalar(text[2:])
			if listKey == "aliases" {
				cur.aliases = append(cur.aliases, v)
			} else {
				cur.forbid = append(cur.forbid, v)
			}
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("line %d: want key: value", line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		listKey = ""
		switch key {
		case "name":
			cur.name, cur.hasName = yamlScalar(value), true
		case "id", "external_id", "wikidata":
			cur.id = yamlScalar(value)
		case "aliases", "forbid":
			var list []string
			if value == "" {
				listKey = key
			} else if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
				for _, v := range strings.Split(value[1:len(value)-1], ",") {
					if v = yamlScalar(v); v != "" {
						list = append(list, v)
					}
				}
			} else {
				list = []string{yamlScalar(value)}
			}
			if key == "aliases" {
				cur.aliases = append(cur.aliases, list...)
			} else {
				cur.forbid, cur.hasForb = append(cur.forbid, list...), true
			}
		default:
			return nil, fmt.Errorf("line %d: unknown key %q (name, id, aliases, forbid)", line, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	for _, e := range entries {
		switch {
		case e.hasForb && !e.hasName:
			if len(e.forbid) != 2 {
				return nil, fmt.Errorf("line %d: forbid takes two names", e.line)
			}
			a.Forbid(e.forbid[0], e.forbid[1])
		case e.hasName && e.name != "":
			a.Alias(e.name, "", e.id)
			for _, al := range e.aliases {
				a.Alias(e.name, al, "")
			}
		default:
			return nil, fmt.Errorf("line %d: an item needs a name (or is a forbid entry)", e.line)
		}
	}
	return a, nil
}

// yamlScalar unquotes a plain, single- or double-quoted scalar.
func yamlScalar(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
