package main

// Placeholders; delete this file when the real commands exist.

type EvalCmd struct{}

func (c *EvalCmd) Run() error { return errNotYet }

type BenchCmd struct{}

func (c *BenchCmd) Run() error { return errNotYet }
