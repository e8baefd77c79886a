//! Tests of the AArch64 lowering. Every program is run by the LIR interpreter (expected
//! values are checked on every host) and, on AArch64 hosts (qemu-user in CI), emitted and
//! called natively three times: with the allocator's locations, with every vreg spilled
//! and with every other one spilled; all must agree on the exit, its ctx words and the
//! memory. On every host the emitted
//! code is also disassembled by binutils where its shape matters (the counting loop's
//! instructions, immediate folding, fused guards).
#![allow(unsafe_code)]

use super::encode_tests::objdump_at;
use super::lir_interp::{self, int_holds, float_holds, Helper, Mem};
use super::lower::{emit, NO_EXIT_BRANCH, TARGET};
use crate::lir::{Cc, Class, ExitId, FCc, FOp, Func, Inst, IntOp, Operand, OvOp, ShiftOp, VReg};
use crate::lower_common::{EmitError, Emitted};
use crate::regalloc::{allocate, Allocation, Loc};

use Operand::{Imm, Reg as R};

// ---------------------------------------------------------------- building programs

/// A LIR function under construction: `ctx` and `frame` are Params 0 and 1.
struct B {
    f: Func,
    frame: VReg,
}

impl B {
    fn new() -> B {
        let mut f = Func::new();
        let ctx = f.vreg(Class::Int);
        let frame = f.vreg(Class::Int);
        f.ctx = Some(ctx);
        f.push(Inst::Param { dst: ctx, index: 0 });
        f.push(Inst::Param { dst: frame, index: 1 });
        B { f, frame }
    }
    fn int(&mut self) -> VReg {
        self.f.vreg(Class::Int)
    }
    fn float(&mut self) -> VReg {
        self.f.vreg(Class::Float)
    }
    fn push(&mut self, i: Inst) {
        self.f.push(i)
    }
    fn exit(&mut self, vals: Vec<VReg>) -> ExitId {
        self.f.exit(vals)
    }
    fn iconst(&mut self, imm: i64) -> VReg {
        let dst = self.int();
        self.push(Inst::Iconst { dst, imm });
        dst
    }
    fn fconst(&mut self, x: f64) -> VReg {
        let dst = self.float();
        self.push(Inst::Fconst { dst, bits: x.to_bits() });
        dst
    }
    /// frame word k
    fn load(&mut self, k: i32) -> VReg {
        let dst = self.int();
        self.push(Inst::Load { dst, base: self.frame, disp: 8 * k });
        dst
    }
    fn loadf(&mut self, k: i32) -> VReg {
        let dst = self.float();
        self.push(Inst::LoadF { dst, base: self.frame, disp: 8 * k });
        dst
    }
    fn store(&mut self, k: i32, src: VReg) {
        self.push(Inst::Store { base: self.frame, disp: 8 * k, src });
    }
    fn storef(&mut self, k: i32, src: VReg) {
        self.push(Inst::StoreF { base: self.frame, disp: 8 * k, src });
    }
    fn bin(&mut self, op: IntOp, a: VReg, b: Operand) -> VReg {
        let dst = self.int();
        self.push(Inst::Bin { op, dst, a, b });
        dst
    }
    fn binov(&mut self, op: OvOp, a: VReg, b: Operand, exit: ExitId) -> VReg {
        let dst = self.int();
        self.push(Inst::BinOv { op, dst, a, b, exit });
        dst
    }
    fn fbin(&mut self, op: FOp, a: VReg, b: VReg) -> VReg {
        let dst = self.float();
        self.push(Inst::FBin { op, dst, a, b });
        dst
    }
    fn setcc(&mut self, cc: Cc, a: VReg, b: Operand) -> VReg {
        let dst = self.int();
        self.push(Inst::SetCc { cc, dst, a, b });
        dst
    }
    fn fsetcc(&mut self, cc: FCc, a: VReg, b: VReg) -> VReg {
        let dst = self.int();
        self.push(Inst::FSetCc { cc, dst, a, b });
        dst
    }
    /// Ends with `Exit` through a new exit storing `vals`.
    fn finish(mut self, vals: Vec<VReg>) -> Func {
        let e = self.exit(vals);
        self.push(Inst::Exit { exit: e });
        self.f
    }
}

// ---------------------------------------------------------------- helpers a Call may target

/// The address of an `extern "C"` helper, as `Call::target` takes it.
macro_rules! addr {
    ($f:ident: $t:ty) => {
        $f as $t as usize as u64
    };
}

const H0: fn() -> u64 = || addr!(helper0: extern "C" fn() -> u64);
const H2: fn() -> u64 = || addr!(helper2: extern "C" fn(u64, u64) -> u64);
const H8: fn() -> u64 = || addr!(helper8: extern "C" fn(u64, u64, u64, u64, u64, u64, u64, u64) -> u64);

extern "C" fn helper0() -> u64 {
    0x1234_5678_9abc
}

extern "C" fn helper2(a: u64, b: u64) -> u64 {
    a.wrapping_mul(3).wrapping_add(b) ^ 0x55
}

#[allow(clippy::too_many_arguments)]
extern "C" fn helper8(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64) -> u64 {
    [a, b, c, d, e, f, g, h].iter().enumerate().fold(0x9e37_79b9u64, |acc, (k, &x)| acc.rotate_left(7) ^ x.wrapping_mul(2 * k as u64 + 1))
}

fn clobber_semantics(a: &[u64]) -> u64 {
    a[0] ^ a[1].wrapping_add(7)
}

/// The helpers of the tests: three Rust functions and, on AArch64, one emitted function
/// that writes every caller-saved register (x1..x17, d0..d7, d16..d31).
struct Helpers {
    table: Vec<Helper>,
    clobber: u64,
    #[cfg(target_arch = "aarch64")]
    _mem: crate::codemem::CodeMemory,
}

impl Helpers {
    fn new() -> Helpers {
        #[cfg(target_arch = "aarch64")]
        let (mem, clobber) = {
            use super::regs::*;
            let mut a = super::Asm::new();
            a.add_imm(X16, X1, 7);
            a.eor(X0, X0, X16);
            for r in 1..=17 {
                a.mov_imm(Reg::x(r), 0xdead_0000 + r as u64);
            }
            for d in (0..8).chain(16..32) {
                a.fmov_from_x(FReg::d(d), X1);
            }
            a.ret();
            let code = a.finish().expect("in range");
            let mut mem = crate::codemem::CodeMemory::new(4096).expect("code memory");
            let r = mem.place(&code).expect("room");
            let addr = mem.addr(r.offset) as u64;
            (mem, addr)
        };
        #[cfg(not(target_arch = "aarch64"))]
        let clobber = 0x1000u64; // never called on this host
        let table = vec![
            Helper { addr: H0(), f: |_| helper0() },
            Helper { addr: H2(), f: |a| helper2(a[0], a[1]) },
            Helper { addr: H8(), f: |a| helper8(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]) },
            Helper { addr: clobber, f: clobber_semantics },
        ];
        Helpers {
            table,
            clobber,
            #[cfg(target_arch = "aarch64")]
            _mem: mem,
        }
    }
}

// ---------------------------------------------------------------- running

fn compile_with(f: &Func, a: &Allocation) -> Emitted {
    let e = emit(f, a).unwrap_or_else(|err| panic!("emit failed: {err:?}\n{f}"));
    assert_eq!(e.stats.bytes as usize, e.code.len());
    assert_eq!(e.stats.insns * 4, e.stats.bytes);
    assert_eq!(e.exit_branches.len(), f.exits.len());
    e
}

fn compile(f: &Func) -> (Allocation, Emitted) {
    let a = allocate(f, &TARGET);
    let e = compile_with(f, &a);
    (a, e)
}

/// The allocation with every vreg in its own spill slot (what the lowering must handle
/// when the allocator runs out of registers everywhere).
fn all_spilled(f: &Func) -> Allocation {
    let n = f.classes.len();
    Allocation {
        locs: (0..n as u32).map(|k| Some(Loc::Stack(k))).collect(),
        spill_slots: n as u32,
        int_callee_saved_used: vec![],
        float_callee_saved_used: vec![],
        spilled: n as u32,
    }
}

/// The allocator's locations with every other vreg moved to a spill slot of its own
/// (mixes registers and slots in every parallel move and operand combination).
fn half_spilled(f: &Func) -> Allocation {
    let mut a = allocate(f, &TARGET);
    for k in (1..a.locs.len()).step_by(2) {
        if a.locs[k].is_some() {
            a.locs[k] = Some(Loc::Stack(a.spill_slots));
            a.spill_slots += 1;
        }
    }
    a
}

/// How a run ended: the exit, the ctx words it stored, the frame memory afterwards.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Run {
    exit: u32,
    ctx: Vec<u64>,
    frame: Vec<u64>,
}

const MAX_STEPS: u64 = 10_000_000;

/// Runs `f` on a copy of `frame` in the interpreter and, on AArch64, natively with the
/// allocator's locations and all spilled; asserts they agree and returns the result.
fn run_h(f: &Func, frame: &[u64], h: &Helpers) -> Run {
    let mut buf = frame.to_vec();
    let base = buf.as_mut_ptr() as u64;
    let mut ctx = vec![0u64; f.exits.iter().map(|e| e.len()).max().unwrap_or(0) + 4];
    let mut mem = Mem { base, bytes: buf.iter().flat_map(|w| w.to_le_bytes()).collect() };
    let o = lir_interp::run(f, &[ctx.as_mut_ptr() as u64, base], &mut mem, &h.table, MAX_STEPS).expect("terminates");
    let words = mem.bytes.chunks(8).map(|c| u64::from_le_bytes(c.try_into().expect("8"))).collect();
    let want = Run { exit: o.exit, ctx: o.ctx, frame: words };
    let (alloc, e) = compile(f);
    let e2 = compile_with(f, &all_spilled(f));
    let e3 = compile_with(f, &half_spilled(f));
    let _ = (&alloc, &e, &e2, &e3, &mut ctx);
    #[cfg(target_arch = "aarch64")]
    for (what, e) in [("allocated", &e), ("all spilled", &e2), ("half spilled", &e3)] {
        // at the interpreter's address: programs may compute with the frame pointer
        buf.copy_from_slice(frame);
        let got = native_at(f, e, &mut buf);
        assert_eq!(got, want, "{what}: native run differs from the interpreter\n{f}");
    }
    want
}

fn run(f: &Func, frame: &[u64]) -> Run {
    run_h(f, frame, &Helpers::new())
}

/// Calls the emitted code on a copy of `frame`.
#[cfg(target_arch = "aarch64")]
fn native(f: &Func, e: &Emitted, frame: &[u64]) -> Run {
    native_at(f, e, &mut frame.to_vec())
}

/// Calls the emitted code on `buf` (the frame memory).
#[cfg(target_arch = "aarch64")]
fn native_at(f: &Func, e: &Emitted, buf: &mut [u64]) -> Run {
    const SENTINEL: u64 = 0x5e47_1e15_5e47_1e15;
    let mut ctx = vec![SENTINEL; f.exits.iter().map(|e| e.len()).max().unwrap_or(0) + 4];
    let mut mem = crate::codemem::CodeMemory::new(e.code.len() + 4096).expect("code memory");
    let r = mem.place(&e.code).expect("room for the code");
    // SAFETY: the code is a trace function fn(ctx, frame) -> exit (AAPCS64) whose loads and
    // stores stay in `frame` (the tests' programs address words of it only) and whose
    // exit stubs write at most the words of `ctx` its longest exit has; the helpers it
    // calls are extern "C" functions of these tests.
    let exit = unsafe { mem.call2(r.offset, ctx.as_mut_ptr() as u64, buf.as_mut_ptr() as u64) };
    let n = f.exits[exit as usize].len();
    assert!(ctx[n..].iter().all(|&w| w == SENTINEL), "exit {exit} wrote past its {n} values");
    ctx.truncate(n);
    Run { exit: exit as u32, ctx, frame: buf.to_vec() }
}

/// The disassembly of `e`, one normalised line per instruction.
fn disasm(e: &Emitted) -> Vec<String> {
    objdump_at(&e.code, 0)
}

fn assert_clean_disassembly(e: &Emitted) {
    let d = disasm(e);
    assert_eq!(d.len() as u32, e.stats.insns);
    assert!(!d.iter().any(|l| l.starts_with(".inst") || l.starts_with("udf")), "{d:#?}");
}

// ---------------------------------------------------------------- the counting loop

/// sum = s0 + 0 + 1 + ... + (n-1) with n = frame[0] and s0 = 0 (or frame[1]): leaves
/// through exit 0 with [sum] when i reaches n, through exit 1 with [sum, i] (before the
/// addition) if the sum overflows.
fn counting_loop_from(s0: Option<i32>) -> Func {
    let mut b = B::new();
    let n = b.load(0);
    let i = b.iconst(0);
    let s = match s0 {
        None => b.iconst(0),
        Some(k) => b.load(k),
    };
    b.push(Inst::LoopStart);
    let done = b.exit(vec![s]);
    b.push(Inst::Guard { cc: Cc::Lt, a: i, b: R(n), exit: done });
    let ov = b.exit(vec![s, i]);
    let s2 = b.binov(OvOp::Add, s, R(i), ov);
    let i2 = b.bin(IntOp::Add, i, Imm(1));
    b.push(Inst::Jump { moves: vec![(i, i2), (s, s2)] });
    b.f
}

fn counting_loop() -> Func {
    counting_loop_from(None)
}

#[test]
fn counting_loop_sums() {
    let f = counting_loop();
    for n in [0u64, 1, 2, 10, 1000, 100_000] {
        let r = run(&f, &[n]);
        assert_eq!((r.exit, r.ctx), (0, vec![n * n.saturating_sub(1) / 2]), "n = {n}");
    }
}

/// The sum overflows: the exit gets the sum before the failing addition, which the code
/// computed in place (the exit's pad subtracts i again).
#[test]
fn counting_loop_overflows() {
    let f = counting_loop_from(Some(1));
    for s0 in [i64::MAX - 100, i64::MAX - 5050, i64::MAX - 4950, i64::MAX, -5] {
        let (mut s, mut i) = (s0, 0i64);
        let want = loop {
            if i >= 200 {
                break (0, vec![s as u64]);
            }
            match s.checked_add(i) {
                Some(v) => s = v,
                None => break (1, vec![s as u64, i as u64]),
            }
            i += 1;
        };
        let r = run(&f, &[200, s0 as u64]);
        assert_eq!((r.exit, r.ctx), want, "s0 = {s0}");
    }
}

#[test]
fn counting_loop_code() {
    let f = counting_loop();
    let (a, e) = compile(&f);
    assert_clean_disassembly(&e);
    let d = disasm(&e);
    // the loop: from the instruction after the LoopStart label to the `b` back to it
    let back = d.iter().position(|l| l.starts_with("b ") && !l.starts_with("b.")).expect("the jump back");
    let target = d[back].trim_start_matches("b ").trim();
    let head = usize::from_str_radix(target.trim_start_matches("0x"), 16).expect("address") / 4;
    let lp: Vec<String> = d[head..=back].iter().map(|l| l.split(" 0x").next().unwrap_or(l).trim().to_string()).collect();
    // registers as the allocator chose them: ctx x0, frame x1; n takes x1 as frame dies at
    // n's load; i x2; s x3; s2 and i2 computed straight into s's and i's registers
    let (i, n, s) = (a.loc(VReg(3)), a.loc(VReg(2)), a.loc(VReg(4)));
    assert_eq!((i, n, s), (Loc::Reg(2), Loc::Reg(1), Loc::Reg(3)), "allocation changed: update the expected code");
    assert_eq!(
        lp,
        [
            "cmp x2, x1",
            "b.ge",            // i >= n: exit 0
            "adds x3, x3, x2", // s = s + i in place
            "b.vs",            // overflow: exit 1's pad
            "add x2, x2, #0x1", // i = i + 1 in place
            "b",
        ]
    );
    // prologue (stp, mov x29), n = load, i = 0, s = 0
    assert_eq!(&d[..head], ["stp x29, x30, [sp, #-16]!", "mov x29, sp", "ldr x1, [x1]", "mov x2, #0x0", "mov x3, #0x0"]);
    // the pad of the overflow exit (s = s2 - i), then the stubs: `b` to the next word (the
    // patch point), stores, the exit number; then the epilogue
    assert_eq!(
        &d[back + 1..],
        [
            "sub x3, x3, x2",
            "b 0x44",
            "b 0x38",
            "str x3, [x0]",
            "mov x0, #0x0",
            "b 0x54",
            "b 0x48",
            "str x3, [x0]",
            "str x2, [x0, #8]",
            "mov x0, #0x1",
            "ldp x29, x30, [sp], #16",
            "ret",
        ]
    );
    assert_eq!(e.exit_branches, [0x34, 0x44]);
    assert_eq!(e.stats.insns, 5 + 6 + 12);
    assert_eq!((e.stats.spills, e.stats.reloads, e.stats.helper_calls), (0, 0, 0));
}

// ---------------------------------------------------------------- overflow

fn ov_func(op: OvOp, b_imm: Option<i32>) -> Func {
    let mut b = B::new();
    let x = b.load(0);
    let y = b.load(1);
    let e = b.exit(vec![x, y]);
    let r = b.binov(op, x, b_imm.map_or(R(y), Imm), e);
    b.finish(vec![r])
}

#[test]
fn overflow_exits() {
    const MAX: i64 = i64::MAX;
    const MIN: i64 = i64::MIN;
    let cases: &[(OvOp, i64, i64, Option<i64>)] = &[
        (OvOp::Add, MAX, 1, None),
        (OvOp::Add, MAX - 1, 1, Some(MAX)),
        (OvOp::Add, MIN, -1, None),
        (OvOp::Add, -5, 3, Some(-2)),
        (OvOp::Sub, MIN, 1, None),
        (OvOp::Sub, MIN + 1, 1, Some(MIN)),
        (OvOp::Sub, 0, MIN, None),
        (OvOp::Sub, -1, MIN, Some(MAX)),
        (OvOp::Mul, 1 << 32, 1 << 31, None),
        (OvOp::Mul, -(1 << 32), 1 << 31, Some(MIN)),
        (OvOp::Mul, MIN, -1, None),
        (OvOp::Mul, MIN, 1, Some(MIN)),
        (OvOp::Mul, -3, 5, Some(-15)),
        (OvOp::Mul, 1 << 62, 2, None),
        (OvOp::Mul, 1 << 62, -2, Some(MIN)),
        (OvOp::Mul, MAX, 0, Some(0)),
        (OvOp::Mul, 3_037_000_500, 3_037_000_500, None),
        (OvOp::Mul, 3_037_000_499, 3_037_000_499, Some(3_037_000_499 * 3_037_000_499)),
    ];
    for &(op, x, y, want) in cases {
        let f = ov_func(op, None);
        let r = run(&f, &[x as u64, y as u64]);
        match want {
            Some(v) => assert_eq!((r.exit, r.ctx), (1, vec![v as u64]), "{op:?} {x} {y}"),
            None => assert_eq!((r.exit, r.ctx), (0, vec![x as u64, y as u64]), "{op:?} {x} {y}"),
        }
    }
    // immediate operands: encodable (add/sub/adds/subs with either sign) and not
    let imm_cases: &[(OvOp, i32, i64, bool)] = &[
        (OvOp::Add, 1, MAX, true),
        (OvOp::Add, 1, MAX - 1, false),
        (OvOp::Add, -1, MIN, true),
        (OvOp::Add, -1, MIN + 1, false),
        (OvOp::Sub, 1, MIN, true),
        (OvOp::Sub, -1, MAX, true),
        (OvOp::Sub, -1, MAX - 1, false),
        (OvOp::Add, 0x1234_5678, MAX - 0x1234_5677, true),
        (OvOp::Add, 0x1234_5678, MAX - 0x1234_5678, false),
        (OvOp::Sub, i32::MIN, MAX, true),
        (OvOp::Sub, i32::MIN, -1, false),
        (OvOp::Add, 4096, MAX - 4095, true),
        (OvOp::Mul, -1, MIN, true),
        (OvOp::Mul, -1, MAX, false),
        (OvOp::Mul, 0, MIN, false),
        (OvOp::Mul, 2, 1 << 62, true),
    ];
    for &(op, imm, x, overflows) in imm_cases {
        let f = ov_func(op, Some(imm));
        let r = run(&f, &[x as u64, 0]);
        assert_eq!(r.exit, overflows as u32 ^ 1, "{op:?} {x} {imm}");
        if overflows {
            assert_eq!(r.ctx, vec![x as u64, 0]);
        }
    }
}

/// BinOv whose destination is the register (or the spill slot) of a dead input: the
/// allocator never does this today, the lowering must still get it right.
#[test]
fn overflow_with_destination_on_an_input() {
    for op in [OvOp::Add, OvOp::Sub, OvOp::Mul] {
        for (la, lb, ld) in [
            (Loc::Reg(3), Loc::Reg(4), Loc::Reg(3)),
            (Loc::Reg(3), Loc::Reg(4), Loc::Reg(4)),
            (Loc::Stack(0), Loc::Stack(1), Loc::Stack(2)),
            (Loc::Stack(0), Loc::Reg(4), Loc::Reg(4)),
            (Loc::Reg(3), Loc::Stack(1), Loc::Reg(3)),
            (Loc::Stack(0), Loc::Stack(1), Loc::Reg(5)),
        ] {
            // x, y loaded; k = a copy kept for the exit; d = x op y (x, y dead after)
            let mut b = B::new();
            let x = b.load(0);
            let y = b.load(1);
            let k = b.load(2);
            let e = b.exit(vec![k]);
            let d = b.binov(op, x, R(y), e);
            let f = b.finish(vec![d]);
            let mut a = allocate(&f, &TARGET);
            a.locs[x.0 as usize] = Some(la);
            a.locs[y.0 as usize] = Some(lb);
            a.locs[d.0 as usize] = Some(ld);
            a.locs[k.0 as usize] = Some(Loc::Reg(6));
            a.spill_slots = a.spill_slots.max(3);
            let e = compile_with(&f, &a);
            for (x, y) in [(7i64, 9i64), (i64::MAX, 2), (-4, 1 << 61), (1 << 40, -3)] {
                let want = match op {
                    OvOp::Add => x.checked_add(y),
                    OvOp::Sub => x.checked_sub(y),
                    OvOp::Mul => x.checked_mul(y),
                };
                let frame = [x as u64, y as u64, 0xabc];
                let r = run(&f, &frame);
                match want {
                    Some(v) => assert_eq!((r.exit, &r.ctx[..]), (1, &[v as u64][..]), "{op:?} {x} {y}"),
                    None => assert_eq!((r.exit, &r.ctx[..]), (0, &[0xabc][..]), "{op:?} {x} {y}"),
                }
                #[cfg(target_arch = "aarch64")]
                assert_eq!(native(&f, &e, &frame), r, "{op:?} {la:?} {lb:?} {ld:?}");
                let _ = &e;
            }
        }
    }
}

// ---------------------------------------------------------------- integer conditions

const ALL_CC: [Cc; 10] = [Cc::Eq, Cc::Ne, Cc::Lt, Cc::Le, Cc::Gt, Cc::Ge, Cc::Below, Cc::BelowEq, Cc::Above, Cc::AboveEq];

const INT_VALUES: [i64; 12] = [i64::MIN, -4096, -5, -1, 0, 1, 5, 4095, 4096, 0x12345, i64::MAX, 1 << 40];

/// Operand forms of a compare: the second vreg, or immediates that are `cmp #imm`,
/// `cmn #imm`, zero (`cbz`, `tbz`) or need materialising.
const IMM_FORMS: [Option<i32>; 8] = [None, Some(0), Some(5), Some(-5), Some(4095), Some(-4096), Some(0x12345), Some(i32::MIN)];

#[test]
fn setcc_every_condition() {
    for cc in ALL_CC {
        for form in IMM_FORMS {
            let mut b = B::new();
            let x = b.load(0);
            let y = b.load(1);
            let t = b.setcc(cc, x, form.map_or(R(y), Imm));
            b.store(2, t);
            let f = b.finish(vec![t]);
            for &x in &INT_VALUES {
                for &y in &INT_VALUES {
                    let yv = form.map_or(y, |i| i as i64);
                    let r = run(&f, &[x as u64, y as u64, 7]);
                    let want = int_holds(cc, x as u64, yv as u64) as u64;
                    assert_eq!((r.exit, &r.ctx[..], r.frame[2]), (0, &[want][..], want), "{cc:?} {x} {yv}");
                    if form.is_some() {
                        break;
                    }
                }
            }
        }
    }
}

/// Guard forms: plain, and fused with the SetCc before it (`Ne t, 0` and `Eq t, 0`).
#[test]
fn guard_every_condition() {
    for cc in ALL_CC {
        for form in IMM_FORMS {
            for fused in [None, Some(Cc::Ne), Some(Cc::Eq)] {
                let mut b = B::new();
                let x = b.load(0);
                let y = b.load(1);
                let e = b.exit(vec![x, y]);
                let bo = form.map_or(R(y), Imm);
                match fused {
                    None => b.push(Inst::Guard { cc, a: x, b: bo, exit: e }),
                    Some(gc) => {
                        let t = b.setcc(cc, x, bo);
                        b.push(Inst::Guard { cc: gc, a: t, b: Imm(0), exit: e });
                    }
                }
                let f = b.finish(vec![]);
                for &x in &INT_VALUES {
                    for &y in &INT_VALUES {
                        let yv = form.map_or(y, |i| i as i64);
                        let holds = int_holds(cc, x as u64, yv as u64);
                        let passes = if fused == Some(Cc::Eq) { !holds } else { holds };
                        let r = run(&f, &[x as u64, y as u64]);
                        if passes {
                            assert_eq!(r.exit, 1, "{cc:?} {x} {yv} {fused:?}");
                        } else {
                            assert_eq!((r.exit, r.ctx), (0, vec![x as u64, y as u64]), "{cc:?} {x} {yv} {fused:?}");
                        }
                        if form.is_some() {
                            break;
                        }
                    }
                }
            }
        }
    }
}

/// `And t, v, m` + `Guard Eq|Ne t, 0`: tbz/tbnz for one bit, tst otherwise.
#[test]
fn bit_test_guards() {
    let masks: [Operand; 7] = [Imm(1), Imm(2), Imm(1 << 30), Imm(3), Imm(0x0ff0), Imm(0x12345), R(VReg(3))];
    for m in masks {
        for gc in [Cc::Ne, Cc::Eq] {
            let mut b = B::new();
            let v = b.load(0);
            let mv = b.load(1); // VReg(3)
            assert_eq!(mv, VReg(3));
            let e = b.exit(vec![v]);
            let t = b.bin(IntOp::And, v, m);
            b.push(Inst::Guard { cc: gc, a: t, b: Imm(0), exit: e });
            let f = b.finish(vec![]);
            for &v in &INT_VALUES {
                for mval in [0x10u64, 0x8000_0000_0000_0001, 0] {
                    let mm = match m {
                        Imm(i) => i as i64 as u64,
                        R(_) => mval,
                    };
                    let set = v as u64 & mm != 0;
                    let passes = (gc == Cc::Ne) == set;
                    let r = run(&f, &[v as u64, mval]);
                    assert_eq!(r.exit, passes as u32, "{m:?} {gc:?} {v}");
                }
            }
        }
    }
}

/// A fused guard's result stored by its own exit (the JIT's snapshots do this): the stub
/// stores the value that made the guard fail; so does an exit storing a constant vreg.
#[test]
fn fused_results_and_constants_in_exits() {
    // (guard condition on t, how t is made, t when the guard fails)
    let cases: [(Cc, u8, Option<u64>); 6] =
        [(Cc::Ne, 0, Some(0)), (Cc::Eq, 0, Some(1)), (Cc::Ne, 1, Some(0)), (Cc::Eq, 1, Some(8)), (Cc::Eq, 2, None), (Cc::Ne, 3, Some(0))];
    for (gcc, kind, failing) in cases {
        let mut b = B::new();
        let x = b.load(0);
        let y = b.load(1);
        let k = b.iconst(0x1234_5678);
        let t = match kind {
            0 => b.setcc(Cc::Lt, x, R(y)),
            1 => b.bin(IntOp::And, x, Imm(8)),
            2 => b.bin(IntOp::And, x, Imm(0x0ff0)),
            _ => {
                let (xf, yf) = (b.loadf(0), b.loadf(1));
                b.fsetcc(FCc::Le, xf, yf)
            }
        };
        let e = b.exit(vec![x, t, k]);
        b.push(Inst::Guard { cc: gcc, a: t, b: Imm(0), exit: e });
        let f = b.finish(vec![y]);
        let (_, em) = compile(&f);
        let d = disasm(&em);
        // fused: no cset/and left in the fast path; the constant is not materialised there
        let fast = &d[..em.exit_branches[0] as usize / 4];
        assert_eq!(fast.iter().any(|l| l.starts_with("cset") || l.starts_with("and ")), failing.is_none(), "{gcc:?} {kind}: {fast:#?}");
        assert!(!fast.iter().any(|l| l.contains("#0x5678")), "{fast:#?}");
        for (xv, yv) in [(0u64, 5u64), (8, 3), (9, 9), (0x10, 0), (0x1f8, 7), (1.0f64.to_bits(), 2.0f64.to_bits()), (2.0f64.to_bits(), 1.0f64.to_bits())] {
            let tv = match kind {
                0 => ((xv as i64) < yv as i64) as u64,
                1 => xv & 8,
                2 => xv & 0x0ff0,
                _ => (f64::from_bits(xv) <= f64::from_bits(yv)) as u64,
            };
            let passes = (gcc == Cc::Ne) == (tv != 0);
            let r = run(&f, &[xv, yv]);
            if passes {
                assert_eq!((r.exit, r.ctx), (1, vec![yv]));
            } else {
                assert_eq!((r.exit, r.ctx), (0, vec![xv, tv, 0x1234_5678]), "{gcc:?} {kind} {xv:#x} {yv:#x}");
                if let Some(v) = failing {
                    assert_eq!(tv, v);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- floats

const ALL_FCC: [FCc; 6] = [FCc::Eq, FCc::Ne, FCc::Lt, FCc::Le, FCc::Gt, FCc::Ge];

fn float_values() -> Vec<f64> {
    vec![f64::NEG_INFINITY, -1.5, -0.0, 0.0, 1.0, 2.5, f64::INFINITY, f64::NAN, f64::MIN_POSITIVE]
}

#[test]
fn float_conditions_with_nan() {
    for cc in ALL_FCC {
        // b: a second load, or the constant 0.0 (fcmp #0.0)
        for zero in [false, true] {
            for fused in [None, Some(Cc::Ne), Some(Cc::Eq)] {
                let mut b = B::new();
                let x = b.loadf(0);
                let y = if zero { b.fconst(0.0) } else { b.loadf(1) };
                let t = b.fsetcc(cc, x, y);
                b.store(2, t);
                let e = b.exit(vec![x, y]);
                match fused {
                    None => b.push(Inst::GuardF { cc, a: x, b: y, exit: e }),
                    Some(gc) => {
                        let t2 = b.fsetcc(cc, x, y);
                        b.push(Inst::Guard { cc: gc, a: t2, b: Imm(0), exit: e });
                    }
                }
                let f = b.finish(vec![t]);
                for x in float_values() {
                    for y in float_values() {
                        let yv = if zero { 0.0 } else { y };
                        let holds = float_holds(cc, x, yv);
                        let passes = if fused == Some(Cc::Eq) { !holds } else { holds };
                        let r = run(&f, &[x.to_bits(), y.to_bits(), 9]);
                        assert_eq!(r.frame[2], holds as u64, "FSetCc {cc:?} {x} {yv}");
                        if passes {
                            assert_eq!((r.exit, r.ctx), (1, vec![holds as u64]), "{cc:?} {x} {yv} {fused:?}");
                        } else {
                            assert_eq!((r.exit, r.ctx), (0, vec![x.to_bits(), yv.to_bits()]), "{cc:?} {x} {yv} {fused:?}");
                        }
                        if zero {
                            break;
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn float_arithmetic_constants_and_conversion() {
    let mut b = B::new();
    let x = b.loadf(0);
    let y = b.loadf(1);
    let n = b.load(2);
    let mut outs = vec![];
    for op in [FOp::Add, FOp::Sub, FOp::Mul, FOp::Div] {
        outs.push(b.fbin(op, x, y));
        outs.push(b.fbin(op, y, x));
        outs.push(b.fbin(op, x, x));
    }
    // constants: zero, fmov immediates, others through a GPR
    for c in [0.0, -0.0, 1.0, -2.5, 0.125, 31.0, 0.1, 1e300, f64::NAN, f64::INFINITY] {
        let k = b.fconst(c);
        outs.push(b.fbin(FOp::Add, k, x));
        outs.push(k);
    }
    let nf = b.float();
    b.push(Inst::IntToFloat { dst: nf, src: n });
    outs.push(nf);
    let m = b.float();
    b.push(Inst::Move { dst: m, src: nf });
    let p = b.fbin(FOp::Mul, m, nf);
    b.storef(3, p);
    outs.push(p);
    let f = b.finish(outs.clone());
    for (x, y, n) in [(1.5, -2.0, 3i64), (0.0, 0.0, -1), (f64::NAN, 1.0, i64::MIN), (1e308, 1e308, i64::MAX), (-0.0, 7.0, 1 << 53 | 1)] {
        let r = run(&f, &[f64::to_bits(x), f64::to_bits(y), n as u64, 0]);
        assert_eq!(r.exit, 0);
        let got: Vec<f64> = r.ctx.iter().map(|&w| f64::from_bits(w)).collect();
        assert_eq!(got[0].to_bits(), (x + y).to_bits());
        assert_eq!(got[1].to_bits(), (y + x).to_bits());
        assert_eq!(got[4].to_bits(), (y - x).to_bits());
        assert_eq!(got[9].to_bits(), (x / y).to_bits());
        let nf = n as f64;
        assert_eq!(got[got.len() - 2].to_bits(), nf.to_bits());
        assert_eq!(r.frame[3], (nf * nf).to_bits());
        assert_eq!(got[13].to_bits(), 0.0f64.to_bits());
        assert_eq!(got[15].to_bits(), (-0.0f64).to_bits());
    }
}

// ---------------------------------------------------------------- memory

#[test]
fn loads_and_stores_through_the_frame() {
    // displacements: scaled, unscaled (negative, unaligned), and beyond both (x30 holds them)
    let words = 6000;
    let mut b = B::new();
    let fr = b.frame;
    let mid = b.bin(IntOp::Add, fr, Imm(8 * 100)); // frame + 800: negative displacements reach back
    let mut outs = vec![];
    for disp in [0, 8, 4088, 32760, 32768, 40000, 8 * (words - 1)] {
        let v = b.int();
        b.push(Inst::Load { dst: v, base: fr, disp });
        outs.push(v);
    }
    for disp in [-8, -256, -800, -264, 3, 13, 255] {
        let v = b.int();
        b.push(Inst::Load { dst: v, base: mid, disp });
        outs.push(v);
    }
    for disp in [0, 1, 7, 4095, 4096, 40001, -1, -257] {
        let v = b.int();
        b.push(Inst::Load8 { dst: v, base: mid, disp });
        outs.push(v);
    }
    // stores of loaded values elsewhere, and of floats
    for (k, disp) in [16, -16, 33000, 8 * (words - 102), 5].into_iter().enumerate() {
        b.push(Inst::Store { base: mid, disp, src: outs[k] });
    }
    let xf = b.float();
    b.push(Inst::LoadF { dst: xf, base: fr, disp: 40000 });
    b.push(Inst::StoreF { base: fr, disp: 40008, src: xf });
    let yf = b.float();
    b.push(Inst::LoadF { dst: yf, base: mid, disp: -24 });
    b.push(Inst::StoreF { base: mid, disp: -32, src: yf });
    outs.push(xf);
    let f = b.finish(outs.clone());
    let frame: Vec<u64> = (0..words as u64).map(|k| k.wrapping_mul(0x0101_0101_0101_0101) ^ (k << 56)).collect();
    let r = run(&f, &frame);
    let word = |a: i64| frame[(a / 8) as usize];
    let byte = |a: i64| (word(a) >> (8 * (a % 8))) & 0xff;
    let unaligned = |a: i64| (word(a - a % 8) >> (8 * (a % 8))) | word(a - a % 8 + 8) << (64 - 8 * (a % 8));
    assert_eq!(r.exit, 0);
    assert_eq!(r.ctx[0], word(0));
    assert_eq!(r.ctx[4], word(32768));
    assert_eq!(r.ctx[5], word(40000));
    assert_eq!(r.ctx[7], word(792));
    assert_eq!(r.ctx[9], word(0));
    assert_eq!(r.ctx[11], unaligned(803));
    assert_eq!(r.ctx[13], unaligned(1055));
    assert_eq!(r.ctx[14], byte(800));
    assert_eq!(r.ctx[16], byte(807));
    assert_eq!(r.ctx[19], byte(40801));
    assert_eq!(r.ctx[21], byte(543));
    assert_eq!(r.ctx[22], word(40000));
    assert_eq!(r.frame[816 / 8], word(0));
    assert_eq!(r.frame[784 / 8], word(8));
    assert_eq!(r.frame[40008 / 8], word(40000));
    assert_eq!(r.frame[768 / 8], word(776));
}

// ---------------------------------------------------------------- calls

#[test]
fn calls_keep_values_live_across() {
    let h = Helpers::new();
    let mut b = B::new();
    // twelve values live across the calls: more than the ten callee-saved registers
    let vals: Vec<VReg> = (0..12).map(|k| b.load(k)).collect();
    let fl: Vec<VReg> = (0..10).map(|k| b.loadf(k)).collect();
    let r0 = b.int();
    b.push(Inst::Call { target: H0(), args: vec![], ret: Some(r0) });
    let r2 = b.int();
    b.push(Inst::Call { target: H2(), args: vec![vals[1], vals[0]], ret: Some(r2) });
    let r8 = b.int();
    b.push(Inst::Call { target: H8(), args: vec![vals[7], vals[6], vals[5], vals[4], vals[3], vals[2], vals[1], r2], ret: Some(r8) });
    let rc = b.int();
    b.push(Inst::Call { target: h.clobber, args: vec![r8, vals[11]], ret: Some(rc) });
    b.push(Inst::Call { target: h.clobber, args: vec![rc, rc], ret: None });
    let mut acc = rc;
    for &v in &vals {
        acc = b.bin(IntOp::Xor, acc, R(v));
    }
    let mut facc = fl[0];
    for &x in &fl[1..] {
        facc = b.fbin(FOp::Add, facc, x);
    }
    let f = b.finish(vec![r0, r2, r8, rc, acc, facc]);
    let frame: Vec<u64> = (0..12u64).map(|k| (k + 1) * 0x1111 + (1 << 52) * 1023).collect();
    let r = run_h(&f, &frame, &h);
    let w = |k: usize| frame[k];
    assert_eq!(r.ctx[0], helper0());
    assert_eq!(r.ctx[1], helper2(w(1), w(0)));
    let e8 = helper8(w(7), w(6), w(5), w(4), w(3), w(2), w(1), helper2(w(1), w(0)));
    assert_eq!(r.ctx[2], e8);
    assert_eq!(r.ctx[3], clobber_semantics(&[e8, w(11)]));
    assert_eq!(r.ctx[4], frame.iter().fold(r.ctx[3], |a, &x| a ^ x));
    let (a, e) = compile(&f);
    assert_eq!(e.stats.helper_calls, 5);
    assert_eq!(a.int_callee_saved_used.len(), 10);
    assert!(e.stats.spills > 0 && e.stats.reloads > 0, "{:?}", e.stats);
    assert_clean_disassembly(&e);
}

/// A loop variable's next value computed before a call: it must not be put in the loop
/// variable's (caller-saved) register before the call.
#[test]
fn loop_variable_next_value_across_a_call() {
    let h = Helpers::new();
    let mut b = B::new();
    let n = b.load(0);
    let i = b.iconst(0);
    let v = b.iconst(-1);
    b.push(Inst::LoopStart);
    let done = b.exit(vec![v, i]);
    b.push(Inst::Guard { cc: Cc::Lt, a: i, b: R(n), exit: done });
    let v2 = b.bin(IntOp::Add, i, Imm(100));
    let i2 = b.bin(IntOp::Add, i, Imm(1));
    b.push(Inst::Call { target: h.clobber, args: vec![i2, i2], ret: None });
    b.push(Inst::Jump { moves: vec![(i, i2), (v, v2)] });
    let f = b.f;
    let a = allocate(&f, &TARGET);
    assert!(matches!(a.loc(v), Loc::Reg(r) if !TARGET.int.callee_saved.contains(&r)), "v in a caller-saved register");
    let (_, e) = compile(&f);
    let d = disasm(&e);
    let call = d.iter().position(|l| l.starts_with("blr")).expect("the call");
    assert!(d[call..].iter().any(|l| l.starts_with("mov x") && !l.contains('#')), "v <- v2 after the call: {d:#?}");
    for n in [0u64, 1, 5] {
        let r = run_h(&f, &[n], &h);
        assert_eq!(r.ctx, vec![if n == 0 { u64::MAX } else { n - 1 + 100 }, n]);
    }
}

// ---------------------------------------------------------------- register pressure

#[test]
fn high_register_pressure_spills_and_reloads() {
    let mut b = B::new();
    let ints: Vec<VReg> = (0..40).map(|k| b.load(k)).collect();
    let floats: Vec<VReg> = (0..40).map(|k| b.loadf(40 + k)).collect();
    // combine in reverse so all stay live, products with overflow exits reading many values
    let e = b.exit(ints[..20].to_vec());
    let mut acc = b.iconst(1);
    for (k, &v) in ints.iter().enumerate().rev() {
        let t = b.bin(IntOp::Mul, v, Imm(k as i32 + 1));
        acc = b.binov(OvOp::Add, acc, R(t), e);
    }
    let mut facc = b.fconst(0.5);
    for &x in floats.iter().rev() {
        facc = b.fbin(FOp::Mul, facc, x);
        facc = b.fbin(FOp::Add, facc, x);
    }
    let f = b.finish(vec![acc, facc, ints[0], floats[0]]);
    let frame: Vec<u64> = (0..80u64).map(|k| if k < 40 { k * 3 + 1 } else { (1.0 + k as f64 / 64.0).to_bits() }).collect();
    let r = run(&f, &frame);
    let want = 1 + (0..40u64).map(|k| (k * 3 + 1) * (k + 1)).sum::<u64>();
    assert_eq!((r.exit, r.ctx[0]), (1, want));
    let (_, e) = compile(&f);
    assert!(e.stats.spills > 0 && e.stats.reloads > 0, "{:?}", e.stats);
    assert_clean_disassembly(&e);
}

/// More than 4096 spill slots: slot offsets beyond `ldr`'s scaled range, the frame
/// beyond one `sub sp` immediate.
#[test]
fn very_large_frame() {
    let mut b = B::new();
    let vals: Vec<VReg> = (0..4200).map(|k| b.iconst(k * 7 + 1)).collect();
    let mut acc = b.iconst(0);
    for &v in vals.iter().rev() {
        acc = b.bin(IntOp::Add, acc, R(v));
    }
    let f = b.finish(vec![acc, vals[0], vals[4199]]);
    let r = run(&f, &[]);
    assert_eq!(r.ctx, vec![(0..4200u64).map(|k| k * 7 + 1).sum::<u64>(), 1, 4199 * 7 + 1]);
    let (a, _) = compile(&f);
    assert!(a.spill_slots > 4096);
}

// ---------------------------------------------------------------- loops, parallel moves

#[test]
fn parallel_move_cycles_at_the_jump() {
    // a, b swap; c, d, e rotate; x, y (floats) swap; every iteration, n times; also a loop
    // variable the body never reads (z) and one moved from an invariant (w <- k)
    let mut b = B::new();
    let n = b.load(0);
    let k = b.load(1);
    let i = b.iconst(0);
    let va = b.iconst(1);
    let vb = b.iconst(2);
    let vc = b.iconst(3);
    let vd = b.iconst(4);
    let ve = b.iconst(5);
    let z = b.iconst(6);
    let w = b.iconst(7);
    let x = b.fconst(1.5);
    let y = b.fconst(-2.0);
    // p, q, r rotate; half_spilled puts q and r (odd vregs) in spill slots, so the float
    // cycle mixes register and slot-to-slot moves
    let p = b.fconst(10.0);
    let q = b.fconst(20.0);
    let pad = b.fconst(0.25);
    let r = b.fconst(30.0);
    assert_eq!((p.0, q.0, r.0), (14, 15, 17));
    b.push(Inst::LoopStart);
    let done = b.exit(vec![va, vb, vc, vd, ve, x, y, w, i, p, q, r, pad]);
    b.push(Inst::Guard { cc: Cc::Lt, a: i, b: R(n), exit: done });
    let i2 = b.bin(IntOp::Add, i, Imm(1));
    let z2 = b.bin(IntOp::Add, i2, R(k));
    b.push(Inst::Jump { moves: vec![(i, i2), (va, vb), (vb, va), (vc, vd), (vd, ve), (ve, vc), (x, y), (y, x), (z, z2), (w, k), (p, q), (q, r), (r, p)] });
    let f = b.f;
    for n in [0u64, 1, 2, 3, 5, 6, 7] {
        let r = run(&f, &[n, 99]);
        let rot = [3u64, 4, 5];
        let ab = if n % 2 == 0 { [1, 2] } else { [2, 1] };
        let xy = if n % 2 == 0 { [1.5f64, -2.0] } else { [-2.0, 1.5] };
        let want = vec![
            ab[0],
            ab[1],
            rot[(n % 3) as usize],
            rot[(n as usize + 1) % 3],
            rot[(n as usize + 2) % 3],
            xy[0].to_bits(),
            xy[1].to_bits(),
            if n == 0 { 7 } else { 99 },
            n,
        ];
        let pqr = [10.0f64, 20.0, 30.0];
        let mut want = want;
        want.extend((0..3).map(|j| pqr[(j + n as usize) % 3].to_bits()));
        want.push(0.25f64.to_bits());
        assert_eq!((r.exit, r.ctx), (0, want), "n = {n}");
    }
}

// ---------------------------------------------------------------- exits and patching

#[test]
fn exit_branches_are_patchable_jumps_to_the_stubs() {
    let mut b = B::new();
    let x = b.load(0);
    let e0 = b.exit(vec![x]);
    let unused = b.exit(vec![]);
    let e2 = b.exit(vec![x, x]);
    // three guards share exit 0 (GuardType-like), one goes to exit 2
    b.push(Inst::Guard { cc: Cc::Ne, a: x, b: Imm(0), exit: e0 });
    let t = b.bin(IntOp::And, x, Imm(1));
    b.push(Inst::Guard { cc: Cc::Eq, a: t, b: Imm(0), exit: e0 });
    b.push(Inst::Guard { cc: Cc::Lt, a: x, b: Imm(1000), exit: e0 });
    b.push(Inst::Guard { cc: Cc::Ne, a: x, b: Imm(500), exit: e2 });
    let f = b.finish(vec![]);
    let (a, e) = compile(&f);
    assert_eq!(e.exit_branches[unused.0 as usize], NO_EXIT_BRANCH);
    let d = disasm(&e);
    for ex in [e0, e2] {
        let at = e.exit_branches[ex.0 as usize];
        assert_eq!(d[at as usize / 4], format!("b {:#x}", at + 4), "exit {ex:?}: a `b` to the next word");
    }
    // the guards: cbz, tbnz on bit 0, cmp + b.ge, cmp + b.eq, all to exit 0's stub
    let s0 = e.exit_branches[0];
    let Loc::Reg(rx) = a.loc(x) else { panic!("x in a register") };
    assert_eq!(d[3], format!("cbz x{rx}, {s0:#x}"));
    assert_eq!(d[4], format!("tbnz w{rx}, #0, {s0:#x}"));
    assert_eq!(&d[5..7], [format!("cmp x{rx}, #0x3e8"), format!("b.ge {s0:#x}")]);
    // patching exit 0's branch to exit 2's stub: failing any of the three guards now
    // leaves through exit 2 (the stub bodies stay as they were)
    let mut code = e.code.clone();
    super::patch_branch(&mut code, s0 as usize, e.exit_branches[2] as usize).expect("in range");
    let patched = Emitted { code, exit_branches: e.exit_branches.clone(), stats: e.stats };
    let _ = &patched;
    #[cfg(target_arch = "aarch64")]
    for (x, want) in [(0u64, 2u32), (5, 2), (2000, 2), (500, 2), (502, 3)] {
        let r = native(&f, &patched, &[x]);
        assert_eq!(r.exit, want, "x = {x}");
    }
    for (x, want) in [(0u64, 0u32), (5, 0), (2000, 0), (500, 2), (502, 3)] {
        assert_eq!(run(&f, &[x]).exit, want, "x = {x}");
    }
}

/// More than 32 KiB between a bit test and its stub: tbz cannot reach, the lowering
/// falls back to tst + b.cond.
#[test]
fn far_stubs_fall_back_from_tbz() {
    let mut b = B::new();
    let x = b.load(0);
    let e = b.exit(vec![x]);
    let t = b.bin(IntOp::And, x, Imm(1));
    b.push(Inst::Guard { cc: Cc::Ne, a: t, b: Imm(0), exit: e });
    let mut acc = x;
    for k in 0..9000 {
        acc = b.bin(if k % 2 == 0 { IntOp::Add } else { IntOp::Xor }, acc, Imm(k));
    }
    let f = b.finish(vec![acc]);
    let (_, em) = compile(&f);
    assert!(em.code.len() > 36_000);
    let d = disasm(&em);
    assert!(!d.iter().any(|l| l.starts_with("tb")), "no tbz/tbnz left");
    assert!(d.iter().any(|l| l.starts_with("tst x")));
    assert_eq!(run(&f, &[2]).exit, 0);
    let r = run(&f, &[3]);
    assert_eq!(r.exit, 1);
}

// ---------------------------------------------------------------- code shape

#[test]
fn immediates_fold_and_guards_fuse() {
    let mut b = B::new();
    let x = b.load(0);
    let y = b.load(1);
    let e = b.exit(vec![x, y]);
    let a1 = b.bin(IntOp::Add, x, Imm(-5)); // sub #5
    let a2 = b.bin(IntOp::Sub, a1, Imm(4096)); // sub #1, lsl #12
    let a3 = b.bin(IntOp::And, a2, Imm(0xff)); // and #0xff
    let a4 = b.bin(IntOp::Or, a3, Imm(0x12345)); // not a bitmask: mov x17 + orr
    let a5 = b.bin(IntOp::Xor, a4, Imm(-1)); // eor #-1? not encodable as bitmask (all ones): mov + eor
    let a6 = b.bin(IntOp::Mul, a5, Imm(0)); // xzr
    b.push(Inst::Guard { cc: Cc::Ge, a: a6, b: Imm(-3), exit: e }); // cmn #3; b.lt
    b.push(Inst::Guard { cc: Cc::Lt, a: y, b: Imm(0), exit: e }); // tbz #63
    let t = b.setcc(Cc::Below, x, R(y));
    b.push(Inst::Guard { cc: Cc::Ne, a: t, b: Imm(0), exit: e }); // cmp; b.hs
    let m = b.binov(OvOp::Mul, x, R(y), e); // smulh, mul, cmp asr, b.ne
    let f = b.finish(vec![m, a5]);
    let (a, em) = compile(&f);
    let d = disasm(&em);
    let r = |v: VReg| match a.loc(v) {
        Loc::Reg(n) => format!("x{n}"),
        Loc::Stack(_) => panic!("no spills here"),
    };
    let s = em.exit_branches[0];
    let want = vec![
        "stp x29, x30, [sp, #-16]!".to_string(),
        "mov x29, sp".into(),
        format!("ldr {}, [x1]", r(x)),
        format!("ldr {}, [x1, #8]", r(y)),
        format!("sub {}, {}, #0x5", r(a1), r(x)),
        format!("sub {}, {}, #0x1, lsl #12", r(a2), r(a1)),
        format!("and {}, {}, #0xff", r(a3), r(a2)),
        "mov x17, #0x2345".into(),
        "movk x17, #0x1, lsl #16".into(),
        format!("orr {}, {}, x17", r(a4), r(a3)),
        "mov x17, #0xffffffffffffffff".into(),
        format!("eor {}, {}, x17", r(a5), r(a4)),
        format!("mul {}, {}, xzr", r(a6), r(a5)),
        format!("cmn {}, #0x3", r(a6)),
        format!("b.lt {s:#x}"),
        format!("tbz {}, #63, {s:#x}", r(y)),
        format!("cmp {}, {}", r(x), r(y)),
        format!("b.cs {s:#x}"),
        format!("smulh x16, {}, {}", r(x), r(y)),
        format!("mul {}, {}, {}", r(m), r(x), r(y)),
        format!("cmp x16, {}, asr #63", r(m)),
        format!("b.ne {s:#x}"),
    ];
    assert_eq!(&d[..want.len()], &want[..]);
    for (x, y) in [(10i64, 20i64), (-7, 3), (3, -7), (1 << 40, 1 << 30)] {
        let _ = run(&f, &[x as u64, y as u64]);
    }
}

/// Operands that are `Iconst` vregs become immediates where they encode (the JIT's
/// frontend passes Python constants as vregs); an `Iconst` all of whose readers fold is
/// not emitted, one with a reader that cannot fold stays in its register.
#[test]
fn constant_vregs_fold_into_immediates() {
    let mut b = B::new();
    let x = b.load(0);
    let two = b.iconst(2);
    let zero = b.iconst(0);
    let mask = b.iconst(0xff00);
    let big = b.iconst(0x1234_5678_9abc);
    let neg = b.iconst(-4096);
    let e = b.exit(vec![x]);
    let s1 = b.binov(OvOp::Add, x, R(two), e); // adds #2
    let s2 = b.bin(IntOp::And, s1, R(mask)); // and #0xff00
    let s3 = b.bin(IntOp::Add, s2, R(big)); // add with big's register
    let s4 = b.bin(IntOp::Mul, s3, R(big)); // mul with big's register
    b.push(Inst::Guard { cc: Cc::Ne, a: s4, b: R(zero), exit: e }); // cbz
    b.push(Inst::Guard { cc: Cc::Gt, a: s1, b: R(neg), exit: e }); // cmn #4096 (lsl 12)
    let t = b.setcc(Cc::Eq, s2, R(zero)); // cmp #0
    let f = b.finish(vec![s4, t, s1]);
    let (a, em) = compile(&f);
    let d = disasm(&em);
    let reg = |v: VReg| match a.loc(v) {
        Loc::Reg(n) => format!("x{n}"),
        Loc::Stack(_) => panic!("no spills here"),
    };
    let st = em.exit_branches[0];
    let want = vec![
        "stp x29, x30, [sp, #-16]!".to_string(),
        "mov x29, sp".into(),
        format!("ldr {}, [x1]", reg(x)),
        // two, zero, mask, neg: folded everywhere, not materialised; big is
        format!("mov {}, #0x9abc", reg(big)),
        format!("movk {}, #0x5678, lsl #16", reg(big)),
        format!("movk {}, #0x1234, lsl #32", reg(big)),
        format!("adds {}, {}, #0x2", reg(s1), reg(x)),
        format!("b.vs {st:#x}"),
        format!("and {}, {}, #0xff00", reg(s2), reg(s1)),
        format!("add {}, {}, {}", reg(s3), reg(s2), reg(big)),
        format!("mul {}, {}, {}", reg(s4), reg(s3), reg(big)),
        format!("cbz {}, {st:#x}", reg(s4)),
        format!("cmn {}, #0x1, lsl #12", reg(s1)),
        format!("b.le {st:#x}"),
        format!("cmp {}, #0x0", reg(s2)),
        format!("cset {}, eq", reg(t)),
    ];
    assert_eq!(&d[..want.len()], &want[..]);
    for x in [0i64, 1, 0xff00, -4100, i64::MAX] {
        let r = run(&f, &[x as u64]);
        let s1 = x.checked_add(2);
        match s1 {
            None => assert_eq!(r.exit, 0),
            Some(s1) => {
                let s4 = ((s1 & 0xff00) + 0x1234_5678_9abc).wrapping_mul(0x1234_5678_9abc);
                let pass = s4 != 0 && s1 > -4096;
                assert_eq!(r.exit, pass as u32, "{x}");
                if pass {
                    assert_eq!(r.ctx, vec![s4 as u64, (s1 & 0xff00 == 0) as u64, s1 as u64]);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- what the lowering refuses

#[test]
fn malformed_functions_are_errors_not_panics() {
    let check = |f: &Func, a: &Allocation, what: &str| match emit(f, a) {
        Err(EmitError::Unsupported(m)) => assert!(m.contains(what), "{m}"),
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("{what}: emitted"),
    };
    // no Jump/Exit at the end
    let mut b = B::new();
    let _ = b.iconst(1);
    let f = b.f;
    check(&f, &allocate(&f, &TARGET), "must end");
    // a float in an integer operation
    let mut b = B::new();
    let x = b.fconst(1.0);
    let y = b.int();
    b.push(Inst::Bin { op: IntOp::Add, dst: y, a: x, b: Imm(1) });
    let f = b.finish(vec![y]);
    check(&f, &allocate(&f, &TARGET), "is not Int");
    // nine call arguments
    let mut b = B::new();
    let x = b.iconst(1);
    b.push(Inst::Call { target: 0, args: vec![x; 9], ret: None });
    let f = b.finish(vec![]);
    check(&f, &allocate(&f, &TARGET), "arguments");
    // a Param after other instructions
    let mut b = B::new();
    let _ = b.iconst(1);
    let p = b.int();
    b.push(Inst::Param { dst: p, index: 2 });
    let f = b.finish(vec![p]);
    check(&f, &allocate(&f, &TARGET), "Param after");
    // an allocation naming a scratch register
    let mut b = B::new();
    let x = b.iconst(1);
    let f = b.finish(vec![x]);
    let mut a = allocate(&f, &TARGET);
    a.locs[x.0 as usize] = Some(Loc::Reg(16));
    check(&f, &a, "not allocatable");
    // a callee-saved register the allocation uses but does not list for saving, or lists twice
    let mut b = B::new();
    let x = b.iconst(1);
    let f = b.finish(vec![x]);
    let mut a = allocate(&f, &TARGET);
    a.locs[x.0 as usize] = Some(Loc::Reg(19));
    check(&f, &a, "missing from the registers to save");
    a.int_callee_saved_used = vec![19, 19];
    check(&f, &a, "increasing order");
    a.int_callee_saved_used = vec![19, 31];
    check(&f, &a, "increasing order");
    // Jump without LoopStart
    let mut b = B::new();
    let x = b.iconst(1);
    b.push(Inst::Jump { moves: vec![(x, x)] });
    let f = b.f;
    check(&f, &allocate(&f, &TARGET), "without LoopStart");
    // exits with values but no ctx
    let mut b = B::new();
    let x = b.iconst(1);
    let mut f = b.finish(vec![x]);
    f.ctx = None;
    check(&f, &allocate(&f, &TARGET), "ctx");
}

// ---------------------------------------------------------------- random programs

/// xorshift64*
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

const FRAME_WORDS: usize = 64;

fn rand_imm(r: &mut Rng) -> i32 {
    r.pick(&[0, 1, -1, 5, -5, 4095, 4096, -4096, 0xff, 0x0ff0, 0x12345, i32::MAX, i32::MIN, 1 << 20, 63, 2])
}

/// A random program: values loaded and built before an optional loop, a loop body of
/// random instructions with guards (exits with random live values), and a Jump that
/// permutes the loop variables.
fn random_program(r: &mut Rng, h: &Helpers) -> Func {
    let mut b = B::new();
    let mut ints: Vec<VReg> = vec![b.frame];
    let mut floats: Vec<VReg> = vec![];
    for _ in 0..2 + r.below(12) {
        let v = if r.chance(50) { b.load(r.below(FRAME_WORDS) as i32) } else { b.iconst(r.next() as i64 >> r.below(64)) };
        ints.push(v);
    }
    for _ in 0..1 + r.below(8) {
        let v = if r.chance(50) { b.loadf(r.below(FRAME_WORDS) as i32) } else { b.fconst(r.pick(&[0.0, 1.5, -3.25, 1e10, 0.1])) };
        floats.push(v);
    }
    let looping = r.chance(60);
    let (mut count, mut limit, mut lint, mut lfl) = (None, None, vec![], vec![]);
    if looping {
        let c = b.iconst(0);
        let n = b.iconst(1 + r.below(20) as i64);
        count = Some(c);
        limit = Some(n);
        ints.push(n);
        for _ in 0..r.below(6) {
            let v = b.iconst(r.next() as i64 >> r.below(64));
            lint.push(v);
        }
        for _ in 0..r.below(4) {
            let v = b.fconst(r.pick(&[2.0, -0.5, 3.0]));
            lfl.push(v);
        }
        ints.extend(&lint);
        floats.extend(&lfl);
        ints.push(c);
        b.push(Inst::LoopStart);
        let e = b.exit(vec![c]);
        b.push(Inst::Guard { cc: Cc::Lt, a: c, b: R(n), exit: e });
    }
    let rand_exit = |r: &mut Rng, b: &mut B, ints: &[VReg], floats: &[VReg]| {
        let mut vals = vec![];
        for _ in 0..r.below(10) {
            vals.push(if r.chance(70) || floats.is_empty() { r.pick(ints) } else { r.pick(floats) });
        }
        b.exit(vals)
    };
    for _ in 0..5 + r.below(40) {
        let a = r.pick(&ints);
        let bo = if r.chance(40) { Imm(rand_imm(r)) } else { R(r.pick(&ints)) };
        match r.below(17) {
            0..=2 => {
                let op = r.pick(&[IntOp::Add, IntOp::Sub, IntOp::Mul, IntOp::And, IntOp::Or, IntOp::Xor]);
                ints.push(b.bin(op, a, bo));
            }
            3 => {
                let e = rand_exit(r, &mut b, &ints, &floats);
                let op = r.pick(&[OvOp::Add, OvOp::Sub, OvOp::Mul]);
                ints.push(b.binov(op, a, bo, e));
            }
            4 => {
                let dst = b.int();
                let op = r.pick(&[ShiftOp::Shl, ShiftOp::Sar, ShiftOp::Shr]);
                b.push(Inst::Shift { op, dst, a, amount: r.below(64) as u8 });
                ints.push(dst);
            }
            5 => ints.push(b.setcc(r.pick(&ALL_CC), a, bo)),
            6 => {
                // guards that rarely fail, and any guard
                let e = rand_exit(r, &mut b, &ints, &floats);
                if r.chance(70) {
                    b.push(Inst::Guard { cc: Cc::Ne, a, b: Imm(0x5a5a5), exit: e });
                } else {
                    b.push(Inst::Guard { cc: r.pick(&ALL_CC), a, b: bo, exit: e });
                }
            }
            7 => {
                // fused forms, the result sometimes in the guard's own exit (its stub
                // then stores the value that made the guard fail)
                let t = if r.chance(50) {
                    b.setcc(r.pick(&ALL_CC), a, bo)
                } else {
                    let bit = Imm(1 << r.below(31));
                    b.bin(IntOp::And, a, r.pick(&[Imm(1), bit, Imm(0x0ff0), bo]))
                };
                let e = rand_exit(r, &mut b, &ints, &floats);
                if r.chance(50) {
                    b.f.exits[e.0 as usize].push(t);
                }
                b.push(Inst::Guard { cc: r.pick(&[Cc::Eq, Cc::Ne]), a: t, b: Imm(0), exit: e });
            }
            8 => {
                let dst = b.int();
                let disp = 8 * r.below(FRAME_WORDS) as i32;
                if r.chance(50) {
                    b.push(Inst::Load { dst, base: b.frame, disp });
                } else {
                    b.push(Inst::Load8 { dst, base: b.frame, disp: disp + r.below(8) as i32 });
                }
                ints.push(dst);
            }
            9 => {
                let disp = 8 * r.below(FRAME_WORDS) as i32;
                if r.chance(60) || floats.is_empty() {
                    b.push(Inst::Store { base: b.frame, disp, src: a });
                } else {
                    b.push(Inst::StoreF { base: b.frame, disp, src: r.pick(&floats) });
                }
            }
            10 if !floats.is_empty() => {
                let op = r.pick(&[FOp::Add, FOp::Sub, FOp::Mul, FOp::Div]);
                let (x, y) = (r.pick(&floats), r.pick(&floats));
                floats.push(b.fbin(op, x, y));
            }
            11 if !floats.is_empty() => {
                let (x, y) = (r.pick(&floats), r.pick(&floats));
                let cc = r.pick(&ALL_FCC);
                if r.chance(50) {
                    ints.push(b.fsetcc(cc, x, y));
                } else {
                    let e = rand_exit(r, &mut b, &ints, &floats);
                    b.push(Inst::GuardF { cc, a: x, b: y, exit: e });
                }
            }
            12 => {
                let dst = b.float();
                b.push(Inst::IntToFloat { dst, src: a });
                floats.push(dst);
            }
            13 => {
                let dst = b.float();
                b.push(Inst::LoadF { dst, base: b.frame, disp: 8 * r.below(FRAME_WORDS) as i32 });
                floats.push(dst);
            }
            14 => {
                let (t, args): (u64, Vec<VReg>) = match r.below(4) {
                    0 => (H0(), vec![]),
                    1 => (H2(), vec![r.pick(&ints), r.pick(&ints)]),
                    2 => (H8(), (0..8).map(|_| r.pick(&ints)).collect()),
                    _ => (h.clobber, vec![r.pick(&ints), r.pick(&ints)]),
                };
                let ret = if r.chance(80) { Some(b.int()) } else { None };
                b.push(Inst::Call { target: t, args, ret });
                ints.extend(ret);
            }
            15 => {
                let dst = b.int();
                b.push(Inst::Move { dst, src: a });
                ints.push(dst);
            }
            _ => {
                // constants: small ones fold into immediates where they are read
                let k = if r.chance(50) { rand_imm(r) as i64 } else { r.next() as i64 >> r.below(64) };
                ints.push(b.iconst(k));
            }
        }
    }
    if looping {
        let c = count.expect("loop counter");
        let c2 = b.bin(IntOp::Add, c, Imm(1));
        let mut moves = vec![(c, c2)];
        let body_ints: Vec<VReg> = ints.iter().copied().filter(|v| Some(*v) != limit).collect();
        for &v in &lint {
            let src = match r.below(3) {
                0 => r.pick(&lint),
                1 => r.pick(&body_ints),
                _ => {
                    // v = v +/- x with an overflow exit that stores v (and x): computed in
                    // v's register, the exit's pad recomputes v
                    let mut vals = vec![v];
                    let x = if r.chance(50) { Imm(rand_imm(r)) } else { R(r.pick(&body_ints)) };
                    if let R(x) = x {
                        vals.push(x);
                    }
                    if r.chance(50) {
                        vals.push(r.pick(&body_ints));
                    }
                    let e = b.exit(vals);
                    b.binov(r.pick(&[OvOp::Add, OvOp::Sub]), v, x, e)
                }
            };
            moves.push((v, src));
        }
        for &v in &lfl {
            moves.push((v, r.pick(&floats)));
        }
        b.push(Inst::Jump { moves });
        b.f
    } else {
        let mut vals: Vec<VReg> = ints.clone();
        vals.extend(&floats);
        b.finish(vals)
    }
}

#[test]
fn random_programs_agree_with_the_interpreter() {
    let h = Helpers::new();
    // PYJIT_LOWER_RANDOM=count[,seed] runs more (or other) programs
    let env = std::env::var("PYJIT_LOWER_RANDOM").unwrap_or_default();
    let mut parts = env.split(',').map(|p| p.trim().parse::<u64>().ok());
    let n = parts.next().flatten().unwrap_or(if cfg!(target_arch = "aarch64") { 400 } else { 150 });
    let mut r = Rng(parts.next().flatten().unwrap_or(0x9e37_79b9_7f4a_7c15) | 1);
    let mut exits = [0usize; 4];
    for k in 0..n {
        let f = random_program(&mut r, &h);
        let frame: Vec<u64> = (0..FRAME_WORDS).map(|_| r.next() >> r.below(64)).collect();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_h(&f, &frame, &h)));
        match run {
            Ok(res) => exits[(res.exit as usize).min(3)] += 1,
            Err(e) => {
                eprintln!("program {k}:\n{f}");
                std::panic::resume_unwind(e);
            }
        }
    }
    // the programs leave through many different exits
    assert!(exits.iter().filter(|&&c| c > 0).count() >= 3, "{exits:?}");
}

