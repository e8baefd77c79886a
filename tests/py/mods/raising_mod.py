print("raising_mod: about to fail")
RAISED = True
raise ValueError("module failed during import")
