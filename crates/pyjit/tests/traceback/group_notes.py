e = ValueError("n")
e.add_note("note one")
e.add_note("note\ntwo")
g = ExceptionGroup("g", [e])
g.add_note("group note")
raise g
