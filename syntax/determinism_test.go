package syntax

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"
)

// tinyOptions trains quickly on the hand-written testdata/tiny.conllu.
var tinyOptions = trainOptions{
	jackknifeFolds: 2,
	tagger:         tagTrainConfig{epochs: 3, seed: 1, minWeight: 0.01, dictMinFreq: 2, dictMinShare: 0.9},
	entity:         entTrainConfig{epochs: 3, seed: 2, minWeight: 0.01},
	parser:         parseTrainConfig{epochs: 3, seed: 3, explore: 0.9, minWeight: 0.01},
}

func readTiny(t *testing.T) []Sentence {
	t.Helper()
	f, err := os.Open("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	// Repeat so that folds and epochs have something to learn from.
	var out []Sentence
	for range 4 {
		out = append(out, sents...)
	}
	return out
}

func TestTrainDeterministic(t *testing.T) {
	sents := readTiny(t)
	first, err := trainAll(context.Background(), sents, sents, tinyOptions, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	second, err := trainAll(context.Background(), sents, sents, tinyOptions, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{TaggerFile, EntityFile, ParserFile} {
		if len(first[name]) == 0 {
			t.Fatalf("%s: empty model", name)
		}
		if !bytes.Equal(first[name], second[name]) {
			t.Errorf("%s: two trainings differ (%d vs %d bytes)", name, len(first[name]), len(second[name]))
		}
	}
	// The models round-trip through their files and learned the tiny set.
	tagger, err := decodeTagger(first[TaggerFile])
	if err != nil {
		t.Fatal(err)
	}
	if acc := TagAccuracy(tagger, sents); acc < 0.9 {
		t.Errorf("tiny tagger accuracy %.2f, want ≥ 0.9", acc)
	}
	parser, err := decodeParser(first[ParserFile])
	if err != nil {
		t.Fatal(err)
	}
	if uas, _ := AttachmentScores(parser, tagger, sents); uas < 0.7 {
		t.Errorf("tiny parser UAS %.2f, want ≥ 0.7", uas)
	}
	ent, err := decodeEntityTagger(first[EntityFile])
	if err != nil {
		t.Fatal(err)
	}
	if f1 := EntityF1(ent, tagger, sents); f1[len(f1)-1].F1 < 0.5 {
		t.Errorf("tiny entity F1 %.2f, want ≥ 0.5", f1[len(f1)-1].F1)
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	sents := readTiny(t)
	files, err := trainAll(context.Background(), sents, nil, tinyOptions, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", files[TaggerFile][:len(files[TaggerFile])/2]},
	}
	for _, tt := range tests {
		if _, err := decodeTagger(tt.data); err == nil {
			t.Errorf("decodeTagger(%s): no error", tt.name)
		}
		if _, err := decodeParser(tt.data); err == nil {
			t.Errorf("decodeParser(%s): no error", tt.name)
		}
	}
	// The wrong kind of model is refused.
	if _, err := decodeParser(files[TaggerFile]); err == nil {
		t.Error("decodeParser accepted a tagger file")
	}
}
