import typing
from typing import TypeVar, Generic, Optional, Union, List, Dict, Callable, NamedTuple, TypedDict, Protocol, Any, Literal

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


print(Box[int], Box(3).get(), Optional[int], Union[int, str], List[int], Dict[str, List[int]])
print(typing.get_type_hints(Box.__init__), typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(Callable[[int], str], Literal[1, "a"], typing.Tuple[int, ...], Optional[int] == Union[int, None])


class NT(NamedTuple):
    a: int
    b: str = "x"


print(NT(1), NT(2, "y")._asdict(), NT._fields, NT.__annotations__)


class TD(TypedDict, total=False):
    a: int
    b: str


print(TD(a=1), TD.__required_keys__, TD.__optional_keys__)


class Closer(Protocol):
    def close(self) -> None: ...


@typing.runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...


print(isinstance([1], Sized2), isinstance(3, Sized2))


def f(x: "int", y: Optional[List[str]] = None) -> Dict[str, Any]:
    return {}


print(typing.get_type_hints(f))
print(typing.cast(int, "no check"), typing.TYPE_CHECKING, typing.overload.__name__)
Alias = Union[int, List["Alias"]]
print(Alias)
print(int | str, list[int], dict[str, int] | None)
