"""Go: a Monte Carlo Go player using UCT tree search on a small board.

Measures: list-indexed board manipulation, flood fills with explicit
stacks, many short-lived objects, float math in the selection formula, and
random-number calls; it is a large, branchy "application-like" program.

Algorithm: Monte Carlo tree search with the UCB1 selection rule (UCT;
Kocsis & Szepesvari, "Bandit based Monte-Carlo Planning", 2006) over Go
positions; leaf positions are evaluated by uniformly random playouts that
never fill their own single-point eyes, scored by area (Chinese) rules.
Captures, suicide and simple ko are handled.  The program plays a short game
against itself on a 9x9 board.  Written from scratch for pyjit.
"""

import math
import random
import sys
import time

ITERATIONS = 6
SIZE = 9
KOMI = 7.5
MOVES_PER_GAME = 4
PLAYOUTS_PER_MOVE = 35
SEED = 20240601

EMPTY = 0
BLACK = 1
WHITE = 2
EDGE = 3
PASS = 0          # index 0 is always an edge cell, so it can never be a real move


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    PLAYOUTS_PER_MOVE = 12


def opponent(color):
    return 3 - color


class Board(object):
    def __init__(self, size):
        self.size = size
        stride = size + 2
        self.stride = stride
        self.cells = [EDGE] * (stride * stride)
        self.points = []
        for r in range(1, size + 1):
            for c in range(1, size + 1):
                p = r * stride + c
                self.cells[p] = EMPTY
                self.points.append(p)
        self.dirs = (1, -1, stride, -stride)
        self.to_move = BLACK
        self.ko = -1
        self.passes = 0
        self.moves = 0
        self.mark = [0] * (stride * stride)
        self.stamp = 0

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.stride = self.stride
        b.cells = self.cells[:]
        b.points = self.points
        b.dirs = self.dirs
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.moves = self.moves
        b.mark = [0] * len(self.cells)
        b.stamp = 0
        return b

    # -- groups -----------------------------------------------------------
    def scan_group(self, start, want_stones):
        """Flood-fill the group at start.

        Returns (liberty_count, stones); the count stops growing at 2 unless
        stones are requested, since callers only need 0 / 1 / many.
        """
        self.stamp += 1
        stamp = self.stamp
        mark = self.mark
        cells = self.cells
        color = cells[start]
        mark[start] = stamp
        stack = [start]
        stones = []
        libs = 0
        dirs = self.dirs
        while stack:
            p = stack.pop()
            if want_stones:
                stones.append(p)
            for d in dirs:
                q = p + d
                if mark[q] == stamp:
                    continue
                v = cells[q]
                if v == color:
                    mark[q] = stamp
                    stack.append(q)
                elif v == EMPTY:
                    mark[q] = stamp
                    libs += 1
                    if libs >= 2 and not want_stones:
                        return libs, stones
        return libs, stones

    def is_eye_of(self, p, color):
        cells = self.cells
        for d in self.dirs:
            v = cells[p + d]
            if v != color and v != EDGE:
                return False
        return True

    def is_legal(self, p, color):
        if p == PASS:
            return True
        cells = self.cells
        if cells[p] != EMPTY or p == self.ko:
            return False
        enemy = 3 - color
        cells[p] = color
        ok = False
        for d in self.dirs:
            q = p + d
            v = cells[q]
            if v == EMPTY:
                ok = True
                break
            if v == enemy:
                libs, _ = self.scan_group(q, False)
                if libs == 0:
                    ok = True
                    break
        if not ok:
            libs, _ = self.scan_group(p, False)
            ok = libs > 0
        cells[p] = EMPTY
        return ok

    def play(self, p):
        """Play a move for the side to move; the move must be legal."""
        color = self.to_move
        self.to_move = 3 - color
        self.moves += 1
        if p == PASS:
            self.passes += 1
            self.ko = -1
            return 0
        self.passes = 0
        cells = self.cells
        enemy = 3 - color
        cells[p] = color
        captured = 0
        last_captured = -1
        for d in self.dirs:
            q = p + d
            if cells[q] == enemy:
                libs, stones = self.scan_group(q, True)
                if libs == 0:
                    for s in stones:
                        cells[s] = EMPTY
                    captured += len(stones)
                    last_captured = stones[0]
        self.ko = -1
        if captured == 1:
            libs, stones = self.scan_group(p, True)
            if len(stones) == 1 and libs == 1:
                self.ko = last_captured
        return captured

    def candidate_moves(self):
        color = self.to_move
        out = []
        for p in self.points:
            if self.cells[p] == EMPTY and not self.is_eye_of(p, color) \
                    and self.is_legal(p, color):
                out.append(p)
        return out

    def score(self):
        """Area score: black minus white (before komi)."""
        cells = self.cells
        black = 0
        white = 0
        for p in self.points:
            v = cells[p]
            if v == BLACK:
                black += 1
            elif v == WHITE:
                white += 1
            else:
                seen = 0
                for d in self.dirs:
                    w = cells[p + d]
                    if w == BLACK:
                        seen |= 1
                    elif w == WHITE:
                        seen |= 2
                if seen == 1:
                    black += 1
                elif seen == 2:
                    white += 1
        return black - white

    def digest(self):
        h = 0
        for p in self.points:
            h = (h * 3 + self.cells[p]) % 1000000007
        return h


def random_playout(board, rng):
    limit = board.size * board.size * 3
    cells = board.cells
    while board.passes < 2 and board.moves < limit:
        color = board.to_move
        empties = [p for p in board.points if cells[p] == EMPTY]
        chosen = PASS
        n = len(empties)
        while n:
            i = int(rng() * n)
            p = empties[i]
            if not board.is_eye_of(p, color) and board.is_legal(p, color):
                chosen = p
                break
            n -= 1
            empties[i] = empties[n]
        board.play(chosen)
    return board.score()


class Node(object):
    def __init__(self, move, parent, mover, moves):
        self.move = move
        self.parent = parent
        self.mover = mover          # colour that played `move`
        self.children = []
        self.untried = moves
        self.wins = 0
        self.visits = 0

    def pick_child(self):
        log_n = math.log(self.visits)
        best = None
        best_value = -1.0
        for ch in self.children:
            value = ch.wins / ch.visits + 0.9 * math.sqrt(log_n / ch.visits)
            if value > best_value:
                best_value = value
                best = ch
        return best


def uct_search(root_board, playouts, rng):
    root = Node(PASS, None, opponent(root_board.to_move), root_board.candidate_moves())
    for _ in range(playouts):
        node = root
        board = root_board.copy()
        # selection
        while not node.untried and node.children:
            node = node.pick_child()
            board.play(node.move)
        # expansion
        if node.untried:
            k = int(rng() * len(node.untried))
            move = node.untried[k]
            node.untried[k] = node.untried[-1]
            node.untried.pop()
            mover = board.to_move
            board.play(move)
            child = Node(move, node, mover, board.candidate_moves())
            node.children.append(child)
            node = child
        # simulation
        diff = random_playout(board, rng)
        winner = BLACK if diff - KOMI > 0 else WHITE
        # back-propagation
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = None
    for ch in root.children:
        if best is None or ch.visits > best.visits:
            best = ch
    if best is None:
        return PASS, root.visits
    return best.move, root.visits


def play_game(rng):
    board = Board(SIZE)
    moves = []
    visits = 0
    for _ in range(MOVES_PER_GAME):
        move, v = uct_search(board, PLAYOUTS_PER_MOVE, rng)
        visits += v
        board.play(move)
        moves.append(move)
    return moves, visits, board


def main():
    report = _iter_times_wanted()
    random.seed(SEED)
    rng = random.random
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        moves, visits, board = play_game(rng)
        for m in moves:
            digest = (digest * 211 + m) % 1000000007
        digest = (digest * 7 + visits + board.digest()) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
