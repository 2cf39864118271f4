"""One module per screen: start, conversation, review, summary."""
