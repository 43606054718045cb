"""jobgraph subgraphs: one Strawberry federation subgraph per domain, plus the kit they share."""
