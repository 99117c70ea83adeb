"""One module per subcommand; the module's name is the command's name
(``new_proposal`` → ``wetdiff new-proposal``, ``import_`` → ``wetdiff import``).
Each exposes ``command``, a click command or group."""
