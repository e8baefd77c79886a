"""Hexiom: exhaustive solver for the Hexiom hexagonal tile puzzle.

Measures: recursive backtracking, small integer lists used as mutable
state, neighbour-list walks, and undo logs; branch-heavy integer code.

Puzzle: Hexiom (a web puzzle game) uses a hexagon-shaped board of hexagonal
cells and a set of tiles numbered 0..6.  Every tile must be placed so that
its number equals how many of its six neighbouring cells hold tiles; some
tiles are locked in place.  Because a tile's number is implied by which
cells are occupied, the solver searches over occupancy patterns cell by
cell (depth-first, like any exact-cover style backtracking), assigning a
number to a tile as soon as its whole neighbourhood is decided and pruning
with per-cell lower/upper bounds and the stock of remaining tiles.  It
counts every solution.  Puzzles are generated from a seeded random board.
Written from scratch for pyjit.
"""

import random
import sys
import time

ITERATIONS = 5
SEED = 4242
# (board side length, probability a cell holds a tile, fraction of tiles locked)
PUZZLES = [
    (3, 0.7, 0.0),
    (3, 0.6, 0.0),
    (4, 0.7, 0.25),
    (4, 0.6, 0.25),
    (4, 0.65, 0.2),
]


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    PUZZLES = PUZZLES[:3]


class HexBoard(object):
    """Cells of a hexagon of side `side` in axial coordinates (q, r)."""

    def __init__(self, side):
        self.side = side
        m = side - 1
        self.coords = []
        index = {}
        for r in range(-m, m + 1):
            for q in range(-m, m + 1):
                if -m <= q + r <= m:
                    index[(q, r)] = len(self.coords)
                    self.coords.append((q, r))
        self.size = len(self.coords)
        self.neighbours = []
        for (q, r) in self.coords:
            nb = []
            for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
                j = index.get((q + dq, r + dr))
                if j is not None:
                    nb.append(j)
            self.neighbours.append(nb)

    def render(self, occupied, values):
        m = self.side - 1
        lines = []
        i = 0
        for r in range(-m, m + 1):
            width = 2 * m + 1 - abs(r)
            row = []
            for _ in range(width):
                row.append(str(values[i]) if occupied[i] else ".")
                i += 1
            lines.append(" " * abs(r) + " ".join(row))
        return "\n".join(lines)


class Puzzle(object):
    def __init__(self, board, stock, locked):
        self.board = board
        self.stock = stock          # stock[v] = number of tiles showing v
        self.locked = locked        # locked[cell] = value, or -1


def make_puzzle(side, density, lock_fraction, rng):
    board = HexBoard(side)
    occupied = [1 if rng() < density else 0 for _ in range(board.size)]
    values = [0] * board.size
    stock = [0] * 7
    tiles = []
    for c in range(board.size):
        if occupied[c]:
            v = 0
            for n in board.neighbours[c]:
                v += occupied[n]
            values[c] = v
            stock[v] += 1
            tiles.append(c)
    locked = [-1] * board.size
    for c in tiles:
        if rng() < lock_fraction:
            locked[c] = values[c]
    return Puzzle(board, stock, locked), board.render(occupied, values)


class Solver(object):
    def __init__(self, puzzle):
        board = puzzle.board
        self.n = board.size
        self.nbrs = board.neighbours
        self.locked = puzzle.locked
        self.stock = puzzle.stock[:]
        self.tiles = sum(puzzle.stock)
        self.state = [-1] * self.n                 # -1 undecided, 0 empty, 1 tile
        self.occ_near = [0] * self.n
        self.open_near = [len(nb) for nb in self.nbrs]
        self.placed = 0
        self.solutions = 0
        self.nodes = 0
        self.fingerprint = 0

    def feasible(self, x):
        """Check cell x (holding a tile) can still get a legal number."""
        lo = self.occ_near[x]
        hi = lo + self.open_near[x]
        want = self.locked[x]
        if want >= 0:
            return lo <= want <= hi
        stock = self.stock
        for v in range(lo, hi + 1):
            if stock[v] > 0:
                return True
        return False

    def complete(self, x, log):
        """Cell x now has a fully decided neighbourhood: take its tile."""
        v = self.occ_near[x]
        want = self.locked[x]
        if want >= 0 and want != v:
            return False
        if self.stock[v] == 0:
            return False
        self.stock[v] -= 1
        log.append(v)
        return True

    def assign(self, cell, choice, log):
        """Decide `cell`; returns False if a constraint is violated.

        Tile numbers consumed from the stock are appended to log so that
        undo() can give them back even on failure.
        """
        state = self.state
        state[cell] = choice
        self.placed += choice
        occ_near = self.occ_near
        open_near = self.open_near
        ok = True
        for x in self.nbrs[cell]:
            open_near[x] -= 1
            occ_near[x] += choice
        if choice and open_near[cell] == 0:
            ok = self.complete(cell, log)
        for x in self.nbrs[cell]:
            if not ok:
                break
            if state[x] == 1:
                if open_near[x] == 0:
                    ok = self.complete(x, log)
                else:
                    ok = self.feasible(x)
        if ok and choice and open_near[cell]:
            ok = self.feasible(cell)
        return ok

    def undo(self, cell, choice, log):
        for v in log:
            self.stock[v] += 1
        for x in self.nbrs[cell]:
            self.open_near[x] += 1
            self.occ_near[x] -= choice
        self.placed -= choice
        self.state[cell] = -1

    def search(self, k):
        self.nodes += 1
        n = self.n
        if k == n:
            if self.placed == self.tiles:
                self.solutions += 1
                h = 0
                for s in self.state:
                    h = h * 2 + s
                self.fingerprint = (self.fingerprint * 31 + h) % 1000000007
            return
        remaining_cells = n - k
        for choice in (1, 0):
            if choice:
                if self.placed == self.tiles:
                    continue
            else:
                if self.locked[k] >= 0:
                    continue
                if self.tiles - self.placed > remaining_cells - 1:
                    continue
            log = []
            if self.assign(k, choice, log):
                self.search(k + 1)
            self.undo(k, choice, log)

    def solve(self):
        self.search(0)
        return self.solutions, self.nodes, self.fingerprint


def main():
    report = _iter_times_wanted()
    random.seed(SEED)
    rng = random.random
    puzzles = []
    for side, density, lock in PUZZLES:
        puzzles.append(make_puzzle(side, density, lock, rng))
    digest = 0
    summary = []
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        summary = []
        for puzzle, picture in puzzles:
            solutions, nodes, fp = Solver(puzzle).solve()
            if solutions < 1:
                raise RuntimeError("hexiom: generated puzzle has no solution")
            summary.append(solutions)
            digest = (digest * 1009 + solutions * 7919 + nodes + fp) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %s %d" % ("/".join(str(s) for s in summary), digest))


if __name__ == "__main__":
    main()
