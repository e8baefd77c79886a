# Program: bank accounts with classes, properties, custom exceptions and a transaction log.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance is {account.balance}")
        self.shortfall = amount - account.balance
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"
class SavingsAccount(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, balance=0):
        acct = cls(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            return f"transfer failed: {e} (short by {e.shortfall})"
        dst.deposit(amount)
        return f"moved {amount} from {src.owner} to {dst.owner}"
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 50)
print(alice, bob)
print(bank.transfer(alice, bob, 30))
print(bank.transfer(bob, alice, 500))
print(bob.add_interest(), bob)
for bad in [lambda: alice.deposit(-5), lambda: alice.withdraw(10 ** 6), lambda: setattr(alice, "balance", 0)]:
    try:
        bad()
    except (BankError, ValueError, AttributeError) as e:
        print(type(e).__name__, "-", e)
print(alice.history, bob.history)
print(round(bank.total(), 2), sorted(bank.accounts.values(), key=lambda a: -a.balance))
print(isinstance(bob, Account), issubclass(InsufficientFunds, BankError), [c.__name__ for c in SavingsAccount.__mro__])
