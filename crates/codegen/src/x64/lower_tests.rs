//! Tests of the x86-64 lowering: LIR functions built by hand, allocated with `TARGET` (and
//! with hand-made allocations: every value spilled, few registers, a result sharing an
//! input's location), emitted and disassembled by objdump on every host (the instruction
//! count must match the lowering's), and run natively on x86-64 hosts.
#![allow(unsafe_code)]

use super::encode::Asm;
use super::encode_tests::disassemble;
use super::lower::{emit, TARGET};
use super::regs::*;
use crate::codemem::CodeMemory;
use crate::lir::*;
use crate::lower_common::{EmitError, Emitted};
use crate::regalloc::{allocate, Allocation, Loc, RegSet, Target};

// ---- harness ------------------------------------------------------------------------------

/// Every vreg in a spill slot of its own.
fn all_spilled(f: &Func) -> Allocation {
    let n = f.classes.len() as u32;
    Allocation { locs: (0..n).map(|k| Some(Loc::Stack(k))).collect(), spill_slots: n, spilled: n, ..Default::default() }
}

/// Two general registers (one callee-saved) and one xmm register: values mix registers and slots.
const TIGHT: Target = Target {
    int: RegSet { allocatable: &[1, 3], callee_saved: &[3] },
    float: RegSet { allocatable: &[2], callee_saved: &[] },
};

/// The allocations every function is tried with: the allocator's over `TARGET`, over
/// `TIGHT`, and everything spilled.
fn allocations(f: &Func) -> Vec<(&'static str, Allocation)> {
    vec![("target", allocate(f, &TARGET)), ("tight", allocate(f, &TIGHT)), ("spilled", all_spilled(f))]
}

fn listing_text(listing: &[(usize, String)]) -> String {
    listing.iter().map(|(o, t)| format!("{o:5x}: {t}\n")).collect()
}

/// Lowers `f` with `alloc` and checks the code: objdump decodes it into exactly as many
/// valid instructions as the lowering counted, and every exit branch is a patchable
/// `jcc rel32`/`jmp rel32`.
fn lower(f: &Func, alloc: &Allocation) -> Emitted {
    let e = match emit(f, alloc) {
        Ok(e) => e,
        Err(err) => panic!("emit failed: {err:?}\n{f}"),
    };
    let listing = disassemble(&e.code);
    let text = listing_text(&listing);
    assert_eq!(listing.len() as u32, e.stats.insns, "instruction count\n{f}\n{text}");
    assert!(!text.contains("(bad)"), "{text}");
    assert_eq!(e.stats.bytes as usize, e.code.len());
    assert_eq!(e.exit_branches.len(), f.exits.len());
    for &b in &e.exit_branches {
        if b == u32::MAX {
            continue;
        }
        let b = b as usize;
        let c = &e.code;
        assert!(c[b] == 0xE9 || (c[b] == 0x0F && c[b + 1] & 0xF0 == 0x80), "exit branch at {b:#x}\n{text}");
        assert!(listing.iter().any(|&(o, _)| o == b), "exit branch {b:#x} is not an instruction start");
    }
    e
}

/// A lowered function in executable memory (x86-64 hosts only).
struct Loaded {
    #[cfg(target_arch = "x86_64")]
    mem: CodeMemory,
    #[cfg(target_arch = "x86_64")]
    offset: usize,
}

fn load(e: &Emitted) -> Loaded {
    #[cfg(target_arch = "x86_64")]
    {
        let mut mem = CodeMemory::new(1 << 16).expect("code memory");
        let offset = mem.place(&e.code).expect("room").offset;
        Loaded { mem, offset }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = e;
        Loaded {}
    }
}

impl Loaded {
    /// Runs the trace with an exit buffer and a frame; None on other hosts.
    fn call(&self, ctx: &mut [u64], frame: &mut [u64]) -> Option<u64> {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: the code is a lowered LIR function, an extern "C" fn(ctx, frame) -> u64
            // that touches only its own stack, the exit buffer (at most as many words as its
            // exits store: the tests size `ctx` for that), the frame words its loads and
            // stores name (the tests size `frame` for them) and the helpers it calls.
            let r = unsafe { self.mem.call2(self.offset, ctx.as_mut_ptr() as u64, frame.as_mut_ptr() as u64) };
            Some(r)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (ctx, frame);
            None
        }
    }
}

/// A function under construction with `ctx` and `frame` as its parameters.
fn func() -> (Func, VReg, VReg) {
    let mut f = Func::new();
    let ctx = f.vreg(Class::Int);
    let frame = f.vreg(Class::Int);
    f.ctx = Some(ctx);
    f.push(Inst::Param { dst: ctx, index: 0 });
    f.push(Inst::Param { dst: frame, index: 1 });
    (f, ctx, frame)
}

fn load_int(f: &mut Func, frame: VReg, k: i32) -> VReg {
    let v = f.vreg(Class::Int);
    f.push(Inst::Load { dst: v, base: frame, disp: 8 * k });
    v
}

fn load_float(f: &mut Func, frame: VReg, k: i32) -> VReg {
    let v = f.vreg(Class::Float);
    f.push(Inst::LoadF { dst: v, base: frame, disp: 8 * k });
    v
}

/// An allocation giving `fixed` locations (general registers here are caller-saved, so
/// nothing is pushed) and no location to the other vregs.
fn alloc_with(f: &Func, fixed: &[(VReg, Loc)]) -> Allocation {
    let mut locs = vec![None; f.classes.len()];
    let mut slots = 0;
    for &(v, l) in fixed {
        locs[v.0 as usize] = Some(l);
        if let Loc::Stack(k) = l {
            slots = slots.max(k + 1);
        }
    }
    Allocation { locs, spill_slots: slots, spilled: slots, ..Default::default() }
}

const P: [Loc; 2] = [Loc::Reg(7), Loc::Reg(6)]; // ctx in rdi, frame in rsi

/// Placements of (a, b, dst): registers, slots, and dst sharing a's or b's location (legal
/// when that input dies at the instruction and its exit does not store it).
fn placements(ra: u8, rb: u8, rd: u8) -> Vec<[Loc; 3]> {
    let mut out = vec![];
    for la in [Loc::Reg(ra), Loc::Stack(0)] {
        for lb in [Loc::Reg(rb), Loc::Stack(1)] {
            for ld in [Loc::Reg(rd), Loc::Stack(2), la, lb] {
                out.push([la, lb, ld]);
            }
        }
    }
    out
}

const INTS: [i64; 12] = [0, 1, -1, 2, 7, -7, 1 << 32, -(1 << 40), i64::MAX, i64::MIN, i64::MAX - 1, i64::MIN + 1];
const IMMS: [i32; 7] = [0, 1, -1, 127, 128, i32::MIN, i32::MAX];
const FLOATS: [f64; 8] = [0.0, -0.0, 1.5, -2.25, 1e300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN];

fn same_float(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

// ---- the spec's functions -------------------------------------------------------------------

/// sum = 0; i = 0; loop { guard i < n else exit0 [sum]; sum += i (overflow: exit1 [sum, i]); i += 1 }
fn counting_loop() -> Func {
    let (mut f, _, frame) = func();
    let n = load_int(&mut f, frame, 0);
    let sum = f.vreg(Class::Int);
    let i = f.vreg(Class::Int);
    let sum2 = f.vreg(Class::Int);
    let i2 = f.vreg(Class::Int);
    f.push(Inst::Iconst { dst: sum, imm: 0 });
    f.push(Inst::Iconst { dst: i, imm: 0 });
    f.push(Inst::LoopStart);
    let done = f.exit(vec![sum]);
    f.push(Inst::Guard { cc: Cc::Lt, a: i, b: Operand::Reg(n), exit: done });
    let ovf = f.exit(vec![sum, i]);
    f.push(Inst::BinOv { op: OvOp::Add, dst: sum2, a: sum, b: Operand::Reg(i), exit: ovf });
    f.push(Inst::Bin { op: IntOp::Add, dst: i2, a: i, b: Operand::Imm(1) });
    f.push(Inst::Jump { moves: vec![(sum, sum2), (i, i2)] });
    f
}

#[test]
fn counting_loop_sums_and_exits() {
    let f = counting_loop();
    for (name, alloc) in allocations(&f) {
        let e = lower(&f, &alloc);
        let code = load(&e);
        for n in [0u64, 1, 2, 10, 1000, 100_000] {
            let mut ctx = [u64::MAX; 2];
            let mut frame = [n];
            if let Some(r) = code.call(&mut ctx, &mut frame) {
                assert_eq!((r, ctx[0]), (0, n * n.saturating_sub(1) / 2), "{name} n={n}");
            }
        }
        // a sum that overflows leaves through exit 1 with the last sum and i
        let n = 5_000_000_000u64;
        let mut ctx = [0u64; 2];
        if let Some(r) = code.call(&mut ctx, &mut [n]) {
            assert_eq!(r, 1, "{name}");
            let (sum, i) = (ctx[0] as i64, ctx[1] as i64);
            assert_eq!(sum as i128, (i as i128) * (i as i128 - 1) / 2);
            assert!(sum.checked_add(i).is_none());
        }
    }
}

/// The counting loop's code, instruction by instruction: this is the figure reported for
/// the lowering's code quality, checked on every host.
#[test]
fn counting_loop_code() {
    let f = counting_loop();
    let alloc = allocate(&f, &TARGET);
    let e = lower(&f, &alloc);
    let listing = disassemble(&e.code);
    let text = listing_text(&listing);
    eprintln!("{f}\n{text}");
    let texts: Vec<&str> = listing.iter().map(|(_, t)| t.as_str()).collect();
    // the loop: from the backward jump's target to the jump
    let back = (0..listing.len())
        .find(|&k| texts[k].starts_with("jmp ") && stub_target(&listing, &texts, k, "jmp") < listing[k].0)
        .expect("backward jump");
    let target = stub_target(&listing, &texts, back, "jmp");
    let head = listing.iter().position(|&(o, _)| o == target).expect("loop header");
    assert_eq!(target % 16, 0, "loop header aligned");
    let body: Vec<&str> = texts[head..=back].to_vec();
    assert_eq!(
        body,
        [
            "cmp rcx,rsi",
            &format!("jge 0x{:x}", stub_target(&listing, &texts, head, "jge")) as &str,
            "mov r8,rdx",
            "add r8,rcx",
            &format!("jo 0x{:x}", stub_target(&listing, &texts, head, "jo")) as &str,
            // i + 1 takes i's register: i dies there and the add's exit does not store it
            "add rcx,0x1",
            "mov rdx,r8",
            &format!("jmp 0x{:x}", listing[head].0) as &str,
        ],
        "{text}"
    );
    assert_eq!(e.stats.insns, 19, "{text}");
    assert_eq!((e.stats.spills, e.stats.reloads, e.stats.helper_calls), (0, 0, 0));
}

/// The target objdump prints for the first `name` branch at or after `from`.
fn stub_target(listing: &[(usize, String)], texts: &[&str], from: usize, name: &str) -> usize {
    let k = (from..texts.len()).find(|&k| texts[k].starts_with(&format!("{name} "))).expect(name);
    let t = listing[k].1.split_whitespace().nth(1).expect("target");
    usize::from_str_radix(t.trim_start_matches("0x"), 16).expect("hex target")
}

#[test]
fn overflow_exits_keep_their_inputs() {
    // x = frame[0]; y = frame[1]; r = x op y (overflow: exit1 [x, y]); exit0 [r]
    for op in [OvOp::Add, OvOp::Sub, OvOp::Mul] {
        for b_imm in [None, Some(1), Some(-1), Some(3)] {
            let (mut f, _, frame) = func();
            let x = load_int(&mut f, frame, 0);
            let y = load_int(&mut f, frame, 1);
            let r = f.vreg(Class::Int);
            let ovf = f.exit(vec![x, y]);
            let b = b_imm.map_or(Operand::Reg(y), Operand::Imm);
            f.push(Inst::BinOv { op, dst: r, a: x, b, exit: ovf });
            let done = f.exit(vec![r]);
            f.push(Inst::Exit { exit: done });
            for (name, alloc) in allocations(&f) {
                let code = load(&lower(&f, &alloc));
                for xv in INTS {
                    for yv in INTS {
                        let bv = b_imm.map_or(yv, i64::from);
                        let want = match op {
                            OvOp::Add => xv.checked_add(bv),
                            OvOp::Sub => xv.checked_sub(bv),
                            OvOp::Mul => xv.checked_mul(bv),
                        };
                        let mut ctx = [0u64; 2];
                        let Some(ret) = code.call(&mut ctx, &mut [xv as u64, yv as u64]) else { continue };
                        match want {
                            Some(v) => assert_eq!((ret, ctx[0] as i64), (1, v), "{name} {op:?} {xv} {bv}"),
                            None => assert_eq!((ret, ctx), (0, [xv as u64, yv as u64]), "{name} {op:?} {xv} {bv}"),
                        }
                    }
                }
            }
        }
    }
}

// ---- every placement of every integer operation ---------------------------------------------

#[derive(Clone, Copy, Debug)]
enum IntKind {
    Bin(IntOp),
    Ov(OvOp),
    SetCc(Cc),
    Guard(Cc),
}

fn int_expect(k: IntKind, x: i64, y: i64) -> (u64, i64) {
    let cc = |c: Cc| match c {
        Cc::Eq => x == y,
        Cc::Ne => x != y,
        Cc::Lt => x < y,
        Cc::Le => x <= y,
        Cc::Gt => x > y,
        Cc::Ge => x >= y,
        Cc::Below => (x as u64) < y as u64,
        Cc::BelowEq => (x as u64) <= y as u64,
        Cc::Above => (x as u64) > y as u64,
        Cc::AboveEq => (x as u64) >= y as u64,
    };
    match k {
        IntKind::Bin(op) => (
            0,
            match op {
                IntOp::Add => x.wrapping_add(y),
                IntOp::Sub => x.wrapping_sub(y),
                IntOp::Mul => x.wrapping_mul(y),
                IntOp::And => x & y,
                IntOp::Or => x | y,
                IntOp::Xor => x ^ y,
            },
        ),
        IntKind::Ov(op) => match match op {
            OvOp::Add => x.checked_add(y),
            OvOp::Sub => x.checked_sub(y),
            OvOp::Mul => x.checked_mul(y),
        } {
            Some(v) => (0, v),
            None => (1, 0),
        },
        IntKind::SetCc(c) => (0, cc(c) as i64),
        IntKind::Guard(c) => (if cc(c) { 0 } else { 1 }, 0),
    }
}

/// `frame[2] = a k b` with a = frame[0] and b = frame[1], an immediate, or a itself, for
/// every placement of the operands; returns 1 when an overflow check or guard fails.
fn check_int_kind(k: IntKind) {
    enum B {
        Reg,
        Imm(i32),
        SameAsA,
    }
    let mut bs = vec![B::Reg, B::SameAsA];
    bs.extend(IMMS.map(B::Imm));
    for bk in bs {
        let (mut f, ctx, frame) = func();
        let a = load_int(&mut f, frame, 0);
        let bv = load_int(&mut f, frame, 1);
        let d = f.vreg(Class::Int);
        let b = match bk {
            B::Reg => Operand::Reg(bv),
            B::Imm(i) => Operand::Imm(i),
            B::SameAsA => Operand::Reg(a),
        };
        let fail = f.exit(vec![]);
        match k {
            IntKind::Bin(op) => f.push(Inst::Bin { op, dst: d, a, b }),
            IntKind::Ov(op) => f.push(Inst::BinOv { op, dst: d, a, b, exit: fail }),
            IntKind::SetCc(cc) => f.push(Inst::SetCc { cc, dst: d, a, b }),
            IntKind::Guard(cc) => {
                f.push(Inst::Guard { cc, a, b, exit: fail });
                f.push(Inst::Iconst { dst: d, imm: 0 });
            }
        }
        f.push(Inst::Store { base: frame, disp: 16, src: d });
        let done = f.exit(vec![]);
        f.push(Inst::Exit { exit: done });
        let mut places = placements(0, 1, 2);
        if !matches!(bk, B::Reg) {
            places.retain(|p| p[1] == Loc::Reg(1) && p[2] != p[1]);
        }
        for [la, lb, ld] in places {
            let alloc = alloc_with(&f, &[(ctx, P[0]), (frame, P[1]), (a, la), (bv, lb), (d, ld)]);
            let code = load(&lower(&f, &alloc));
            for x in INTS {
                for y in INTS {
                    let yv = match bk {
                        B::Reg => y,
                        B::Imm(i) => i as i64,
                        B::SameAsA => x,
                    };
                    let (ret, val) = int_expect(k, x, yv);
                    let mut fr = [x as u64, y as u64, 0xdead];
                    let Some(r) = code.call(&mut [0; 1], &mut fr) else { continue };
                    // exit 0 is the failure exit; the normal end is exit 1
                    assert_eq!(r, 1 - ret, "{k:?} {x} {yv} at {la:?} {lb:?} {ld:?}");
                    if ret == 0 {
                        assert_eq!(fr[2] as i64, val, "{k:?} {x} {yv} at {la:?} {lb:?} {ld:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn int_ops_in_every_placement() {
    for op in [IntOp::Add, IntOp::Sub, IntOp::Mul, IntOp::And, IntOp::Or, IntOp::Xor] {
        check_int_kind(IntKind::Bin(op));
    }
    for op in [OvOp::Add, OvOp::Sub, OvOp::Mul] {
        check_int_kind(IntKind::Ov(op));
    }
}

const CCS: [Cc; 10] = [Cc::Eq, Cc::Ne, Cc::Lt, Cc::Le, Cc::Gt, Cc::Ge, Cc::Below, Cc::BelowEq, Cc::Above, Cc::AboveEq];

#[test]
fn every_int_condition_in_every_placement() {
    for cc in CCS {
        check_int_kind(IntKind::SetCc(cc));
        check_int_kind(IntKind::Guard(cc));
    }
}

#[test]
fn shifts_in_every_placement() {
    for op in [ShiftOp::Shl, ShiftOp::Sar, ShiftOp::Shr] {
        for amount in [0u8, 1, 3, 63] {
            let (mut f, ctx, frame) = func();
            let a = load_int(&mut f, frame, 0);
            let d = f.vreg(Class::Int);
            f.push(Inst::Shift { op, dst: d, a, amount });
            f.push(Inst::Store { base: frame, disp: 8, src: d });
            let done = f.exit(vec![]);
            f.push(Inst::Exit { exit: done });
            for la in [Loc::Reg(0), Loc::Stack(0)] {
                for ld in [Loc::Reg(2), Loc::Stack(2), la] {
                    let alloc = alloc_with(&f, &[(ctx, P[0]), (frame, P[1]), (a, la), (d, ld)]);
                    let code = load(&lower(&f, &alloc));
                    for x in INTS {
                        let want = match op {
                            ShiftOp::Shl => x << amount,
                            ShiftOp::Sar => x >> amount,
                            ShiftOp::Shr => ((x as u64) >> amount) as i64,
                        };
                        let mut fr = [x as u64, 0];
                        if code.call(&mut [0; 1], &mut fr).is_some() {
                            assert_eq!(fr[1] as i64, want, "{op:?} {amount} {x} at {la:?} {ld:?}");
                        }
                    }
                }
            }
        }
    }
}

// ---- floats ---------------------------------------------------------------------------------

#[test]
fn float_arithmetic_in_every_placement() {
    for op in [FOp::Add, FOp::Sub, FOp::Mul, FOp::Div] {
        for same in [false, true] {
            let (mut f, ctx, frame) = func();
            let a = load_float(&mut f, frame, 0);
            let b = load_float(&mut f, frame, 1);
            let d = f.vreg(Class::Float);
            f.push(Inst::FBin { op, dst: d, a, b: if same { a } else { b } });
            f.push(Inst::StoreF { base: frame, disp: 16, src: d });
            let done = f.exit(vec![]);
            f.push(Inst::Exit { exit: done });
            for [la, lb, ld] in placements(0, 1, 2) {
                let alloc = alloc_with(&f, &[(ctx, P[0]), (frame, P[1]), (a, la), (b, lb), (d, ld)]);
                let code = load(&lower(&f, &alloc));
                for x in FLOATS {
                    for y in FLOATS {
                        let y = if same { x } else { y };
                        let want = match op {
                            FOp::Add => x + y,
                            FOp::Sub => x - y,
                            FOp::Mul => x * y,
                            FOp::Div => x / y,
                        };
                        let mut fr = [x.to_bits(), y.to_bits(), 0];
                        if code.call(&mut [0; 1], &mut fr).is_some() {
                            let got = f64::from_bits(fr[2]);
                            assert!(same_float(got, want), "{op:?} {x} {y}: {got} at {la:?} {lb:?} {ld:?}");
                        }
                    }
                }
            }
        }
    }
}

const FCCS: [FCc; 6] = [FCc::Eq, FCc::Ne, FCc::Lt, FCc::Le, FCc::Gt, FCc::Ge];

fn fcc_holds(cc: FCc, x: f64, y: f64) -> bool {
    match cc {
        FCc::Eq => x == y,
        FCc::Ne => x != y,
        FCc::Lt => x < y,
        FCc::Le => x <= y,
        FCc::Gt => x > y,
        FCc::Ge => x >= y,
    }
}

#[test]
fn every_float_condition_with_nans_in_every_placement() {
    for cc in FCCS {
        for guard in [false, true] {
            let (mut f, ctx, frame) = func();
            let a = load_float(&mut f, frame, 0);
            let b = load_float(&mut f, frame, 1);
            let d = f.vreg(Class::Int);
            let fail = f.exit(vec![]);
            if guard {
                f.push(Inst::GuardF { cc, a, b, exit: fail });
                f.push(Inst::Iconst { dst: d, imm: 1 });
            } else {
                f.push(Inst::FSetCc { cc, dst: d, a, b });
            }
            f.push(Inst::Store { base: frame, disp: 16, src: d });
            let done = f.exit(vec![]);
            f.push(Inst::Exit { exit: done });
            for la in [Loc::Reg(0), Loc::Stack(0)] {
                for lb in [Loc::Reg(1), Loc::Stack(1)] {
                    for ld in [Loc::Reg(2), Loc::Stack(2)] {
                        let alloc = alloc_with(&f, &[(ctx, P[0]), (frame, P[1]), (a, la), (b, lb), (d, ld)]);
                        let e = lower(&f, &alloc);
                        if guard && cc == FCc::Eq {
                            // jne and jp both leave: they go through one patchable jmp
                            assert_eq!(e.code[e.exit_branches[0] as usize], 0xE9);
                        }
                        let code = load(&e);
                        for x in FLOATS {
                            for y in FLOATS {
                                let holds = fcc_holds(cc, x, y);
                                let mut fr = [x.to_bits(), y.to_bits(), 7];
                                let Some(r) = code.call(&mut [0; 1], &mut fr) else { continue };
                                let what = format!("{cc:?} {x} {y} guard={guard} at {la:?} {lb:?} {ld:?}");
                                if guard {
                                    assert_eq!(r, holds as u64, "{what}");
                                } else {
                                    assert_eq!((r, fr[2]), (1, holds as u64), "{what}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn float_constants_conversions_and_moves() {
    // r = (float(i) * 2.5 + c) where c is a constant with every kind of bit pattern;
    // the float's bits and a moved copy go out through the exit
    for c in [0.0f64, -0.0, 1.0, 0.1, f64::MIN_POSITIVE, -1e300] {
        let (mut f, _, frame) = func();
        let i = load_int(&mut f, frame, 0);
        let fi = f.vreg(Class::Float);
        f.push(Inst::IntToFloat { dst: fi, src: i });
        let k = f.vreg(Class::Float);
        f.push(Inst::Fconst { dst: k, bits: 2.5f64.to_bits() });
        let cv = f.vreg(Class::Float);
        f.push(Inst::Fconst { dst: cv, bits: c.to_bits() });
        let p = f.vreg(Class::Float);
        f.push(Inst::FBin { op: FOp::Mul, dst: p, a: fi, b: k });
        let r = f.vreg(Class::Float);
        f.push(Inst::FBin { op: FOp::Add, dst: r, a: p, b: cv });
        let m = f.vreg(Class::Float);
        f.push(Inst::Move { dst: m, src: r });
        let big = f.vreg(Class::Int);
        f.push(Inst::Iconst { dst: big, imm: 0x1234_5678_9abc_def0 });
        let e = f.exit(vec![r, m, fi, big]);
        f.push(Inst::Exit { exit: e });
        for (name, alloc) in allocations(&f) {
            let code = load(&lower(&f, &alloc));
            for iv in [0i64, 3, -7, i64::MAX, i64::MIN] {
                let mut ctx = [0u64; 4];
                if code.call(&mut ctx, &mut [iv as u64]).is_some() {
                    let want = iv as f64 * 2.5 + c;
                    assert_eq!(ctx[0], want.to_bits(), "{name} {iv} {c}");
                    assert_eq!(ctx[1], want.to_bits());
                    assert_eq!(ctx[2], (iv as f64).to_bits());
                    assert_eq!(ctx[3], 0x1234_5678_9abc_def0);
                }
            }
        }
    }
}

// ---- memory ---------------------------------------------------------------------------------

#[test]
fn loads_and_stores_through_the_frame() {
    // frame is a pointer into the middle of an array: negative and large displacements
    let (mut f, _, frame) = func();
    let a = load_int(&mut f, frame, -2);
    let b = f.vreg(Class::Int);
    f.push(Inst::Load8 { dst: b, base: frame, disp: 8 * 3 + 1 });
    let x = load_float(&mut f, frame, 40);
    let p = load_int(&mut f, frame, 4); // a pointer stored in the frame
    let q = f.vreg(Class::Int);
    f.push(Inst::Load { dst: q, base: p, disp: 0 });
    f.push(Inst::Store { base: frame, disp: -8, src: a });
    f.push(Inst::Store { base: frame, disp: 8 * 41, src: b });
    f.push(Inst::StoreF { base: frame, disp: 8 * 42, src: x });
    f.push(Inst::Store { base: p, disp: 8, src: q });
    let y = f.vreg(Class::Float);
    f.push(Inst::FBin { op: FOp::Add, dst: y, a: x, b: x });
    f.push(Inst::StoreF { base: p, disp: 16, src: y });
    let e = f.exit(vec![a, b, x, q]);
    f.push(Inst::Exit { exit: e });
    for (name, alloc) in allocations(&f) {
        let code = load(&lower(&f, &alloc));
        let mut arr = [0u64; 64];
        let mut other = [0u64; 4];
        other[0] = 0x5151;
        arr[8] = 0xaaaa_0000_0000_0001; // frame[-2]
        arr[10 + 3] = 0x0000_0000_0000_9f00; // byte 1 of frame[3] is 0x9f
        arr[10 + 40] = 1.25f64.to_bits();
        arr[10 + 4] = other.as_mut_ptr() as u64;
        let mut ctx = [0u64; 4];
        if code.call(&mut ctx, &mut arr[10..]).is_none() {
            continue;
        }
        assert_eq!(ctx, [0xaaaa_0000_0000_0001, 0x9f, 1.25f64.to_bits(), 0x5151], "{name}");
        assert_eq!(arr[9], 0xaaaa_0000_0000_0001);
        assert_eq!(arr[10 + 41], 0x9f);
        assert_eq!(arr[10 + 42], 1.25f64.to_bits());
        assert_eq!(other[1], 0x5151);
        assert_eq!(other[2], 2.5f64.to_bits());
    }
}

// ---- calls ----------------------------------------------------------------------------------

extern "C" fn helper3(a: u64, b: u64, c: u64) -> u64 {
    a.wrapping_mul(100).wrapping_add(b.wrapping_mul(10)).wrapping_add(c)
}

/// A generated function returning its RSP on entry (8 mod 16 when the caller aligned it).
fn rsp_probe() -> (CodeMemory, u64) {
    let mut a = Asm::new();
    a.mov_rr(RAX, RSP);
    a.ret();
    let mut mem = CodeMemory::new(4096).expect("code memory");
    let r = mem.place(&a.finish().expect("in range")).expect("room");
    let addr = mem.addr(r.offset) as u64;
    (mem, addr)
}

#[test]
fn calls_keep_values_live_across_them() {
    let (_probe_mem, probe) = rsp_probe();
    let (mut f, _, frame) = func();
    let vs: Vec<VReg> = (0..8).map(|k| load_int(&mut f, frame, k)).collect();
    let x = load_float(&mut f, frame, 8);
    // arguments permuted against their registers, one repeated
    let r = f.vreg(Class::Int);
    f.push(Inst::Call { target: helper3 as *const () as usize as u64, args: vec![vs[2], vs[1], vs[2]], ret: Some(r) });
    let sp = f.vreg(Class::Int);
    f.push(Inst::Call { target: probe, args: vec![], ret: Some(sp) });
    f.push(Inst::Call { target: helper3 as *const () as usize as u64, args: vec![vs[0], r, vs[7]], ret: None });
    let mut acc = r;
    for &v in &vs {
        let s = f.vreg(Class::Int);
        f.push(Inst::Bin { op: IntOp::Add, dst: s, a: acc, b: Operand::Reg(v) });
        acc = s;
    }
    let y = f.vreg(Class::Float);
    f.push(Inst::FBin { op: FOp::Mul, dst: y, a: x, b: x });
    let e = f.exit(vec![acc, y, sp, r]);
    f.push(Inst::Exit { exit: e });
    for (name, alloc) in allocations(&f) {
        let em = lower(&f, &alloc);
        assert_eq!(em.stats.helper_calls, 3);
        let code = load(&em);
        let mut fr: Vec<u64> = (1..=8).map(|k| k * 3).collect();
        fr.push(3.0f64.to_bits());
        let mut ctx = [0u64; 4];
        if code.call(&mut ctx, &mut fr).is_none() {
            continue;
        }
        let r = helper3(9, 6, 9);
        assert_eq!(ctx[3], r, "{name}");
        assert_eq!(ctx[0], r + (1..=8).map(|k| k * 3).sum::<u64>(), "{name}");
        assert_eq!(ctx[1], 9.0f64.to_bits(), "{name}");
        assert_eq!(ctx[2] % 16, 8, "{name}: rsp not 16-aligned at the call");
    }
    // the allocator kept the values in callee-saved registers and the float in a slot
    let alloc = allocate(&f, &TARGET);
    assert!(!alloc.int_callee_saved_used.is_empty());
    assert!(matches!(alloc.loc(x), Loc::Stack(_)));
}

// ---- register pressure ----------------------------------------------------------------------

#[test]
fn high_register_pressure_spills_and_reloads() {
    // 32 integers and 20 floats all live at once, then folded with weights
    let (mut f, _, frame) = func();
    let vs: Vec<VReg> = (0..32).map(|k| load_int(&mut f, frame, k)).collect();
    let xs: Vec<VReg> = (0..20).map(|k| load_float(&mut f, frame, 32 + k)).collect();
    let mut acc = vs[0];
    for (k, &v) in vs.iter().enumerate().skip(1) {
        let w = f.vreg(Class::Int);
        f.push(Inst::Bin { op: IntOp::Mul, dst: w, a: v, b: Operand::Imm(k as i32 + 1) });
        let s = f.vreg(Class::Int);
        f.push(Inst::BinOv { op: OvOp::Add, dst: s, a: acc, b: Operand::Reg(w), exit: ExitId(0) });
        acc = s;
    }
    let mut facc = xs[0];
    for &x in &xs[1..] {
        let s = f.vreg(Class::Float);
        f.push(Inst::FBin { op: FOp::Add, dst: s, a: facc, b: x });
        facc = s;
    }
    // exit 0 (overflow) stores nothing; exit 1 stores the results
    f.exits.push(vec![]);
    let e = f.exit(vec![acc, facc]);
    f.push(Inst::Exit { exit: e });
    let alloc = allocate(&f, &TARGET);
    assert!(alloc.spilled > 0);
    let em = lower(&f, &alloc);
    assert!(em.stats.spills > 0 && em.stats.reloads > 0, "{:?}", em.stats);
    for (name, alloc) in allocations(&f) {
        let code = load(&lower(&f, &alloc));
        let mut fr: Vec<u64> = (0..32).map(|k| k * 7 + 1).collect();
        fr.extend((0..20).map(|k| (k as f64 * 0.5).to_bits()));
        let mut ctx = [0u64; 2];
        if code.call(&mut ctx, &mut fr).is_none() {
            continue;
        }
        let want: u64 = (0..32).map(|k| (k * 7 + 1) * (k + 1)).sum();
        let fwant: f64 = (0..20).map(|k| k as f64 * 0.5).sum();
        assert_eq!(ctx, [want, fwant.to_bits()], "{name}");
    }
}

// ---- the loop's parallel moves --------------------------------------------------------------

/// loop { guard i < n; swap a, b; swap x, y (floats); rotate r0..r(m-1); i += 1 }
fn swapping_loop(m: usize) -> Func {
    let (mut f, _, frame) = func();
    let n = load_int(&mut f, frame, 0);
    let a = load_int(&mut f, frame, 1);
    let b = load_int(&mut f, frame, 2);
    let x = load_float(&mut f, frame, 3);
    let y = load_float(&mut f, frame, 4);
    let rs: Vec<VReg> = (0..m).map(|k| load_int(&mut f, frame, 5 + k as i32)).collect();
    let i = f.vreg(Class::Int);
    f.push(Inst::Iconst { dst: i, imm: 0 });
    f.push(Inst::LoopStart);
    let mut out = vec![a, b, x, y];
    out.extend(&rs);
    let done = f.exit(out);
    f.push(Inst::Guard { cc: Cc::Lt, a: i, b: Operand::Reg(n), exit: done });
    let i2 = f.vreg(Class::Int);
    f.push(Inst::Bin { op: IntOp::Add, dst: i2, a: i, b: Operand::Imm(1) });
    let mut moves = vec![(a, b), (b, a), (x, y), (y, x), (i, i2)];
    for k in 0..m {
        moves.push((rs[k], rs[(k + 1) % m]));
    }
    f.push(Inst::Jump { moves });
    f
}

#[test]
fn parallel_move_cycles_at_the_jump() {
    for m in [3usize, 20] {
        let f = swapping_loop(m);
        for (name, alloc) in allocations(&f) {
            let code = load(&lower(&f, &alloc));
            for n in [0u64, 1, 2, 5, 21] {
                let mut fr = vec![n, 10, 20, 1.5f64.to_bits(), (-2.5f64).to_bits()];
                fr.extend((0..m as u64).map(|k| 100 + k));
                let mut ctx = vec![0u64; 4 + m];
                let Some(r) = code.call(&mut ctx, &mut fr) else { continue };
                assert_eq!(r, 0);
                let odd = n % 2 == 1;
                let want_ab = if odd { [20, 10] } else { [10, 20] };
                let want_xy = if odd { [-2.5f64, 1.5] } else { [1.5, -2.5] };
                assert_eq!(ctx[..2], want_ab, "{name} m={m} n={n}");
                assert_eq!(ctx[2..4], want_xy.map(f64::to_bits), "{name} m={m} n={n}");
                let want_r: Vec<u64> = (0..m as u64).map(|k| 100 + (k + n) % m as u64).collect();
                assert_eq!(ctx[4..], want_r, "{name} m={m} n={n}");
            }
        }
    }
}

// ---- exits ----------------------------------------------------------------------------------

#[test]
fn exit_branches_can_be_patched_to_a_bridge() {
    // a = frame[0]; guard a == 5 (exit0 [a]); guard a != 6 (exit0 again); guard float
    // frame[1] == frame[1] (exit1: NaN); exit2 [a]. No frame, no saved registers, so a
    // bridge may simply return.
    let (mut f, _, frame) = func();
    let a = load_int(&mut f, frame, 0);
    let x = load_float(&mut f, frame, 1);
    let e0 = f.exit(vec![a]);
    let e1 = f.exit(vec![]);
    let unused = f.exit(vec![a]);
    let e2 = f.exit(vec![a]);
    f.push(Inst::Guard { cc: Cc::Ne, a, b: Operand::Imm(6), exit: e0 });
    f.push(Inst::Guard { cc: Cc::Le, a, b: Operand::Imm(5), exit: e0 });
    f.push(Inst::GuardF { cc: FCc::Eq, a: x, b: x, exit: e1 });
    f.push(Inst::Exit { exit: e2 });
    let alloc = allocate(&f, &TARGET);
    let e = lower(&f, &alloc);
    assert_eq!(e.exit_branches[unused.0 as usize], u32::MAX);
    assert_eq!(e.code[e.exit_branches[e0.0 as usize] as usize], 0xE9, "two guards share exit 0: a jmp");
    assert_eq!(e.code[e.exit_branches[e2.0 as usize] as usize], 0xE9);
    #[cfg(target_arch = "x86_64")]
    {
        use super::encode::patch_rel32;
        let mut mem = CodeMemory::new(1 << 16).expect("code memory");
        let trace = mem.place(&e.code).expect("room");
        let mut b = Asm::new();
        b.mov_ri(RAX, 77);
        b.ret();
        let bridge = mem.place(&b.finish().expect("in range")).expect("room");
        // SAFETY: the trace is a lowered function reading frame[0..2] and writing ctx[0];
        // the bridge only sets RAX and returns, which is valid where the trace has no frame.
        let call = |mem: &CodeMemory, v: u64, x: f64| {
            let mut ctx = [0u64; 1];
            let fr = [v, x.to_bits()];
            let r = unsafe { mem.call2(trace.offset, ctx.as_mut_ptr() as u64, fr.as_ptr() as u64) };
            (r, ctx[0])
        };
        assert_eq!(call(&mem, 4, 1.0), (3, 4));
        assert_eq!(call(&mem, 6, 1.0), (0, 6));
        assert_eq!(call(&mem, 7, 1.0), (0, 7));
        assert_eq!(call(&mem, 4, f64::NAN), (1, 0));
        let mut bytes = mem.read(trace);
        for ex in [e0, e1] {
            let at = e.exit_branches[ex.0 as usize] as usize;
            patch_rel32(&mut bytes, at, bridge.offset - trace.offset).expect("in range");
            mem.patch(trace.offset + at, &bytes[at..at + 6]);
        }
        assert_eq!(call(&mem, 4, 1.0), (3, 4));
        assert_eq!(call(&mem, 6, 1.0), (77, 0), "first guard patched");
        assert_eq!(call(&mem, 7, 1.0), (77, 0), "second guard patched too");
        assert_eq!(call(&mem, 4, f64::NAN), (77, 0), "both float branches patched");
    }
}

#[test]
fn unsupported_functions_are_reported() {
    let unsupported = |f: &Func| match emit(f, &allocate(f, &TARGET)) {
        Err(EmitError::Unsupported(m)) => m,
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("emitted\n{f}"),
    };
    // no Jump or Exit at the end
    let (mut f, _, frame) = func();
    load_int(&mut f, frame, 0);
    assert!(unsupported(&f).contains("end"));
    // a seventh parameter
    let (mut f, _, _) = func();
    let p = f.vreg(Class::Int);
    f.push(Inst::Param { dst: p, index: 6 });
    let e = f.exit(vec![p]);
    f.push(Inst::Exit { exit: e });
    unsupported(&f);
    // a float operand to an integer add
    let (mut f, _, frame) = func();
    let x = load_float(&mut f, frame, 0);
    let d = f.vreg(Class::Int);
    f.push(Inst::Bin { op: IntOp::Add, dst: d, a: x, b: Operand::Imm(1) });
    let e = f.exit(vec![d]);
    f.push(Inst::Exit { exit: e });
    unsupported(&f);
    // a Jump without a loop header
    let (mut f, _, _) = func();
    f.push(Inst::Jump { moves: vec![] });
    unsupported(&f);
}

#[test]
fn dead_results_are_not_computed() {
    let (mut f, _, frame) = func();
    let a = load_int(&mut f, frame, 0);
    let dead = f.vreg(Class::Int);
    f.push(Inst::Bin { op: IntOp::Mul, dst: dead, a, b: Operand::Imm(3) });
    let e = f.exit(vec![a]);
    f.push(Inst::Exit { exit: e });
    let text = listing_text(&disassemble(&lower(&f, &allocate(&f, &TARGET)).code));
    assert!(!text.contains("imul"), "{text}");
}


/// Two functions linked through `Func::link`: the first's exit 1 continues in the second
/// (which reads the value the exit stored), its exit 0 returns; each unlinked return names
/// its function in the id word.
#[test]
fn linked_exits_continue_in_other_code() {
    // ctx: words 0-3 exit values, word 8 the frame, word 9 the id of the returning function
    let link = |table: &[u64], id: u32| Link { table: table.as_ptr() as u64, frame_disp: 64, id_disp: 72, id };
    let second_table = vec![0u64; 1];
    let mut g = func().0;
    let ctx = g.ctx.expect("ctx");
    let x = g.vreg(Class::Int);
    g.push(Inst::Load { dst: x, base: ctx, disp: 0 });
    let y = g.vreg(Class::Int);
    g.push(Inst::Bin { op: IntOp::Add, dst: y, a: x, b: Operand::Imm(1000) });
    let e = g.exit(vec![y]);
    g.push(Inst::Exit { exit: e });
    g.link = Some(link(&second_table, 9));
    for (name, ga) in allocations(&g) {
        let ge = lower(&g, &ga);
        let mut first_table = vec![0u64; 2];
        let (mut f, _, frame) = func();
        let v = load_int(&mut f, frame, 0);
        let big = f.exit(vec![v]);
        f.push(Inst::Guard { cc: Cc::Lt, a: v, b: Operand::Imm(100), exit: big });
        let small = f.exit(vec![v]);
        f.push(Inst::Exit { exit: small });
        f.link = Some(link(&first_table, 7));
        for (fname, fa) in allocations(&f) {
            let fe = lower(&f, &fa);
            #[cfg(target_arch = "x86_64")]
            {
                let mut mem = CodeMemory::new(1 << 16).expect("code memory");
                let g_at = mem.place(&ge.code).expect("room").offset;
                let f_at = mem.place(&fe.code).expect("room").offset;
                first_table[1] = mem.addr(g_at) as u64;
                for (input, want) in [(5u64, (0u64, 1005u64, 9u64)), (500, (0, 500, 7))] {
                    let mut frame_words = [input];
                    let mut c = [0u64; 10];
                    c[8] = frame_words.as_mut_ptr() as u64;
                    // SAFETY: both functions are lowered LIR functions, extern "C" fn(ctx,
                    // frame) -> u64 touching their stacks, the 10 words of `c` and the frame
                    // word; the first jumps to the second only through the link table.
                    let r = unsafe { mem.call2(f_at, c.as_mut_ptr() as u64, frame_words.as_mut_ptr() as u64) };
                    assert_eq!((r, c[0], c[9]), want, "{name}/{fname} input {input}");
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            let _ = (&fe, &mut first_table);
        }
    }
}
