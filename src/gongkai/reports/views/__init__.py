"""Pages of the reports app: the public report pages and the office's workbench pages."""
