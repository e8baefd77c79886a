print("pkg/__init__: executing, __name__ =", __name__, "__package__ =", __package__)
PKG_CONST = "pkg-const"
from .helper import helper_func
from . import sub as _sub_alias
def pkg_func():
    return "pkg_func"
