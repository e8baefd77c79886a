"""DeltaBlue: an incremental one-way dataflow constraint solver.

Measures: deep class hierarchies with overridden methods, polymorphic calls,
list manipulation (append / remove / pop) and object identity tests.

Algorithm: DeltaBlue by Bjorn Freeman-Benson and John Maloney ("The DeltaBlue
Algorithm: An Incremental Constraint Hierarchy Solver", CACM 1990).
Constraints carry a strength from a small hierarchy; adding or removing a
constraint incrementally re-plans which constraint determines each variable
by "walkabout strengths".  The workload is the two classic exercises: a long
chain of equality constraints driven from one end, and a projection of many
variables through scale-and-offset constraints whose parameters are edited.
Written from scratch for pyjit from the paper's description.
"""

import sys
import time

ITERATIONS = 70
SIZE = 1000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 6


# ---------------------------------------------------------------------------
# Strengths: smaller rank means stronger.

class Strength(object):
    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def __repr__(self):
        return "Strength(%s)" % self.name

    def weaker(self):
        return ALL_STRENGTHS[self.rank + 1]


REQUIRED = Strength(0, "required")
STRONG_PREFERRED = Strength(1, "strongPreferred")
PREFERRED = Strength(2, "preferred")
STRONG_DEFAULT = Strength(3, "strongDefault")
NORMAL = Strength(4, "normal")
WEAK_DEFAULT = Strength(5, "weakDefault")
WEAKEST = Strength(6, "weakest")
ALL_STRENGTHS = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT,
                 NORMAL, WEAK_DEFAULT, WEAKEST, WEAKEST]


def is_stronger(a, b):
    return a.rank < b.rank


def is_weaker(a, b):
    return a.rank > b.rank


def weaker_of(a, b):
    if a.rank > b.rank:
        return a
    return b


# ---------------------------------------------------------------------------
# Variables

class Variable(object):
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def __repr__(self):
        return "Variable(%s=%r)" % (self.name, self.value)

    def attach(self, c):
        self.constraints.append(c)

    def detach(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


# ---------------------------------------------------------------------------
# Constraints

class Constraint(object):
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def uninstall(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Try to satisfy this constraint; return the constraint it displaced."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        displaced = out.determined_by
        if displaced is not None:
            displaced.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return displaced


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        Constraint.__init__(self, planner, strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.attach(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.detach(self)
        self.satisfied = False

    def choose_method(self, mark):
        v = self.var
        self.satisfied = v.mark != mark and is_stronger(self.strength, v.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        v = self.var
        v.walk_strength = self.strength
        v.stay = not self.is_input()
        if v.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its current value."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable as externally changed during plan execution."""

    def is_input(self):
        return True

    def execute(self):
        pass


DIR_NONE = 0
DIR_FORWARD = 1
DIR_BACKWARD = 2


class BinaryConstraint(Constraint):
    def __init__(self, planner, a, b, strength, install=True):
        Constraint.__init__(self, planner, strength)
        self.a = a
        self.b = b
        self.direction = DIR_NONE
        if install:
            self.install()

    def add_to_graph(self):
        self.a.attach(self)
        self.b.attach(self)
        self.direction = DIR_NONE

    def remove_from_graph(self):
        self.a.detach(self)
        self.b.detach(self)
        self.direction = DIR_NONE

    def choose_method(self, mark):
        a = self.a
        b = self.b
        s = self.strength
        if a.mark == mark:
            if b.mark != mark and is_stronger(s, b.walk_strength):
                self.direction = DIR_FORWARD
            else:
                self.direction = DIR_NONE
            return
        if b.mark == mark:
            if a.mark != mark and is_stronger(s, a.walk_strength):
                self.direction = DIR_BACKWARD
            else:
                self.direction = DIR_NONE
            return
        # neither end is fixed yet: write into the weaker one
        if is_weaker(a.walk_strength, b.walk_strength):
            if is_stronger(s, a.walk_strength):
                self.direction = DIR_BACKWARD
            else:
                self.direction = DIR_NONE
        else:
            if is_stronger(s, b.walk_strength):
                self.direction = DIR_FORWARD
            else:
                self.direction = DIR_BACKWARD

    def is_satisfied(self):
        return self.direction != DIR_NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        if self.direction == DIR_FORWARD:
            return self.a
        return self.b

    def output(self):
        if self.direction == DIR_FORWARD:
            return self.b
        return self.a

    def recalculate(self):
        src = self.input()
        out = self.output()
        out.walk_strength = weaker_of(self.strength, src.walk_strength)
        out.stay = src.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = DIR_NONE

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """b = a * scale + offset (forward) or a = (b - offset) / scale."""

    def __init__(self, planner, a, scale, offset, b, strength):
        BinaryConstraint.__init__(self, planner, a, b, strength, False)
        self.scale = scale
        self.offset = offset
        self.install()

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.attach(self)
        self.offset.attach(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.detach(self)
        self.offset.detach(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == DIR_FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        src = self.input()
        out = self.output()
        out.walk_strength = weaker_of(self.strength, src.walk_strength)
        out.stay = src.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


# ---------------------------------------------------------------------------
# Planner

class Plan(object):
    def __init__(self):
        self.steps = []

    def add(self, c):
        self.steps.append(c)

    def __len__(self):
        return len(self.steps)

    def execute(self):
        for c in self.steps:
            c.execute()


class Planner(object):
    def __init__(self):
        self.current_mark = 0

    def fresh_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.fresh_mark()
        displaced = c.satisfy(mark)
        while displaced is not None:
            displaced = displaced.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for u in unsatisfied:
                if u.strength is strength:
                    self.incremental_add(u)
            strength = strength.weaker()
            if strength is WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.fresh_mark()
        plan = Plan()
        todo = list(sources)
        head = 0
        while head < len(todo):
            c = todo[head]
            head += 1
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.add(c)
                out.mark = mark
                self.collect_consumers(out, todo)
        return plan

    def plan_for(self, constraints):
        sources = []
        for c in constraints:
            if c.is_input() and c.is_satisfied():
                sources.append(c)
        return self.make_plan(sources)

    def add_propagate(self, c, mark):
        todo = [c]
        head = 0
        while head < len(todo):
            d = todo[head]
            head += 1
            out = d.output()
            if out.mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.collect_consumers(out, todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        head = 0
        while head < len(todo):
            v = todo[head]
            head += 1
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def collect_consumers(self, v, into):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                into.append(c)


# ---------------------------------------------------------------------------
# The two classic exercises

def chain_test(n):
    """A chain v0 = v1 = ... = vn; edit v0 and check vn follows."""
    planner = Planner()
    first = last = prev = None
    for i in range(n + 1):
        v = Variable("v%d" % i)
        if prev is not None:
            EqualityConstraint(planner, prev, v, REQUIRED)
        if i == 0:
            first = v
        if i == n:
            last = v
        prev = v
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for([edit])
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            raise RuntimeError("chain test failed")
        total += last.value
    edit.uninstall()
    return total + len(plan)


def set_value(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.uninstall()


def projection_test(n):
    """n pairs src_i -> dst_i linked by dst = src * scale + offset."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)

    set_value(planner, src, 17)
    if dst.value != 1170:
        raise RuntimeError("projection 1 failed")
    set_value(planner, dst, 1050)
    if src.value != 5:
        raise RuntimeError("projection 2 failed")
    set_value(planner, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise RuntimeError("projection 3 failed")
    set_value(planner, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise RuntimeError("projection 4 failed")
    total = 0
    for d in dests:
        total += d.value
    return total + src.value + planner.current_mark


def main():
    report = _iter_times_wanted()
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        a = chain_test(SIZE)
        b = projection_test(SIZE)
        digest = (digest * 1000003 + a * 31 + b) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
