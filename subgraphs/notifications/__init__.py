"""The notifications subgraph: in-app notifications, interview reminders and emails, from others' events."""
