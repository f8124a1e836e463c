"""主动公开: information items, disclosure labels, review, de-identification, publishing."""
