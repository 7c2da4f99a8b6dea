"""Evaluation commands: measure newsline against public annotated data sets."""
