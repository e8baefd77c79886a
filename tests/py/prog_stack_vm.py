# Program: a tiny stack-based virtual machine with an assembler, jumps and calls.
def assemble(src):
    prog, labels = [], {}
    for line in src.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(prog)
            continue
        op, *args = line.split()
        prog.append((op, [int(a) if a.lstrip("-").isdigit() else a for a in args]))
    return [(op, [labels.get(a, a) for a in args]) for op, args in prog]
def run(prog, trace=False):
    stack, calls, pc, out, steps = [], [], 0, [], 0
    while pc < len(prog):
        op, args = prog[pc]
        pc += 1
        steps += 1
        match op:
            case "push":
                stack.append(args[0])
            case "pop":
                stack.pop()
            case "dup":
                stack.append(stack[-1])
            case "swap":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            case "over":
                stack.append(stack[-2])
            case "add" | "sub" | "mul" | "div" | "mod" | "lt" | "eq":
                b, a = stack.pop(), stack.pop()
                stack.append({"add": a + b, "sub": a - b, "mul": a * b, "div": a // b if b else None,
                              "mod": a % b if b else None, "lt": int(a < b), "eq": int(a == b)}[op])
                if stack[-1] is None:
                    raise ZeroDivisionError(f"{op} by zero at pc={pc - 1}")
            case "jmp":
                pc = args[0]
            case "jz":
                if stack.pop() == 0:
                    pc = args[0]
            case "call":
                calls.append(pc)
                pc = args[0]
            case "ret":
                pc = calls.pop()
            case "print":
                out.append(stack.pop())
            case "halt":
                break
            case _:
                raise ValueError(f"unknown instruction {op!r}")
    return out, steps, stack
factorial = """
    push 1      ; acc
    push 10     ; n
loop:
    dup
    jz done
    dup         ; acc n n
    call mulacc
    push 1
    sub
    jmp loop
done:
    pop
    print
    halt
mulacc:         ; acc n n -> acc*n n
    swap        ; acc n n -> acc n n (swap top two equal values)
    pop
    swap        ; n acc
    over        ; n acc n
    mul         ; n acc*n
    swap        ; acc*n n
    ret
"""
print(run(assemble(factorial)))
fizz = """
    push 1
top:
    dup
    push 16
    lt
    jz end
    dup
    push 15
    mod
    jz fb
    dup
    print
    jmp next
fb:
    push -15
    print
next:
    push 1
    add
    jmp top
end:
    halt
"""
print(run(assemble(fizz)))
for bad in ["push 1\npush 0\ndiv", "frobnicate", "pop"]:
    try:
        print(run(assemble(bad)))
    except (ZeroDivisionError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
