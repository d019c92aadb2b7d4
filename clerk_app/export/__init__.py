"""Exporters: a composed minutes document in, a file out."""
