"""The toolkit every jobgraph subgraph is built with: errors, identity, signing keys, settings, SQL database
and migrations, cursor pagination and the transactional outbox (see README.md for the shape of a subgraph)."""
