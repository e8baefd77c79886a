# Name mangling of __private names.
class A:
    __secret = "A-secret"
    def __init__(self):
        self.__value = 1
        self._single = 2
        self.__dunder__ = 3
    def get(self):
        return self.__secret, self.__value
    def __private_method(self):
        return "private method"
    def call(self):
        return self.__private_method()
a = A()
print(a.get(), a.call(), a._A__value, A._A__secret, a._single, a.__dunder__)
print(sorted(k for k in a.__dict__), sorted(k for k in A.__dict__ if "secret" in k or "private" in k))
try:
    a.__value
except AttributeError as e:
    print("AttributeError:", e)
class B(A):
    __secret = "B-secret"
    def get_b(self):
        return self.__secret
    def get_a_from_b(self):
        try:
            return self.__value
        except AttributeError as e:
            return "AttributeError: " + str(e)
b = B()
print(b.get(), b.get_b(), b.get_a_from_b())
class _Under:
    def __m(self):
        return "mangled with stripped underscore"
    def call(self):
        return self.__m()
print(_Under().call(), [k for k in _Under.__dict__ if k.endswith("__m")])
class C:
    def f(self):
        __local = 5
        return __local
    def g(self):
        return getattr(self, "__x", "no mangling in strings")
print(C().f(), C().g())
def outside():
    class D:
        def m(self, __arg=1):
            return __arg
    return D().m()
print(outside())
