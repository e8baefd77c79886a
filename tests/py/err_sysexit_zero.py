# sys.exit() and sys.exit(0) and sys.exit(None) all give status 0.
import sys
print("exit with None")
sys.exit(None)
