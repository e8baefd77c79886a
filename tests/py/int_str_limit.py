# The 4300-digit limit on int <-> str conversion for non power-of-two bases.
import sys
print(sys.get_int_max_str_digits())
s = "1" * 4300
n = int(s)
print(len(str(n)))
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    repr(big)
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{big}")
except ValueError as e:
    print("ValueError:", e)
print(len(hex(big)), len(bin(big)), len(oct(big)))
print(int("f" * 5000, 16).bit_length())
print(len(str(10 ** 4299)))
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
print(len(str(10 ** 4500)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)
try:
    int("-" + "9" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(int("-" + "9" * 4299) < 0)
