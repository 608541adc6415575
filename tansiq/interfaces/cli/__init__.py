"""The ``tansiq`` command line."""
