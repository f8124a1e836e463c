"""The public portal: what a citizen sees of the body."""
