package main

import "context"

// ExtractCmd prints attributions found in plain-text articles.
type ExtractCmd struct {
	Files  []string `arg:"" name:"file" help:"Plain-text articles ('-' for stdin)." type:"string"`
	Pretty bool     `help:"Indent the JSON for humans."`
}

func (c *ExtractCmd) Run(ctx context.Context) error { return errNotYet }
