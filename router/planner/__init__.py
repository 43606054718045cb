"""The query planner: a client operation plus the supergraph in, a QueryPlan out (pure, synchronous)."""
