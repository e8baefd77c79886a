# Mixins and cooperative methods across a diamond.
class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"{type(self).__name__}({fields})"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    __hash__ = None
class ComparableMixin:
    def _key(self):
        raise NotImplementedError
    def __lt__(self, other):
        return self._key() < other._key()
class LoggingMixin:
    log = []
    def save(self):
        LoggingMixin.log.append(f"saving {type(self).__name__}")
        return super().save()
class Persist:
    def save(self):
        return "persisted"
class ValidatingMixin:
    def save(self):
        if not getattr(self, "name", ""):
            raise ValueError("name required")
        return super().save()
class User(ReprMixin, EqMixin, ComparableMixin, LoggingMixin, ValidatingMixin, Persist):
    def __init__(self, name, age):
        self.name, self.age = name, age
    def _key(self):
        return (self.age, self.name)
users = [User("cy", 30), User("al", 25), User("bo", 30)]
print(users, sorted(users), users[0] == User("cy", 30), users[0] == users[1])
print(users[0].save(), LoggingMixin.log)
try:
    User("", 1).save()
except ValueError as e:
    print("ValueError:", e, LoggingMixin.log)
try:
    hash(users[0])
except TypeError as e:
    print("TypeError:", e)
print([c.__name__ for c in User.__mro__])
