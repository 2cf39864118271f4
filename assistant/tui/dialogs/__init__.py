"""Modal dialogs, each a typed ModalScreen[T] that returns what the user decided (or None)."""
