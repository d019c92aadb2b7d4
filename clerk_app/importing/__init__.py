"""Readers of foreign formats (Word minutes, agendas) that turn them into Clerk's model."""
