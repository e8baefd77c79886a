# _abc (native): ABCMeta registration, isinstance/issubclass through the caches, subclass
# hooks, __abstractmethods__, the cache token, _get_dump, resets, and the errors.
import abc
import _abc
from collections.abc import Sequence, Mapping, Iterable, Hashable, Sized


class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...

    def g(self): ...


class B(A):
    def f(self): return 1


print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__))
try:
    A()
except TypeError as e:
    print("TypeError", e)
print(B().f(), isinstance(B(), A), issubclass(B, A), issubclass(int, A))


class Other: pass


tok = abc.get_cache_token()
print(A.register(Other) is Other, abc.get_cache_token() == tok + 1)
print(isinstance(Other(), A), issubclass(Other, A), A.register(B) is B)
try:
    Other.register
except AttributeError:
    print("no register on plain classes")
try:
    A.register(5)
except TypeError as e:
    print("TypeError", e)


class C(A):
    def f(self): return 2


try:
    C.register(A)
except RuntimeError as e:
    print("RuntimeError", e)
print([isinstance(x, Sequence) for x in ([], (), "s", b"b", {}, set(), range(3), 5)])
print([isinstance(x, Mapping) for x in ([], {}, 5)], isinstance(iter([]), Iterable), isinstance([], Hashable))


class WithLen:
    def __len__(self): return 0


print(isinstance(WithLen(), Sized), issubclass(WithLen, Sized), issubclass(Other, Sized))
r, c, n, v = _abc._get_dump(A)
print(sorted(x().__name__ for x in r), type(c).__name__, type(n).__name__, isinstance(v, int))
_abc._reset_caches(A)
print(len(_abc._get_dump(A)[1]), issubclass(Other, A))
A._abc_registry_clear()
print(issubclass(Other, A), isinstance(Other(), A))
try:
    issubclass(5, A)
except TypeError as e:
    print("TypeError", e)


class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "quack") else NotImplemented


class Duck:
    quack = 1


print(issubclass(Duck, Hook), isinstance(Duck(), Hook), issubclass(int, Hook))
