"""The Qt window: views, item models, undo commands, dialogs, actions."""
