"""`python -m assistant` does what the `dialoog` command does."""

from assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
