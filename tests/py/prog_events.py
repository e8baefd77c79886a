# Program: an event bus with decorator registration, priorities and error isolation.
class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, event, priority=0):
        def register(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), fn))
            return fn
        return register
    def emit(self, event, *args, **kwargs):
        results = []
        for prio, _, fn in sorted(self.handlers.get(event, []), key=lambda h: (-h[0], h[1])):
            try:
                results.append((fn.__name__, fn(*args, **kwargs)))
            except Exception as e:
                results.append((fn.__name__, f"{type(e).__name__}: {e}"))
        return results
bus = EventBus()
audit = []
@bus.on("user.created")
def send_welcome(user):
    return f"welcome mail to {user['email']}"
@bus.on("user.created", priority=10)
def validate(user):
    if "@" not in user["email"]:
        raise ValueError(f"bad email {user['email']!r}")
    return "valid"
@bus.on("user.created", priority=-5)
def record(user):
    audit.append(user["name"])
    return len(audit)
@bus.on("order.placed")
def total(order, *, tax=0.0):
    return round(sum(q * p for q, p in order) * (1 + tax), 2)
print(bus.emit("user.created", {"name": "ann", "email": "ann@example.com"}))
print(bus.emit("user.created", {"name": "bob", "email": "bob.example.com"}))
print(bus.emit("user.created", {"name": "cy"}))
print(bus.emit("order.placed", [(2, 9.99), (1, 0.01)], tax=0.2))
print(bus.emit("nothing.here"), audit, sorted(bus.handlers))
print([fn.__name__ for _, _, fn in bus.handlers["user.created"]])
