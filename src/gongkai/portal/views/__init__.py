"""Portal views: they parse input and call selectors (reads) or services (writes)."""
