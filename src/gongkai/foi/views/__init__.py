"""Pages of disclosure on request: the portal (``public``) and the workbench (``staff``).

Views parse input, call one service or selector, and show a service's refusal on the page.
"""
