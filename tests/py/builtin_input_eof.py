# input() with stdin at EOF (stdin is /dev/null).
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
