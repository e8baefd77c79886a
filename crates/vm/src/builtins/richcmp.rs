//! The rich comparison methods (`__eq__` ... `__ge__`) of bytes, bytearray, range and slice:
//! what comparisons of their subclasses' instances (and explicit `bytes.__lt__(a, b)` calls)
//! find; the operators on the builtin types themselves compare natively.

use pyjit_compiler::opcode::CmpOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};

/// Whether the other operand is of a kind this one compares with natively.
fn comparable(a: Option<ObjKind>, b: Option<ObjKind>) -> bool {
    use ObjKind::*;
    match a {
        Some(Bytes) | Some(ByteArray) => matches!(b, Some(Bytes) | Some(ByteArray)),
        Some(Range) | Some(Slice) => a == b,
        _ => false,
    }
}

fn rich(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    super::marity(vm, a, 2, 2, "comparison")?;
    if !comparable(a[0].kind(), a[1].kind()) {
        return Ok(vm.not_implemented);
    }
    match super::compare::native_compare(vm, a[0], a[1], op)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

macro_rules! rich_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            rich(vm, a, $op)
        }
    };
}
rich_fn!(r_eq, CmpOp::Eq);
rich_fn!(r_ne, CmpOp::Ne);
rich_fn!(r_lt, CmpOp::Lt);
rich_fn!(r_le, CmpOp::Le);
rich_fn!(r_gt, CmpOp::Gt);
rich_fn!(r_ge, CmpOp::Ge);

pub fn register(vm: &mut Vm) {
    let ms: [(&'static str, crate::interp::NativeFn); 6] =
        [("__eq__", r_eq), ("__ne__", r_ne), ("__lt__", r_lt), ("__le__", r_le), ("__gt__", r_gt), ("__ge__", r_ge)];
    for t in [vm.types.bytes, vm.types.bytearray, vm.types.range, vm.types.slice] {
        for (n, f) in ms {
            super::method(vm, t, n, f);
        }
    }
}
