"""Tests; this folder mirrors clerk_app/."""
