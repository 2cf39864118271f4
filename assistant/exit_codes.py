"""What `dialoog` exits with, for scripts that run it: the same for every subcommand."""

EXIT_OK = 0          # done
EXIT_INVALID = 1     # a transcript, bank or script could not be read, or the output could not be written
EXIT_USAGE = 2       # a mistake in the arguments (argparse's own code for it)
EXIT_INTERRUPTED = 130  # ctrl+c, as a shell reports it
