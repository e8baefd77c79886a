# Uncaught AttributeError on an instance.
class Account:
    def __init__(self):
        self.balance = 10
a = Account()
print(a.balance)
print(a.zzz_nonexistent_field)
