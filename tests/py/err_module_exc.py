# Uncaught exception raised deep inside an imported module.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
import err_helper_mod
print("before")
err_helper_mod.fail_deep(5)
