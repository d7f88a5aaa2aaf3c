package syntax

import (
	"reflect"
	"strings"
	"testing"
)

const sampleCoNLLU = `# sent_id = 1
1	Obama	Obama	_	NNP	_	2	nsubj	_	Begin=0|End=5|NER=PERSON
2	said	say	_	VBD	_	0	root	_	Begin=6|End=10|NER=O
3	on	on	_	IN	_	4	case	_	Begin=11|End=13|NER=O
4	Monday	Monday	_	NNP	_	2	nmod	_	Begin=14|End=20|NER=DATE
5	.	.	_	.	_	2	punct	_	Begin=20|End=21|NER=O

# sent_id = 2
1	New	New	_	NNP	_	2	compound	_	Begin=22|End=25|NER=LOCATION
2	York	York	_	NNP	_	0	root	_	Begin=26|End=30|NER=LOCATION
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sampleCoNLLU))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"words", sents[0].Words, []string{"Obama", "said", "on", "Monday", "."}},
		{"tags", sents[0].Tags, []string{"NNP", "VBD", "IN", "NNP", "."}},
		{"heads", sents[0].Heads, []int{1, -1, 3, 1, 1}},
		{"labels", sents[0].Labels, []string{"nsubj", "root", "case", "nmod", "punct"}},
		{"ents drop DATE", sents[0].Ents, []string{"B-PER", "O", "O", "O", "O"}},
		{"begin", sents[0].Begin, []int{0, 6, 11, 14, 20}},
		{"ents BIO", sents[1].Ents, []string{"B-LOC", "I-LOC"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"few columns", "1\tA\ta\n"},
		{"bad id", "x\tA\ta\t_\tNN\t_\t0\troot\t_\t_\n"},
		{"skipped id", "2\tA\ta\t_\tNN\t_\t0\troot\t_\t_\n"},
		{"head outside", "1\tA\ta\t_\tNN\t_\t5\troot\t_\t_\n\n"},
		{"negative head", "1\tA\ta\t_\tNN\t_\t-3\troot\t_\t_\n"},
	}
	for _, tt := range tests {
		if _, err := ReadCoNLLU(strings.NewReader(tt.in)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestEntitySpans(t *testing.T) {
	tests := []struct {
		in   []string
		want []EntitySpan
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []EntitySpan{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"I-ORG", "I-ORG", "B-ORG"}, []EntitySpan{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{[]string{"B-PER", "I-LOC"}, []EntitySpan{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{nil, nil},
	}
	for _, tt := range tests {
		if got := EntitySpans(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EntitySpans(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(sampleCoNLLU)
	f.Add("1\tA\ta\t_\tNN\t_\t0\troot\t_\tBegin=x|End=|NER\n")
	f.Add("1-2\tdon't\t_\n1\tdo\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			n := s.Len()
			if len(s.Tags) != n || len(s.Heads) != n || len(s.Ents) != n || len(s.Labels) != n {
				t.Fatalf("ragged sentence %+v", s)
			}
			for _, h := range s.Heads {
				if h < -1 || h >= n {
					t.Fatalf("head %d outside sentence of %d", h, n)
				}
			}
		}
	})
}

func TestLowerHash(t *testing.T) {
	for _, w := range []string{"", "The", "don’t", "2,000", "Ünïcödé", "``", "-LRB-", "\xff", "O’Brien", "12:30", "«", "AbC123"} {
		if got, want := lowerHash(w), lex(w).lower; got != want {
			t.Errorf("lowerHash(%q) = %x, want %x", w, got, want)
		}
	}
}
