//! Encoding tests: every form is encoded and disassembled by binutils' objdump, and each
//! instruction's text is compared with the Intel syntax written here by hand.

use super::*;
use crate::buffer::OutOfRange;
use std::fmt::Write as _;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

// Register names, written out independently of `Reg::name`.
const Q: [&str; 16] = [
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
    "r14", "r15",
];
const D: [&str; 16] = [
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d",
    "r13d", "r14d", "r15d",
];
const B: [&str; 16] = [
    "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b",
    "r13b", "r14b", "r15b",
];
/// Condition suffixes in hardware order (the Intel manual's primary mnemonics).
const CC: [&str; 16] =
    ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"];

fn q(r: Reg) -> &'static str {
    Q[r.hw() as usize]
}
fn d(r: Reg) -> &'static str {
    D[r.hw() as usize]
}
fn b(r: Reg) -> &'static str {
    B[r.hw() as usize]
}
fn x(f: FReg) -> String {
    format!("xmm{}", f.hw())
}
/// An immediate as objdump prints it for a 64-bit operand: two's complement, hex.
fn h64(v: i64) -> String {
    format!("{:#x}", v as u64)
}
/// An immediate of a 32-bit operand.
fn h32(v: i64) -> String {
    format!("{:#x}", v as u32)
}
/// An immediate of an 8-bit operand.
fn h8(v: i64) -> String {
    format!("{:#x}", v as u8)
}

/// Memory operands covering the addressing special cases, with their Intel text and the
/// size of their ModRM+SIB+displacement bytes (worked out from the manual's tables 2-2/2-3).
fn mems() -> Vec<(Mem, &'static str, usize)> {
    use Scale::*;
    vec![
        (Mem::base(RAX), "[rax]", 1),
        (Mem::base(RBX), "[rbx]", 1),
        (Mem::base(RSP), "[rsp]", 2),
        (Mem::base(R12), "[r12]", 2),
        (Mem::base(RBP), "[rbp+0x0]", 2),
        (Mem::base(R13), "[r13+0x0]", 2),
        (Mem::base(R15), "[r15]", 1),
        (Mem::at(RAX, 127), "[rax+0x7f]", 2),
        (Mem::at(RAX, 128), "[rax+0x80]", 5),
        (Mem::at(RCX, -128), "[rcx-0x80]", 2),
        (Mem::at(RCX, -129), "[rcx-0x81]", 5),
        (Mem::at(R15, i32::MAX), "[r15+0x7fffffff]", 5),
        (Mem::at(RSP, i32::MIN), "[rsp-0x80000000]", 6),
        (Mem::at(RSP, 8), "[rsp+0x8]", 3),
        (Mem::at(R12, -8), "[r12-0x8]", 3),
        (Mem::at(RBP, -16), "[rbp-0x10]", 2),
        (Mem::at(R13, 0x1000), "[r13+0x1000]", 5),
        (Mem::indexed(RAX, RBX, S1, 0), "[rax+rbx*1]", 2),
        (Mem::indexed(RDI, R9, S8, 16), "[rdi+r9*8+0x10]", 3),
        (Mem::indexed(RBP, RAX, S2, 0), "[rbp+rax*2+0x0]", 3),
        (Mem::indexed(R13, R12, S4, -1), "[r13+r12*4-0x1]", 3),
        (Mem::indexed(RSP, RBP, S8, 0x1000), "[rsp+rbp*8+0x1000]", 6),
        (Mem::indexed(R12, R15, S1, 0), "[r12+r15*1]", 2),
        (Mem::indexed(R8, RSI, S4, -0x8000_0000), "[r8+rsi*4-0x80000000]", 6),
    ]
}

/// A batch of cases encoded one after another, disassembled by one objdump run.
struct Check {
    asm: Asm,
    cases: Vec<Case>,
}

struct Case {
    start: usize,
    end: usize,
    expect: String,
    len: Option<usize>,
}

impl Check {
    fn new() -> Check {
        Check { asm: Asm::new(), cases: vec![] }
    }
    /// `f` must emit exactly the instructions `expect` lists (separated by "; ").
    fn case(&mut self, expect: impl Into<String>, f: impl FnOnce(&mut Asm)) {
        self.push(None, expect.into(), f)
    }
    /// Like `case`, and the encoding must be `len` bytes long (the shortest form).
    fn sized(&mut self, len: usize, expect: impl Into<String>, f: impl FnOnce(&mut Asm)) {
        self.push(Some(len), expect.into(), f)
    }
    fn push(&mut self, len: Option<usize>, expect: String, f: impl FnOnce(&mut Asm)) {
        let start = self.asm.offset() as usize;
        f(&mut self.asm);
        let end = self.asm.offset() as usize;
        assert!(end > start, "case {expect:?} emitted nothing");
        self.cases.push(Case { start, end, expect, len });
    }
    fn run(self) {
        let Check { mut asm, cases } = self;
        // A sentinel so that the last case's end is checked like every other.
        asm.int3();
        let code = asm.finish().expect("fixups in range");
        check_listing(&code, &cases);
    }
}

fn check_listing(code: &[u8], cases: &[Case]) {
    let listing = disassemble(code);
    let mut errors = String::new();
    let mut i = 0;
    for c in cases {
        let mut got = vec![];
        let first = listing.get(i).map(|l| l.0);
        while i < listing.len() && listing[i].0 < c.end {
            got.push(listing[i].1.clone());
            i += 1;
        }
        let got = got.join("; ");
        let next = listing.get(i).map(|l| l.0);
        let bytes: String = code[c.start..c.end].iter().map(|b| format!("{b:02x} ")).collect();
        if first != Some(c.start) || next != Some(c.end) || got != c.expect {
            let _ = writeln!(
                errors,
                "at {:#x}: expected `{}`, objdump says `{}` (bytes {bytes}; instruction starts {:?}, next {:?})",
                c.start, c.expect, got, first, next
            );
        } else if let Some(len) = c.len {
            if len != c.end - c.start {
                let _ = writeln!(
                    errors,
                    "at {:#x}: `{}` is {} bytes, the shortest form is {len} ({bytes})",
                    c.start,
                    c.expect,
                    c.end - c.start
                );
            }
        }
    }
    match listing.get(i) {
        Some((_, t)) if t == "int3" && i + 1 == listing.len() => {}
        other => {
            let _ = writeln!(errors, "after the last case: {other:?} instead of the int3 sentinel");
        }
    }
    assert!(errors.is_empty(), "{} mismatches:\n{errors}", errors.lines().count());
    eprintln!("{} cases, {} instructions agree with objdump", cases.len(), listing.len() - 1);
}

/// Runs objdump on `code` and returns (offset, normalised Intel text) per instruction.
pub(super) fn disassemble(code: &[u8]) -> Vec<(usize, String)> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "pyjit-x64-{}-{}.bin",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, code).expect("write the code to a temporary file");
    let out = Command::new("objdump")
        .args(["-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel", "--no-show-raw-insn"])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let out = match out {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "objdump not found: the x86-64 encoding tests need GNU binutils \
             (Debian/Ubuntu: apt-get install binutils)"
        ),
        Err(e) => panic!("running objdump: {e}"),
    };
    assert!(out.status.success(), "objdump failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut v = vec![];
    for line in text.lines() {
        let Some((off, rest)) = line.split_once(":\t") else { continue };
        let Ok(off) = usize::from_str_radix(off.trim(), 16) else { continue };
        v.push((off, rest.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    v
}

const SOME_GPRS: [Reg; 8] = [RAX, RCX, RSP, RBP, RDI, R8, R12, R15];
const IMMS: [i32; 10] = [0, 1, -1, 127, 128, -128, -129, i32::MIN, i32::MAX, 0x1234_5678];

#[test]
fn mov_forms() {
    let mut c = Check::new();
    for dst in ALL_GPRS {
        for src in ALL_GPRS {
            c.sized(3, format!("mov {},{}", q(dst), q(src)), |a| a.mov_rr(dst, src));
        }
    }
    for dst in SOME_GPRS {
        for src in [RAX, RSI, R9, R15] {
            c.case(format!("mov {},{}", d(dst), d(src)), |a| a.mov32_rr(dst, src));
        }
    }
    // mov r, imm: the shortest of mov r32,imm32 / mov r64,simm32 / movabs.
    for dst in [RAX, RBX, RDI, R8, R11, R15] {
        let ext = dst.hw() >= 8;
        let imm32 = |len: usize| if ext { len + 1 } else { len };
        for v in [0i64, 1, 127, 128, 0x7fff_ffff, 0x8000_0000, u32::MAX as i64] {
            c.sized(imm32(5), format!("mov {},{}", d(dst), h32(v)), |a| a.mov_ri(dst, v));
        }
        for v in [-1i64, -128, -129, i32::MIN as i64] {
            c.sized(7, format!("mov {},{}", q(dst), h64(v)), |a| a.mov_ri(dst, v));
        }
        for v in [
            u32::MAX as i64 + 1,
            i32::MIN as i64 - 1,
            i64::MIN,
            i64::MAX,
            0x1234_5678_9abc_def0,
            -0x1_0000_0000,
        ] {
            c.sized(10, format!("movabs {},{}", q(dst), h64(v)), |a| a.mov_ri(dst, v));
        }
        c.sized(10, format!("movabs {},0x0", q(dst)), |a| a.movabs_ri(dst, 0));
        c.sized(10, format!("movabs {},0xffffffffffffffff", q(dst)), |a| {
            a.movabs_ri(dst, u64::MAX)
        });
        c.sized(imm32(2), format!("xor {},{}", d(dst), d(dst)), |a| a.zero_r(dst));
    }
    for (m, mt, mlen) in mems() {
        for r in [RAX, RSI, R9, R15] {
            c.sized(2 + mlen, format!("mov {},QWORD PTR {mt}", q(r)), |a| a.mov_rm(r, m));
            c.sized(2 + mlen, format!("mov QWORD PTR {mt},{}", q(r)), |a| a.mov_mr(m, r));
            c.case(format!("mov {},DWORD PTR {mt}", d(r)), |a| a.mov32_rm(r, m));
            c.case(format!("mov DWORD PTR {mt},{}", d(r)), |a| a.mov32_mr(m, r));
            c.case(format!("movzx {},BYTE PTR {mt}", d(r)), |a| a.movzx8_rm(r, m));
            c.case(format!("lea {},{mt}", q(r)), |a| a.lea(r, m));
        }
        for r in [RSP, RBP, RSI, RDI, RDX, R12] {
            c.case(format!("mov BYTE PTR {mt},{}", b(r)), |a| a.mov8_mr(m, r));
        }
        for v in IMMS {
            c.sized(6 + mlen, format!("mov QWORD PTR {mt},{}", h64(v as i64)), |a| {
                a.mov_mi(m, v)
            });
            c.case(format!("mov DWORD PTR {mt},{}", h32(v as i64)), |a| a.mov32_mi(m, v as u32));
            c.case(format!("mov BYTE PTR {mt},{}", h8(v as i64)), |a| a.mov8_mi(m, v as u8));
        }
    }
    // Without a REX prefix mov32 from/to a low register is 2 bytes + operand.
    c.sized(2, "mov eax,DWORD PTR [rbx]", |a| a.mov32_rm(RAX, Mem::base(RBX)));
    c.sized(3, "movzx eax,BYTE PTR [rbx]", |a| a.movzx8_rm(RAX, Mem::base(RBX)));
    c.sized(2, "mov BYTE PTR [rax],bl", |a| a.mov8_mr(Mem::base(RAX), RBX));
    c.sized(3, "mov BYTE PTR [rax],sil", |a| a.mov8_mr(Mem::base(RAX), RSI));
    c.run();
}

#[test]
fn alu_forms() {
    let ops = [
        (Alu::Add, "add"),
        (Alu::Or, "or"),
        (Alu::And, "and"),
        (Alu::Sub, "sub"),
        (Alu::Xor, "xor"),
        (Alu::Cmp, "cmp"),
    ];
    let mut c = Check::new();
    for (op, name) in ops {
        for dst in ALL_GPRS {
            for src in [RAX, RCX, RSP, RBP, RDI, R8, R11, R12, R13, R15] {
                c.sized(3, format!("{name} {},{}", q(dst), q(src)), |a| a.alu_rr(op, dst, src));
            }
        }
        for dst in SOME_GPRS {
            for v in IMMS {
                let len = if i8::try_from(v).is_ok() {
                    4
                } else if dst == RAX {
                    6
                } else {
                    7
                };
                c.sized(len, format!("{name} {},{}", q(dst), h64(v as i64)), |a| {
                    a.alu_ri(op, dst, v)
                });
            }
        }
        for (m, mt, mlen) in mems() {
            for r in [RAX, RDI, R10, R15] {
                c.sized(2 + mlen, format!("{name} {},QWORD PTR {mt}", q(r)), |a| {
                    a.alu_rm(op, r, m)
                });
                c.sized(2 + mlen, format!("{name} QWORD PTR {mt},{}", q(r)), |a| {
                    a.alu_mr(op, m, r)
                });
            }
            for v in [0, -1, 127, 128, -128, -129, i32::MIN, i32::MAX] {
                let len = 2 + mlen + if i8::try_from(v).is_ok() { 1 } else { 4 };
                c.sized(len, format!("{name} QWORD PTR {mt},{}", h64(v as i64)), |a| {
                    a.alu_mi(op, m, v)
                });
            }
        }
    }
    // The named wrappers are the same encodings.
    let m = Mem::at(RBX, 8);
    c.case("add rax,rbx", |a| a.add_rr(RAX, RBX));
    c.case("add r8,0x7f", |a| a.add_ri(R8, 127));
    c.case("add rax,QWORD PTR [rbx+0x8]", |a| a.add_rm(RAX, m));
    c.case("add QWORD PTR [rbx+0x8],rax", |a| a.add_mr(m, RAX));
    c.case("add QWORD PTR [rbx+0x8],0x1", |a| a.add_mi(m, 1));
    c.case("or rax,rbx", |a| a.or_rr(RAX, RBX));
    c.case("or r8,0x7f", |a| a.or_ri(R8, 127));
    c.case("or rax,QWORD PTR [rbx+0x8]", |a| a.or_rm(RAX, m));
    c.case("or QWORD PTR [rbx+0x8],rax", |a| a.or_mr(m, RAX));
    c.case("or QWORD PTR [rbx+0x8],0x1", |a| a.or_mi(m, 1));
    c.case("and rax,rbx", |a| a.and_rr(RAX, RBX));
    c.case("and r8,0xfffffffffffffff8", |a| a.and_ri(R8, -8));
    c.case("and rax,QWORD PTR [rbx+0x8]", |a| a.and_rm(RAX, m));
    c.case("and QWORD PTR [rbx+0x8],rax", |a| a.and_mr(m, RAX));
    c.case("and QWORD PTR [rbx+0x8],0x1", |a| a.and_mi(m, 1));
    c.case("sub rax,rbx", |a| a.sub_rr(RAX, RBX));
    c.case("sub rsp,0x100", |a| a.sub_ri(RSP, 256));
    c.case("sub rax,QWORD PTR [rbx+0x8]", |a| a.sub_rm(RAX, m));
    c.case("sub QWORD PTR [rbx+0x8],rax", |a| a.sub_mr(m, RAX));
    c.case("sub QWORD PTR [rbx+0x8],0x1", |a| a.sub_mi(m, 1));
    c.case("xor rax,rbx", |a| a.xor_rr(RAX, RBX));
    c.case("xor r8,0x7f", |a| a.xor_ri(R8, 127));
    c.case("xor rax,QWORD PTR [rbx+0x8]", |a| a.xor_rm(RAX, m));
    c.case("xor QWORD PTR [rbx+0x8],rax", |a| a.xor_mr(m, RAX));
    c.case("xor QWORD PTR [rbx+0x8],0x1", |a| a.xor_mi(m, 1));
    c.case("cmp rax,rbx", |a| a.cmp_rr(RAX, RBX));
    c.case("cmp r8,0x7f", |a| a.cmp_ri(R8, 127));
    c.case("cmp rax,QWORD PTR [rbx+0x8]", |a| a.cmp_rm(RAX, m));
    c.case("cmp QWORD PTR [rbx+0x8],rax", |a| a.cmp_mr(m, RAX));
    c.case("cmp QWORD PTR [rbx+0x8],0xffffffff80000000", |a| a.cmp_mi(m, i32::MIN));
    c.run();
}

#[test]
fn test_mul_div_shift_forms() {
    let mut c = Check::new();
    for r in ALL_GPRS {
        for s in [RAX, RBX, RSP, RBP, R9, R12, R13, R15] {
            c.sized(3, format!("test {},{}", q(r), q(s)), |a| a.test_rr(r, s));
            c.sized(4, format!("imul {},{}", q(r), q(s)), |a| a.imul_rr(r, s));
            for v in IMMS {
                let len = if i8::try_from(v).is_ok() { 4 } else { 7 };
                c.sized(len, format!("imul {},{},{}", q(r), q(s), h64(v as i64)), |a| {
                    a.imul_rri(r, s, v)
                });
            }
        }
        for v in IMMS {
            let len = if r == RAX { 6 } else { 7 };
            c.sized(len, format!("test {},{}", q(r), h64(v as i64)), |a| a.test_ri(r, v));
        }
        for v in [0u8, 1, 7, 0x80, 0xff] {
            let len = if r == RAX {
                2
            } else if r.hw() < 4 {
                3
            } else {
                4
            };
            c.sized(len, format!("test {},{}", b(r), h8(v as i64)), |a| a.test8_ri(r, v));
        }
        c.sized(3, format!("neg {}", q(r)), |a| a.neg(r));
        c.sized(3, format!("not {}", q(r)), |a| a.not(r));
        c.sized(3, format!("idiv {}", q(r)), |a| a.idiv(r));
        for (op, name) in [(Shift::Shl, "shl"), (Shift::Shr, "shr"), (Shift::Sar, "sar")] {
            c.sized(3, format!("{name} {},1", q(r)), |a| a.shift_ri(op, r, 1));
            for n in [0u8, 2, 3, 31, 32, 63] {
                c.sized(4, format!("{name} {},{}", q(r), h8(n as i64)), |a| a.shift_ri(op, r, n));
            }
            c.sized(3, format!("{name} {},cl", q(r)), |a| a.shift_rcl(op, r));
        }
        c.case(format!("shl {},0x4", q(r)), |a| a.shl_ri(r, 4));
        c.case(format!("shr {},0x4", q(r)), |a| a.shr_ri(r, 4));
        c.case(format!("sar {},0x4", q(r)), |a| a.sar_ri(r, 4));
        c.case(format!("shl {},cl", q(r)), |a| a.shl_rcl(r));
        c.case(format!("shr {},cl", q(r)), |a| a.shr_rcl(r));
        c.case(format!("sar {},cl", q(r)), |a| a.sar_rcl(r));
    }
    for (m, mt, mlen) in mems() {
        let rex = m.base.hw() >= 8 || m.index.is_some_and(|(i, _)| i.hw() >= 8);
        c.sized(2 + rex as usize + mlen, format!("test BYTE PTR {mt},0x1"), |a| a.test8_mi(m, 1));
    }
    for (m, mt, mlen) in mems() {
        let rex = 1;
        for r in [RAX, RSP, R9, R15] {
            c.sized(rex + 2 + mlen, format!("imul {},QWORD PTR {mt}", q(r)), |a| a.imul_rm(r, m));
            for v in [0, 1, -128, 128, i32::MIN] {
                let len = rex + 1 + mlen + if i8::try_from(v).is_ok() { 1 } else { 4 };
                c.sized(len, format!("imul {},QWORD PTR {mt},{}", q(r), h64(v as i64)), |a| {
                    a.imul_rmi(r, m, v)
                });
            }
        }
    }
    c.sized(2, "cqo", |a| a.cqo());
    c.run();
}

#[test]
fn condition_forms() {
    let mut c = Check::new();
    for cc in 0..16u8 {
        let cond = Cond::from_code(cc);
        let n = CC[cc as usize];
        for r in ALL_GPRS {
            let len = if r.hw() < 4 { 3 } else { 4 };
            c.sized(len, format!("set{n} {}", b(r)), |a| a.setcc(cond, r));
        }
        for (dst, src) in [(RAX, RBX), (RSP, RBP), (R8, RCX), (RDX, R15), (R12, R13)] {
            c.sized(4, format!("cmov{n} {},{}", q(dst), q(src)), |a| a.cmovcc(cond, dst, src));
        }
    }
    for dst in ALL_GPRS {
        for src in ALL_GPRS {
            let len = if dst.hw() >= 8 || src.hw() >= 4 { 4 } else { 3 };
            c.sized(len, format!("movzx {},{}", d(dst), b(src)), |a| a.movzx8_rr(dst, src));
        }
    }
    c.run();
}

#[test]
fn control_and_misc_forms() {
    let mut c = Check::new();
    for r in ALL_GPRS {
        let len = if r.hw() >= 8 { 3 } else { 2 };
        c.sized(len, format!("jmp {}", q(r)), |a| a.jmp_r(r));
        c.sized(len, format!("call {}", q(r)), |a| a.call_r(r));
        c.sized(len - 1, format!("push {}", q(r)), |a| a.push_r(r));
        c.sized(len - 1, format!("pop {}", q(r)), |a| a.pop_r(r));
    }
    for (m, mt, _) in mems() {
        c.case(format!("jmp QWORD PTR {mt}"), |a| a.jmp_m(m));
        c.case(format!("call QWORD PTR {mt}"), |a| a.call_m(m));
    }
    // Raw rel32 branches: the target is the end of the instruction plus the displacement.
    for disp in [0i32, 5, -5, 0x1000, -0x1000, i32::MAX] {
        let target = |a: &Asm, len: u32| h64(a.offset() as i64 + len as i64 + disp as i64);
        let t = target(&c.asm, 5);
        c.sized(5, format!("jmp {t}"), |a| {
            a.jmp_rel32(disp);
        });
        let t = target(&c.asm, 5);
        c.sized(5, format!("call {t}"), |a| {
            a.call_rel32(disp);
        });
        for cc in [0u8, 4, 5, 12, 15] {
            let t = target(&c.asm, 6);
            c.sized(6, format!("j{} {t}", CC[cc as usize]), |a| {
                a.jcc_rel32(Cond::from_code(cc), disp);
            });
        }
    }
    for cc in 0..16u8 {
        let t = h64(c.asm.offset() as i64 + 6 - 0x40);
        c.sized(6, format!("j{} {t}", CC[cc as usize]), |a| {
            a.jcc_rel32(Cond::from_code(cc), -0x40);
        });
    }
    c.sized(1, "ret", |a| a.ret());
    c.sized(2, "ud2", |a| a.ud2());
    c.sized(1, "int3", |a| a.int3());
    c.sized(1, "nop", |a| a.nop());
    let nops = [
        "nop",
        "xchg ax,ax",
        "nop DWORD PTR [rax]",
        "nop DWORD PTR [rax+0x0]",
        "nop DWORD PTR [rax+rax*1+0x0]",
        "nop WORD PTR [rax+rax*1+0x0]",
        "nop DWORD PTR [rax+0x0]",
        "nop DWORD PTR [rax+rax*1+0x0]",
        "nop WORD PTR [rax+rax*1+0x0]",
    ];
    for (i, t) in nops.iter().enumerate() {
        c.sized(i + 1, *t, |a| a.nop_n(i + 1));
    }
    // align(16) after k bytes pads 16-k bytes with as few nops as possible.
    let pad_text = |mut pad: usize| {
        let mut v = vec![];
        while pad > 0 {
            let n = pad.min(9);
            v.push(nops[n - 1]);
            pad -= n;
        }
        v.join("; ")
    };
    let pad = (16 - c.asm.offset() as usize % 16) % 16;
    if pad > 0 {
        c.sized(pad, pad_text(pad), |a| a.align(16));
    }
    for k in 1..16usize {
        c.sized(k, vec!["int3"; k].join("; "), |a| (0..k).for_each(|_| a.int3()));
        c.sized(16 - k, pad_text(16 - k), |a| a.align(16));
        assert_eq!(c.asm.offset() % 16, 0);
    }
    let before = c.asm.offset();
    c.asm.align(16);
    c.asm.align(1);
    assert_eq!(c.asm.offset(), before, "aligned code gets no padding");
    c.run();
}

#[test]
fn sse_forms() {
    let some = [XMM0, XMM1, XMM7, XMM8, XMM14, XMM15];
    type Xx = fn(&mut Asm, FReg, FReg);
    type Xm = fn(&mut Asm, FReg, Mem);
    let ops: [(&str, Xx, Xm, &str); 11] = [
        ("addsd", Asm::addsd_xx, Asm::addsd_xm, "QWORD"),
        ("subsd", Asm::subsd_xx, Asm::subsd_xm, "QWORD"),
        ("mulsd", Asm::mulsd_xx, Asm::mulsd_xm, "QWORD"),
        ("divsd", Asm::divsd_xx, Asm::divsd_xm, "QWORD"),
        ("sqrtsd", Asm::sqrtsd_xx, Asm::sqrtsd_xm, "QWORD"),
        ("minsd", Asm::minsd_xx, Asm::minsd_xm, "QWORD"),
        ("maxsd", Asm::maxsd_xx, Asm::maxsd_xm, "QWORD"),
        ("ucomisd", Asm::ucomisd_xx, Asm::ucomisd_xm, "QWORD"),
        ("xorpd", Asm::xorpd_xx, Asm::xorpd_xm, "XMMWORD"),
        ("andpd", Asm::andpd_xx, Asm::andpd_xm, "XMMWORD"),
        ("andnpd", Asm::andnpd_xx, Asm::andnpd_xm, "XMMWORD"),
    ];
    let mut c = Check::new();
    for dst in ALL_FPRS {
        for src in ALL_FPRS {
            let len = if dst.hw() >= 8 || src.hw() >= 8 { 5 } else { 4 };
            c.sized(len, format!("movsd {},{}", x(dst), x(src)), |a| a.movsd_xx(dst, src));
            c.sized(len, format!("movapd {},{}", x(dst), x(src)), |a| a.movapd_xx(dst, src));
        }
    }
    for (name, xx, xm, size) in ops {
        for dst in some {
            for src in some {
                let len = if dst.hw() >= 8 || src.hw() >= 8 { 5 } else { 4 };
                c.sized(len, format!("{name} {},{}", x(dst), x(src)), |a| xx(a, dst, src));
            }
        }
        for (m, mt, _) in mems() {
            for r in [XMM0, XMM9] {
                c.case(format!("{name} {},{size} PTR {mt}", x(r)), |a| xm(a, r, m));
            }
        }
    }
    for (m, mt, mlen) in mems() {
        for r in [XMM0, XMM3, XMM8, XMM15] {
            let rex = r.hw() >= 8 || m.base.hw() >= 8 || m.index.is_some_and(|(i, _)| i.hw() >= 8);
            let len = 3 + rex as usize + mlen;
            c.sized(len, format!("movsd {},QWORD PTR {mt}", x(r)), |a| a.movsd_xm(r, m));
            c.sized(len, format!("movsd QWORD PTR {mt},{}", x(r)), |a| a.movsd_mx(m, r));
            c.sized(4 + mlen, format!("cvtsi2sd {},QWORD PTR {mt}", x(r)), |a| {
                a.cvtsi2sd_xm(r, m)
            });
        }
    }
    for f in [XMM0, XMM1, XMM7, XMM8, XMM15] {
        for r in [RAX, RSP, RBP, RDI, R8, R11, R15] {
            c.sized(5, format!("cvtsi2sd {},{}", x(f), q(r)), |a| a.cvtsi2sd_xr(f, r));
            c.sized(5, format!("cvttsd2si {},{}", q(r), x(f)), |a| a.cvttsd2si_rx(r, f));
            c.sized(5, format!("movq {},{}", x(f), q(r)), |a| a.movq_xr(f, r));
            c.sized(5, format!("movq {},{}", q(r), x(f)), |a| a.movq_rx(r, f));
        }
    }
    c.run();
}

#[test]
fn label_fixups_land_on_their_labels() {
    let mut a = Asm::new();
    let top = a.new_label();
    let fwd = a.new_label();
    let func = a.new_label();
    let data = a.new_label();
    let mut cases = vec![];
    let mut case = |a: &mut Asm, expect: String, f: &dyn Fn(&mut Asm)| {
        let start = a.offset() as usize;
        f(a);
        cases.push(Case { start, end: a.offset() as usize, expect, len: None });
    };
    // A loop: backward jcc/jmp to `top`, forward jcc/jmp/call to labels bound later.
    a.bind(top);
    let top_at = 0i64;
    case(&mut a, "add rax,0x1".into(), &|a| a.add_ri(RAX, 1));
    let t = h64(top_at);
    case(&mut a, format!("jl {t}"), &|a| {
        a.jcc_to_label(Cond::L, top);
    });
    case(&mut a, format!("jmp {t}"), &|a| {
        a.jmp_to_label(top);
    });
    // Forward targets are known only after emitting: compute them from the layout below
    // (jne 6, jmp 5, call 5, lea 7, 0x100 nops, then fwd; func after 1 more ret).
    let here = a.offset() as i64;
    let fwd_at = here + 6 + 5 + 5 + 7 + 0x100;
    let func_at = fwd_at + 1;
    let data_at = func_at + 1;
    case(&mut a, format!("jne {}", h64(fwd_at)), &|a| {
        a.jcc_to_label(Cond::NE, fwd);
    });
    case(&mut a, format!("jmp {}", h64(fwd_at)), &|a| {
        a.jmp_to_label(fwd);
    });
    case(&mut a, format!("call {}", h64(func_at)), &|a| {
        a.call_to_label(func);
    });
    let lea_end = a.offset() as i64 + 7;
    case(&mut a, format!("lea rdi,[rip+{}] # {}", h64(data_at - lea_end), h64(data_at)), &|a| {
        a.lea_label(RDI, data)
    });
    for _ in 0..0x100 {
        case(&mut a, "nop".into(), &|a| a.nop());
    }
    assert_eq!(a.offset() as i64, fwd_at);
    a.bind(fwd);
    case(&mut a, "ret".into(), &|a| a.ret());
    a.bind(func);
    case(&mut a, "ret".into(), &|a| a.ret());
    a.bind(data);
    let lea_r13 = a.offset() as i64 + 7;
    case(&mut a, format!("lea r13,[rip+{}] # {}", h64(top_at - lea_r13), h64(top_at)), &|a| {
        a.lea_label(R13, top)
    });
    a.int3();
    let code = a.finish().expect("in range");
    check_listing(&code, &cases);
}

#[test]
fn patch_rel32_retargets_emitted_branches() {
    let mut a = Asm::new();
    let exit = a.new_label();
    a.mov_ri(RAX, 1);
    let j1 = a.jcc_to_label(Cond::O, exit) as usize;
    let j2 = a.jmp_to_label(exit) as usize;
    let j3 = a.call_to_label(exit) as usize;
    let j4 = a.jcc_to_label(Cond::GE, exit) as usize;
    a.bind(exit);
    a.ud2();
    let mut code = a.finish().expect("in range");
    assert_eq!((j1, j2, j3, j4), (5, 11, 16, 21), "instruction offsets");
    let end = code.len();
    // Retarget: forward beyond the code (a bridge elsewhere), backward, onto itself, and to
    // a negative distance expressed as a wrapping offset.
    patch_rel32(&mut code, j1, 0x1_0000).unwrap();
    patch_rel32(&mut code, j2, 0).unwrap();
    patch_rel32(&mut code, j3, j3).unwrap();
    patch_rel32(&mut code, j4, 0usize.wrapping_sub(0x100)).unwrap();
    let mut code2 = code.clone();
    code2.push(0xCC);
    let cases = [
        (0, 5, "mov eax,0x1".to_string()),
        (j1, j1 + 6, "jo 0x10000".to_string()),
        (j2, j2 + 5, "jmp 0x0".to_string()),
        (j3, j3 + 5, format!("call {}", h64(j3 as i64))),
        (j4, j4 + 6, "jge 0xffffffffffffff00".to_string()),
        (end - 2, end, "ud2".to_string()),
    ];
    let cases: Vec<Case> = cases
        .into_iter()
        .map(|(start, end, expect)| Case { start, end, expect, len: None })
        .collect();
    check_listing(&code2, &cases);
    // Out of range: more than 2 GiB away.
    assert_eq!(
        patch_rel32(&mut code, j2, j2 + 5 + (1usize << 31)),
        Err(OutOfRange { at: j2 as u32, target: (j2 + 5 + (1usize << 31)) as u32 })
    );
    assert!(patch_rel32(&mut code, j2, j2 + 5 + (1usize << 31) - 1).is_ok());
    assert!(patch_rel32(&mut code, j2, (j2 + 5).wrapping_sub(1usize << 31)).is_ok());
    assert!(patch_rel32(&mut code, j2, (j2 + 4).wrapping_sub(1usize << 31)).is_err());
}

#[test]
fn resolve_reports_out_of_range() {
    let mut bytes = [0u8; 8];
    assert_eq!(resolve(&mut bytes, 0, 0x8000_0003, Reloc::Rel32 as u8), Ok(()));
    assert_eq!(i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]), i32::MAX);
    assert_eq!(
        resolve(&mut bytes, 0, 0x8000_0004, Reloc::Rel32 as u8),
        Err(OutOfRange { at: 0, target: 0x8000_0004 })
    );
    assert_eq!(resolve(&mut bytes, 4, 0, Reloc::Rel32 as u8), Ok(()));
    assert_eq!(i32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]), -8);
}

#[test]
fn cond_invert_and_swap() {
    use Cond::*;
    let pairs = [(O, NO), (B, AE), (E, NE), (BE, A), (S, NS), (P, NP), (L, GE), (LE, G)];
    for (p, n) in pairs {
        assert_eq!(p.invert(), n);
        assert_eq!(n.invert(), p);
    }
    for cc in 0..16 {
        let c = Cond::from_code(cc);
        assert_eq!(c as u8, cc);
        assert_eq!(c.swap().swap(), c);
    }
    assert_eq!((L.swap(), GE.swap(), B.swap(), AE.swap(), E.swap()), (G, LE, A, BE, E));
}
