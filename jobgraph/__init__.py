"""jobgraph composition root: wires the router and the subgraphs together (CLI, dev server)."""
