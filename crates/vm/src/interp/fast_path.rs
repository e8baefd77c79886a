//! The dispatch loop's fast cases: the most frequent instructions in their common case,
//! run with the stack pointer in a local of `execute` instead of `self.sp`.
//!
//! Every push and pop through `self.sp` reads and writes memory, so each instruction waits
//! on the store of the one before it. Here the pointer stays in a register. `execute`'s
//! handler of such an instruction tries `fast_step` first; when it returns false (with
//! nothing changed) the handler writes the pointer back and runs its full code. Nothing
//! here calls Python code, and the one allocation (a float result) writes `self.sp` first,
//! since a collection scans the stack only up to `self.sp`.

use pyjit_compiler::opcode::{BinOp, CmpOp, Instr, INPLACE};

use crate::heap::cell_read::vec_get;
use crate::heap::{Gc, ObjKind, Value};
use crate::objects::{CellObj, CodeObj, DictObj, FloatObj, InstanceObj, IterObj, IterState, ListObj, TupleObj};

use super::dispatch_support::instance_type_version;
use super::{Cache, Vm};

impl Vm {
    /// `a op b` for + - * / when both are exact floats, or one is and the other a small
    /// int exactly representable as a float; None for every other case (including
    /// division by zero, which the general path reports).
    #[inline(always)]
    pub(super) fn float_binop_fast(&self, a: Value, b: Value, op: u32) -> Option<f64> {
        let ft = self.types.float;
        let exact = |v: Value| v.get::<FloatObj>().filter(|f| f.hdr().ty.get() == ft).map(|f| f.0);
        let small = |v: Value| {
            let i = v.small_value();
            (v.is_small() && i.unsigned_abs() < (1 << 53)).then_some(i as f64)
        };
        let (x, y) = match (exact(a), exact(b)) {
            (Some(x), Some(y)) => (x, y),
            (Some(x), None) => (x, small(b)?),
            (None, Some(y)) => (small(a)?, y),
            (None, None) => return None,
        };
        match op % INPLACE {
            0 => Some(x + y),
            1 => Some(x - y),
            2 => Some(x * y),
            4 if y != 0.0 => Some(x / y),
            _ => None,
        }
    }

    /// Runs `instr` (already counted in `ip`) when it is in its common case, with the stack
    /// pointer `sp`; false, with nothing changed, when the full dispatch must run it.
    #[inline(always)]
    pub(super) fn fast_step(&mut self, instr: Instr, code: Gc<CodeObj>, base: usize, ip: &mut usize, sp: &mut usize) -> bool {
        let s = *sp;
        match instr {
            Instr::LoadFast(i) => {
                let v = self.stack[base + i as usize];
                if v.is_null() {
                    return false;
                }
                self.stack[s] = v;
                *sp = s + 1;
            }
            Instr::StoreFast(i) => {
                self.stack[base + i as usize] = self.stack[s - 1];
                *sp = s - 1;
            }
            Instr::LoadConst(i) => {
                self.stack[s] = code.consts[i as usize];
                *sp = s + 1;
            }
            // Superinstructions: both halves here, or the full dispatch (which runs only the
            // first half when the second would raise).
            Instr::LoadFastLoadFast(ab) => {
                let va = self.stack[base + (ab >> 16) as usize];
                let vb = self.stack[base + (ab & 0xffff) as usize];
                if va.is_null() || vb.is_null() {
                    return false;
                }
                self.stack[s] = va;
                self.stack[s + 1] = vb;
                *sp = s + 2;
                *ip += 1;
            }
            Instr::LoadFastLoadConst(ab) => {
                let va = self.stack[base + (ab >> 16) as usize];
                if va.is_null() {
                    return false;
                }
                self.stack[s] = va;
                self.stack[s + 1] = code.consts[(ab & 0xffff) as usize];
                *sp = s + 2;
                *ip += 1;
            }
            Instr::LoadConstLoadFast(ab) => {
                let vb = self.stack[base + (ab & 0xffff) as usize];
                if vb.is_null() {
                    return false;
                }
                self.stack[s] = code.consts[(ab >> 16) as usize];
                self.stack[s + 1] = vb;
                *sp = s + 2;
                *ip += 1;
            }
            Instr::StoreFastLoadFast(ab) => {
                // read after the store: the two may name the same local
                self.stack[base + (ab >> 16) as usize] = self.stack[s - 1];
                let vb = self.stack[base + (ab & 0xffff) as usize];
                if vb.is_null() {
                    // only the store; the load raises at its own index next
                    *sp = s - 1;
                } else {
                    self.stack[s - 1] = vb;
                    *ip += 1;
                }
            }
            Instr::StoreFastStoreFast(ab) => {
                self.stack[base + (ab >> 16) as usize] = self.stack[s - 1];
                self.stack[base + (ab & 0xffff) as usize] = self.stack[s - 2];
                *sp = s - 2;
                *ip += 1;
            }
            Instr::PopTop => {
                *sp = s - 1;
                self.release_recent();
            }
            Instr::Nop => {}
            Instr::Copy(n) => {
                self.stack[s] = self.stack[s - n as usize];
                *sp = s + 1;
            }
            Instr::Swap(n) => self.stack.swap(s - 1, s - n as usize),
            Instr::Jump(t) => *ip = t as usize,
            Instr::JumpBackward(t) => {
                let h = code.hotness.get().wrapping_add(1);
                if h >= self.jit.threshold || crate::signals::pending() {
                    return false;
                }
                code.hotness.set(h);
                self.release_recent();
                *ip = t as usize;
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let v = self.stack[s - 1];
                let b = if v == self.true_ {
                    true
                } else if v == self.false_ {
                    false
                } else {
                    return false;
                };
                *sp = s - 1;
                if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                    *ip = t as usize;
                }
            }
            Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                let v = self.stack[s - 1];
                *sp = s - 1;
                if (v == self.none) == matches!(instr, Instr::PopJumpIfNone(_)) {
                    *ip = t as usize;
                }
            }
            Instr::IsOp(inv) => {
                let (a, b) = (self.stack[s - 2], self.stack[s - 1]);
                self.stack[s - 2] = self.bool_val((a == b) != (inv == 1));
                *sp = s - 1;
            }
            Instr::CompareOp(op) => {
                let (a, b) = (self.stack[s - 2], self.stack[s - 1]);
                let r = if a.is_small() && b.is_small() {
                    super::ops::cmp_ord(a.small_value().cmp(&b.small_value()), CmpOp::from_u32(op))
                } else {
                    let ft = self.types.float;
                    let exact = |v: Value| v.get::<FloatObj>().filter(|f| f.hdr().ty.get() == ft).map(|f| f.0);
                    let (Some(x), Some(y)) = (exact(a), exact(b)) else { return false };
                    match CmpOp::from_u32(op) {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    }
                };
                self.stack[s - 2] = self.bool_val(r);
                *sp = s - 1;
            }
            Instr::BinaryOp(op) => {
                let (a, b) = (self.stack[s - 2], self.stack[s - 1]);
                if !(a.is_small() && b.is_small()) {
                    let Some(f) = self.float_binop_fast(a, b, op) else { return false };
                    // The one allocation of this layer, with `self.sp` written first so that a
                    // collection sees the stack; the new float then replaces `a`.
                    self.sp = s - 1;
                    let v = self.new_float_for_stack(f);
                    self.stack[s - 2] = v;
                    *sp = s - 1;
                    return true;
                }
                let Some(r) = small_binop(a.small_value(), b.small_value(), op % INPLACE).and_then(Value::small) else { return false };
                self.stack[s - 2] = r;
                *sp = s - 1;
            }
            Instr::LoadAttr(_) => {
                let Some(v) = self.attr_cache_get(code, *ip - 1, self.stack[s - 1]) else { return false };
                self.stack[s - 1] = v;
            }
            Instr::StoreAttr(_) => {
                let (obj, v) = (self.stack[s - 1], self.stack[s - 2]);
                let Some(inst) = obj.get::<InstanceObj>() else { return false };
                let Some(Cache::Slot(es)) = vec_get(&code.caches, *ip - 1) else { return false };
                let map = inst.map.get();
                let Some(e) = es.iter().find(|e| e.map == map && !map.is_null()) else { return false };
                if instance_type_version(inst) != e.ty_ver {
                    return false;
                }
                let Ok(mut slots) = inst.slots.try_borrow_mut() else { return false };
                let Some(slot) = slots.get_mut(e.index as usize) else { return false };
                *slot = v;
                *sp = s - 2;
            }
            Instr::LoadMethod(_) => {
                let obj = self.stack[s - 1];
                let Some(f) = self.method_cache_hit(code, *ip - 1, obj) else { return false };
                self.stack[s - 1] = f;
                self.stack[s] = obj;
                *sp = s + 1;
            }
            Instr::LoadGlobal(_) => {
                let Some(Cache::Global { globals_ver, builtins_ver, value }) = vec_get(&code.caches, *ip - 1) else { return false };
                let Some(f) = self.frames.last() else { return false };
                let gv = f.globals.get::<DictObj>().map(|d| d.version()).unwrap_or(0);
                let bv = f.builtins.get::<DictObj>().map(|d| d.version()).unwrap_or(0);
                if gv != globals_ver || bv != builtins_ver {
                    return false;
                }
                self.stack[s] = value;
                *sp = s + 1;
            }
            Instr::ForIter(t) => {
                let t = t as usize;
                let Some(io) = self.stack[s - 1].get::<IterObj>() else { return false };
                let Ok(mut st) = io.state.try_borrow_mut() else { return false };
                match &mut *st {
                    IterState::Range { cur, stop, step } if *step > 0 => {
                        if *cur < *stop {
                            let Some(v) = Value::small(*cur) else { return false };
                            *cur = cur.saturating_add(*step);
                            self.stack[s] = v;
                            *sp = s + 1;
                        } else {
                            *sp = s - 1;
                            *ip = t;
                        }
                    }
                    IterState::Seq { seq, index } => {
                        // (the end of the sequence goes to the full dispatch)
                        let v = match seq.kind() {
                            Some(ObjKind::List) => seq.get::<ListObj>().and_then(|l| vec_get(&l.items, *index)),
                            Some(ObjKind::Tuple) => seq.get::<TupleObj>().and_then(|t| t.items.get(*index).copied()),
                            _ => None,
                        };
                        let Some(v) = v else { return false };
                        *index += 1;
                        self.stack[s] = v;
                        *sp = s + 1;
                    }
                    _ => return false,
                }
            }
            Instr::UnpackSequence(n) => {
                let n = n as usize;
                let seq = self.stack[s - 1];
                if let Some(t) = seq.get::<TupleObj>() {
                    if t.items.len() != n {
                        return false;
                    }
                    for (k, &v) in t.items.iter().rev().enumerate() {
                        self.stack[s - 1 + k] = v;
                    }
                } else if let Some(l) = seq.get::<ListObj>() {
                    let Ok(items) = l.items.try_borrow() else { return false };
                    if items.len() != n {
                        return false;
                    }
                    for (k, &v) in items.iter().rev().enumerate() {
                        self.stack[s - 1 + k] = v;
                    }
                } else {
                    return false;
                }
                *sp = s - 1 + n;
            }
            Instr::BinarySubscr => {
                let (obj, key) = (self.stack[s - 2], self.stack[s - 1]);
                if !key.is_small() {
                    return false;
                }
                let k = key.small_value();
                let at = |n: usize| {
                    let j = if k < 0 { k + n as i64 } else { k };
                    (0..n as i64).contains(&j).then_some(j as usize)
                };
                let Some(h) = obj.header() else { return false };
                let ty = h.ty.get();
                let v = if ty == self.types.list {
                    let Some(l) = obj.get::<ListObj>() else { return false };
                    let Ok(items) = l.items.try_borrow() else { return false };
                    at(items.len()).map(|j| items[j])
                } else if ty == self.types.tuple {
                    let Some(t) = obj.get::<TupleObj>() else { return false };
                    at(t.items.len()).map(|j| t.items[j])
                } else {
                    None
                };
                let Some(v) = v else { return false };
                self.stack[s - 2] = v;
                *sp = s - 1;
            }
            Instr::StoreSubscr => {
                let (v, obj, key) = (self.stack[s - 3], self.stack[s - 2], self.stack[s - 1]);
                if !key.is_small() || obj.header().map(|h| h.ty.get()) != Some(self.types.list) {
                    return false;
                }
                let Some(l) = obj.get::<ListObj>() else { return false };
                let Ok(mut items) = l.items.try_borrow_mut() else { return false };
                let (k, n) = (key.small_value(), items.len() as i64);
                let j = if k < 0 { k + n } else { k };
                if !(0..n).contains(&j) {
                    return false;
                }
                items[j as usize] = v;
                *sp = s - 3;
            }
            Instr::LoadDeref(i) => {
                let cell = self.stack[base + code.shape.nlocals as usize + i as usize];
                let Some(c) = cell.get::<CellObj>() else { return false };
                let v = c.v.get();
                if v.is_null() {
                    return false;
                }
                self.stack[s] = v;
                *sp = s + 1;
            }
            Instr::StoreDeref(i) => {
                let cell = self.stack[base + code.shape.nlocals as usize + i as usize];
                let Some(c) = cell.get::<CellObj>() else { return false };
                c.v.set(self.stack[s - 1]);
                *sp = s - 1;
            }
            _ => return false,
        }
        true
    }
}

/// `x op y` (`BinOp` number `op`) on two small ints when it is a small computation with an
/// int result: what `Vm::small_op` gives, or None for the full path (other operators,
/// overflow, division by zero and negative shifts, which raise there).
#[inline(always)]
fn small_binop(x: i64, y: i64, op: u32) -> Option<i64> {
    // small ints have at most 63 bits: no quotient overflows
    const ADD: u32 = BinOp::Add as u32;
    const SUB: u32 = BinOp::Sub as u32;
    const MUL: u32 = BinOp::Mul as u32;
    const FLOORDIV: u32 = BinOp::FloorDiv as u32;
    const MOD: u32 = BinOp::Mod as u32;
    const AND: u32 = BinOp::And as u32;
    const OR: u32 = BinOp::Or as u32;
    const XOR: u32 = BinOp::Xor as u32;
    const RSHIFT: u32 = BinOp::RShift as u32;
    match op {
        ADD => x.checked_add(y),
        SUB => x.checked_sub(y),
        MUL => x.checked_mul(y),
        FLOORDIV if y != 0 => {
            let q = x.checked_div(y)?;
            Some(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q })
        }
        MOD if y != 0 => {
            let r = x.checked_rem(y)?;
            Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
        AND => Some(x & y),
        OR => Some(x | y),
        XOR => Some(x ^ y),
        RSHIFT if y >= 0 => Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::small_binop;
    use pyjit_compiler::opcode::BinOp;

    #[test]
    fn small_binop_floors_and_declines() {
        let fd = BinOp::FloorDiv as u32;
        let m = BinOp::Mod as u32;
        for (x, y) in [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, -5), (1, 1)] {
            let q = (x as f64 / y as f64).floor() as i64;
            assert_eq!(small_binop(x, y, fd), Some(q), "{x} // {y}");
            assert_eq!(small_binop(x, y, m), Some(x - q * y), "{x} % {y}");
        }
        assert_eq!(small_binop(1, 0, fd), None);
        assert_eq!(small_binop(1, 0, m), None);
        let rs = BinOp::RShift as u32;
        assert_eq!(small_binop(-5, 1, rs), Some(-3));
        assert_eq!(small_binop(-5, 100, rs), Some(-1));
        assert_eq!(small_binop(5, 100, rs), Some(0));
        assert_eq!(small_binop(5, -1, rs), None);
        assert_eq!(small_binop(6, 3, BinOp::And as u32), Some(2));
        assert_eq!(small_binop(6, 3, BinOp::Xor as u32), Some(5));
        assert_eq!(small_binop(2, 3, BinOp::Pow as u32), None);
        assert_eq!(small_binop(2, 3, BinOp::TrueDiv as u32), None);
    }
}
