"""Subcommands of `lifelong`: each module has `register(subparsers)`; cli.py finds them all."""
