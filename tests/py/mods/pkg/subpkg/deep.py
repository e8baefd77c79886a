print("pkg.subpkg.deep: executing, __package__ =", __package__)
from .. import helper
from ..sub import SUB
def deep():
    return ("deep", helper.helper_func(), SUB)
