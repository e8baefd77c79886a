# Program: tokenizer and recursive-descent parser/evaluator for arithmetic expressions.
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"{self.kind}:{self.value}"
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/%^(),":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    tokens.append(Token("end", None))
    return tokens
class Parser:
    def __init__(self, tokens, env):
        self.toks, self.pos, self.env = tokens, 0, env
    def peek(self):
        return self.toks[self.pos]
    def take(self, value=None):
        t = self.toks[self.pos]
        if value is not None and t.value != value:
            raise SyntaxError(f"expected {value!r}, got {t.value!r}")
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v /= r
            else:
                v %= r
        return v
    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        t = self.take()
        if t.kind == "num":
            return t.value
        if t.kind == "name":
            if self.peek().value == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return self.env[t.value](*args)
            if t.value not in self.env:
                raise NameError(f"unknown variable {t.value}")
            return self.env[t.value]
        if t.value == "(":
            v = self.expr()
            self.take(")")
            return v
        raise SyntaxError(f"unexpected token {t!r}")
def evaluate(src, env):
    p = Parser(tokenize(src), env)
    v = p.expr()
    if p.peek().kind != "end":
        raise SyntaxError(f"trailing input at {p.peek()!r}")
    return v
env = {"x": 3, "y": 4.5, "max": max, "min": min, "abs": abs}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + x * y", "max(1, x, 2) - min(y, 0)",
            "abs(-7) * -(-2)", "2 ^ 100", "1.5 + .5", "((((x))))", "1 / 0", "1 +", "foo + 1", "2 $ 3", "(1 + 2", "1 2"]:
    try:
        print(f"{src!r:28} = {evaluate(src, env)!r}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{src!r:28} ! {type(e).__name__}: {e}")
print(tokenize("a1 + 22*(3.5)"))
