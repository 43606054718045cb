"""`python -m jobgraph`: the same as the `jobgraph` console command."""

from jobgraph.cli import main

raise SystemExit(main())
