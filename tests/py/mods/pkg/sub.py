print("pkg.sub: executing, __name__ =", __name__)
from .helper import helper_func
from . import helper
SUB = "sub-value"
def use_helper():
    return "sub uses " + helper_func() + " / " + helper.helper_func()
