"""The application layer, between the core and the interfaces: what the app and the command line share.

Free of Textual: the meeting controller, opening a conversation, the app's settings, the view of a
conversation the screens draw, the log's entries and the prompt as plain data. The screens
(assistant.tui) and the command line (assistant.cli, assistant.subcommands) use it; it uses the core;
nothing here imports them (the contracts in pyproject.toml check it).
"""
