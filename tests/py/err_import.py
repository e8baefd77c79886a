# Uncaught ModuleNotFoundError.
print("importing")
import this_module_does_not_exist_anywhere
