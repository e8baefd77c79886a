//! The object header, the list of object kinds, and GC tracing.
//!
//! Every heap object is `Obj<T>`: a `Header` then a payload `T`. The header's `ty` (offset 0)
//! is the Python class; `kind` names the Rust payload so the GC can trace and drop the object
//! without looking at its class. The payload list below is the one table of object layouts.

use std::cell::Cell;

use super::value::Value;

/// The common header of every heap object.
#[repr(C)]
pub struct Header {
    /// The Python type (a `TypeObj`), at offset 0 so a trace guards it with one load.
    pub ty: Cell<Value>,
    pub kind: ObjKind,
    pub(super) mark: Cell<bool>,
    pub flags: Cell<u16>,
    /// Per-kind spare bits.
    pub extra: Cell<u32>,
}

/// `Header::flags` bit: the object's `__del__` has been called (CPython calls it once per
/// object, even when the object is resurrected).
pub const FINALIZED: u16 = 1;

pub const HEADER_SIZE: usize = std::mem::size_of::<Header>();

impl Header {
    /// A header for an object that never lives in the heap (layout measurements).
    pub(super) fn detached() -> Header {
        Header { ty: Cell::new(Value::NULL), kind: ObjKind::Free, mark: Cell::new(false), flags: Cell::new(0), extra: Cell::new(0) }
    }
}

/// Collects the values an object refers to.
pub struct Tracer {
    pub(super) stack: Vec<Value>,
}

impl Tracer {
    #[inline]
    pub fn visit(&mut self, v: Value) {
        if let Some(h) = v.header() {
            if !h.mark.get() {
                h.mark.set(true);
                self.stack.push(v);
            }
        }
    }
    pub fn visit_all(&mut self, vs: &[Value]) {
        for &v in vs {
            self.visit(v);
        }
    }
}

/// What a payload must tell the GC.
pub trait Trace {
    fn trace(&self, t: &mut Tracer);
}

/// A payload type with its kind.
pub trait Payload: Trace + 'static {
    const KIND: ObjKind;
}

macro_rules! payloads {
    ($($kind:ident => $ty:ty),* $(,)?) => {
        /// Which Rust layout an object has. `Free` marks an unallocated cell.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum ObjKind {
            Free = 0,
            $($kind),*
        }

        $(impl Payload for $ty {
            const KIND: ObjKind = ObjKind::$kind;
        })*

        /// Traces the object behind `v` by its kind.
        pub(super) fn trace_object(v: Value, t: &mut Tracer) {
            let Some(h) = v.header() else { return };
            t.visit(h.ty.get());
            match h.kind {
                ObjKind::Free => {}
                $(ObjKind::$kind => {
                    if let Some(o) = v.get::<$ty>() {
                        o.trace(t);
                    }
                })*
            }
        }

        /// Size in bytes of an object of `kind`.
        pub(super) fn size_of_kind(kind: ObjKind) -> usize {
            match kind {
                ObjKind::Free => 0,
                $(ObjKind::$kind => std::mem::size_of::<super::value::Obj<$ty>>()),*
            }
        }

        /// Whether objects of this kind own Rust memory that `drop_payload` must free
        /// (floats, small ints in boxes, cells... do not: the sweep skips the call).
        #[inline]
        pub(super) fn kind_needs_drop(kind: ObjKind) -> bool {
            match kind {
                ObjKind::Free => false,
                $(ObjKind::$kind => std::mem::needs_drop::<$ty>()),*
            }
        }

        /// Runs the Rust destructor of the payload at `p`.
        pub(super) fn drop_payload(kind: ObjKind, p: *mut u8) {
            match kind {
                ObjKind::Free => {}
                $(ObjKind::$kind => {
                    if std::mem::needs_drop::<$ty>() {
                        super::gc::drop_obj::<$ty>(p)
                    }
                }),*
            }
        }
    };
}

use crate::objects::*;

payloads! {
    BigInt => IntObj,
    Bool => BoolObj,
    Float => FloatObj,
    Complex => ComplexObj,
    Str => StrObj,
    Bytes => BytesObj,
    ByteArray => ByteArrayObj,
    Tuple => TupleObj,
    List => ListObj,
    Dict => DictObj,
    Set => SetObj,
    Type => TypeObj,
    Instance => InstanceObj,
    Map => MapObj,
    Exception => ExceptionObj,
    Function => FunctionObj,
    Code => CodeObj,
    Builtin => BuiltinObj,
    Method => MethodObj,
    CellK => CellObj,
    Module => ModuleObj,
    Generator => GeneratorObj,
    Range => RangeObj,
    Slice => SliceObj,
    Iter => IterObj,
    Property => PropertyObj,
    ClassMethod => ClassMethodObj,
    StaticMethod => StaticMethodObj,
    Super => SuperObj,
    Singleton => SingletonObj,
    DictView => DictViewObj,
    MemoryView => MemoryViewObj,
    Traceback => TracebackObj,
    Frame => FrameObj,
    MemberDescr => MemberDescrObj,
    MappingProxy => MappingProxyObj,
    GenericAlias => GenericAliasObj,
    Io => IoObj,
    Sre => SreObj,
    Native => NativeObj,
}
