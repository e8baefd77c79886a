# Exit status 0 but output on stderr.
import sys
print("to stdout")
print("warning: something to stderr", file=sys.stderr)
print("done")
