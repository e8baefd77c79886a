//! Execution tests (x86-64 hosts only): small functions emitted by the encoder run natively
//! and their results are compared with the same computation in Rust.
#![allow(unsafe_code)]

use super::*;
use crate::codemem::CodeMemory;

/// An emitted `extern "C" fn(u64, u64) -> u64` in executable memory.
struct Func {
    mem: CodeMemory,
    offset: usize,
}

impl Func {
    fn new(emit: impl FnOnce(&mut Asm)) -> Func {
        let mut a = Asm::new();
        emit(&mut a);
        let code = a.finish().expect("in range");
        let mut mem = CodeMemory::new(1 << 16).expect("code memory");
        let offset = mem.place(&code).expect("room for the code").offset;
        Func { mem, offset }
    }
    fn call(&self, a: u64, b: u64) -> u64 {
        // SAFETY: every function of these tests is built as an extern "C" fn(u64, u64) -> u64
        // following the System V convention, and touches only its arguments, its own stack
        // and memory the test passes a pointer to (alive for the duration of the call).
        unsafe { self.mem.call2(self.offset, a, b) }
    }
}

#[test]
fn mov_ri_loads_every_kind_of_constant() {
    for v in [
        0i64,
        1,
        -1,
        127,
        128,
        -128,
        i32::MAX as i64,
        i32::MIN as i64,
        u32::MAX as i64,
        u32::MAX as i64 + 1,
        i64::MIN,
        i64::MAX,
        0x1234_5678_9abc_def0,
    ] {
        for r in [RAX, R8, R15] {
            let f = Func::new(|a| {
                a.push_r(R15);
                a.mov_ri(RAX, 0x5555_5555_5555_5555);
                a.mov_ri(r, 0x5555_5555_5555_5555); // the upper half must be overwritten
                a.mov_ri(r, v);
                a.mov_rr(RAX, r);
                a.pop_r(R15);
                a.ret();
            });
            assert_eq!(f.call(0, 0) as i64, v, "mov {r:?}, {v:#x}");
        }
    }
}

#[test]
fn tagged_add_with_overflow_exit() {
    // (a - 1) + b on tagged ints, jo to an exit returning 0.
    let f = Func::new(|a| {
        let ovf = a.new_label();
        a.lea(RAX, Mem::at(RDI, -1));
        a.add_rr(RAX, RSI);
        a.jcc_to_label(Cond::O, ovf);
        a.ret();
        a.bind(ovf);
        a.zero_r(RAX);
        a.ret();
    });
    let tag = |v: i64| ((v << 1) | 1) as u64;
    assert_eq!(f.call(tag(40), tag(2)), tag(42));
    assert_eq!(f.call(tag(-5), tag(2)), tag(-3));
    assert_eq!(f.call(tag(i64::MAX >> 1), tag(1)), 0);
    assert_eq!(f.call(tag(i64::MIN >> 1), tag(-1)), 0);
}

#[test]
fn loop_sums_a_range() {
    // sum of 0..n with a backward jcc
    let f = Func::new(|a| {
        let top = a.new_label();
        let done = a.new_label();
        a.zero_r(RAX);
        a.zero_r(RCX);
        a.cmp_rr(RCX, RDI);
        a.jcc_to_label(Cond::GE, done);
        a.align(16);
        a.bind(top);
        a.add_rr(RAX, RCX);
        a.add_ri(RCX, 1);
        a.cmp_rr(RCX, RDI);
        a.jcc_to_label(Cond::L, top);
        a.bind(done);
        a.ret();
    });
    for n in [0u64, 1, 2, 10, 1000] {
        assert_eq!(f.call(n, 0), n * n.saturating_sub(1) / 2);
    }
}

#[test]
fn conditions_agree_with_rust() {
    let vals: [i64; 9] = [0, 1, -1, 2, i64::MAX, i64::MIN, 1 << 40, -(1 << 40), 7];
    for cc in 0..16u8 {
        let cond = Cond::from_code(cc);
        let set = Func::new(|a| {
            a.mov_ri(RDX, -1);
            a.cmp_rr(RDI, RSI);
            a.setcc(cond, RDX);
            a.movzx8_rr(RAX, RDX);
            a.ret();
        });
        let cmov = Func::new(|a| {
            a.mov_ri(RAX, 0);
            a.mov_ri(R9, 1);
            a.cmp_rr(RDI, RSI);
            a.cmovcc(cond, RAX, R9);
            a.ret();
        });
        let jump = Func::new(|a| {
            let yes = a.new_label();
            a.cmp_rr(RDI, RSI);
            a.jcc_to_label(cond, yes);
            a.zero_r(RAX);
            a.ret();
            a.bind(yes);
            a.mov_ri(RAX, 1);
            a.ret();
        });
        for &x in &vals {
            for &y in &vals {
                let (ux, uy) = (x as u64, y as u64);
                let d = x.wrapping_sub(y);
                let expect = match cond {
                    Cond::O => x.checked_sub(y).is_none(),
                    Cond::NO => x.checked_sub(y).is_some(),
                    Cond::B => ux < uy,
                    Cond::AE => ux >= uy,
                    Cond::E => x == y,
                    Cond::NE => x != y,
                    Cond::BE => ux <= uy,
                    Cond::A => ux > uy,
                    Cond::S => d < 0,
                    Cond::NS => d >= 0,
                    Cond::P => (d as u8).count_ones() & 1 == 0,
                    Cond::NP => (d as u8).count_ones() & 1 == 1,
                    Cond::L => x < y,
                    Cond::GE => x >= y,
                    Cond::LE => x <= y,
                    Cond::G => x > y,
                };
                let e = expect as u64;
                assert_eq!(set.call(ux, uy), e, "set{cond:?} {x} {y}");
                assert_eq!(cmov.call(ux, uy), e, "cmov{cond:?} {x} {y}");
                assert_eq!(jump.call(ux, uy), e, "j{cond:?} {x} {y}");
                assert_eq!(cond.invert() as u8 ^ cond as u8, 1);
            }
        }
    }
}

#[test]
fn arithmetic_agrees_with_rust() {
    type Op = (fn(&mut Asm), fn(i64, i64) -> i64);
    let ops: Vec<Op> = vec![
        (|a| a.sub_rr(RAX, RSI), |x, y| x.wrapping_sub(y)),
        (|a| a.and_rr(RAX, RSI), |x, y| x & y),
        (|a| a.or_rr(RAX, RSI), |x, y| x | y),
        (|a| a.xor_rr(RAX, RSI), |x, y| x ^ y),
        (|a| a.imul_rr(RAX, RSI), |x, y| x.wrapping_mul(y)),
        (|a| a.imul_rri(RAX, RAX, -3), |x, _| x.wrapping_mul(-3)),
        (|a| a.imul_rri(RAX, RSI, 100_000), |_, y| y.wrapping_mul(100_000)),
        (|a| a.neg(RAX), |x, _| x.wrapping_neg()),
        (|a| a.not(RAX), |x, _| !x),
        (|a| a.add_ri(RAX, -129), |x, _| x.wrapping_sub(129)),
        (|a| a.and_ri(RAX, -8), |x, _| x & -8),
        (|a| a.shl_ri(RAX, 3), |x, _| x.wrapping_shl(3)),
        (|a| a.shr_ri(RAX, 1), |x, _| ((x as u64) >> 1) as i64),
        (|a| a.sar_ri(RAX, 63), |x, _| x >> 63),
        (
            |a| {
                a.mov_rr(RCX, RSI);
                a.shl_rcl(RAX)
            },
            |x, y| x.wrapping_shl(y as u32 & 63),
        ),
        (
            |a| {
                a.mov_rr(RCX, RSI);
                a.shr_rcl(RAX)
            },
            |x, y| ((x as u64).wrapping_shr(y as u32 & 63)) as i64,
        ),
        (
            |a| {
                a.mov_rr(RCX, RSI);
                a.sar_rcl(RAX)
            },
            |x, y| x.wrapping_shr(y as u32 & 63),
        ),
        (
            |a| {
                a.test_ri(RAX, 1);
                a.setcc(Cond::NE, RAX);
                a.movzx8_rr(RAX, RAX);
            },
            |x, _| x & 1,
        ),
        (
            |a| {
                a.test8_ri(RSI, 0x80);
                a.setcc(Cond::NE, RAX);
                a.movzx8_rr(RAX, RAX);
            },
            |_, y| (y & 0x80 != 0) as i64,
        ),
    ];
    let vals: [i64; 8] = [0, 1, -1, 3, 62, i64::MAX, i64::MIN, 0x1234_5678_9abc];
    for (emit, rust) in ops {
        let f = Func::new(|a| {
            a.mov_rr(RAX, RDI);
            emit(a);
            a.ret();
        });
        for &x in &vals {
            for &y in &vals {
                assert_eq!(f.call(x as u64, y as u64) as i64, rust(x, y), "{x} {y}");
            }
        }
    }
    let div = Func::new(|a| {
        // quotient * 1000 + remainder (small operands)
        a.mov_rr(RAX, RDI);
        a.mov_rr(R8, RSI);
        a.cqo();
        a.idiv(R8);
        a.imul_rri(RAX, RAX, 1000);
        a.add_rr(RAX, RDX);
        a.ret();
    });
    for (x, y) in [(7i64, 2i64), (-7, 2), (7, -2), (-7, -2), (0, 5), (999, 1000)] {
        assert_eq!(div.call(x as u64, y as u64) as i64, (x / y) * 1000 + x % y, "{x} / {y}");
    }
}

#[test]
fn memory_operands_and_callee_saved_registers() {
    let data: Vec<u64> = (0..64).map(|i| i * 0x0101_0101 + 1).collect();
    // f(ptr, i) = ptr[i] + ptr[i + 1] through every awkward base, with R12/R13/RBP/RBX saved.
    let f = Func::new(|a| {
        for r in [RBX, RBP, R12, R13] {
            a.push_r(r);
        }
        a.mov_rr(R12, RDI);
        a.mov_rr(R13, RSI);
        a.mov_rm(RAX, Mem::indexed(R12, R13, Scale::S8, 0));
        a.lea(RBP, Mem::indexed(R12, R13, Scale::S8, 8));
        a.add_rm(RAX, Mem::base(RBP));
        a.mov_rr(RBX, RAX);
        // a round trip through the stack: [rsp] and [rsp + disp]
        a.sub_ri(RSP, 16);
        a.mov_mr(Mem::base(RSP), RBX);
        a.mov_mi(Mem::at(RSP, 8), -1);
        a.mov_rm(RAX, Mem::base(RSP));
        a.add_mi(Mem::at(RSP, 8), 1);
        a.add_rm(RAX, Mem::at(RSP, 8));
        a.add_ri(RSP, 16);
        for r in [R13, R12, RBP, RBX] {
            a.pop_r(r);
        }
        a.ret();
    });
    for i in [0usize, 1, 30, 62] {
        assert_eq!(f.call(data.as_ptr() as u64, i as u64), data[i] + data[i + 1]);
    }
    // Narrow loads and stores on a scratch buffer.
    let mut buf = [0u8; 32];
    let g = Func::new(|a| {
        a.mov32_mr(Mem::at(RDI, 4), RSI);
        a.mov8_mr(Mem::at(RDI, 1), RSI);
        a.mov8_mi(Mem::at(RDI, 2), 0xAB);
        a.mov32_mi(Mem::at(RDI, 8), 0xDEAD_BEEF);
        a.movzx8_rm(RAX, Mem::at(RDI, 2));
        a.mov32_rm(RCX, Mem::at(RDI, 8));
        a.shl_ri(RCX, 8);
        a.or_rr(RAX, RCX);
        a.ret();
    });
    let r = g.call(buf.as_mut_ptr() as u64, 0x1122_3344_5566_7788);
    assert_eq!(r, 0xDE_ADBE_EFAB);
    assert_eq!(buf[..12], [0, 0x88, 0xAB, 0, 0x88, 0x77, 0x66, 0x55, 0xEF, 0xBE, 0xAD, 0xDE]);
}

extern "C" fn helper(x: u64, y: u64) -> u64 {
    x * 10 + y
}

#[test]
fn calls_and_indirect_jumps() {
    // Calls a Rust function through a register with the stack aligned, then a local function
    // through a label, then jumps through a register to a label's address.
    let f = Func::new(|a| {
        let local = a.new_label();
        let there = a.new_label();
        a.push_r(RBX); // rsp is now 16-byte aligned
        a.mov_ri(R11, helper as *const () as usize as i64);
        a.call_r(R11);
        a.mov_rr(RBX, RAX);
        a.call_to_label(local);
        a.lea_label(RCX, there);
        a.jmp_r(RCX);
        a.ud2();
        a.bind(there);
        a.pop_r(RBX);
        a.ret();
        a.int3();
        a.align(16);
        a.bind(local);
        a.lea(RAX, Mem::indexed(RBX, RBX, Scale::S1, 1)); // 2 * rbx + 1
        a.ret();
    });
    assert_eq!(f.call(4, 2), 85);
}

#[test]
fn sse_agrees_with_rust() {
    type Op = (fn(&mut Asm), fn(f64, f64) -> f64);
    let ops: Vec<Op> = vec![
        (|a| a.addsd_xx(XMM0, XMM9), |x, y| x + y),
        (|a| a.subsd_xx(XMM0, XMM9), |x, y| x - y),
        (|a| a.mulsd_xx(XMM0, XMM9), |x, y| x * y),
        (|a| a.divsd_xx(XMM0, XMM9), |x, y| x / y),
        (|a| a.sqrtsd_xx(XMM0, XMM9), |_, y| y.sqrt()),
        (|a| a.andpd_xx(XMM0, XMM9), |x, y| f64::from_bits(x.to_bits() & y.to_bits())),
        (|a| a.andnpd_xx(XMM0, XMM9), |x, y| f64::from_bits(!x.to_bits() & y.to_bits())),
        (|a| a.xorpd_xx(XMM0, XMM9), |x, y| f64::from_bits(x.to_bits() ^ y.to_bits())),
        // minsd/maxsd return the second operand when either is NaN or both are zero
        (|a| a.minsd_xx(XMM0, XMM9), |x, y| if x < y { x } else { y }),
        (|a| a.maxsd_xx(XMM0, XMM9), |x, y| if x > y { x } else { y }),
        (|a| a.movsd_xx(XMM0, XMM9), |_, y| y),
        (|a| a.movapd_xx(XMM0, XMM9), |_, y| y),
    ];
    let vals = [0.0, -0.0, 1.5, -2.25, 1e300, f64::INFINITY, f64::NAN, 3.0];
    for (emit, rust) in ops {
        let f = Func::new(|a| {
            a.movq_xr(XMM0, RDI);
            a.movq_xr(XMM9, RSI);
            emit(a);
            a.movq_rx(RAX, XMM0);
            a.ret();
        });
        for &x in &vals {
            for &y in &vals {
                let got = f64::from_bits(f.call(x.to_bits(), y.to_bits()));
                let want = rust(x, y);
                let same = got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan());
                assert!(same, "{x} {y}: {got} vs {want}");
            }
        }
    }
    // Through memory, conversions, and ucomisd's flags (NaN sets P).
    let g = Func::new(|a| {
        a.sub_ri(RSP, 24);
        a.mov_mr(Mem::at(RSP, 8), RDI);
        a.movsd_xm(XMM15, Mem::at(RSP, 8));
        a.cvtsi2sd_xr(XMM3, RSI);
        a.mulsd_xx(XMM3, XMM15);
        a.movsd_mx(Mem::base(RSP), XMM3);
        a.addsd_xm(XMM3, Mem::base(RSP)); // 2 * x * y
        a.cvttsd2si_rx(RAX, XMM3);
        a.ucomisd_xm(XMM15, Mem::at(RSP, 8));
        a.setcc(Cond::P, RCX);
        a.movzx8_rr(RCX, RCX);
        a.shl_ri(RCX, 62);
        a.or_rr(RAX, RCX);
        a.add_ri(RSP, 24);
        a.ret();
    });
    assert_eq!(g.call(2.5f64.to_bits(), 4), 20);
    assert_eq!(g.call((-1.75f64).to_bits(), 3), -10i64 as u64);
    assert_eq!(g.call(f64::NAN.to_bits(), 1), (1 << 62) | i64::MIN as u64);
}

#[test]
fn patched_guard_exit_goes_to_the_bridge() {
    // A guard `jne exit1`, later retargeted to `bridge` placed elsewhere in code memory.
    let mut a = Asm::new();
    let exit1 = a.new_label();
    a.cmp_rr(RDI, RSI);
    let guard = a.jcc_to_label(Cond::NE, exit1) as usize;
    a.mov_ri(RAX, 1);
    a.ret();
    a.bind(exit1);
    a.mov_ri(RAX, 2);
    a.ret();
    let code = a.finish().unwrap();
    let mut mem = CodeMemory::new(1 << 16).unwrap();
    let trace = mem.place(&code).unwrap();
    let mut b = Asm::new();
    b.mov_ri(RAX, 3);
    b.ret();
    let bridge = mem.place(&b.finish().unwrap()).unwrap();
    // SAFETY: both are extern "C" fn(u64, u64) -> u64 touching nothing but registers.
    let call = |m: &CodeMemory, x: u64, y: u64| unsafe { m.call2(trace.offset, x, y) };
    assert_eq!((call(&mem, 5, 5), call(&mem, 5, 6)), (1, 2));
    let mut bytes = mem.read(trace);
    patch_rel32(&mut bytes, guard, bridge.offset - trace.offset).unwrap();
    mem.patch(trace.offset + guard, &bytes[guard..guard + 6]);
    assert_eq!((call(&mem, 5, 5), call(&mem, 5, 6)), (1, 3));
}
