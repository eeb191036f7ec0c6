"""Turn a folder of news articles into a static explainer site: ingest → extract → reconcile → render → build."""

__version__ = "0.1.0"
