"""One function per user intent, shared by the window and the command line."""
