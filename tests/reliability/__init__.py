"""Tests that do to Clerk what laptops and clerks do: kill it, fill its disk, feed it junk."""
