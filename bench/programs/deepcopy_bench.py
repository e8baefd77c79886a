"""Deepcopy: copy.deepcopy of nested containers and object graphs.

Measures: the copy module's recursive dispatch (per-type copiers, the memo
dict, __reduce_ex__-based copying of plain instances, __deepcopy__ hooks),
including shared references and reference cycles.

Algorithm: synthetic workload written from scratch for pyjit: builds a
deterministic object graph (a small "company" of departments, employees
and projects with back-references, plus a bulk of nested lists, dicts and
tuples), deep-copies it repeatedly and walks the copy to check it is equal
but disjoint, with sharing and cycles preserved.
"""

import copy
import sys
import time

ITERATIONS = 28
EMPLOYEES = 300


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 3


class Employee(object):
    def __init__(self, ident, name, salary):
        self.ident = ident
        self.name = name
        self.salary = salary
        self.department = None
        self.projects = []
        self.skills = {}


class Department(object):
    def __init__(self, name):
        self.name = name
        self.members = []
        self.head = None


class Project(object):
    def __init__(self, code, budget):
        self.code = code
        self.budget = budget
        self.staff = []
        self.milestones = [(i, "m%d" % i, float(i) * 1.5) for i in range(4)]


class Tag(object):
    """Immutable-ish value object that shares itself on deepcopy."""

    def __init__(self, label):
        self.label = label

    def __deepcopy__(self, memo):
        return self


class Counter(object):
    """Custom deepcopy that copies its payload manually."""

    def __init__(self, counts):
        self.counts = counts

    def __deepcopy__(self, memo):
        clone = Counter({})
        memo[id(self)] = clone
        for k, v in self.counts.items():
            clone.counts[k] = copy.deepcopy(v, memo)
        return clone


def build_company(n):
    tags = [Tag("t%d" % i) for i in range(5)]
    depts = [Department("dept-%d" % i) for i in range(6)]
    projects = [Project("P%03d" % i, 1000 * (i + 1)) for i in range(15)]
    people = []
    for i in range(n):
        e = Employee(i, "employee-%d" % i, 30000 + (i * 7919) % 50000)
        d = depts[i % len(depts)]
        e.department = d
        d.members.append(e)
        if d.head is None:
            d.head = e
        for k in range(1 + i % 3):
            p = projects[(i * 3 + k) % len(projects)]
            e.projects.append(p)
            p.staff.append(e)
        e.skills = {"python": i % 5, "rust": (i * 3) % 5, "tag": tags[i % len(tags)]}
        people.append(e)
    bulk = []
    for i in range(n):
        bulk.append({
            "key": i,
            "values": [i, i * 2, [i * 3, (i, str(i))]],
            "pair": (i, [i + 1, {"deep": [None, True, 1.25 * i]}]),
            "name": "item%d" % i,
        })
    shared = [1, 2, 3]
    company = {
        "departments": depts,
        "projects": projects,
        "people": people,
        "bulk": bulk,
        "twins": [shared, shared, (shared, shared)],
        "counter": Counter({"a": [1, 2], "b": {"c": 3}}),
        "frozen": frozenset([1, 2, 3]),
        "raw": b"bytes stay shared",
    }
    company["self"] = company
    return company


def check_and_digest(orig, dup):
    if dup is orig or dup["self"] is not dup:
        raise RuntimeError("deepcopy: cycle not preserved")
    twins = dup["twins"]
    if twins[0] is not twins[1] or twins[2][0] is not twins[0] or twins[0] is orig["twins"][0]:
        raise RuntimeError("deepcopy: sharing not preserved")
    if dup["counter"] is orig["counter"] or dup["counter"].counts != orig["counter"].counts:
        raise RuntimeError("deepcopy: custom __deepcopy__ failed")
    digest = 0
    for d_orig, d in zip(orig["departments"], dup["departments"]):
        if d is d_orig or d.head.department is not d:
            raise RuntimeError("deepcopy: department graph broken")
        digest += len(d.members) * 3 + len(d.name)
    for e_orig, e in zip(orig["people"], dup["people"]):
        if e is e_orig or e.skills["tag"] is not e_orig.skills["tag"]:
            raise RuntimeError("deepcopy: employee copy wrong")
        for p in e.projects:
            if e not in p.staff:
                raise RuntimeError("deepcopy: back-reference lost")
        digest = (digest * 31 + e.salary + len(e.projects) + e.skills["rust"]) % 1000000007
    for b_orig, b in zip(orig["bulk"], dup["bulk"]):
        if b == b_orig and b is not b_orig and b["pair"][1] is not b_orig["pair"][1]:
            digest = (digest * 7 + b["key"] + len(b["values"])) % 1000000007
        else:
            raise RuntimeError("deepcopy: bulk copy wrong")
    return digest


def run(company):
    digest = 0
    dup = copy.deepcopy(company)
    digest += check_and_digest(company, dup)
    # copies of parts, and copy of a copy
    for p in company["projects"]:
        q = copy.deepcopy(p)
        digest += len(q.staff) + q.budget + len(q.milestones)
    dup2 = copy.deepcopy(dup["bulk"])
    digest += len(dup2)
    shallow = copy.copy(company["bulk"])
    digest += 1 if shallow[0] is company["bulk"][0] else 0
    return digest % 1000000007


def main():
    report = _iter_times_wanted()
    company = build_company(EMPLOYEES)
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = (digest * 131 + run(company)) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
