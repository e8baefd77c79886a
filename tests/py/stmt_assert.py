# assert statement.
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
try:
    assert 1 > 2, "custom message"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("AssertionError:", e.args)
def side():
    print("message evaluated")
    return "lazy"
assert True, side()
try:
    assert 0, side()
except AssertionError as e:
    print(e)
x = 5
try:
    assert x < 0, f"x should be negative, got {x}"
except AssertionError as e:
    print(e)
pair = (x, "tuple is truthy")
assert pair
print("non-empty tuple assertion passes")
print(__debug__)
