"""The analytics subgraph: how a job search is going, projected from the applications events."""
