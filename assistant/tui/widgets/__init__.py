"""The widgets of the app: answer widgets per type, chat messages, the composer and the side panel."""
