"""jobgraph's GraphQL federation router: supergraph → plan → execute → respond."""

# Before any router module loads: a compiled extension older than its sources must not run.
from router.compiled import refuse_stale_build

refuse_stale_build()
