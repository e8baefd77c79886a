# Native methods CPython declares METH_NOARGS or METH_O check their argument count and refuse
# keywords, with CPython's messages naming the class (also through subclasses and unbound).
cases = [
    "{}.keys(1)", "{}.items(1)", "{}.values(1)", "{}.copy(1)", "{}.clear(1)", "{}.popitem(1)",
    "dict.keys({}, 1)", "dict.keys()", "{}.keys(a=1)",
    "[].append()", "[].append(1, 2)", "[].append(x=1)", "list.append([])", "[].copy(1)",
    "[].clear(1)", "[].reverse(1)", "[].remove()", "[].count()", "[].extend()",
    "set().add()", "set().copy(1)", "set().clear(1)", "set().pop(1)", "set().remove()",
    "set().discard()", "frozenset().copy(1)", "set().issubset()",
    "''.upper(1)", "''.lower(1)", "''.isdigit(1)", "''.join()", "''.zfill()", "b''.upper(1)",
    "bytearray().append()", "(1).bit_length(1)", "(1.0).is_integer(1)", "(1.0).hex(1)",
    "(1,).count()", "range(3).index()", "object().__reduce__(1)", "object().__reduce_ex__()",
    "int.__getnewargs__(1, 2)", "(x for x in ()).send()", "BaseException().with_traceback()",
]

class D(dict):
    pass

class L(list):
    pass

cases += ["D().keys(1)", "L().append()", "L().clear(x=2)"]
for e in cases:
    try:
        eval(e)
        print(e, "-> no error")
    except TypeError as x:
        print(e, "->", x)
# the right counts still work
d = D(a=1)
print(list(d.keys()), list(d.items()), d.copy(), d.popitem(), d)
l = L([3, 1, 2])
l.append(4)
l.reverse()
print(l, l.copy(), l.count(1), ''.join(['a', 'b']), '7'.zfill(3), set([1]).issubset([1, 2]))
