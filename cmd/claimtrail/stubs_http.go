package main

// Placeholders; delete this file when the real commands exist.

type ServeCmd struct{}

func (c *ServeCmd) Run() error { return errNotYet }

type DemoCmd struct{}

func (c *DemoCmd) Run() error { return errNotYet }
