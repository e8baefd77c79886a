# round() and __import__() take their first argument by keyword too (number=, name=).
print(round(number=-8.0, ndigits=-1), round(2.5), round(number=7), __import__(name='sys').__name__, __import__(name='time', level=0).__name__)
for e in ["round()", "round(1, x=2)", "__import__()", "__import__('sys', bogus=1)"]:
    try: eval(e)
    except TypeError as x: print(e, "TypeError", x)
