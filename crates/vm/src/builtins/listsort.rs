//! `list.sort()`: CPython 3.11's listsort (Objects/listsort.txt), so that the `<` calls a
//! user's `__lt__` sees, the results with inconsistent comparisons and the partial order
//! left by an exception are CPython's.
//!
//! Natural runs (strictly descending ones reversed in place) are extended to `minrun` items
//! by binary insertion, pushed on a stack and merged by the powersort policy; merges gallop
//! (`gallop_left`/`gallop_right`) once one side wins `min_gallop` times in a row. The list
//! is empty while it is sorted, as in CPython; finding it changed afterwards raises
//! "list modified during sort".

use pyjit_compiler::opcode::CmpOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// Galloping starts after this many wins in a row (CPython's MIN_GALLOP).
const MIN_GALLOP: usize = 7;

/// What is sorted: the keys themselves, or (key, value) pairs when `key=` is given.
trait Elem: Copy {
    fn key(&self) -> Value;
}

impl Elem for Value {
    #[inline(always)]
    fn key(&self) -> Value {
        *self
    }
}

impl Elem for (Value, Value) {
    #[inline(always)]
    fn key(&self) -> Value {
        self.0
    }
}

impl Vm {
    /// Sorts a list in place: stable, with `key` and `reverse`, errors from `<` propagated
    /// (the list then holds a permutation of its items, in CPython's partial order).
    pub fn sort_list(&mut self, l: Value, key: Value, reverse: bool) -> PyResult<()> {
        let list = l.get::<ListObj>().ok_or_else(|| self.type_error("expected a list"))?;
        // The list is emptied during the sort, as CPython does, so that code run by the key
        // function or by `<` sees an empty list; `hold` roots the items meanwhile.
        let _hold = self.new_list(list.snapshot());
        let saved = std::mem::take(&mut *list.items.borrow_mut());
        let n = saved.len();
        let flip = reverse && n > 1;
        let (mut sorted, result) = if key.is_null() {
            let mut a = saved;
            if flip {
                a.reverse();
            }
            let r = self.timsort(&mut a);
            (a, r)
        } else {
            let khold = self.new_list(Vec::with_capacity(n));
            let mut pairs = Vec::with_capacity(n);
            for &it in &saved {
                match self.call(key, &[it]) {
                    Ok(k) => {
                        if let Some(kl) = khold.get::<ListObj>() {
                            kl.items.borrow_mut().push(k);
                        }
                        pairs.push((k, it));
                    }
                    Err(e) => {
                        // whatever the key function put in the list is dropped
                        *list.items.borrow_mut() = saved;
                        return Err(e);
                    }
                }
            }
            if flip {
                pairs.reverse();
            }
            let r = self.timsort(&mut pairs);
            (pairs.into_iter().map(|p| p.1).collect::<Vec<Value>>(), r)
        };
        if flip {
            sorted.reverse();
        }
        // An empty Vec has no capacity until something is put in it: that is CPython's
        // `allocated != -1` test (an append then a pop counts as a modification).
        let modified = {
            let now = list.items.borrow();
            !now.is_empty() || now.capacity() != 0
        };
        *list.items.borrow_mut() = sorted;
        result?;
        if modified {
            return Err(self.value_error("list modified during sort"));
        }
        Ok(())
    }

    /// CPython's listsort over `a` (keys, or (key, value) pairs).
    fn timsort<T: Elem>(&mut self, a: &mut [T]) -> PyResult<()> {
        let n = a.len();
        if n < 2 {
            return Ok(());
        }
        let class = self.key_class(a);
        let mut c = Cmp { vm: self, class };
        let mut ms = MergeState { min_gallop: MIN_GALLOP, pending: Vec::new(), tmp: Vec::new(), listlen: n };
        let minrun = compute_minrun(n);
        let mut lo = 0;
        while lo < n {
            let (mut run, descending) = count_run(&mut c, &a[lo..])?;
            if descending {
                a[lo..lo + run].reverse();
            }
            if run < minrun {
                let force = (n - lo).min(minrun);
                binary_sort(&mut c, &mut a[lo..lo + force], run)?;
                run = force;
            }
            ms.found_new_run(&mut c, a, run)?;
            ms.pending.push(Run { base: lo, len: run, power: 0 });
            lo += run;
        }
        ms.force_collapse(&mut c, a)
    }

    fn less(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_small() && b.is_small() {
            return Ok(a.small_value() < b.small_value());
        }
        self.compare_bool(a, b, CmpOp::Lt)
    }

    /// `a < b` for keys all of the class `k` (see `key_class`): what `<` would say, without
    /// going through the general comparison where the class's own `<` is known.
    #[inline]
    fn less_by(&mut self, k: KeyClass, a: Value, b: Value) -> PyResult<bool> {
        match k {
            KeyClass::Small => Ok(a.small_value() < b.small_value()),
            KeyClass::Str => Ok(str_lt(a, b)),
            KeyClass::Float => Ok(float_of(a) < float_of(b)),
            KeyClass::Any => self.less(a, b),
            KeyClass::Heap => self.heap_lt(a, b),
            KeyClass::TupleOfHeap => match (a.get::<TupleObj>(), b.get::<TupleObj>()) {
                (Some(x), Some(y)) => self.tuple_lt(&x.items, &y.items, true),
                _ => self.less(a, b),
            },
            KeyClass::TupleOfStr | KeyClass::TupleOfSmall | KeyClass::TupleOfFloat => {
                // the first items decide unless they are equal (CPython's unsafe_tuple_compare)
                let (Some(x), Some(y)) = (a.get::<TupleObj>(), b.get::<TupleObj>()) else { return self.less(a, b) };
                let (p, q) = (x.items[0], y.items[0]);
                let first = match k {
                    KeyClass::TupleOfStr => str_cmp(p, q),
                    KeyClass::TupleOfSmall => Some(p.small_value().cmp(&q.small_value())),
                    _ => float_of(p).partial_cmp(&float_of(q)),
                };
                match first {
                    Some(std::cmp::Ordering::Less) => Ok(true),
                    Some(std::cmp::Ordering::Greater) => Ok(false),
                    _ => self.tuple_lt(&x.items, &y.items, false),
                }
            }
        }
    }

    /// `a < b` for two instances of one class (CPython's unsafe_object_compare): the
    /// class's `__lt__` is called directly; when it answers NotImplemented the general
    /// comparison follows (which calls it again, as CPython does).
    fn heap_lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let t = self.type_of(a);
        let name = self.intern("__lt__");
        if let Some(f) = self.lookup(t, name) {
            let r = self.call_dunder(f, a, b)?;
            if r != self.not_implemented {
                return self.truthy(r);
            }
        }
        self.compare_bool(a, b, CmpOp::Lt)
    }

    /// `x < y` for the items of two tuples: the first unequal pair decides, compared
    /// directly when both are str or both small ints. `first_heap`: the first items are
    /// all of one class, compared as `heap_lt` does.
    fn tuple_lt(&mut self, x: &[Value], y: &[Value], first_heap: bool) -> PyResult<bool> {
        for (i, (&p, &q)) in x.iter().zip(y.iter()).enumerate() {
            if p == q {
                continue;
            }
            let direct = if p.is_small() && q.is_small() {
                Some(p.small_value().cmp(&q.small_value()))
            } else if p.kind() == Some(ObjKind::Str) && q.kind() == Some(ObjKind::Str) && self.type_of(p) == self.types.str && self.type_of(q) == self.types.str {
                str_cmp(p, q)
            } else {
                None
            };
            match direct {
                Some(std::cmp::Ordering::Equal) => continue,
                Some(o) => return Ok(o == std::cmp::Ordering::Less),
                None => {
                    if self.eq(p, q)? {
                        continue;
                    }
                    if first_heap && i == 0 {
                        return self.heap_lt(p, q);
                    }
                    return self.compare_bool(p, q, CmpOp::Lt);
                }
            }
        }
        Ok(x.len() < y.len())
    }

    /// The class shared by every sort key, for `less_by`'s direct comparisons.
    fn key_class<T: Elem>(&self, elems: &[T]) -> KeyClass {
        let Some(k0) = elems.first().map(Elem::key) else { return KeyClass::Any };
        let keys = || elems.iter().map(Elem::key);
        let (str_t, float_t, tuple_t) = (self.types.str, self.types.float, self.types.tuple);
        if k0.is_small() && keys().all(|k| k.is_small()) {
            return KeyClass::Small;
        }
        if self.type_of(k0) == str_t && keys().all(|k| self.type_of(k) == str_t) {
            return KeyClass::Str;
        }
        if self.type_of(k0) == float_t && keys().all(|k| self.type_of(k) == float_t) {
            return KeyClass::Float;
        }
        let t0 = self.type_of(k0);
        if is_heap_class(t0) && keys().all(|k| self.type_of(k) == t0) {
            return KeyClass::Heap;
        }
        let first = |k: Value| k.get::<TupleObj>().and_then(|t| t.items.first().copied());
        if self.type_of(k0) == tuple_t && keys().all(|k| self.type_of(k) == tuple_t && first(k).is_some()) {
            let firsts = || keys().filter_map(first);
            if firsts().all(|f| self.type_of(f) == str_t) {
                return KeyClass::TupleOfStr;
            }
            if firsts().all(|f| f.is_small()) {
                return KeyClass::TupleOfSmall;
            }
            if firsts().all(|f| self.type_of(f) == float_t) {
                return KeyClass::TupleOfFloat;
            }
            let f0 = first(k0).map(|f| self.type_of(f));
            if let Some(f0) = f0.filter(|&t| is_heap_class(t)) {
                if firsts().all(|f| self.type_of(f) == f0) {
                    return KeyClass::TupleOfHeap;
                }
            }
        }
        KeyClass::Any
    }
}

/// The comparison of one sort: `<` on keys of the class found before sorting.
struct Cmp<'v> {
    vm: &'v mut Vm,
    class: KeyClass,
}

impl Cmp<'_> {
    #[inline(always)]
    fn lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        self.vm.less_by(self.class, a, b)
    }
}

/// CPython's merge_compute_minrun: `n` if below 64, else a value in 32..=64 such that
/// n / minrun is a power of 2 or a little below one.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run at the start of `a` (at least 2 items when `a` has them) and
/// whether it is strictly descending (`a[i+1] < a[i]` throughout).
fn count_run<T: Elem>(c: &mut Cmp, a: &[T]) -> PyResult<(usize, bool)> {
    let len = a.len();
    if len == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if c.lt(a[1].key(), a[0].key())? {
        while n < len && c.lt(a[n].key(), a[n - 1].key())? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < len && !c.lt(a[n].key(), a[n - 1].key())? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Binary insertion of `a[start..]` into the sorted `a[..start]`; each item goes after
/// its equals. On an error the items not yet inserted stay where they are.
fn binary_sort<T: Elem>(c: &mut Cmp, a: &mut [T], start: usize) -> PyResult<()> {
    for i in start.max(1)..a.len() {
        let pivot = a[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if c.lt(pivot.key(), a[p].key())? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        a.copy_within(l..i, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

/// Where `key` goes in the sorted `a`, left of any equal items: the `k` with
/// `a[k-1] < key <= a[k]`. The search starts at `hint` and gallops away from it.
fn gallop_left<T: Elem>(c: &mut Cmp, key: Value, a: &[T], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| a[i as usize].key();
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if c.lt(at(hint), key)? {
        // a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs]
        let maxofs = n - hint;
        while ofs < maxofs {
            if !c.lt(at(hint + ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs]
        let maxofs = hint + 1;
        while ofs < maxofs {
            if c.lt(at(hint - ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if c.lt(at(m), key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Like `gallop_left` but right of any equal items: the `k` with `a[k-1] <= key < a[k]`.
fn gallop_right<T: Elem>(c: &mut Cmp, key: Value, a: &[T], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| a[i as usize].key();
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if c.lt(key, at(hint))? {
        // key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs]
        let maxofs = hint + 1;
        while ofs < maxofs {
            if !c.lt(key, at(hint - ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        // a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs]
        let maxofs = n - hint;
        while ofs < maxofs {
            if c.lt(key, at(hint + ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    // a[lastofs] <= key < a[ofs]: binary search in between
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if c.lt(key, at(m))? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// A sorted run waiting to be merged: `a[base..base + len]`; `power` is the powersort
/// power of its boundary with the run after it.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<T> {
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<T>,
    listlen: usize,
}

/// How a merge loop ended: done (what is left of the copied run fills the gap) or with
/// one item of the copied run left, which goes at the far end.
enum MergeEnd {
    Done,
    CopyLast,
}

/// Breaks out of a merge loop's block with the error of a failed comparison, so that the
/// copied run is put back first.
macro_rules! try_or {
    ($label:lifetime, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $label Err(e),
        }
    };
}

impl<T: Elem> MergeState<T> {
    /// The powersort power of the boundary between the runs `[s1, s1 + n1)` and
    /// `[s1 + n1, s1 + n1 + n2)`: the first bit where their midpoints, as fractions of
    /// the list length, differ.
    fn power(&self, s1: usize, n1: usize, n2: usize) -> u32 {
        let n = self.listlen;
        let mut a = 2 * s1 + n1;
        let mut b = a + n1 + n2;
        let mut result = 0;
        loop {
            result += 1;
            if a >= n {
                a -= n;
                b -= n;
            } else if b >= n {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        result
    }

    /// A run of `n2` items follows the top of the stack: merge the runs whose boundary
    /// has a higher power than the new boundary's, then record the new boundary's power.
    fn found_new_run(&mut self, c: &mut Cmp, a: &mut [T], n2: usize) -> PyResult<()> {
        let Some(top) = self.pending.last().copied() else { return Ok(()) };
        let power = self.power(top.base, top.len, n2);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(c, a, self.pending.len() - 2)?;
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    /// Merges every pending run, at the end of the sort.
    fn force_collapse(&mut self, c: &mut Cmp, a: &mut [T]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(c, a, n)?;
        }
        Ok(())
    }

    /// Merges the pending runs `i` and `i + 1`.
    fn merge_at(&mut self, c: &mut Cmp, a: &mut [T], i: usize) -> PyResult<()> {
        let Run { base: sa, len: na, .. } = self.pending[i];
        let Run { base: sb, len: nb, .. } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        if i + 3 == self.pending.len() {
            self.pending[i + 1] = self.pending[i + 2];
        }
        self.pending.pop();
        // items of a before where b's first goes are in place already
        let k = gallop_right(c, a[sb].key(), &a[sa..sa + na], 0)?;
        let (sa, na) = (sa + k, na - k);
        if na == 0 {
            return Ok(());
        }
        // and so are the items of b after where a's last goes
        let nb = gallop_left(c, a[sa + na - 1].key(), &a[sb..sb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(c, a, sa, na, nb)
        } else {
            self.merge_hi(c, a, sa, na, nb)
        }
    }

    /// Merges `a[sa..sa + na]` with the `nb` items after it, `na <= nb`, left to right
    /// with the first run copied aside. `a[sa]` belongs after b's first item and a's last
    /// after all of b (`merge_at` ensured it).
    fn merge_lo(&mut self, c: &mut Cmp, a: &mut [T], sa: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&a[sa..sa + na]);
        let tmp = &self.tmp;
        // next slot to fill, next of the copied a-run, next of the b-run
        let (mut dest, mut pa, mut pb) = (sa, 0, sa + na);
        a[dest] = a[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        let end: PyResult<MergeEnd> = 'merge: {
            if nb == 0 {
                break 'merge Ok(MergeEnd::Done);
            }
            if na == 1 {
                break 'merge Ok(MergeEnd::CopyLast);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                // one item at a time, until one run wins min_gallop times in a row
                loop {
                    if try_or!('merge, c.lt(a[pb].key(), tmp[pa].key())) {
                        a[dest] = a[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest] = tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge Ok(MergeEnd::CopyLast);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                // gallop while either run keeps winning by MIN_GALLOP or more
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = try_or!('merge, gallop_right(c, a[pb].key(), &tmp[pa..pa + na], 0));
                    acount = k;
                    if k > 0 {
                        a[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            break 'merge Ok(MergeEnd::CopyLast);
                        }
                        // possible only with an inconsistent `<`
                        if na == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                    }
                    a[dest] = a[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(MergeEnd::Done);
                    }
                    let k = try_or!('merge, gallop_left(c, tmp[pa].key(), &a[pb..pb + nb], 0));
                    bcount = k;
                    if k > 0 {
                        a.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                    }
                    a[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge Ok(MergeEnd::CopyLast);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                // penalize leaving galloping mode
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            Ok(MergeEnd::CopyLast) => {
                a.copy_within(pb..pb + nb, dest);
                a[dest + nb] = tmp[pa];
                Ok(())
            }
            r => {
                // the gap left in a is exactly what remains of the copied run
                a[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                r.map(|_| ())
            }
        }
    }

    /// Merges `a[sa..sa + na]` with the `nb` items after it, `na > nb`, right to left
    /// with the second run copied aside. Positions follow from what remains of the runs:
    /// a's last is `a[sa + na - 1]`, b's last `tmp[nb - 1]`, the slot to fill
    /// `a[sa + na + nb - 1]`.
    fn merge_hi(&mut self, c: &mut Cmp, a: &mut [T], sa: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&a[sa + na..sa + na + nb]);
        let tmp = &self.tmp;
        a[sa + na + nb - 1] = a[sa + na - 1];
        na -= 1;
        let end: PyResult<MergeEnd> = 'merge: {
            if na == 0 {
                break 'merge Ok(MergeEnd::Done);
            }
            if nb == 1 {
                break 'merge Ok(MergeEnd::CopyLast);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let dest = sa + na + nb - 1;
                    if try_or!('merge, c.lt(tmp[nb - 1].key(), a[sa + na - 1].key())) {
                        a[dest] = a[sa + na - 1];
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest] = tmp[nb - 1];
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge Ok(MergeEnd::CopyLast);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = try_or!('merge, gallop_right(c, tmp[nb - 1].key(), &a[sa..sa + na], na - 1));
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        a.copy_within(sa + na - k..sa + na, sa + na + nb - k);
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                    }
                    a[sa + na + nb - 1] = tmp[nb - 1];
                    nb -= 1;
                    if nb == 1 {
                        break 'merge Ok(MergeEnd::CopyLast);
                    }
                    let k = try_or!('merge, gallop_left(c, a[sa + na - 1].key(), &tmp[..nb], nb - 1));
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        let to = sa + na + nb - k;
                        a[to..to + k].copy_from_slice(&tmp[nb - k..nb]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Ok(MergeEnd::CopyLast);
                        }
                        // possible only with an inconsistent `<`
                        if nb == 0 {
                            break 'merge Ok(MergeEnd::Done);
                        }
                    }
                    a[sa + na + nb - 1] = a[sa + na - 1];
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(MergeEnd::Done);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            Ok(MergeEnd::CopyLast) => {
                // b's first (and last remaining) item goes before all of what is left of a
                a.copy_within(sa..sa + na, sa + 1);
                a[sa] = tmp[0];
                Ok(())
            }
            r => {
                a[sa + na..sa + na + nb].copy_from_slice(&tmp[..nb]);
                r.map(|_| ())
            }
        }
    }
}

/// What every key of a sort is, when that allows comparing them directly.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyClass {
    Any,
    /// Small ints.
    Small,
    Str,
    Float,
    /// Non-empty tuples whose first items are all str / small ints / floats.
    TupleOfStr,
    TupleOfSmall,
    TupleOfFloat,
    /// Instances of one class defined in Python.
    Heap,
    /// Non-empty tuples whose first items are instances of one class defined in Python.
    TupleOfHeap,
}

/// Whether the class `t` was defined in Python (its comparison may be a Python `__lt__`).
fn is_heap_class(t: Value) -> bool {
    t.get::<TypeObj>().is_some_and(|t| t.has_flag(type_flags::HEAPTYPE))
}

fn str_cmp(a: Value, b: Value) -> Option<std::cmp::Ordering> {
    let (x, y) = (a.get::<StrObj>()?, b.get::<StrObj>()?);
    Some(x.cmp_str(&y))
}

fn str_lt(a: Value, b: Value) -> bool {
    str_cmp(a, b) == Some(std::cmp::Ordering::Less)
}

fn float_of(v: Value) -> f64 {
    v.get::<FloatObj>().map(|f| f.0).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::compute_minrun;

    #[test]
    fn minrun_matches_cpython() {
        assert_eq!(compute_minrun(0), 0);
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(1000), 63);
        assert_eq!(compute_minrun(1024), 32);
        assert_eq!(compute_minrun(1_000_000), 62);
    }
}
