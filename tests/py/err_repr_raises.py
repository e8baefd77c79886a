# An exception raised by __repr__ while printing a list propagates uncaught.
class BadRepr:
    def __repr__(self):
        raise TypeError("repr exploded")
print("one")
print([BadRepr()])
