"""``python -m tansiq`` runs the command line."""

from tansiq.interfaces.cli.main import main

main()
