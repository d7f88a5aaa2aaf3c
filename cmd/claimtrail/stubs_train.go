package main

// Placeholders; delete this file when the real commands exist.

type TrainCmd struct{}

func (c *TrainCmd) Run() error { return errNotYet }
