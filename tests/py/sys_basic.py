# sys module basics.
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
for bad in [0, -5, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules, type(sys.modules).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width, sys.maxunicode)
print(type(sys.version).__name__, sys.platform == "linux", sys.version.startswith("3.11"))
print(sys.stdout.write("written\n"), sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.exc_info(), sys.flags.optimize, sys.getdefaultencoding())
print(sys.intern("abc") == "abc", callable(sys.exit), sys.stdout.encoding, sys.stderr.encoding)
