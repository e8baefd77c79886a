//! match statements. A pattern consumes the subject on top of the stack; on failure it
//! jumps to a trampoline that pops whatever the pattern had pushed, then to the next case.

use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::Ranged;

use super::{CResult, Compiler, Label};
use crate::code::Const;
use crate::opcode::{CmpOp, Instr};

/// Failure targets: `pops[k]` pops k items and falls into `pops[k-1]`, down to the case's
/// failure label at `pops[0]`.
struct Fail {
    pops: Vec<Label>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let allow_irrefutable = case.guard.is_some() || i + 1 == n;
            self.check_pattern(&case.pattern, allow_irrefutable, &mut Vec::new())?;
            self.set_loc(case.pattern.range());
            let base = self.u().depth;
            let mut fail = Fail { pops: vec![self.new_label()] };
            self.emit(Instr::Copy(1));
            self.pattern(&case.pattern, &mut fail, 0)?;
            if let Some(g) = &case.guard {
                let l = self.fail_label(&mut fail, 0);
                self.jump_if(g, false, l)?;
            }
            self.emit(Instr::PopTop);
            self.stmts(&case.body)?;
            self.emit_jump(Instr::Jump(0), end);
            // trampolines
            for k in (1..fail.pops.len()).rev() {
                self.bind(fail.pops[k]);
                self.unit().depth = base + k as i32;
                self.emit(Instr::PopTop);
            }
            self.bind(fail.pops[0]);
            self.unit().depth = base;
        }
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// CPython's compile-time checks of a pattern: an irrefutable pattern that is not last
    /// (`allow_irrefutable`), a name bound twice, alternatives that bind different names.
    /// `stores`: names bound so far in the case's pattern.
    fn check_pattern(&self, p: &Pattern, allow_irrefutable: bool, stores: &mut Vec<String>) -> CResult<()> {
        let store = |name: Option<&ast::Identifier>, stores: &mut Vec<String>| -> CResult<()> {
            if let Some(n) = name {
                if stores.iter().any(|s| s == n.as_str()) {
                    return Err(self.err(format!("multiple assignments to name '{}' in pattern", n.as_str()), p));
                }
                stores.push(n.to_string());
            }
            Ok(())
        };
        match p {
            Pattern::MatchAs(a) => {
                match &a.pattern {
                    None if !allow_irrefutable => {
                        let msg = match &a.name {
                            Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.as_str()),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.err(msg, p));
                    }
                    None => {}
                    Some(sub) => self.check_pattern(sub, allow_irrefutable, stores)?,
                }
                store(a.name.as_ref(), stores)?;
            }
            Pattern::MatchStar(s) => store(s.name.as_ref(), stores)?,
            Pattern::MatchOr(o) => {
                let mut control: Option<Vec<String>> = None;
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut alt_stores = stores.clone();
                    self.check_pattern(alt, allow_irrefutable && i + 1 == n, &mut alt_stores)?;
                    let mut bound: Vec<String> = alt_stores[stores.len()..].to_vec();
                    bound.sort();
                    match &control {
                        None => control = Some(bound),
                        Some(c) if *c != bound => return Err(self.err("alternative patterns bind different names", alt)),
                        Some(_) => {}
                    }
                }
                stores.extend(control.unwrap_or_default());
            }
            Pattern::MatchSequence(s) => {
                for sub in &s.patterns {
                    self.check_pattern(sub, true, stores)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for sub in &m.patterns {
                    self.check_pattern(sub, true, stores)?;
                }
                store(m.rest.as_ref(), stores)?;
            }
            Pattern::MatchClass(c) => {
                // validate_kwd_attrs: each keyword once, at the repeated keyword's pattern
                let kws = &c.arguments.keywords;
                for (i, k) in kws.iter().enumerate() {
                    if let Some(again) = kws[i + 1..].iter().find(|o| o.attr.as_str() == k.attr.as_str()) {
                        return Err(self.err(format!("attribute name repeated in class pattern: {}", k.attr.as_str()), &again.pattern));
                    }
                }
                for sub in c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern)) {
                    self.check_pattern(sub, true, stores)?;
                }
            }
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
        }
        Ok(())
    }

    fn fail_label(&mut self, fail: &mut Fail, pops: usize) -> Label {
        while fail.pops.len() <= pops {
            let l = self.new_label();
            fail.pops.push(l);
        }
        fail.pops[pops]
    }

    /// Jumps to the failure path if TOS is false, popping `pops` items there.
    fn fail_if_false(&mut self, fail: &mut Fail, pops: usize) {
        let l = self.fail_label(fail, pops);
        self.emit_jump(Instr::PopJumpIfFalse(0), l);
    }

    /// `extra`: items below the subject pushed by enclosing patterns.
    fn pattern(&mut self, p: &'a Pattern, fail: &mut Fail, extra: usize) -> CResult<()> {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                self.fail_if_false(fail, extra);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Instr::IsOp(0));
                self.fail_if_false(fail, extra);
            }
            Pattern::MatchAs(a) => {
                if let Some(sub) = &a.pattern {
                    if a.name.is_some() {
                        self.emit(Instr::Copy(1));
                        self.pattern(sub, fail, extra + 1)?;
                    } else {
                        self.pattern(sub, fail, extra)?;
                        return Ok(());
                    }
                }
                match &a.name {
                    Some(n) => self.store_name(n.as_str()),
                    None => self.emit(Instr::PopTop),
                }
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.store_name(n.as_str()),
                None => self.emit(Instr::PopTop),
            },
            Pattern::MatchOr(o) => {
                let ok = self.new_label();
                let depth = self.u().depth;
                for alt in &o.patterns {
                    let mut alt_fail = Fail { pops: vec![self.new_label()] };
                    self.emit(Instr::Copy(1));
                    self.pattern(alt, &mut alt_fail, 0)?;
                    self.emit_jump(Instr::Jump(0), ok);
                    for k in (1..alt_fail.pops.len()).rev() {
                        self.bind(alt_fail.pops[k]);
                        self.unit().depth = depth + k as i32;
                        self.emit(Instr::PopTop);
                    }
                    self.bind(alt_fail.pops[0]);
                    self.unit().depth = depth;
                }
                // no alternative matched: drop the subject and fail
                self.emit(Instr::PopTop);
                let l = self.fail_label(fail, extra);
                self.emit_jump(Instr::Jump(0), l);
                self.bind(ok);
                self.unit().depth = depth;
                self.emit(Instr::PopTop);
            }
            Pattern::MatchSequence(s) => {
                let n = s.patterns.len();
                let star = s.patterns.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
                self.emit(Instr::MatchSequence);
                self.fail_if_false(fail, extra + 1);
                self.emit(Instr::GetLen);
                match star {
                    Some(_) => {
                        self.load_const(Const::Int(n as i64 - 1));
                        self.emit(Instr::CompareOp(CmpOp::Ge as u32));
                    }
                    None => {
                        self.load_const(Const::Int(n as i64));
                        self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                    }
                }
                self.fail_if_false(fail, extra + 1);
                match star {
                    Some(i) => self.emit(Instr::UnpackEx(i as u32 | (((n - i - 1) as u32) << 8))),
                    None => self.emit(Instr::UnpackSequence(n as u32)),
                }
                for (i, sub) in s.patterns.iter().enumerate() {
                    self.pattern(sub, fail, extra + (n - 1 - i))?;
                }
            }
            Pattern::MatchMapping(m) => {
                let n = m.keys.len();
                self.emit(Instr::MatchMapping);
                self.fail_if_false(fail, extra + 1);
                if n == 0 && m.rest.is_none() {
                    self.emit(Instr::PopTop);
                    return Ok(());
                }
                if n > 0 {
                    self.emit(Instr::GetLen);
                    self.load_const(Const::Int(n as i64));
                    self.emit(Instr::CompareOp(CmpOp::Ge as u32));
                    self.fail_if_false(fail, extra + 1);
                }
                for k in &m.keys {
                    self.expr(k)?;
                }
                self.emit(Instr::BuildTuple(n as u32));
                // [subj, keys]
                self.emit(Instr::MatchKeys);
                // [subj, keys, values|None]
                self.emit(Instr::Copy(1));
                self.load_const(Const::None);
                self.emit(Instr::IsOp(1));
                self.fail_if_false(fail, extra + 3);
                self.emit(Instr::UnpackSequence(n as u32));
                for (i, sub) in m.patterns.iter().enumerate() {
                    self.pattern(sub, fail, extra + 2 + (n - 1 - i))?;
                }
                match &m.rest {
                    Some(rest) => {
                        // [subj, keys] -> rest = dict(subj) without keys
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::BuildMap(0));
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::DictUpdate(1));
                        // [keys, d]
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::UnpackSequence(n as u32));
                        for i in 0..n {
                            self.emit(Instr::Copy((n - i + 1) as u32));
                            self.emit(Instr::Swap(2));
                            self.emit(Instr::DeleteSubscr);
                        }
                        self.store_name(rest.as_str());
                    }
                    None => {
                        self.emit(Instr::PopTop);
                        self.emit(Instr::PopTop);
                    }
                }
            }
            Pattern::MatchClass(c) => {
                let npos = c.arguments.patterns.len();
                let nkw = c.arguments.keywords.len();
                self.expr(&c.cls)?;
                let names = c.arguments.keywords.iter().map(|k| Const::Str(k.attr.to_string())).collect();
                self.load_const(Const::Tuple(names));
                self.emit(Instr::MatchClass(npos as u32));
                self.emit(Instr::Copy(1));
                self.load_const(Const::None);
                self.emit(Instr::IsOp(1));
                self.fail_if_false(fail, extra + 1);
                let total = npos + nkw;
                self.emit(Instr::UnpackSequence(total as u32));
                let subs: Vec<&'a Pattern> = c
                    .arguments
                    .patterns
                    .iter()
                    .chain(c.arguments.keywords.iter().map(|k| &k.pattern))
                    .collect();
                for (i, sub) in subs.into_iter().enumerate() {
                    self.pattern(sub, fail, extra + (total - 1 - i))?;
                }
            }
        }
        Ok(())
    }
}
