"""Dialoog: a guided-dialogue assistant for CLB conversations about school attendance."""

__version__ = "0.1.0"
