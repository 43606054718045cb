"""The users subgraph: sign-up, sign-in, access and refresh tokens, profiles and the "interested in" list."""
