# finally blocks run before the interpreter exits via SystemExit.
import sys
def main():
    try:
        print("in main")
        sys.exit(7)
    finally:
        print("cleanup in finally")
main()
