# Program: a vending-machine state machine driven by match statements.
class Machine:
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": (150, 2), "chips": (100, 1), "gum": (50, 0)}
        self.log = []
    def handle(self, event):
        match (self.state, event):
            case (_, ("coin", int(v))) if v in (10, 20, 50, 100):
                self.credit += v
                self.state = "has_credit"
                return f"credit {self.credit}"
            case (_, ("coin", v)):
                return f"rejected coin {v!r}"
            case ("idle", ("select", _)):
                return "insert coins first"
            case ("has_credit", ("select", str(item))) if item not in self.stock:
                return f"unknown item {item}"
            case ("has_credit", ("select", item)):
                price, count = self.stock[item]
                if count == 0:
                    return f"{item} sold out"
                if self.credit < price:
                    return f"need {price - self.credit} more for {item}"
                self.stock[item] = (price, count - 1)
                self.credit -= price
                change, self.credit = self.credit, 0
                self.state = "idle"
                return f"vend {item}, change {change}"
            case ("has_credit", "refund"):
                change, self.credit = self.credit, 0
                self.state = "idle"
                return f"refund {change}"
            case (state, "refund"):
                return f"nothing to refund in {state}"
            case (_, {"admin": "restock", "item": item, "count": int(n)}):
                price, count = self.stock.get(item, (75, 0))
                self.stock[item] = (price, count + n)
                return f"restocked {item} -> {count + n}"
            case _:
                return f"ignored {event!r}"
m = Machine()
events = [("select", "cola"), ("coin", 100), ("coin", 3), ("coin", "slug"), ("select", "cola"), ("coin", 50),
          ("select", "cola"), "refund", ("coin", 100), ("select", "gum"), ("select", "tea"), "refund",
          {"admin": "restock", "item": "gum", "count": 5}, ("coin", 50), ("select", "gum"), ("coin", 100), ("select", "chips"),
          ("coin", 100), ("select", "chips"), "refund", "dance", {"admin": "restock", "item": "tea", "count": 2}]
for ev in events:
    print(f"{m.state:>10} {ev!r:50} -> {m.handle(ev)}")
print(m.stock)
