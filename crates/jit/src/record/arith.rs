//! Arithmetic as the recorder sees it: int and float operators and comparisons on
//! unboxed values (overflow and zero-division guards), and operators whose special method
//! is a Python function, inlined as the interpreter's binop frames run them.

use pyjit_compiler::opcode::{BinOp, CmpOp, INPLACE};
use pyjit_vm::heap::Value;
use pyjit_vm::interp::jit_ops::JitOp;
use pyjit_vm::objects::FloatObj;
use pyjit_vm::Vm;

use super::{is_exact_float, Recorder};
use crate::fold::small;
use crate::ir::{Op, Ref, Ty};

impl Recorder {
    /// `a op b` whose first special method is a Python function (`Vm::binop_frame_target`):
    /// the method inlined as the interpreter runs it, a frame above the operands, under
    /// guards on the classes the choice depended on. A NotImplemented result leaves the
    /// trace at the method's return (the interpreter goes on with `binop_declined`).
    pub(super) fn inline_binop(&mut self, vm: &mut Vm, ip: usize, op: u32) -> Result<bool, String> {
        if op >= INPLACE {
            return Ok(false);
        }
        let (ra, rb) = (self.peek(2)?, self.peek(1)?);
        let (va, vb) = (self.val(vm, self.sp - 2), self.val(vm, self.sp - 1));
        let Some((f, right)) = vm.binop_frame_target(va, vb, op) else { return Ok(false) };
        let s = self.snap(ip);
        for (r, v) in [(ra, va), (rb, vb)] {
            match self.b.t.ty(r) {
                Ty::Int | Ty::Float => {}
                Ty::Val if v.is_small() => {
                    self.b.emit(Op::GuardInt, r, Ref::NONE, 0, Some(s.clone()))?;
                }
                Ty::Val if is_exact_float(vm, v) => {
                    self.b.emit(Op::GuardType, r, Ref::NONE, vm.types.float.raw() as i64, Some(s.clone()))?;
                }
                Ty::Val if v.get::<pyjit_vm::objects::InstanceObj>().is_some() => {
                    let ty = v.header().ok_or("no header")?.ty.get();
                    let ver = ty.get::<pyjit_vm::objects::TypeObj>().ok_or("no type")?.version.get();
                    self.guard_shape(ip, r, ty, ver, Value::NULL, None)?;
                }
                _ => return Ok(false),
            }
        }
        let args = if right { [rb, ra] } else { [ra, rb] };
        let fr = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, f.raw() as i64, None)?;
        if !self.inline_call(vm, ip, f, fr, &args, 0, Ref::NONE)? {
            return Ok(false);
        }
        if let Some(fr) = self.inline.last_mut() {
            fr.binop = op as u8 + 1 | if right { pyjit_vm::interp::BINOP_RIGHT } else { 0 };
        }
        Ok(true)
    }

    pub(super) fn binary(&mut self, vm: &Vm, ip: usize, op: u32) -> Result<(), String> {
        let rb = self.peek(1)?;
        let ra = self.peek(2)?;
        let vb = self.val(vm, self.sp - 1);
        let va = self.val(vm, self.sp - 2);
        let bop = BinOp::from_u32(op % INPLACE);
        let s = self.snap(ip);
        let int_like = |me: &Self, r: Ref, v: Value| me.b.t.ty(r) == Ty::Int || (me.b.t.ty(r) == Ty::Val && v.is_small());
        let float_like = |me: &Self, r: Ref, v: Value| me.b.t.ty(r) == Ty::Float || (me.b.t.ty(r) == Ty::Val && is_exact_float(vm, v));
        let r = if int_like(self, ra, va) && int_like(self, rb, vb) {
            let (x, y) = (va.small_value(), vb.small_value());
            let (iop, res) = match bop {
                BinOp::Add => (Op::IntAdd, x.checked_add(y)),
                BinOp::Sub => (Op::IntSub, x.checked_sub(y)),
                BinOp::Mul => (Op::IntMul, x.checked_mul(y)),
                BinOp::And => (Op::IntAnd, Some(x & y)),
                BinOp::Or => (Op::IntOr, Some(x | y)),
                BinOp::Xor => (Op::IntXor, Some(x ^ y)),
                BinOp::RShift if self.b.kint(rb).is_some_and(|k| (0..=63).contains(&k)) => {
                    let k = self.b.kint(rb).unwrap_or(0);
                    let a = self.as_int(ra, va, &s)?;
                    let r = self.b.emit(Op::IntSar, a, Ref::NONE, k, None)?;
                    self.pop()?;
                    self.pop()?;
                    return self.push(r);
                }
                _ => return self.generic_push(ip, JitOp::BinaryOp, op, 2),
            };
            if res.and_then(small).is_none() {
                // the result is a big int: the generic path makes it
                return self.generic_push(ip, JitOp::BinaryOp, op, 2);
            }
            let a = self.as_int(ra, va, &s)?;
            let b = self.as_int(rb, vb, &s)?;
            let snap = (iop.flags() & crate::ir::GUARD != 0).then(|| s.clone());
            self.b.emit(iop, a, b, 0, snap)?
        } else if (float_like(self, ra, va) || float_like(self, rb, vb))
            && (float_like(self, ra, va) || int_like(self, ra, va))
            && (float_like(self, rb, vb) || int_like(self, rb, vb))
        {
            let fop = match bop {
                BinOp::Add => Op::FloatAdd,
                BinOp::Sub => Op::FloatSub,
                BinOp::Mul => Op::FloatMul,
                BinOp::TrueDiv => Op::FloatDiv,
                BinOp::Pow => {
                    let f = |v: Value| if v.is_small() { v.small_value() as f64 } else { v.get::<FloatObj>().map(|f| f.0).unwrap_or(f64::NAN) };
                    if crate::entry::pow_fast(f(va), f(vb)).is_none() {
                        return self.generic_push(ip, JitOp::BinaryOp, op, 2);
                    }
                    Op::FloatPow
                }
                _ => return self.generic_push(ip, JitOp::BinaryOp, op, 2),
            };
            // an int operand converts exactly only below 2**53 (CPython rounds the same way
            // for larger ones, but keep to the exact range)
            for (r, v) in [(ra, va), (rb, vb)] {
                if self.b.t.ty(r) != Ty::Float && v.is_small() && v.small_value().unsigned_abs() >= 1 << 53 {
                    return self.generic_push(ip, JitOp::BinaryOp, op, 2);
                }
            }
            let a = self.as_float(vm, ra, va, &s)?;
            let b = self.as_float(vm, rb, vb, &s)?;
            if fop == Op::FloatDiv {
                let d = if vb.is_small() { vb.small_value() as f64 } else { vb.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0) };
                if d == 0.0 {
                    return self.generic_push(ip, JitOp::BinaryOp, op, 2);
                }
            }
            let snap = (fop == Op::FloatDiv || fop == Op::FloatPow).then(|| s.clone());
            self.b.emit(fop, a, b, 0, snap)?
        } else {
            return self.generic_push(ip, JitOp::BinaryOp, op, 2);
        };
        self.pop()?;
        self.pop()?;
        self.push(r)
    }

    pub(super) fn compare(&mut self, vm: &Vm, ip: usize, op: u32) -> Result<(), String> {
        let rb = self.peek(1)?;
        let ra = self.peek(2)?;
        let vb = self.val(vm, self.sp - 1);
        let va = self.val(vm, self.sp - 2);
        let s = self.snap(ip);
        let c = CmpOp::from_u32(op);
        let is_int = |me: &Self, r: Ref, v: Value| me.b.t.ty(r) == Ty::Int || (me.b.t.ty(r) == Ty::Val && v.is_small());
        let is_float = |me: &Self, r: Ref, v: Value| me.b.t.ty(r) == Ty::Float || (me.b.t.ty(r) == Ty::Val && is_exact_float(vm, v));
        let r = if is_int(self, ra, va) && is_int(self, rb, vb) {
            let a = self.as_int(ra, va, &s)?;
            let b = self.as_int(rb, vb, &s)?;
            let o = match c {
                CmpOp::Lt => Op::IntLt,
                CmpOp::Le => Op::IntLe,
                CmpOp::Eq => Op::IntEq,
                CmpOp::Ne => Op::IntNe,
                CmpOp::Gt => Op::IntGt,
                CmpOp::Ge => Op::IntGe,
            };
            self.b.emit(o, a, b, 0, None)?
        } else if is_float(self, ra, va) && is_float(self, rb, vb) {
            let a = self.as_float(vm, ra, va, &s)?;
            let b = self.as_float(vm, rb, vb, &s)?;
            let o = match c {
                CmpOp::Lt => Op::FloatLt,
                CmpOp::Le => Op::FloatLe,
                CmpOp::Eq => Op::FloatEq,
                CmpOp::Ne => Op::FloatNe,
                CmpOp::Gt => Op::FloatGt,
                CmpOp::Ge => Op::FloatGe,
            };
            self.b.emit(o, a, b, 0, None)?
        } else {
            return self.generic_push(ip, JitOp::CompareOp, op, 2);
        };
        self.pop()?;
        self.pop()?;
        self.push(r)
    }
}
