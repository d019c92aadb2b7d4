"""The minutes core: meeting model, lettering, action tags, text cleaning. No Qt, no SQL."""
