"""jobgraph's GraphQL federation router: supergraph → plan → execute → respond."""
