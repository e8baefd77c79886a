# Uncaught TypeError for a missing argument in a method call.
class Greeter:
    def greet(self, name, punctuation):
        return f"Hello, {name}{punctuation}"
g = Greeter()
print(g.greet("world", "!"))
print(g.greet("world"))
