"""Pages of the participation app: the portal under hdjl/, the workbench under
workbench/participation/. Views parse input and call services or selectors."""
