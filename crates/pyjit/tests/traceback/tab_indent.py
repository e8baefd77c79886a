def f():
	s = "ü"; return s / 2
f()
