"""Thin Starlette adapters between clients and the router pipeline."""
