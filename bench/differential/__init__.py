"""Differential testing: random valid operations over a supergraph, answered by our router and a reference."""
