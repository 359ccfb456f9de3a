from .app.cli import command

command()
