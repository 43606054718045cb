"""The interviews subgraph: interviews scheduled for applications, and the events reminders are built from."""
