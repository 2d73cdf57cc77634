from eventdocs.cli import run

run()
