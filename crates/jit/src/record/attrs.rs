//! Attributes as the recorder sees them: instance slots read, written and added under
//! shape guards (class, class version, map), methods found on the class, names of a
//! module held as constants, and calls of the math module's functions on unboxed doubles.

use pyjit_vm::heap::{ObjKind, Value};
use pyjit_vm::interp::Cache;
use pyjit_vm::Vm;

use super::{is_exact_float, Recorder};
use crate::ir::{Op, Ref, Ty};

impl Recorder {
    /// The attribute cache of the instruction at `ip` when it holds `obj`'s shape: (class,
    /// class version, map, slot index) of a plain instance attribute in a map slot.
    pub(super) fn slot_hit(&self, ip: usize, obj: Value, store: bool) -> Option<(Value, u64, Value, u32)> {
        crate::inst_layout()?;
        let inst = obj.get::<pyjit_vm::objects::InstanceObj>()?;
        let map = inst.map.get();
        if map.is_null() {
            return None;
        }
        let ty = obj.header()?.ty.get();
        let ver = ty.get::<pyjit_vm::objects::TypeObj>()?.version.get();
        let caches = self.code.caches.try_borrow().ok()?;
        let Some(Cache::Slot(es)) = caches.get(ip).copied() else { return None };
        let e = es.iter().find(|e| e.map == map && e.ty_ver == ver)?;
        let slots = inst.slots.try_borrow().ok()?;
        let v = slots.get(e.index as usize)?;
        if v.is_null() && !store {
            return None;
        }
        Some((ty, ver, map, e.index))
    }

    /// The method cache of a LoadMethod at `ip` when it finds a plain method for `obj`
    /// without a look-up: (class, class version, map or NULL, function, whether `obj` may
    /// hold an attribute of that name in an instance dict, to be checked by
    /// `guard_unshadowed`).
    pub(super) fn method_hit(&self, vm: &Vm, ip: usize, obj: Value, name: Value) -> Option<(Value, u64, Value, Value, bool)> {
        crate::inst_layout()?;
        let ty = obj.header()?.ty.get();
        let t = ty.get::<pyjit_vm::objects::TypeObj>()?;
        let ver = t.version.get();
        let caches = self.code.caches.try_borrow().ok()?;
        let Some(Cache::Method(es)) = caches.get(ip).copied() else { return None };
        let e = es.iter().find(|e| e.ty == ty && e.ty_ver == ver)?;
        match obj.get::<pyjit_vm::objects::InstanceObj>() {
            // an instance with the map the cache saw has no attribute of that name
            Some(inst) => {
                let map = inst.map.get();
                // the map the cache saw, or one without an attribute of that name
                let unshadowed = !map.is_null()
                    && (map == e.map || map.get::<pyjit_vm::objects::MapObj>().is_some_and(|m| m.lookup(name).is_none()));
                (unshadowed && inst.dict.get().is_null()).then_some((ty, ver, map, e.func, false))
            }
            // an instance of a builtin class without an instance dict has no attributes of
            // its own; other objects (a subclass of a builtin class such as random.Random,
            // io objects, functions) are checked by a look-up in their instance dict
            None if matches!(obj.kind(), Some(ObjKind::Type | ObjKind::Module)) || ty == vm.types.type_ => None,
            None => Some((ty, ver, Value::NULL, e.func, !Vm::holds_no_attributes(obj, ty))),
        }
    }

    /// Guards that `r` has class `ty` at version `ver`, map `map` (unless NULL), and more
    /// than `index` slots.
    pub(super) fn guard_shape(&mut self, ip: usize, r: Ref, ty: Value, ver: u64, map: Value, index: Option<u32>) -> Result<(), String> {
        if self.b.t.ty(r) != Ty::Val {
            return Err("attribute of an unboxed value".into());
        }
        let s = self.snap(ip);
        self.b.emit(Op::GuardClass, r, Ref::NONE, ty.raw() as i64, Some(s.clone()))?;
        let k = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, ty.raw() as i64, None)?;
        self.b.emit(Op::GuardTypeVer, k, Ref::NONE, ver as i64, Some(s.clone()))?;
        if !map.is_null() {
            self.keep.push(map);
            self.b.emit(Op::GuardMap, r, Ref::NONE, map.raw() as i64, Some(s.clone()))?;
        }
        if let Some(i) = index {
            self.b.emit(Op::GuardSlotLen, r, Ref::NONE, i as i64, Some(s))?;
        }
        Ok(())
    }

    /// `m.name` (name `i` of the code) of a module `m` the trace holds as a constant, when
    /// the module's dict has it (`Vm::jit_module_attr`): the value as a constant under a
    /// version guard of that dict (rebinding the name leaves the trace).
    pub(super) fn module_attr(&mut self, vm: &mut Vm, ip: usize, i: u32) -> Result<Option<Ref>, String> {
        let r = self.peek(1)?;
        let Some(m) = self.b.kval(r) else { return Ok(None) };
        let m = Value::from_raw(m as u64);
        if m.kind() != Some(ObjKind::Module) {
            return Ok(None);
        }
        let name = self.code.names.get(i as usize).copied().unwrap_or(Value::NULL);
        let Some((d, ver, v)) = vm.jit_module_attr(m, name) else { return Ok(None) };
        let s = self.snap(ip);
        let k = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, d.raw() as i64, None)?;
        self.b.emit(Op::GuardVer, k, Ref::NONE, ver as i64, Some(s))?;
        self.keep.push(d);
        self.keep.push(v);
        Ok(Some(self.constant(vm, v)?))
    }

    /// A call of a math function (`Vm::jit_float_fn`) on one float or int: `float_fn` on
    /// the unboxed double. `pop` is the stack words the call takes.
    pub(super) fn float_fn_call(&mut self, vm: &Vm, ip: usize, f: Value, pop: usize) -> Result<bool, String> {
        let Some(which) = vm.jit_float_fn(f) else { return Ok(false) };
        let x = self.val(vm, self.sp - 1);
        let r = self.peek(1)?;
        let fits = matches!(self.b.t.ty(r), Ty::Float | Ty::Int) || (self.b.t.ty(r) == Ty::Val && (x.is_small() || is_exact_float(vm, x)));
        if !fits {
            return Ok(false);
        }
        // the function is a constant under the guards that found it (globals or a module)
        let fr = self.peek(2)?;
        if self.b.kval(fr) != Some(f.raw() as i64) {
            return Ok(false);
        }
        let s = self.snap(ip);
        let u = self.as_float(vm, r, x, &s)?;
        let y = self.b.emit(Op::FloatFn, u, Ref::NONE, which as i64, Some(s))?;
        for _ in 0..pop {
            self.pop()?;
        }
        self.push(y)?;
        Ok(true)
    }

    /// The map transition a StoreAttr at `ip` caches (`Cache::AddSlot`) when it applies to
    /// `obj` now: (class, class version, map before, map after).
    pub(super) fn add_slot_hit(&self, ip: usize, obj: Value) -> Option<(Value, u64, Value, Value)> {
        crate::inst_layout()?;
        let inst = obj.get::<pyjit_vm::objects::InstanceObj>()?;
        let map = inst.map.get();
        if map.is_null() || !inst.dict.get().is_null() {
            return None;
        }
        let ty = obj.header()?.ty.get();
        let ver = ty.get::<pyjit_vm::objects::TypeObj>()?.version.get();
        let caches = self.code.caches.try_borrow().ok()?;
        let Some(Cache::AddSlot { ty_ver, from, to, index }) = caches.get(ip).copied() else { return None };
        let len = inst.slots.try_borrow().ok()?.len();
        (from == map && ty_ver == ver && len == index as usize).then_some((ty, ver, from, to))
    }
}
