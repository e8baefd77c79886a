//! Execution tests (AArch64 hosts only, qemu-user in CI): small functions emitted by `Asm`,
//! placed in `CodeMemory` and called, checking what the instructions compute.
#![allow(unsafe_code)]

use super::imm::decode_logical_imm;
use super::regs::*;
use super::*;
use crate::codemem::CodeMemory;

/// Code placed once; `call(i, a, b)` runs the `i`th function as `fn(u64, u64) -> u64`.
struct Funcs {
    mem: CodeMemory,
    base: usize,
    starts: Vec<u32>,
}

impl Funcs {
    /// `build` emits functions, calling `start()` before each.
    fn new(build: impl FnOnce(&mut Asm, &mut dyn FnMut(&Asm))) -> Funcs {
        let mut a = Asm::new();
        let mut starts = vec![];
        build(&mut a, &mut |a: &Asm| starts.push(a.offset()));
        let code = a.finish().expect("in range");
        let mut mem = CodeMemory::new(code.len() + (1 << 16)).expect("code memory");
        let r = mem.place(&code).expect("room for the code");
        Funcs { mem, base: r.offset, starts }
    }
    fn call(&self, i: usize, x: u64, y: u64) -> u64 {
        // SAFETY: every function these tests emit follows AAPCS64 as fn(u64, u64) -> u64,
        // keeps sp 16-byte aligned, restores the callee-saved registers it writes (none
        // but x29/x30, saved in its frame) and touches only its own stack frame.
        unsafe { self.mem.call2(self.base + self.starts[i] as usize, x, y) }
    }
}

fn f64_bits(f: f64) -> u64 {
    f.to_bits()
}

#[test]
fn add_and_return() {
    let f = Funcs::new(|a, start| {
        start(a);
        a.add(X0, X0, X1);
        a.ret();
    });
    assert_eq!(f.call(0, 40, 2), 42);
}

#[test]
fn mov_imm_builds_every_kind_of_constant() {
    let mut values = vec![
        0,
        1,
        0xffff,
        0x1_0000,
        !0,
        0xffff_ffff_ffff_1234,
        0x1234_5678,
        0x1234_5678_9abc_def0,
        0xffff_1234_ffff_5678,
        0x5555_5555_5555_5555,
        0xffff_fffe,
        0x8000_0000_0000_0000,
        0x7fff_ffff_ffff_ffff,
        0x1_0000_0001,
        0xfffe_ffff_ffff_ffff,
        0x0000_ffff_0000_ffff,
    ];
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..500 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        values.push(x);
        values.push(x & 0xffff_0000_ffff); // sparse halfwords
        values.push(x | 0xffff_0000_ffff_0000);
    }
    let f = Funcs::new(|a, start| {
        for (i, &v) in values.iter().enumerate() {
            start(a);
            // Vary the destination, then move into x0.
            let r = ALLOCATABLE_GPRS[i % ALLOCATABLE_GPRS.len()];
            if r.is_callee_saved() {
                a.mov_imm(X9, v);
                a.mov(X0, X9);
            } else {
                a.mov_imm(r, v);
                a.mov(X0, r);
            }
            a.ret();
        }
    });
    for (i, &v) in values.iter().enumerate() {
        assert_eq!(f.call(i, 0, 0), v, "mov_imm {v:#x}");
    }
}

#[test]
fn every_logical_immediate_computes_its_value() {
    let mut values = vec![];
    for n in 0..2 {
        for immr in 0..64 {
            for imms in 0..64 {
                if let Some(v) = decode_logical_imm(n, immr, imms) {
                    values.push(v);
                }
            }
        }
    }
    values.sort_unstable();
    values.dedup();
    let f = Funcs::new(|a, start| {
        for &v in &values {
            start(a);
            a.and_imm(X0, X0, v); // x0 = !0 & v
            a.eor_imm(X0, X0, v); // 0
            a.orr_imm(X0, X0, v); // v
            a.ret();
        }
    });
    for (i, &v) in values.iter().enumerate() {
        assert_eq!(f.call(i, !0, 0), v, "{v:#x}");
    }
}

#[test]
fn flags_overflow_and_conditions() {
    let f = Funcs::new(|a, start| {
        // 0: signed add overflow
        start(a);
        a.adds(X0, X0, X1);
        a.cset(X0, Cond::VS);
        a.ret();
        // 1: signed multiply overflow: smulh != mul >> 63 (arithmetic)
        start(a);
        a.mul(X2, X0, X1);
        a.smulh(X3, X0, X1);
        a.subs_shifted(XZR, X3, X2, Shift::ASR, 63);
        a.cset(X0, Cond::NE);
        a.ret();
        // 2: signed less-than as 0/1
        start(a);
        a.cmp(X0, X1);
        a.cset(X0, Cond::LT);
        a.ret();
        // 3: unsigned min via csel
        start(a);
        a.cmp(X0, X1);
        a.csel(X0, X0, X1, Cond::LO);
        a.ret();
        // 4: abs via csneg
        start(a);
        a.cmp_imm(X0, 0);
        a.csneg(X0, X0, X0, Cond::GE);
        a.ret();
        // 5: sub with negative immediate compare (cmn) and csinc
        start(a);
        a.cmn_imm(X0, 1); // x0 == -1 ?
        a.csinc(X0, X1, X1, Cond::EQ); // eq ? x1 : x1+1
        a.ret();
    });
    assert_eq!(f.call(0, i64::MAX as u64, 1), 1);
    assert_eq!(f.call(0, 5, 7), 0);
    assert_eq!(f.call(0, i64::MIN as u64, (-1i64) as u64), 1);
    assert_eq!(f.call(1, 1 << 32, 1 << 30), 0);
    assert_eq!(f.call(1, 1 << 32, 1 << 31), 1);
    assert_eq!(f.call(1, 1 << 32, 1 << 32), 1);
    assert_eq!(f.call(1, (-3i64) as u64, i64::MAX as u64 / 2), 1);
    assert_eq!(f.call(1, (-3i64) as u64, 1000), 0);
    assert_eq!(f.call(2, (-1i64) as u64, 0), 1);
    assert_eq!(f.call(2, 0, (-1i64) as u64), 0);
    assert_eq!(f.call(3, (-1i64) as u64, 3), 3);
    assert_eq!(f.call(4, (-9i64) as u64, 0), 9);
    assert_eq!(f.call(4, 9, 0), 9);
    assert_eq!(f.call(5, (-1i64) as u64, 10), 10);
    assert_eq!(f.call(5, 0, 10), 11);
}

#[test]
fn shifts_division_and_bitfields() {
    let f = Funcs::new(|a, start| {
        start(a); // 0: x0 / x1 signed
        a.sdiv(X0, X0, X1);
        a.ret();
        start(a); // 1: x0 % x1 signed (truncated)
        a.sdiv(X2, X0, X1);
        a.msub(X0, X2, X1, X0);
        a.ret();
        start(a); // 2: udiv
        a.udiv(X0, X0, X1);
        a.ret();
        start(a); // 3: (x0 << x1) then asr #3
        a.lsl(X0, X0, X1);
        a.asr_imm(X0, X0, 3);
        a.ret();
        start(a); // 4: lsr by register, ror
        a.lsr(X2, X0, X1);
        a.ror(X3, X0, X1);
        a.eor(X0, X2, X3);
        a.ret();
        start(a); // 5: ubfx 8 bits at 4, plus sbfx 4 bits at 0 of x1
        a.ubfx(X2, X0, 4, 8);
        a.sbfx(X3, X1, 0, 4);
        a.add(X0, X2, X3);
        a.ret();
        start(a); // 6: sxtw + uxtw
        a.sxtw(X2, X0);
        a.uxtw(X3, X1);
        a.add(X0, X2, X3);
        a.ret();
        start(a); // 7: umulh, add with shifted register, neg
        a.umulh(X2, X0, X1);
        a.add_shifted(X0, X2, X1, Shift::LSL, 4);
        a.neg(X0, X0);
        a.ret();
        start(a); // 8: bic / orn / eon / mvn
        a.bic(X2, X0, X1);
        a.orn(X3, X2, X1);
        a.eon(X4, X3, X0);
        a.mvn(X0, X4);
        a.ret();
    });
    let m = |x: i64| x as u64;
    assert_eq!(f.call(0, m(-7), 2), m(-3));
    assert_eq!(f.call(0, m(i64::MIN), m(-1)), m(i64::MIN));
    assert_eq!(f.call(0, 5, 0), 0);
    assert_eq!(f.call(1, m(-7), 2), m(-1));
    assert_eq!(f.call(2, m(-1), 2), u64::MAX / 2);
    assert_eq!(f.call(3, 1, 63), m(i64::MIN >> 3));
    let x = 0x1234_5678_9abc_def0u64;
    assert_eq!(f.call(4, x, 68), (x >> 4) ^ x.rotate_right(4));
    assert_eq!(f.call(5, 0xabc, 0xf), 0xab - 1);
    assert_eq!(f.call(6, 0xffff_ffff, 0xdead_beef_ffff_ffff), 0xffff_fffe);
    let (p, q) = (0xffff_0000_1234_5678u64, 0x9876_5432_1000_0001u64);
    let hi = ((p as u128 * q as u128) >> 64) as u64;
    assert_eq!(f.call(7, p, q), hi.wrapping_add(q << 4).wrapping_neg());
    let b = x & !q;
    assert_eq!(f.call(8, x, q), !((b | !q) ^ !x));
}

#[test]
fn frame_memory_and_calls() {
    let f = Funcs::new(|a, start| {
        // 0: a frame with locals; loads and stores of every width and addressing form
        start(a);
        a.stp_x_pre(X29, X30, SP, -64);
        a.mov(X29, SP);
        a.str_x(X0, SP, 16);
        a.stur_x(X1, X29, 24);
        a.add_imm(X2, SP, 16);
        a.mov_imm(X3, 1);
        a.ldr_x_reg(X4, X2, X3, true); // [sp+24] = x1
        a.ldr_x(X5, X2, 0); // x0
        a.strb(X5, SP, 32); // low byte of x0
        a.strh(X1, SP, 34);
        a.str_w(X1, SP, 36);
        a.ldrb(X6, SP, 32);
        a.ldrh(X7, SP, 34);
        a.ldrsw(X8, SP, 36);
        a.ldur_w(X9, X29, 36);
        a.stp_x(X6, X7, SP, 48);
        a.ldp_x(X10, X11, SP, 48);
        a.add(X0, X4, X5); // x1 + x0
        a.add(X0, X0, X10);
        a.add(X0, X0, X11);
        a.add(X0, X0, X8);
        a.add(X0, X0, X9);
        a.ldp_x_post(X29, X30, SP, 64);
        a.ret();
        // 1: bl to a local subroutine; x19 saved and restored around it
        start(a);
        let sub = a.new_label();
        a.stp_x_pre(X29, X30, SP, -32);
        a.str_x(X19, SP, 16);
        a.mov(X19, X1);
        a.bl(sub); // x0 = x0 * 3
        a.add(X0, X0, X19);
        a.ldr_x(X19, SP, 16);
        a.ldp_x_post(X29, X30, SP, 32);
        a.ret();
        a.bind(sub);
        a.add_shifted(X0, X0, X0, Shift::LSL, 1);
        a.ret();
        // 2: call through a register (blr) to function 0's neighbour: adr of a label
        start(a);
        let sub2 = a.new_label();
        a.stp_x_pre(X29, X30, SP, -16);
        a.adr(X16, sub2);
        a.blr(X16);
        a.ldp_x_post(X29, X30, SP, 16);
        a.ret();
        a.bind(sub2);
        a.sub(X0, X0, X1);
        a.ret();
        // 3: pre/post-indexed single registers, d-register pairs
        start(a);
        a.str_x_pre(X0, SP, -16);
        a.ldr_x_post(X2, SP, 16);
        a.fmov_from_x(D16, X2);
        a.fmov_from_x(D17, X1);
        a.stp_d_pre(D16, D17, SP, -16);
        a.ldr_d(D0, SP, 8);
        a.ldp_d_post(D18, D19, SP, 16);
        a.fmov_to_x(X3, D18);
        a.fmov_to_x(X4, D0);
        a.eor(X0, X3, X4);
        a.ret();
    });
    let (x, y) = (0x1122_3344_5566_7788u64, 0x8000_0000_c0de_f00du64);
    let lo_b = x & 0xff;
    let lo_h = y & 0xffff;
    let w = y & 0xffff_ffff;
    let sw = (w as u32 as i32) as i64 as u64;
    let expect = y.wrapping_add(x).wrapping_add(lo_b).wrapping_add(lo_h).wrapping_add(sw).wrapping_add(w);
    assert_eq!(f.call(0, x, y), expect);
    assert_eq!(f.call(1, 7, 100), 121);
    assert_eq!(f.call(2, 7, 100), 7u64.wrapping_sub(100));
    assert_eq!(f.call(3, x, y), x ^ y);
}

#[test]
fn loops_and_branches() {
    let f = Funcs::new(|a, start| {
        // 0: sum 1..=x0 with cbz and a backward b
        start(a);
        let top = a.new_label();
        let done = a.new_label();
        a.mov_imm(X2, 0);
        a.bind(top);
        a.cbz(X0, done);
        a.add(X2, X2, X0);
        a.sub_imm(X0, X0, 1);
        a.b(top);
        a.bind(done);
        a.mov(X0, X2);
        a.ret();
        // 1: count set bits below bit x1 with tbz/tbnz and b.cond
        start(a);
        let l = a.new_label();
        let skip = a.new_label();
        let out = a.new_label();
        a.mov_imm(X2, 0);
        a.bind(l);
        a.cmp_imm(X1, 0);
        a.b_cond(Cond::EQ, out);
        a.tbz(X0, 0, skip);
        a.add_imm(X2, X2, 1);
        a.bind(skip);
        a.lsr_imm(X0, X0, 1);
        a.sub_imm(X1, X1, 1);
        a.b(l);
        a.bind(out);
        a.mov(X0, X2);
        a.ret();
        // 2: tbnz on bit 63 (sign), cbnz
        start(a);
        let neg = a.new_label();
        let nz = a.new_label();
        a.tbnz(X0, 63, neg);
        a.cbnz(X0, nz);
        a.mov_imm(X0, 0);
        a.ret();
        a.bind(nz);
        a.mov_imm(X0, 1);
        a.ret();
        a.bind(neg);
        a.mov_imm(X0, 2);
        a.ret();
        // 3: literal load
        start(a);
        let lit = a.new_label();
        a.ldr_x_lit(X0, lit);
        a.ldr_d_lit(D0, lit);
        a.fmov_to_x(X1, D0);
        a.eor(X0, X0, X1);
        a.ldr_x_lit(X1, lit);
        a.add(X0, X0, X1);
        a.ret();
        a.align(8);
        a.bind(lit);
        a.data8(0x0123_4567_89ab_cdef);
    });
    assert_eq!(f.call(0, 100, 0), 5050);
    assert_eq!(f.call(0, 0, 0), 0);
    assert_eq!(f.call(1, 0b1011_0110, 8), 5);
    assert_eq!(f.call(1, !0, 64), 64);
    assert_eq!(f.call(2, 0, 0), 0);
    assert_eq!(f.call(2, 5, 0), 1);
    assert_eq!(f.call(2, (-5i64) as u64, 0), 2);
    assert_eq!(f.call(3, 0, 0), 0x0123_4567_89ab_cdef);
}

#[test]
fn floating_point() {
    let f = Funcs::new(|a, start| {
        // 0: (x + y) * y / x - y, as doubles
        start(a);
        a.fmov_from_x(D0, X0);
        a.fmov_from_x(D1, X1);
        a.fadd(D2, D0, D1);
        a.fmul(D2, D2, D1);
        a.fdiv(D2, D2, D0);
        a.fsub(D31, D2, D1);
        a.fmov_to_x(X0, D31);
        a.ret();
        // 1: sqrt(|-x|) + min(x, y) + max(x, y) + 1.0 - (-0.5)
        start(a);
        a.fmov_from_x(D16, X0);
        a.fmov_from_x(D17, X1);
        a.fneg(D18, D16);
        a.fabs(D18, D18);
        a.fsqrt(D18, D18);
        a.fmin(D19, D16, D17);
        a.fmax(D20, D16, D17);
        a.fadd(D18, D18, D19);
        a.fadd(D18, D18, D20);
        a.fmov_imm(D21, 1.0);
        a.fadd(D18, D18, D21);
        a.fmov_imm(D21, -0.5);
        a.fsub(D0, D18, D21);
        a.fmov_to_x(X0, D0);
        a.ret();
        // 2: int -> double -> int; floor; compare with NaN semantics
        start(a);
        a.scvtf(D0, X0); // x as double
        a.fmov_from_x(D1, X1); // y (double bits)
        a.fdiv(D2, D0, D1);
        a.fcvtms(X2, D2); // floor(x / y)
        a.frintz(D3, D2);
        a.fcvtzs(X3, D3); // trunc(x / y)
        a.lsl_imm(X2, X2, 16);
        a.add(X0, X2, X3);
        a.ret();
        // 3: x < y (MI) as 0/1; 4 if unordered (VS)
        start(a);
        a.fmov_from_x(D0, X0);
        a.fmov_from_x(D1, X1);
        a.fcmp(D0, D1);
        a.cset(X2, Cond::MI);
        a.cset(X3, Cond::VS);
        a.add_shifted(X0, X2, X3, Shift::LSL, 2);
        a.ret();
        // 4: x >= 0.0 ? x : y  (fcmp #0.0, fcsel), fmov d, xzr
        start(a);
        a.fmov_from_x(D0, X0);
        a.fmov_from_x(D1, X1);
        a.fcmp_zero(D0);
        a.fcsel(D2, D0, D1, Cond::GE);
        a.fmov_from_x(D3, XZR);
        a.fadd(D2, D2, D3);
        a.fmov_to_x(X0, D2);
        a.ret();
        // 5: ucvtf / fcvtzu / fcvtns / frintm / frintp / frintn / fmaxnm / fminnm
        start(a);
        a.ucvtf(D0, X0);
        a.fcvtzu(X2, D0);
        a.fmov_from_x(D1, X1);
        a.fcvtns(X3, D1);
        a.frintm(D4, D1);
        a.frintp(D5, D1);
        a.frintn(D6, D1);
        a.fadd(D4, D4, D5);
        a.fadd(D4, D4, D6);
        a.fmaxnm(D4, D4, D1);
        a.fminnm(D4, D4, D4);
        a.fcvtzs(X4, D4);
        a.eor(X0, X2, X3);
        a.add_shifted(X0, X0, X4, Shift::LSL, 32);
        a.ret();
    });
    let d = f64_bits;
    let r = |v: u64| f64::from_bits(v);
    assert_eq!(r(f.call(0, d(3.0), d(4.5))), (3.0 + 4.5) * 4.5 / 3.0 - 4.5);
    assert_eq!(r(f.call(1, d(16.0), d(-2.0))), 4.0 - 2.0 + 16.0 + 1.0 + 0.5);
    assert_eq!(f.call(2, 7, d(2.0)), (3 << 16) + 3);
    assert_eq!(f.call(2, (-7i64) as u64, d(2.0)), ((-4i64 << 16) + -3) as u64);
    assert_eq!(f.call(3, d(1.0), d(2.0)), 1);
    assert_eq!(f.call(3, d(2.0), d(1.0)), 0);
    assert_eq!(f.call(3, d(f64::NAN), d(1.0)), 4);
    assert_eq!(r(f.call(4, d(-0.0), d(9.0))), 0.0);
    assert_eq!(r(f.call(4, d(-1.0), d(9.0))), 9.0);
    assert_eq!(r(f.call(4, d(f64::NAN), d(9.0))), 9.0);
    let u = u64::MAX - 4095; // exactly representable
    // 2.5: fcvtns -> 2, floor 2 + ceil 3 + rint 2 = 7, maxnm(7, 2.5) = 7
    assert_eq!(f.call(5, u, d(2.5)), (u ^ 2).wrapping_add(7 << 32));
}

#[test]
fn patched_guard_exit_reaches_its_bridge() {
    // A guard: b.ne to an exit stub whose first instruction is `b exit`; patching that `b`
    // sends the failing guard to the bridge instead.
    let mut a = Asm::new();
    let exit = a.new_label();
    let bridge = a.new_label();
    let stub = a.new_label();
    a.cmp(X0, X1);
    a.b_cond(Cond::NE, stub);
    a.mov_imm(X0, 1); // guard holds
    a.ret();
    a.bind(stub);
    let stub_at = a.offset() as usize;
    a.b(exit);
    a.bind(exit);
    a.mov_imm(X0, 2); // the generic exit
    a.ret();
    a.bind(bridge);
    let bridge_at = a.offset() as usize;
    a.mov_imm(X0, 3); // the bridge
    a.ret();
    let code = a.finish().unwrap();
    let mut mem = CodeMemory::new(1 << 16).unwrap();
    let r = mem.place(&code).unwrap();
    // SAFETY: the code above is a leaf fn(u64, u64) -> u64 that touches no memory.
    let call = |m: &CodeMemory, x: u64, y: u64| unsafe { m.call2(r.offset, x, y) };
    assert_eq!(call(&mem, 5, 5), 1);
    assert_eq!(call(&mem, 5, 6), 2);
    let mut copy = code.clone();
    patch_branch(&mut copy, stub_at, bridge_at).unwrap();
    mem.patch(r.offset + stub_at, &copy[stub_at..stub_at + 4]);
    assert_eq!(call(&mem, 5, 5), 1);
    assert_eq!(call(&mem, 5, 6), 3);
}
