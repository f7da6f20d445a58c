"""Content analysis on the annotations: the coding matrix and intercoder agreement. No UI in here."""
