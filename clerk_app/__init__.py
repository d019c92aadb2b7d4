"""Clerk: live minute-taking for UK council and committee clerks."""

__version__ = "0.1.0"
