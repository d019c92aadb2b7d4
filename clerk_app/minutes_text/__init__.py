"""The plain-text minutes format (FORMAT.md): one grammar, read by ``importer`` and written by
``writer``, so what Clerk writes it reads back as the same meeting."""
