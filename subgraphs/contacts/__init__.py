"""The contacts subgraph: people met during a job search, linked to registered users by email."""
