"""All of Dialoog's domain logic. Never imports Textual (tests/test_layering.py proves it)."""
