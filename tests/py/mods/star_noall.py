visible = "visible"
_hidden = "hidden"
def visible_func():
    return "vf"
