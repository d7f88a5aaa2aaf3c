package trail

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestNamesCanonical(t *testing.T) {
	person := claimtrail.SpeakerPerson
	tests := []struct {
		name    string
		corpus  []string
		aliases string
		want    map[string]string // written → canonical
	}{
		{
			name:   "Trump forms merge, Jr. stays apart",
			corpus: []string{"Trump", "Donald Trump", "Donald J. Trump", "President Trump", "Mr. Trump", "Donald Trump Jr.", "Donald Trump"},
			want: map[string]string{
				"Trump": "Donald Trump", "President Trump": "Donald Trump", "Mr. Trump": "Donald Trump",
				"Donald J. Trump": "Donald Trump", "Donald Trump Jr.": "Donald Trump Jr.",
			},
		},
		{
			name:   "surname alone stays as written without a full name",
			corpus: []string{"Mr. Putin", "Putin"},
			want:   map[string]string{"Mr. Putin": "Putin", "President Putin": "Putin"},
		},
		{
			name:   "surname with two full names stays as written",
			corpus: []string{"Ivanka Trump", "Donald Trump", "Trump"},
			want:   map[string]string{"Trump": "Trump", "Mr. Trump": "Trump", "Ivanka Trump": "Ivanka Trump"},
		},
		{
			name:    "aliases force a merge and carry through",
			corpus:  []string{"Trump", "The Donald", "Donald Trump"},
			aliases: "Donald Trump\tThe Donald\tQ22686\n",
			want:    map[string]string{"The Donald": "Donald Trump", "Trump": "Donald Trump"},
		},
		{
			name:    "aliases forbid a merge",
			corpus:  []string{"Trump", "Donald Trump"},
			aliases: "!Trump\tDonald Trump\n",
			want:    map[string]string{"Trump": "Trump", "Mr. Trump": "Trump", "Donald Trump": "Donald Trump"},
		},
		{
			name:   "descriptions before a title",
			corpus: []string{"Port Halden Mayor Elena Varga", "Elena Varga", "Fire Chief Owen Mbeki", "Attorney General Jeff Sessions", "Chief Justice John Roberts"},
			want: map[string]string{"Port Halden Mayor Elena Varga": "Elena Varga", "Varga": "Elena Varga",
				"Fire Chief Owen Mbeki": "Owen Mbeki", "Attorney General Jeff Sessions": "Jeff Sessions", "Chief Justice John Roberts": "John Roberts",
				"Martin Luther King": "Martin Luther King"},
		},
		{
			name:   "descriptions without a title, places after the name",
			corpus: []string{"Tony Blair", "Labour MPs Tony Blair", "Bernie Sanders", "Sen. Bernie Sanders of Vermont"},
			want: map[string]string{"Labour MPs Tony Blair": "Tony Blair", "Sen. Bernie Sanders of Vermont": "Bernie Sanders",
				"Hillary Rodham Clinton": "Hillary Rodham Clinton"},
		},
		{
			name:   "middle names and titles",
			corpus: []string{"Sen. Elizabeth Warren", "Elizabeth Ann Warren", "Warren"},
			want:   map[string]string{"Warren": "Elizabeth Warren", "Elizabeth Ann Warren": "Elizabeth Warren"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var al *Aliases
			if tt.aliases != "" {
				var err error
				if al, err = ParseAliases(strings.NewReader(tt.aliases)); err != nil {
					t.Fatal(err)
				}
			}
			n := NewNames(al)
			for _, c := range tt.corpus {
				n.Add(c, person)
			}
			for written, want := range tt.want {
				if got := n.Canonical(written, person); got != want {
					t.Errorf("Canonical(%q) = %q, want %q", written, got, want)
				}
			}
		})
	}
}

func TestNamesOrderIndependent(t *testing.T) {
	corpus := []string{"Trump", "Donald Trump", "Donald J. Trump", "Mr. Trump", "Donald Trump Jr.", "Donald J. Trump"}
	a, b := NewNames(nil), NewNames(nil)
	for i := range corpus {
		a.Add(corpus[i], claimtrail.SpeakerPerson)
		b.Add(corpus[len(corpus)-1-i], claimtrail.SpeakerPerson)
	}
	for _, c := range corpus {
		if x, y := a.Canonical(c, claimtrail.SpeakerPerson), b.Canonical(c, claimtrail.SpeakerPerson); x != y {
			t.Errorf("%q: %q in one order, %q in the other", c, x, y)
		}
	}
}

func TestResolveExternalID(t *testing.T) {
	al, err := ParseAliases(strings.NewReader("# people\nDonald Trump\tThe Donald\tQ22686\n\nJoe Biden\t\tQ6279\n"))
	if err != nil {
		t.Fatal(err)
	}
	n := NewNames(al)
	sp := n.Resolve("The Donald", claimtrail.SpeakerPerson)
	if sp.Name != "Donald Trump" || sp.ExternalID != "Q22686" {
		t.Errorf("Resolve = %+v", sp)
	}
	if sp := n.Resolve("President Biden", claimtrail.SpeakerPerson); sp.Name != "Joe Biden" || sp.ExternalID != "Q6279" {
		t.Errorf("Resolve(President Biden) = %+v", sp)
	}
}

func TestParseAliasesErrors(t *testing.T) {
	for _, in := range []string{"just one field\n", "a\tb\tc\td\n", "!only\n"} {
		if _, err := ParseAliases(strings.NewReader(in)); err == nil {
			t.Errorf("ParseAliases(%q) accepted", in)
		}
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		name string
		kind claimtrail.SpeakerKind
		want bool
	}{
		{"", claimtrail.SpeakerPerson, false},
		{"Donald Trump", claimtrail.SpeakerUnknown, true},
		{"He", claimtrail.SpeakerUnknown, false},
		{"The President", claimtrail.SpeakerUnknown, false},
		{"officials", claimtrail.SpeakerUnknown, false},
		{"he", claimtrail.SpeakerPerson, true},
	}
	for _, tt := range tests {
		if got := Known(tt.name, tt.kind); got != tt.want {
			t.Errorf("Known(%q, %q) = %v, want %v", tt.name, tt.kind, got, tt.want)
		}
	}
}

func TestParseAliasesYAML(t *testing.T) {
	in := `# people
- name: Donald Trump
  id: Q22686
  aliases: [Trump, "The Donald"]
- name: Joe Biden   # the president
  aliases:
    - Uncle Joe
    - 'Sleepy Joe'
- forbid: [Donald Trump, Donald Trump Jr.]
`
	al, err := ParseAliasesYAML(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	n := NewNames(al)
	for written, want := range map[string]string{"The Donald": "Donald Trump", "Sleepy Joe": "Joe Biden", "Uncle Joe": "Joe Biden"} {
		if got := n.Canonical(written, claimtrail.SpeakerPerson); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", written, got, want)
		}
	}
	if id := n.Resolve("The Donald", claimtrail.SpeakerPerson).ExternalID; id != "Q22686" {
		t.Errorf("external id %q", id)
	}
	if !al.isForbidden("Donald Trump Jr.", "Donald Trump") {
		t.Error("forbid entry lost")
	}
	for _, bad := range []string{"name: x\n", "- nme: x\n", "- forbid: [a]\n", "- id: Q1\n"} {
		if _, err := ParseAliasesYAML(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestParseAliasesYAMLBlockForbid(t *testing.T) {
	al, err := ParseAliasesYAML(strings.NewReader("- forbid:\n    - Trump\n    - Donald Trump\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !al.isForbidden("Trump", "Donald Trump") {
		t.Error("block-list forbid lost")
	}
}

func TestLoadAliasesFiles(t *testing.T) {
	for _, path := range []string{"testdata/aliases.tsv", "testdata/aliases.yaml"} {
		al, err := LoadAliases(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		n := NewNames(al)
		if sp := n.Resolve("POTUS 45", claimtrail.SpeakerPerson); sp.Name != "Donald Trump" || sp.ExternalID != "Q22686" {
			t.Errorf("%s: POTUS 45 → %+v", path, sp)
		}
		if sp := n.Resolve("Mayor Elena Varga", claimtrail.SpeakerPerson); sp.ExternalID != "Q0000001" {
			t.Errorf("%s: Mayor Elena Varga → %+v", path, sp)
		}
		if !al.isForbidden("Trump", "Donald Trump Jr.") {
			t.Errorf("%s: forbid rule lost", path)
		}
	}
	if _, err := LoadAliases("testdata/missing.tsv"); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestDescriptionsAreNoOne(t *testing.T) {
	n := NewNames(nil)
	n.Add("analysts", claimtrail.SpeakerDescription)
	n.Add("Analysts", claimtrail.SpeakerGroup)
	if Known("analysts", claimtrail.SpeakerDescription) {
		t.Error("a description counts as someone across articles")
	}
	if sp := n.Resolve("the company", claimtrail.SpeakerDescription); sp.Kind != claimtrail.SpeakerUnknown || sp.Name != "" {
		t.Errorf("description resolved to %+v, want no one", sp)
	}
}

func TestPreferredCase(t *testing.T) {
	for _, tt := range [][3]string{{"Many", "many", "many"}, {"many", "Many", "many"}, {"MPs", "Mps", "Mps"}, {"Donald Trump", "Donald Trump", "Donald Trump"}} {
		if got := PreferredCase(tt[0], tt[1]); got != tt[2] {
			t.Errorf("PreferredCase(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
		if PreferredCase(tt[0], tt[1]) != PreferredCase(tt[1], tt[0]) {
			t.Errorf("PreferredCase(%q, %q) depends on order", tt[0], tt[1])
		}
	}
}

func TestNicknamesAreOnePerson(t *testing.T) {
	n := NewNames(nil)
	for _, name := range []string{"William Barr", "William Barr", "Bill Barr", "Barr", "Bill Clinton", "Hillary Clinton"} {
		n.Add(name, claimtrail.SpeakerPerson)
	}
	for _, tt := range [][2]string{{"Bill Barr", "William Barr"}, {"Barr", "William Barr"}, {"William Barr", "William Barr"},
		{"Bill Clinton", "Bill Clinton"}, {"Hillary Clinton", "Hillary Clinton"}, {"Clinton", "Clinton"}} {
		if got := n.Canonical(tt[0], claimtrail.SpeakerPerson); got != tt[1] {
			t.Errorf("%q → %q, want %q", tt[0], got, tt[1])
		}
	}
}
