# Uncaught OverflowError from math.exp.
import math
print(math.exp(10))
print(math.exp(10000))
