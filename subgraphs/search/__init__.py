"""The search subgraph: one full-text index of applications, interviews, contacts and people."""
