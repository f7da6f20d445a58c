"""The `reader` command's subcommands, one module per group: articles (list, add), annotations
(annotate, annotations, export, import), conflicts (conflicts, resolve), analysis (analyze),
pipeline (info, evaluate-model). Each parses its arguments, calls the core and prints through
console.py; reader/cli.py is the group that holds them.
"""
