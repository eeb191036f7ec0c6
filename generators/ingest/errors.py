"""The ingest step's one error, in a module of its own so that every layer can raise it without importing the
package that runs them."""


class IngestError(Exception):
    """An article that cannot be read; the message names the reason, the caller the file."""
