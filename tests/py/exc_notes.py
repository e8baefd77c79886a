# BaseException.add_note (3.11) and __notes__.
e = ValueError("base message")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise KeyError("k")
    except KeyError as inner:
        inner.add_note("added while handling")
        raise
except KeyError as caught:
    print(caught.__notes__)
eg = ExceptionGroup("group", [ValueError("v")])
eg.add_note("group note")
print(eg.__notes__)
e2 = TypeError()
e2.__notes__ = ["preset"]
e2.add_note("appended")
print(e2.__notes__)
