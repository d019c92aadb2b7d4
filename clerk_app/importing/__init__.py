"""Importers: plain-text minutes in, a meeting model out."""
