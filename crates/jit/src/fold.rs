//! Emission through the fold engine: every instruction the recorder or the loop peeler
//! emits passes through constant folding, algebraic simplification, box/unbox cancelling,
//! redundant-guard removal and CSE before it is appended (LuaJIT's FOLD/CSE, done while
//! recording so later phases see the simplified trace).

use std::collections::HashMap;

use crate::ir::{Inst, Op, Ref, Snap, Trace, EFFECT, GUARD, PURE, READS};

/// Addresses of the objects folding must recognise.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known {
    pub int_type: i64,
    pub float_type: i64,
    pub bool_type: i64,
    pub true_: i64,
    pub false_: i64,
}

/// A guard whose condition is known to be false: the trace would always leave there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlwaysFails;

/// Small-int range of the tagged representation.
pub const SMALL_MIN: i64 = -(1 << 62);
pub const SMALL_MAX: i64 = (1 << 62) - 1;

pub fn small(i: i64) -> Option<i64> {
    (SMALL_MIN..=SMALL_MAX).contains(&i).then_some(i)
}

#[derive(Clone)]
pub struct Builder {
    pub t: Trace,
    pub known: Known,
    cse: HashMap<(Op, Ref, Ref, i64, u32), Ref>,
    /// Bumped after every `EFFECT` instruction: `READS` instructions merge only within one.
    pub epoch: u32,
    /// While replaying the loop body: instructions before this index belong to the preamble.
    pub preamble_end: usize,
    /// Preamble refs whose guards the body must repeat (loop-carried values: a fact proven
    /// for their first value says nothing of later ones).
    pub variant: std::collections::HashSet<Ref>,
    /// Preamble refs on which a body guard was dropped because the preamble proved it.
    pub guards_reused_on: Vec<Ref>,
    /// Preamble refs whose definitions a fold rule in the body looked through.
    pub looked_through: Vec<Ref>,
}

impl Builder {
    pub fn new(known: Known) -> Builder {
        Builder {
            t: Trace::default(),
            known,
            cse: HashMap::new(),
            epoch: 0,
            preamble_end: usize::MAX,
            variant: Default::default(),
            guards_reused_on: Vec::new(),
            looked_through: Vec::new(),
        }
    }

    fn inst(&self, r: Ref) -> Inst {
        self.t.insts[r.idx()]
    }
    /// The op that defines `r`, for rules that look through a definition. In the loop
    /// body a preamble value that is loop-carried varies: its definition only described its
    /// first value, so such rules must not see it (they get `Loop`, which matches none).
    /// Looking through a preamble value is recorded, so that the peeler can replay the body
    /// when the value turns out to be loop-carried.
    fn def_op(&mut self, r: Ref) -> Op {
        if r.idx() < self.preamble_end && self.t.insts.len() > self.preamble_end {
            if self.variant.contains(&r) {
                return Op::Loop;
            }
            self.looked_through.push(r);
        }
        self.t.insts[r.idx()].op
    }
    /// The constant an Int/Bool ref holds, if it is one.
    pub fn kint(&self, r: Ref) -> Option<i64> {
        let i = self.inst(r);
        matches!(i.op, Op::KInt | Op::KBool).then_some(i.aux)
    }
    fn kfloat(&self, r: Ref) -> Option<f64> {
        let i = self.inst(r);
        (i.op == Op::KFloat).then(|| f64::from_bits(i.aux as u64))
    }
    pub fn kval(&self, r: Ref) -> Option<i64> {
        let i = self.inst(r);
        (i.op == Op::KVal).then_some(i.aux)
    }

    /// Appends without folding.
    pub fn append(&mut self, mut inst: Inst, snap: Option<Snap>) -> Ref {
        if let Some(s) = snap {
            inst.snap = self.t.snaps.len() as u32;
            self.t.snaps.push(s);
        }
        self.t.insts.push(inst);
        Ref(self.t.insts.len() as u32 - 1)
    }

    pub fn kint_ref(&mut self, v: i64) -> Ref {
        self.emit(Op::KInt, Ref::NONE, Ref::NONE, v, None).unwrap_or(Ref::NONE)
    }
    pub fn kbool_ref(&mut self, b: bool) -> Ref {
        self.emit(Op::KBool, Ref::NONE, Ref::NONE, b as i64, None).unwrap_or(Ref::NONE)
    }
    pub fn kfloat_ref(&mut self, f: f64) -> Ref {
        self.emit(Op::KFloat, Ref::NONE, Ref::NONE, f.to_bits() as i64, None).unwrap_or(Ref::NONE)
    }

    /// Emits `op` through folding. Returns the value (Ref::NONE for a removed void op), or
    /// `AlwaysFails` for a guard known to fail.
    pub fn emit(&mut self, op: Op, a: Ref, b: Ref, aux: i64, snap: Option<Snap>) -> Result<Ref, AlwaysFails> {
        if let Some(r) = self.fold(op, a, b, aux)? {
            return Ok(r);
        }
        let flags = op.flags();
        let key = (op, a, b, aux, if flags & READS != 0 { self.epoch } else { 0 });
        let mergeable = flags & (PURE | GUARD) != 0 && flags & EFFECT == 0 && !op.is_entry_read();
        if mergeable {
            if let Some(&r) = self.cse.get(&key) {
                let in_preamble = r.idx() < self.preamble_end;
                let guard_only = op.flags() & PURE == 0;
                if !(guard_only && in_preamble && self.variant.contains(&a)) {
                    if guard_only && in_preamble {
                        self.guards_reused_on.push(a);
                    }
                    return Ok(if guard_only { Ref::NONE } else { r });
                }
            }
        }
        let r = self.append(Inst::new(op, a, b, aux), if flags & GUARD != 0 { snap } else { None });
        if mergeable {
            self.cse.insert(key, r);
        }
        if flags & EFFECT != 0 {
            self.epoch += 1;
        }
        Ok(if op.ty() == crate::ir::Ty::Void { Ref::NONE } else { r })
    }

    /// Constant folding and simplification: Some(result) replaces the instruction.
    fn fold(&mut self, op: Op, a: Ref, b: Ref, aux: i64) -> Result<Option<Ref>, AlwaysFails> {
        let kn = self.known;
        Ok(match op {
            Op::GuardNonNull => match self.def_op(a) {
                Op::BoxInt => Some(Ref::NONE),
                Op::KVal if self.kval(a) != Some(0) => Some(Ref::NONE),
                _ => None,
            },
            Op::GuardInt => {
                if self.def_op(a) == Op::BoxInt {
                    Some(Ref::NONE)
                } else if let Some(v) = self.kval(a) {
                    if v & 1 == 1 {
                        Some(Ref::NONE)
                    } else {
                        return Err(AlwaysFails);
                    }
                } else {
                    None
                }
            }
            Op::GuardType => {
                if self.def_op(a) == Op::BoxInt {
                    if aux == kn.int_type {
                        Some(Ref::NONE)
                    } else {
                        return Err(AlwaysFails);
                    }
                } else {
                    None
                }
            }
            Op::GuardIs => match self.kval(a) {
                Some(v) if v == aux => Some(Ref::NONE),
                Some(_) => return Err(AlwaysFails),
                None => None,
            },
            Op::GuardNotIs => match self.kval(a) {
                Some(v) if v == aux => return Err(AlwaysFails),
                Some(_) => Some(Ref::NONE),
                None => None,
            },
            Op::BoxBool => match self.kint(a) {
                Some(v) => Some(self.emit(Op::KVal, Ref::NONE, Ref::NONE, if v != 0 { kn.true_ } else { kn.false_ }, None)?),
                None => None,
            },
            Op::GuardTrue | Op::GuardFalse => match self.kint(a) {
                Some(v) if (v != 0) == (op == Op::GuardTrue) => Some(Ref::NONE),
                Some(_) => return Err(AlwaysFails),
                None => None,
            },
            Op::UnboxInt => {
                if self.def_op(a) == Op::BoxInt {
                    Some(self.inst(a).a)
                } else if let Some(v) = self.kval(a).filter(|v| v & 1 == 1) {
                    Some(self.kint_ref(v >> 1))
                } else {
                    None
                }
            }
            Op::BoxInt => {
                if self.def_op(a) == Op::UnboxInt {
                    Some(self.inst(a).a)
                } else if let Some(v) = self.kint(a) {
                    Some(self.emit(Op::KVal, Ref::NONE, Ref::NONE, (v << 1) | 1, None)?)
                } else {
                    None
                }
            }
            Op::IntToFloat => self.kint(a).map(|v| v as f64).map(|f| self.kfloat_ref(f)),
            Op::IntAdd | Op::IntSub | Op::IntMul => {
                let (x, y) = (self.kint(a), self.kint(b));
                match (op, x, y) {
                    (_, Some(x), Some(y)) => {
                        let r = match op {
                            Op::IntAdd => x.checked_add(y),
                            Op::IntSub => x.checked_sub(y),
                            _ => x.checked_mul(y),
                        };
                        // an out-of-range result keeps the instruction: it always exits
                        r.and_then(small).map(|v| self.kint_ref(v))
                    }
                    (Op::IntAdd, _, Some(0)) | (Op::IntSub, _, Some(0)) | (Op::IntMul, _, Some(1)) => Some(a),
                    (Op::IntAdd, Some(0), _) | (Op::IntMul, Some(1), _) => Some(b),
                    (Op::IntMul, _, Some(0)) | (Op::IntMul, Some(0), _) => Some(self.kint_ref(0)),
                    (Op::IntSub, _, _) if a == b => Some(self.kint_ref(0)),
                    _ => None,
                }
            }
            Op::IntSar => match self.kint(a) {
                Some(x) => Some(self.kint_ref(x >> aux.clamp(0, 63))),
                None if aux == 0 => Some(a),
                None => None,
            },
            Op::IntAnd | Op::IntOr | Op::IntXor => match (self.kint(a), self.kint(b)) {
                (Some(x), Some(y)) => Some(self.kint_ref(match op {
                    Op::IntAnd => x & y,
                    Op::IntOr => x | y,
                    _ => x ^ y,
                })),
                _ if a == b && op != Op::IntXor => Some(a),
                _ => None,
            },
            Op::IntLt | Op::IntLe | Op::IntEq | Op::IntNe | Op::IntGt | Op::IntGe => {
                let c = match (self.kint(a), self.kint(b)) {
                    (Some(x), Some(y)) => Some(x.cmp(&y)),
                    _ if a == b => Some(std::cmp::Ordering::Equal),
                    _ => None,
                };
                c.map(|o| {
                    let v = match op {
                        Op::IntLt => o.is_lt(),
                        Op::IntLe => o.is_le(),
                        Op::IntEq => o.is_eq(),
                        Op::IntNe => o.is_ne(),
                        Op::IntGt => o.is_gt(),
                        _ => o.is_ge(),
                    };
                    self.kbool_ref(v)
                })
            }
            Op::FloatAdd | Op::FloatSub | Op::FloatMul | Op::FloatDiv => match (self.kfloat(a), self.kfloat(b)) {
                (Some(x), Some(y)) if !(op == Op::FloatDiv && y == 0.0) => Some(self.kfloat_ref(match op {
                    Op::FloatAdd => x + y,
                    Op::FloatSub => x - y,
                    Op::FloatMul => x * y,
                    _ => x / y,
                })),
                _ => None,
            },
            Op::FloatLt | Op::FloatLe | Op::FloatEq | Op::FloatNe | Op::FloatGt | Op::FloatGe => {
                match (self.kfloat(a), self.kfloat(b)) {
                    (Some(x), Some(y)) => Some(self.kbool_ref(match op {
                        Op::FloatLt => x < y,
                        Op::FloatLe => x <= y,
                        Op::FloatEq => x == y,
                        Op::FloatNe => x != y,
                        Op::FloatGt => x > y,
                        _ => x >= y,
                    })),
                    _ => None,
                }
            }
            Op::Is => match (self.kval(a), self.kval(b)) {
                (Some(x), Some(y)) => Some(self.kbool_ref(x == y)),
                _ if a == b => Some(self.kbool_ref(true)),
                _ => None,
            },
            Op::BoolNot => {
                if let Some(v) = self.kint(a) {
                    Some(self.kbool_ref(v == 0))
                } else if self.def_op(a) == Op::BoolNot {
                    Some(self.inst(a).a)
                } else {
                    None
                }
            }
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap() -> Option<Snap> {
        Some(Snap::default())
    }

    #[test]
    fn folds_constants_and_cancels_boxes() {
        let mut b = Builder::new(Known::default());
        let x = b.kint_ref(20);
        let y = b.kint_ref(22);
        let s = b.emit(Op::IntAdd, x, y, 0, snap()).unwrap();
        assert_eq!(b.kint(s), Some(42));
        let v = b.emit(Op::Sload, Ref::NONE, Ref::NONE, 1, None).unwrap();
        let u = b.emit(Op::UnboxInt, v, Ref::NONE, 0, None).unwrap();
        let bx = b.emit(Op::BoxInt, u, Ref::NONE, 0, None).unwrap();
        assert_eq!(bx, v, "box(unbox(v)) is v");
        let zero = b.kint_ref(0);
        let z = b.emit(Op::IntAdd, u, zero, 0, snap());
        assert_eq!(z, Ok(u));
        // overflow keeps the instruction
        let big = b.kint_ref(SMALL_MAX);
        let one = b.kint_ref(1);
        let o = b.emit(Op::IntAdd, big, one, 0, snap()).unwrap();
        assert_eq!(b.t.insts[o.idx()].op, Op::IntAdd);
    }

    #[test]
    fn guards_fold_and_merge() {
        let mut b = Builder::new(Known::default());
        let v = b.emit(Op::Sload, Ref::NONE, Ref::NONE, 0, None).unwrap();
        b.emit(Op::GuardInt, v, Ref::NONE, 0, snap()).unwrap();
        let n = b.t.insts.len();
        b.emit(Op::GuardInt, v, Ref::NONE, 0, snap()).unwrap();
        assert_eq!(b.t.insts.len(), n, "a repeated guard is dropped");
        let t = b.kbool_ref(true);
        assert_eq!(b.emit(Op::GuardFalse, t, Ref::NONE, 0, snap()), Err(AlwaysFails));
        assert_eq!(b.emit(Op::GuardTrue, t, Ref::NONE, 0, snap()), Ok(Ref::NONE));
        let k = b.emit(Op::KVal, Ref::NONE, Ref::NONE, 8, None).unwrap();
        assert_eq!(b.emit(Op::GuardInt, k, Ref::NONE, 0, snap()), Err(AlwaysFails));
    }

    #[test]
    fn variant_refs_keep_their_guards_in_the_body() {
        let mut b = Builder::new(Known::default());
        let v = b.emit(Op::Sload, Ref::NONE, Ref::NONE, 0, None).unwrap();
        b.emit(Op::GuardInt, v, Ref::NONE, 0, snap()).unwrap();
        b.preamble_end = b.t.insts.len();
        b.variant.insert(v);
        let n = b.t.insts.len();
        b.emit(Op::GuardInt, v, Ref::NONE, 0, snap()).unwrap();
        assert_eq!(b.t.insts.len(), n + 1);
        assert!(b.guards_reused_on.is_empty());
    }
}
