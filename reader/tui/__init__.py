"""The Textual app: a face over the domain core, never the other way round."""
