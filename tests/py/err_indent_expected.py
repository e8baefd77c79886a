# Missing indented block.
print("never")
if True:
print("bad")
