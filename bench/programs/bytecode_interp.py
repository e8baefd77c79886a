"""Bytecode interpreter: a stack VM written in Python running its own programs.

Measures: a big if/elif opcode dispatch loop, list-as-stack push/pop,
integer arithmetic, list indexing and call frames kept in Python lists --
the classic shape of an interpreter written in an interpreted language.

Algorithm: a conventional stack machine (in the style of the Pascal
P-machine / Forth-like VMs): a two-pass assembler resolves labels into
a flat code list of (opcode, operand) pairs; the VM executes it with a
value stack, a frame stack for CALL/RET and per-frame locals.  The guest
programs are recursive Fibonacci, trial-division prime counting, Collatz
path lengths and a GCD table.  Written from scratch for pyjit.
"""

import sys
import time

ITERATIONS = 7
# guest program arguments: fib(n), primes below n, Collatz totals to n, GCD table n x n
FIB_N = 17
PRIMES_N = 6000
COLLATZ_N = 1200
GCD_N = 50

# opcodes
HALT, PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, LE, EQ, \
    JMP, JZ, JNZ, CALL, RET, DUP, POP, OUT, INC = range(21)

NAMES = ["HALT", "PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD",
         "LT", "LE", "EQ", "JMP", "JZ", "JNZ", "CALL", "RET", "DUP", "POP",
         "OUT", "INC"]
OPCODES = dict((name, i) for i, name in enumerate(NAMES))


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 1
    FIB_N = 15
    PRIMES_N = 3000
    COLLATZ_N = 600
    GCD_N = 30


def assemble(source):
    """Assemble text lines 'label:' / 'OP [arg]' into a flat int list.

    Each instruction occupies two slots (opcode, operand); CALL's operand
    packs the target address and argument count as addr * 16 + nargs.
    """
    labels = {}
    pending = []
    for raw in source.split("\n"):
        line = raw.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(pending) * 2
            continue
        parts = line.split()
        pending.append(parts)
    code = []
    for parts in pending:
        op = OPCODES[parts[0]]
        arg = 0
        if len(parts) > 1:
            a = parts[1]
            if op == CALL:
                arg = labels[a] * 16 + int(parts[2])
            elif a in labels:
                arg = labels[a]
            else:
                arg = int(a)
        code.append(op)
        code.append(arg)
    return code, labels


class VM(object):
    def __init__(self, code):
        self.code = code
        self.steps = 0

    def run(self, entry, args, nlocals=8):
        code = self.code
        stack = []
        locals_ = list(args) + [0] * (nlocals - len(args))
        frames = []
        out = []
        pc = entry
        steps = 0
        while True:
            op = code[pc]
            arg = code[pc + 1]
            pc += 2
            steps += 1
            if op == LOAD:
                stack.append(locals_[arg])
            elif op == PUSH:
                stack.append(arg)
            elif op == STORE:
                locals_[arg] = stack.pop()
            elif op == ADD:
                b = stack.pop()
                stack[-1] += b
            elif op == SUB:
                b = stack.pop()
                stack[-1] -= b
            elif op == LT:
                b = stack.pop()
                stack[-1] = 1 if stack[-1] < b else 0
            elif op == JZ:
                if not stack.pop():
                    pc = arg
            elif op == JNZ:
                if stack.pop():
                    pc = arg
            elif op == JMP:
                pc = arg
            elif op == INC:
                locals_[arg] += 1
            elif op == MUL:
                b = stack.pop()
                stack[-1] *= b
            elif op == MOD:
                b = stack.pop()
                stack[-1] %= b
            elif op == DIV:
                b = stack.pop()
                stack[-1] //= b
            elif op == LE:
                b = stack.pop()
                stack[-1] = 1 if stack[-1] <= b else 0
            elif op == EQ:
                b = stack.pop()
                stack[-1] = 1 if stack[-1] == b else 0
            elif op == CALL:
                nargs = arg & 15
                target = arg >> 4
                new_locals = [0] * nlocals
                for i in range(nargs - 1, -1, -1):
                    new_locals[i] = stack.pop()
                frames.append((pc, locals_))
                locals_ = new_locals
                pc = target
            elif op == RET:
                if not frames:
                    self.steps += steps
                    return stack.pop(), out
                pc, locals_ = frames.pop()
            elif op == DUP:
                stack.append(stack[-1])
            elif op == POP:
                stack.pop()
            elif op == OUT:
                out.append(stack.pop())
            elif op == HALT:
                self.steps += steps
                return (stack.pop() if stack else None), out
            else:
                raise RuntimeError("bad opcode %d at %d" % (op, pc - 2))


PROGRAM = """
; fib(n) -- naive recursion
fib:
    LOAD 0
    PUSH 2
    LT
    JZ fib_rec
    LOAD 0
    RET
fib_rec:
    LOAD 0
    PUSH 1
    SUB
    CALL fib 1
    LOAD 0
    PUSH 2
    SUB
    CALL fib 1
    ADD
    RET

; count_primes(limit): trial division, outputs every 100th prime
count_primes:
    PUSH 0
    STORE 1          ; count
    PUSH 2
    STORE 2          ; n
cp_loop:
    LOAD 2
    LOAD 0
    LT
    JZ cp_done
    PUSH 2
    STORE 3          ; d
cp_inner:
    LOAD 3
    LOAD 3
    MUL
    LOAD 2
    LE
    JZ cp_prime
    LOAD 2
    LOAD 3
    MOD
    JZ cp_next       ; divisible: not prime
    INC 3
    JMP cp_inner
cp_prime:
    INC 1
    LOAD 1
    PUSH 100
    MOD
    JNZ cp_next
    LOAD 2
    OUT
cp_next:
    INC 2
    JMP cp_loop
cp_done:
    LOAD 1
    RET

; collatz_total(limit): sum of Collatz path lengths for 1..limit-1
collatz_total:
    PUSH 0
    STORE 1          ; total
    PUSH 1
    STORE 2          ; i
ct_loop:
    LOAD 2
    LOAD 0
    LT
    JZ ct_done
    LOAD 2
    STORE 3          ; x
ct_walk:
    LOAD 3
    PUSH 1
    EQ
    JNZ ct_next
    INC 1
    LOAD 3
    PUSH 2
    MOD
    JZ ct_even
    LOAD 3
    PUSH 3
    MUL
    PUSH 1
    ADD
    STORE 3
    JMP ct_walk
ct_even:
    LOAD 3
    PUSH 2
    DIV
    STORE 3
    JMP ct_walk
ct_next:
    INC 2
    JMP ct_loop
ct_done:
    LOAD 1
    RET

; gcd(a, b) -- Euclid, iterative
gcd:
gcd_loop:
    LOAD 1
    JZ gcd_done
    LOAD 0
    LOAD 1
    MOD
    LOAD 1
    STORE 0
    STORE 1
    JMP gcd_loop
gcd_done:
    LOAD 0
    RET

; gcd_table(n): sum of gcd(i, j) for 1 <= i, j < n
gcd_table:
    PUSH 0
    STORE 1
    PUSH 1
    STORE 2
gt_outer:
    LOAD 2
    LOAD 0
    LT
    JZ gt_done
    PUSH 1
    STORE 3
gt_inner:
    LOAD 3
    LOAD 0
    LT
    JZ gt_next
    LOAD 2
    LOAD 3
    CALL gcd 2
    LOAD 1
    ADD
    STORE 1
    INC 3
    JMP gt_inner
gt_next:
    INC 2
    JMP gt_outer
gt_done:
    LOAD 1
    RET
"""


def run_all(vm, labels):
    results = []
    value, _ = vm.run(labels["fib"], [FIB_N])
    results.append(value)
    value, out = vm.run(labels["count_primes"], [PRIMES_N])
    results.append(value)
    results.append(sum(out))
    value, _ = vm.run(labels["collatz_total"], [COLLATZ_N])
    results.append(value)
    value, _ = vm.run(labels["gcd_table"], [GCD_N])
    results.append(value)
    return results


def main():
    report = _iter_times_wanted()
    code, labels = assemble(PROGRAM)
    digest = 0
    results = []
    steps = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        vm = VM(code)
        results = run_all(vm, labels)
        steps = vm.steps
        for r in results:
            digest = (digest * 1000003 + r) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %s %d %d" % ("/".join(str(r) for r in results), steps, digest))


if __name__ == "__main__":
    main()
