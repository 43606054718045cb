"""The applications subgraph: job applications, their statuses and timelines, the dashboard numbers."""
