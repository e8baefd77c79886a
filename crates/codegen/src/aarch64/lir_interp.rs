//! A reference interpreter of LIR for the lowering's tests: runs a `Func` over a model of
//! memory the way its machine code must, so emitted code can be compared with it (and the
//! tests' expected values checked on every host).

use crate::lir::{Cc, FCc, FOp, Func, Inst, IntOp, Operand, OvOp, ShiftOp, VReg};

/// Bytes at addresses `base..base+len` (a copy of the buffer the native code gets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mem {
    pub base: u64,
    pub bytes: Vec<u8>,
}

impl Mem {
    fn at(&self, addr: u64, len: usize) -> usize {
        let off = addr.wrapping_sub(self.base) as usize;
        assert!(addr >= self.base && off + len <= self.bytes.len(), "access at {addr:#x} outside the test's memory");
        off
    }
    pub fn load(&self, addr: u64) -> u64 {
        let o = self.at(addr, 8);
        u64::from_le_bytes(self.bytes[o..o + 8].try_into().expect("8 bytes"))
    }
    pub fn load8(&self, addr: u64) -> u64 {
        self.bytes[self.at(addr, 1)] as u64
    }
    pub fn store(&mut self, addr: u64, v: u64) {
        let o = self.at(addr, 8);
        self.bytes[o..o + 8].copy_from_slice(&v.to_le_bytes());
    }
}

/// A function a `Call` may target: its address and what it computes from its arguments.
#[derive(Clone, Copy)]
pub struct Helper {
    pub addr: u64,
    pub f: fn(&[u64]) -> u64,
}

/// How a run ended: the exit taken, and the ctx words its stub stores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub exit: u32,
    pub ctx: Vec<u64>,
}

pub fn int_holds(cc: Cc, a: u64, b: u64) -> bool {
    let (x, y) = (a as i64, b as i64);
    match cc {
        Cc::Eq => a == b,
        Cc::Ne => a != b,
        Cc::Lt => x < y,
        Cc::Le => x <= y,
        Cc::Gt => x > y,
        Cc::Ge => x >= y,
        Cc::Below => a < b,
        Cc::BelowEq => a <= b,
        Cc::Above => a > b,
        Cc::AboveEq => a >= b,
    }
}

pub fn float_holds(cc: FCc, a: f64, b: f64) -> bool {
    match cc {
        FCc::Eq => a == b,
        FCc::Ne => a != b,
        FCc::Lt => a < b,
        FCc::Le => a <= b,
        FCc::Gt => a > b,
        FCc::Ge => a >= b,
    }
}

/// Runs `f` with `params` as the argument registers; None when it takes more than
/// `max_steps` instructions.
pub fn run(f: &Func, params: &[u64], mem: &mut Mem, helpers: &[Helper], max_steps: u64) -> Option<Outcome> {
    let mut r = vec![0u64; f.classes.len()];
    let get = |r: &Vec<u64>, v: VReg| r[v.0 as usize];
    let opnd = |r: &Vec<u64>, o: Operand| match o {
        Operand::Reg(v) => r[v.0 as usize],
        Operand::Imm(i) => i as i64 as u64,
    };
    let fl = |r: &Vec<u64>, v: VReg| f64::from_bits(r[v.0 as usize]);
    let loop_at = f.loop_start();
    let mut pc = 0;
    let mut steps = 0;
    let leave = |r: &Vec<u64>, e: u32| -> Option<Outcome> {
        let ctx = f.exits[e as usize].iter().map(|&v| r[v.0 as usize]).collect();
        Some(Outcome { exit: e, ctx })
    };
    loop {
        steps += 1;
        if steps > max_steps {
            return None;
        }
        let inst = &f.insts[pc];
        pc += 1;
        let (d, val) = match *inst {
            Inst::Param { dst, index } => (dst, params[index as usize]),
            Inst::Iconst { dst, imm } => (dst, imm as u64),
            Inst::Fconst { dst, bits } => (dst, bits),
            Inst::Move { dst, src } => (dst, get(&r, src)),
            Inst::Load { dst, base, disp } => (dst, mem.load(get(&r, base).wrapping_add(disp as i64 as u64))),
            Inst::Load8 { dst, base, disp } => (dst, mem.load8(get(&r, base).wrapping_add(disp as i64 as u64))),
            Inst::LoadF { dst, base, disp } => (dst, mem.load(get(&r, base).wrapping_add(disp as i64 as u64))),
            Inst::Store { base, disp, src } | Inst::StoreF { base, disp, src } => {
                mem.store(get(&r, base).wrapping_add(disp as i64 as u64), get(&r, src));
                continue;
            }
            Inst::Bin { op, dst, a, b } => {
                let (x, y) = (get(&r, a), opnd(&r, b));
                let v = match op {
                    IntOp::Add => x.wrapping_add(y),
                    IntOp::Sub => x.wrapping_sub(y),
                    IntOp::Mul => x.wrapping_mul(y),
                    IntOp::And => x & y,
                    IntOp::Or => x | y,
                    IntOp::Xor => x ^ y,
                };
                (dst, v)
            }
            Inst::BinOv { op, dst, a, b, exit } => {
                let (x, y) = (get(&r, a) as i64, opnd(&r, b) as i64);
                let v = match op {
                    OvOp::Add => x.checked_add(y),
                    OvOp::Sub => x.checked_sub(y),
                    OvOp::Mul => x.checked_mul(y),
                };
                match v {
                    Some(v) => (dst, v as u64),
                    None => return leave(&r, exit.0),
                }
            }
            Inst::Shift { op, dst, a, amount } => {
                let (x, s) = (get(&r, a), (amount & 63) as u32);
                let v = match op {
                    ShiftOp::Shl => x << s,
                    ShiftOp::Sar => ((x as i64) >> s) as u64,
                    ShiftOp::Shr => x >> s,
                };
                (dst, v)
            }
            Inst::SetCc { cc, dst, a, b } => (dst, int_holds(cc, get(&r, a), opnd(&r, b)) as u64),
            Inst::FBin { op, dst, a, b } => {
                let (x, y) = (fl(&r, a), fl(&r, b));
                let v = match op {
                    FOp::Add => x + y,
                    FOp::Sub => x - y,
                    FOp::Mul => x * y,
                    FOp::Div => x / y,
                };
                (dst, v.to_bits())
            }
            Inst::FSetCc { cc, dst, a, b } => (dst, float_holds(cc, fl(&r, a), fl(&r, b)) as u64),
            Inst::IntToFloat { dst, src } => (dst, (get(&r, src) as i64 as f64).to_bits()),
            Inst::Guard { cc, a, b, exit } => {
                if !int_holds(cc, get(&r, a), opnd(&r, b)) {
                    return leave(&r, exit.0);
                }
                continue;
            }
            Inst::GuardF { cc, a, b, exit } => {
                if !float_holds(cc, fl(&r, a), fl(&r, b)) {
                    return leave(&r, exit.0);
                }
                continue;
            }
            Inst::Call { target, ref args, ret } => {
                let h = helpers.iter().find(|h| h.addr == target).expect("a known helper");
                let argv: Vec<u64> = args.iter().map(|&a| get(&r, a)).collect();
                let v = (h.f)(&argv);
                match ret {
                    Some(d) => (d, v),
                    None => continue,
                }
            }
            Inst::LoopStart => continue,
            Inst::Jump { ref moves } => {
                let vals: Vec<u64> = moves.iter().map(|&(_, s)| get(&r, s)).collect();
                for (&(d, _), v) in moves.iter().zip(vals) {
                    r[d.0 as usize] = v;
                }
                pc = loop_at.expect("a loop") + 1;
                continue;
            }
            Inst::Exit { exit } => return leave(&r, exit.0),
        };
        r[d.0 as usize] = val;
    }
}
