//! Lowering of Rust functions to lock-event CFGs.
//!
//! A function is lowered with a stack of frames, one per scope that drops values: a
//! block's locals, a statement's (or other temporary scope's) temporaries, loops, inline
//! closures. A guard lives in the frame that drops it; leaving a frame releases its guards
//! in reverse order, on every exit (`return`, `?`, `break`, `continue`, end of block).
//! Each guard has a drop flag, as rustc gives conditionally moved values: a guard dropped
//! (`drop(g)`) or moved away on some path is released at its scope's end only where the
//! flag says it is still there — a variable the dataflow follows, so no path releases a
//! lock twice.
//!
//! Temporary scopes follow the Reference ("Temporary scopes"): statements, function
//! bodies, `if`/`while`/`loop` bodies, `else` blocks, match arms and guards, non-`let`
//! conditions and lazy boolean operands. `match` and `while let` scrutinees live through
//! their bodies; an `if let` scrutinee lives to the end of the enclosing statement in 2021
//! and only through the `then` block in 2024; a block's tail expression's temporaries
//! outlive the block's locals in 2021 (up to the enclosing temporary scope) and not in
//! 2024. `let x = &temp...` extends the temporary to the end of the block.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use lockorder_ir::{
    Acquire, ArgRange, AtomId, Block, Call, Event, FieldDef, FileFacts, Function, GlobalDecl, Irq,
    LockExpr, LockId, LockKind, LockRoot, Mode, PathStep, ReturnValue, Span, StructDef, Success,
    Terminator, VarId, NO_ARG,
};
use lockorder_rules::{Op, Rules, RustFamily};
use syn::spanned::Spanned;

use crate::spans::SpanMap;
use crate::types::{impl_name, segments, RustIndex, Scope, Ty, TypeCx};
use crate::Edition;

/// Expressions nested deeper than this are not followed.
const MAX_DEPTH: usize = 200;

pub fn lower(
    file: &syn::File,
    scope: &Scope,
    spans: SpanMap,
    rules: &Rules,
    index: &RustIndex,
    edition: Edition,
    facts: &mut FileFacts,
) {
    let mut fl = FileLower {
        scope,
        spans,
        rules,
        index,
        edition,
        facts,
        name_ids: HashMap::new(),
        lock_ids: HashMap::new(),
        slot_ids: HashMap::new(),
        await_safe: HashSet::new(),
        pending: Vec::new(),
        pending_items: Vec::new(),
    };
    fl.items(&file.items, None);
    // Closures, async blocks and nested items, lowered as functions of their own (which
    // may queue more).
    let mut n = 0;
    loop {
        n += 1;
        if n > 100_000 {
            break;
        }
        if let Some(p) = fl.pending.pop() {
            fl.lower_pending(p);
        } else if let Some((item, self_ty)) = fl.pending_items.pop() {
            fl.item(&item, self_ty);
        } else {
            break;
        }
    }
    let mut safe: Vec<LockId> = fl.await_safe.iter().copied().collect();
    safe.sort_unstable();
    fl.facts.await_safe = safe;
}

/// A closure or async block to lower as a function of its own.
struct PendingFn {
    name: String,
    name_span: Span,
    params: Vec<(String, Local)>,
    env: Vec<(String, Local)>,
    body: Box<syn::Expr>,
    self_ty: Option<Arc<str>>,
}

struct FileLower<'a> {
    scope: &'a Scope,
    spans: SpanMap<'a>,
    rules: &'a Rules,
    index: &'a RustIndex,
    edition: Edition,
    facts: &'a mut FileFacts,
    name_ids: HashMap<String, u32>,
    lock_ids: HashMap<LockExpr, LockId>,
    slot_ids: HashMap<LockExpr, u32>,
    await_safe: HashSet<LockId>,
    pending: Vec<PendingFn>,
    /// Items nested in function bodies (`fn` inside a `fn`), lowered afterwards.
    pending_items: Vec<(syn::Item, Option<Arc<str>>)>,
}

impl<'a> FileLower<'a> {
    fn cx(&self, self_ty: Option<Arc<str>>) -> TypeCx<'a> {
        TypeCx {
            scope: self.scope,
            rules: &self.rules.rust,
            local_structs: &self.index.struct_names,
            self_ty,
        }
    }

    fn intern_name(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.facts.names.len() as u32;
        self.facts.names.push(name.to_string());
        self.name_ids.insert(name.to_string(), id);
        id
    }

    fn intern_lock(&mut self, expr: LockExpr) -> LockId {
        if let Some(&id) = self.lock_ids.get(&expr) {
            return id;
        }
        let id = self.facts.locks.len() as LockId;
        self.facts.locks.push(expr.clone());
        self.lock_ids.insert(expr, id);
        id
    }

    fn intern_slot(&mut self, expr: LockExpr) -> u32 {
        if let Some(&id) = self.slot_ids.get(&expr) {
            return id;
        }
        let id = self.facts.slots.len() as u32;
        self.facts.slots.push(expr.clone());
        self.slot_ids.insert(expr, id);
        id
    }

    /// The slot of a function's `index`th parameter, through which it calls a closure
    /// (`f()` in `fn with_locked<F: FnOnce()>(&self, f: F)`).
    fn param_slot(&mut self, function: &str, index: usize) -> u32 {
        self.intern_slot(LockExpr {
            root: LockRoot::Typed {
                ty: function.to_string(),
            },
            path: vec![PathStep::Field(format!("#{index}"))],
            text: format!("{function}#{index}"),
        })
    }

    fn items(&mut self, items: &[syn::Item], self_ty: Option<Arc<str>>) {
        for item in items {
            self.item(item, self_ty.clone());
        }
    }

    fn item(&mut self, item: &syn::Item, self_ty: Option<Arc<str>>) {
        match item {
            syn::Item::Fn(f) => {
                let name = f.sig.ident.to_string();
                self.lower_fn(name, &f.sig, &f.block, None);
            }
            syn::Item::Impl(i) => {
                let Some(ty) = impl_name(&i.self_ty) else {
                    return;
                };
                let ty: Arc<str> = ty.into();
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it {
                        let name = format!("{ty}::{}", f.sig.ident);
                        self.lower_fn(name, &f.sig, &f.block, Some(ty.clone()));
                    }
                }
            }
            syn::Item::Trait(t) => {
                let tname = t.ident.to_string();
                for it in &t.items {
                    if let syn::TraitItem::Fn(f) = it {
                        if let Some(b) = &f.default {
                            self.lower_fn(format!("{tname}::{}", f.sig.ident), &f.sig, b, None);
                        }
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    self.items(items, self_ty);
                }
            }
            syn::Item::Struct(s) => {
                let cx = self.cx(Some(s.ident.to_string().into()));
                let fields = s
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| FieldDef {
                        name: f
                            .ident
                            .as_ref()
                            .map(|i| i.to_string())
                            .unwrap_or_else(|| i.to_string()),
                        ty: cx.ty(&f.ty).name.map(|n| n.to_string()),
                    })
                    .collect();
                self.facts.structs.push(StructDef {
                    name: s.ident.to_string(),
                    fields,
                });
            }
            syn::Item::Static(s) => {
                let cx = self.cx(None);
                let ty = cx.ty(&s.ty);
                self.add_global(&[s.ident.to_string()], &ty);
            }
            syn::Item::Macro(m)
                if m.mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "global_lock") =>
            {
                let cx = self.cx(None);
                for (name, ty) in crate::types::global_lock_statics(&m.mac.tokens) {
                    let ty = cx.ty(&ty);
                    self.add_global(&[name], &ty);
                }
            }
            _ => {}
        }
    }

    fn add_global(&mut self, segs: &[String], ty: &Ty) {
        let Some(name) = self.index.static_name(self.scope, segs) else {
            return;
        };
        let lock_kind = ty.lock.map(|l| self.rules.rust.locks[l as usize].kind);
        self.facts.globals.push(GlobalDecl {
            name,
            ty: ty.name.as_ref().map(|n| n.to_string()),
            is_static: false,
            lock_kind,
        });
    }

    fn lower_fn(
        &mut self,
        name: String,
        sig: &syn::Signature,
        body: &syn::Block,
        self_ty: Option<Arc<str>>,
    ) {
        let cx = self.cx(self_ty.clone());
        let mut params = Vec::new();
        for (i, input) in sig.inputs.iter().enumerate() {
            match input {
                syn::FnArg::Receiver(_) => params.push((
                    "self".to_string(),
                    Local {
                        ty: Ty {
                            name: self_ty.clone(),
                            ..Ty::default()
                        },
                        place: Some(Place::var("self", self_ty.as_deref())),
                        param: Some(i),
                        ..Local::default()
                    },
                )),
                syn::FnArg::Typed(pt) => {
                    let pname = match &*pt.pat {
                        syn::Pat::Ident(pi) => pi.ident.to_string(),
                        _ => "_".to_string(),
                    };
                    let ty = cx.ty(&pt.ty);
                    let place = Place::var(&pname, ty.name.as_deref());
                    params.push((
                        pname,
                        Local {
                            ty,
                            place: Some(place),
                            param: Some(i),
                            ..Local::default()
                        },
                    ));
                }
            }
        }
        if let syn::ReturnType::Type(_, t) = &sig.output {
            if let Some(n) = cx.ty(t).name {
                self.facts.return_types.push((name.clone(), n.to_string()));
            }
        }
        let name_span = self.spans.span(sig.ident.span());
        let returns_value = !matches!(sig.output, syn::ReturnType::Default);
        let close = self.spans.span(body.brace_token.span.close());
        let mut fb = Fb::new(self, name, self_ty, params);
        fb.returns_value = returns_value;
        let v = fb.body_block_fn(body);
        fb.finish(v, close, name_span);
    }

    fn lower_pending(&mut self, p: PendingFn) {
        let close = self.spans.span(p.body.span());
        let close = Span {
            start: close.end.saturating_sub(1),
            ..close
        };
        let mut fb = Fb::new(self, p.name, p.self_ty, p.params);
        for (n, l) in p.env {
            fb.frames[0].locals.push((n, l));
        }
        fb.returns_value = true;
        fb.frames.push(Frame::new(FrameKind::Temps));
        let v = fb.expr(&p.body);
        fb.finish(v, close, p.name_span);
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum PRoot {
    Var { name: String, ty: Option<String> },
    Static(String),
    Typed(String),
    Opaque,
}

/// A place expression (`self.inner`, `FOO`, `dev.lock`): the root and the fields below.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    root: PRoot,
    path: Vec<PathStep>,
    text: String,
}

impl Place {
    fn var(name: &str, ty: Option<&str>) -> Place {
        Place {
            root: PRoot::Var {
                name: name.to_string(),
                ty: ty.map(str::to_string),
            },
            path: Vec::new(),
            text: name.to_string(),
        }
    }

    fn typed(ty: &str) -> Place {
        Place {
            root: PRoot::Typed(ty.to_string()),
            path: Vec::new(),
            text: format!("({ty})"),
        }
    }

    fn field(&self, f: &str) -> Place {
        let mut p = self.clone();
        p.path.push(PathStep::Field(f.to_string()));
        p.text.push('.');
        p.text.push_str(f);
        p
    }

    fn index(&self) -> Place {
        let mut p = self.clone();
        p.path.push(PathStep::Index);
        p.text.push_str("[]");
        p
    }

    /// A plain path from a variable (`self.inner`): what a parameter mapping compares.
    fn plain_text(&self) -> Option<&str> {
        match self.root {
            PRoot::Var { .. } if !self.path.contains(&PathStep::Index) => Some(&self.text),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Local {
    ty: Ty,
    place: Option<Place>,
    /// The guard this variable holds.
    guard: Option<usize>,
    /// A parameter, by index (closures passed in are called through its slot).
    param: Option<usize>,
    /// A closure bound to the variable: the function it was lowered to.
    closure: Option<String>,
}

/// What an expression evaluated to, as far as locks care.
#[derive(Clone, Debug, Default)]
struct Val {
    ty: Ty,
    place: Option<Place>,
    /// The value is this guard.
    guard: Option<usize>,
    /// The value borrows from (or through) this guard.
    borrows: Option<usize>,
    /// An async lock's future (`tokio::sync::Mutex::lock()`): taken at its `.await`.
    lock_future: Option<(LockId, Acquire, Span)>,
    /// The direct call the value comes from.
    call: Option<Call>,
    /// A closure, lowered to the function of this name.
    closure: Option<String>,
}

#[derive(Clone, Debug)]
struct Guard {
    lock: LockId,
    kind: LockKind,
    mode: Mode,
    /// The drop flag and its atom.
    flag: VarId,
    atom: AtomId,
    /// Dropped or moved away on some path already, or taken by a trylock: later releases
    /// test the drop flag.
    conditional: bool,
    /// A trylock whose outcome has not been branched on yet.
    try_atom: Option<AtomId>,
    irq: Irq,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum FrameKind {
    /// The function body: parameters, and its temporaries.
    Body,
    Block,
    /// A temporary scope (statement, body of `if`/loop, match arm, condition).
    Temps,
    Loop {
        label: Option<String>,
        brk: u32,
        cont: Option<u32>,
    },
    /// An inline closure body; `return` inside leaves it.
    Closure {
        exit: u32,
    },
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    guards: Vec<usize>,
    locals: Vec<(String, Local)>,
}

impl Frame {
    fn new(kind: FrameKind) -> Self {
        Frame {
            kind,
            guards: Vec::new(),
            locals: Vec::new(),
        }
    }

    fn holds_temps(&self) -> bool {
        matches!(
            self.kind,
            FrameKind::Body | FrameKind::Temps | FrameKind::Closure { .. }
        )
    }
}

/// Builds one function.
struct Fb<'f, 'a> {
    fl: &'f mut FileLower<'a>,
    name: String,
    self_ty: Option<Arc<str>>,
    blocks: Vec<Block>,
    preds: Vec<u32>,
    cur: Option<u32>,
    atom_vars: Vec<Vec<VarId>>,
    atom_var: Vec<Option<VarId>>,
    var_count: u32,
    frames: Vec<Frame>,
    guards: Vec<Guard>,
    call_args: Vec<u32>,
    params: Vec<String>,
    depth: usize,
    too_deep: bool,
    closures: u32,
    returns_value: bool,
    /// The end of the last statement or block: where releases without a better place go.
    last_span: Option<Span>,
}

fn acq(lock: LockId, kind: LockKind, mode: Mode, irq: Irq, nested: bool, waits: bool) -> Acquire {
    Acquire {
        lock,
        kind,
        mode,
        irq,
        nested,
        waits,
        fault: false,
    }
}

/// Patterns that match a success (`Ok(g)`, `Some(g)`): a trylock's guard is there only.
fn is_success_pattern(p: &syn::Pat) -> bool {
    match p {
        syn::Pat::TupleStruct(ts) => ts
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Ok" || s.ident == "Some"),
        syn::Pat::Ident(i) => i.subpat.is_none() && i.ident != "None",
        syn::Pat::Paren(p) => is_success_pattern(&p.pat),
        _ => false,
    }
}

fn is_failure_pattern(p: &syn::Pat) -> bool {
    match p {
        syn::Pat::TupleStruct(ts) => ts.path.segments.last().is_some_and(|s| s.ident == "Err"),
        syn::Pat::Ident(i) => i.ident == "None",
        syn::Pat::Path(pp) => pp.path.segments.last().is_some_and(|s| s.ident == "None"),
        syn::Pat::Paren(p) => is_failure_pattern(&p.pat),
        _ => false,
    }
}

/// The variable a pattern binds the matched value (or its `Ok`/`Some` payload) to by
/// value, if any: where a guard moves.
fn moving_binding(p: &syn::Pat) -> Option<String> {
    match p {
        syn::Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => {
            let n = i.ident.to_string();
            (n != "None").then_some(n)
        }
        syn::Pat::TupleStruct(ts)
            if ts
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Ok" || s.ident == "Some") =>
        {
            ts.elems.first().and_then(moving_binding)
        }
        // `let (g, _) = cv.wait_timeout(g, d).unwrap();`
        syn::Pat::Tuple(t) => t.elems.first().and_then(moving_binding),
        syn::Pat::Type(t) => moving_binding(&t.pat),
        syn::Pat::Paren(p) => moving_binding(&p.pat),
        _ => None,
    }
}

/// Every identifier a pattern binds.
fn pattern_idents(p: &syn::Pat, out: &mut Vec<String>) {
    match p {
        syn::Pat::Ident(i) => {
            out.push(i.ident.to_string());
            if let Some((_, sub)) = &i.subpat {
                pattern_idents(sub, out);
            }
        }
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|e| pattern_idents(e, out)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|e| pattern_idents(e, out)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| pattern_idents(&f.pat, out)),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|e| pattern_idents(e, out)),
        syn::Pat::Reference(r) => pattern_idents(&r.pat, out),
        syn::Pat::Type(t) => pattern_idents(&t.pat, out),
        syn::Pat::Paren(p) => pattern_idents(&p.pat, out),
        syn::Pat::Or(o) => {
            if let Some(first) = o.cases.first() {
                pattern_idents(first, out);
            }
        }
        _ => {}
    }
}

/// `&*g`, `&g.field`, `&g[i]`: a borrow whose place is inside the value `e` produces.
fn extends_temporary(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Reference(_) => true,
        syn::Expr::Paren(p) => extends_temporary(&p.expr),
        syn::Expr::Cast(c) => extends_temporary(&c.expr),
        _ => false,
    }
}

impl<'f, 'a> Fb<'f, 'a> {
    fn new(
        fl: &'f mut FileLower<'a>,
        name: String,
        self_ty: Option<Arc<str>>,
        params: Vec<(String, Local)>,
    ) -> Self {
        let mut body = Frame::new(FrameKind::Body);
        let names = params.iter().map(|p| p.0.clone()).collect();
        body.locals = params;
        Fb {
            fl,
            name,
            self_ty,
            blocks: vec![Block {
                events: Vec::new(),
                terminator: Terminator::Unreachable,
            }],
            preds: vec![1],
            cur: Some(0),
            atom_vars: Vec::new(),
            atom_var: Vec::new(),
            var_count: 0,
            frames: vec![body],
            guards: Vec::new(),
            call_args: Vec::new(),
            params: names,
            depth: 0,
            too_deep: false,
            closures: 0,
            returns_value: false,
            last_span: None,
        }
    }

    fn finish(mut self, v: Val, close: Span, name_span: Span) {
        if self.cur.is_some() {
            if let Some(g) = v.guard {
                // A guard returned leaves the function; its caller's scope drops it.
                self.consume(g);
            }
            self.unwind(0);
            let value = if self.returns_value {
                ReturnValue::Other
            } else {
                ReturnValue::Void
            };
            self.terminate(Terminator::Return {
                span: close,
                value,
                atom: None,
                pointer: false,
            });
        }
        let function = Function {
            name: self.name,
            name_span,
            is_static: false,
            blocks: self.blocks,
            atom_vars: self.atom_vars,
            atom_var: self.atom_var,
            var_count: self.var_count,
            degraded: self.too_deep,
            too_deep: self.too_deep,
            returns_holding: Vec::new(),
            params: self.params,
            call_args: self.call_args,
            held_on_entry: Vec::new(),
            labels: Vec::new(),
            annotations: Vec::new(),
            var_params: Vec::new(),
            var_facts: Vec::new(),
        };
        self.fl.facts.stats.functions += 1;
        if function.degraded {
            self.fl.facts.stats.degraded_functions += 1;
        }
        self.fl.facts.functions.push(function);
    }

    // ---- CFG building ----

    fn new_block(&mut self) -> u32 {
        self.blocks.push(Block {
            events: Vec::new(),
            terminator: Terminator::Unreachable,
        });
        self.preds.push(0);
        (self.blocks.len() - 1) as u32
    }

    fn emit(&mut self, e: Event) {
        if let Some(b) = self.cur {
            self.blocks[b as usize].events.push(e);
        }
    }

    fn terminate(&mut self, t: Terminator) {
        if let Some(b) = self.cur.take() {
            match &t {
                Terminator::Goto(x) => self.preds[*x as usize] += 1,
                Terminator::Fork(xs) => {
                    for x in xs {
                        self.preds[*x as usize] += 1;
                    }
                }
                Terminator::Branch {
                    then, otherwise, ..
                } => {
                    self.preds[*then as usize] += 1;
                    self.preds[*otherwise as usize] += 1;
                }
                _ => {}
            }
            self.blocks[b as usize].terminator = t;
        }
    }

    fn goto(&mut self, target: u32) {
        self.terminate(Terminator::Goto(target));
    }

    /// Continues in `b` if anything reaches it.
    fn start(&mut self, b: u32) {
        self.cur = (self.preds[b as usize] > 0).then_some(b);
    }

    fn new_flag(&mut self) -> (VarId, AtomId) {
        let var = self.var_count;
        self.var_count += 1;
        let atom = self.atom_vars.len() as AtomId;
        self.atom_vars.push(vec![var]);
        self.atom_var.push(Some(var));
        (var, atom)
    }

    fn new_atom(&mut self) -> AtomId {
        let atom = self.atom_vars.len() as AtomId;
        self.atom_vars.push(Vec::new());
        self.atom_var.push(None);
        atom
    }

    fn set_flag(&mut self, flag: VarId, on: bool) {
        self.emit(Event::Assign {
            var: flag,
            value: Some(if on {
                ReturnValue::One
            } else {
                ReturnValue::Zero
            }),
        });
    }

    // ---- guards ----

    fn temps_frame(&self) -> usize {
        self.frames
            .iter()
            .rposition(Frame::holds_temps)
            .unwrap_or(0)
    }

    /// A new guard, a temporary of the innermost temporary scope.
    fn new_guard(
        &mut self,
        lock: LockId,
        kind: LockKind,
        mode: Mode,
        try_atom: Option<AtomId>,
    ) -> usize {
        let (flag, atom) = self.new_flag();
        let id = self.guards.len();
        self.guards.push(Guard {
            lock,
            kind,
            mode,
            flag,
            atom,
            conditional: try_atom.is_some(),
            try_atom,
            irq: Irq::None,
        });
        if try_atom.is_none() {
            self.set_flag(flag, true);
        }
        let f = self.temps_frame();
        self.frames[f].guards.push(id);
        id
    }

    /// Branches on a trylock's outcome, with its guard's drop flag set on each side.
    fn settle_into(&mut self, g: usize, then: u32, otherwise: u32) {
        let Some(atom) = self.guards[g].try_atom.take() else {
            self.terminate(Terminator::Fork(vec![then, otherwise]));
            return;
        };
        let flag = self.guards[g].flag;
        let (t, o) = (self.new_block(), self.new_block());
        self.terminate(Terminator::Branch {
            atom,
            then: t,
            otherwise: o,
        });
        self.start(t);
        self.set_flag(flag, true);
        self.goto(then);
        self.start(o);
        self.set_flag(flag, false);
        self.goto(otherwise);
    }

    /// A trylock whose result is used otherwise: either outcome may follow.
    fn settle(&mut self, g: usize) {
        if self.guards[g].try_atom.is_some() && self.cur.is_some() {
            let join = self.new_block();
            self.settle_into(g, join, join);
            self.start(join);
        }
    }

    /// `m.try_lock().unwrap()`, `m.try_lock()?`: the success side continues; the failure
    /// side panics (`None`) or returns an error.
    fn settle_success(&mut self, g: usize, failure_returns: bool, span: Span) {
        if self.guards[g].try_atom.is_none() || self.cur.is_none() {
            return;
        }
        let (ok, fail) = (self.new_block(), self.new_block());
        self.settle_into(g, ok, fail);
        self.start(fail);
        if failure_returns {
            self.exit_fn(ReturnValue::Error, span);
        } else {
            self.terminate(Terminator::Unreachable);
        }
        self.start(ok);
    }

    fn settle_val(&mut self, v: &Val) {
        if let Some(g) = v.guard {
            self.settle(g);
        }
    }

    fn release_event(&mut self, g: usize, span: Span) {
        let guard = &self.guards[g];
        let e = Event::Release {
            lock: guard.lock,
            kind: guard.kind,
            mode: guard.mode,
            span,
        };
        self.emit(e);
    }

    /// Releases a guard's lock here (where its drop flag says it is still there).
    fn release_guard(&mut self, g: usize, span: Span) {
        if self.cur.is_none() {
            return;
        }
        self.settle(g);
        if self.guards[g].conditional {
            let atom = self.guards[g].atom;
            let (rel, cont) = (self.new_block(), self.new_block());
            self.terminate(Terminator::Branch {
                atom,
                then: rel,
                otherwise: cont,
            });
            self.start(rel);
            self.release_event(g, span);
            self.goto(cont);
            self.start(cont);
        } else {
            self.release_event(g, span);
        }
    }

    /// The guard is dropped or moved away here: released, and its flag cleared so later
    /// scope ends leave it alone.
    fn consume_at(&mut self, g: usize, span: Span) {
        if self.cur.is_none() {
            return;
        }
        self.release_guard(g, span);
        let flag = self.guards[g].flag;
        self.set_flag(flag, false);
        self.guards[g].conditional = true;
    }

    fn consume(&mut self, g: usize) {
        let span = self.here();
        self.consume_at(g, span);
    }

    /// A span for releases the syntax gives no better place for.
    fn here(&self) -> Span {
        self.last_span.unwrap_or(Span {
            file: self.fl.spans.file(),
            start: 0,
            end: 0,
        })
    }

    /// Releases the guards of frames `from..` (innermost first) on this path, which
    /// leaves them (`return`, `break`, `?`).
    fn unwind(&mut self, from: usize) {
        let span = self.here();
        let mut seen = HashSet::new();
        for f in (from..self.frames.len()).rev() {
            let gs = self.frames[f].guards.clone();
            for g in gs.into_iter().rev() {
                if seen.insert(g) {
                    self.release_guard(g, span);
                }
            }
        }
    }

    fn push(&mut self, kind: FrameKind) {
        self.frames.push(Frame::new(kind));
    }

    /// Leaves the innermost frame on this path: its guards are dropped in reverse order.
    fn pop(&mut self, span: Span) {
        if let Some(frame) = self.frames.pop() {
            for g in frame.guards.into_iter().rev() {
                self.consume_at(g, span);
            }
        }
    }

    /// Drops the innermost frame without releasing (every path released it already).
    fn discard(&mut self) {
        self.frames.pop();
    }

    /// Moves a guard into frame `to` (a `let` binding it, a block's value leaving).
    fn move_guard(&mut self, g: usize, to: usize) {
        for f in &mut self.frames {
            f.guards.retain(|&x| x != g);
        }
        self.frames[to].guards.push(g);
    }

    fn frame_of(&self, g: usize) -> Option<usize> {
        self.frames.iter().rposition(|f| f.guards.contains(&g))
    }

    /// Leaves the function (or the inline closure being lowered) from here.
    fn exit_fn(&mut self, value: ReturnValue, span: Span) {
        if let Some(i) = self
            .frames
            .iter()
            .rposition(|f| matches!(f.kind, FrameKind::Closure { .. }))
        {
            let FrameKind::Closure { exit } = self.frames[i].kind else {
                return;
            };
            self.unwind(i);
            self.goto(exit);
            return;
        }
        self.unwind(0);
        self.terminate(Terminator::Return {
            span,
            value,
            atom: None,
            pointer: false,
        });
    }

    fn lookup(&self, name: &str) -> Option<&Local> {
        self.frames
            .iter()
            .rev()
            .flat_map(|f| f.locals.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, l)| l)
    }

    fn bind(&mut self, name: String, local: Local) {
        if let Some(f) = self.frames.last_mut() {
            f.locals.push((name, local));
        }
    }

    /// The innermost block-like frame a `let` binds into.
    fn binding_frame(&self) -> usize {
        self.frames
            .iter()
            .rposition(|f| !matches!(f.kind, FrameKind::Temps))
            .unwrap_or(0)
    }

    // ---- spans ----

    fn span_of<T: Spanned>(&self, t: &T) -> Span {
        self.fl.spans.span(t.span())
    }

    fn lock_expr(&self, p: &Place) -> LockExpr {
        let root = match &p.root {
            PRoot::Var { name, ty } => LockRoot::Var {
                name: name.clone(),
                ty: ty.clone(),
                function: self.name.clone(),
            },
            PRoot::Static(n) => LockRoot::Global {
                name: n.clone(),
                file_static: false,
            },
            PRoot::Typed(t) => LockRoot::Typed { ty: t.clone() },
            PRoot::Opaque => LockRoot::Opaque,
        };
        LockExpr {
            root,
            path: p.path.clone(),
            text: p.text.clone(),
        }
    }
}

// Statements, blocks and control flow.
impl Fb<'_, '_> {
    /// A function's body block: its locals, then (2021) the tail's temporaries.
    fn body_block_fn(&mut self, b: &syn::Block) -> Val {
        self.block(b)
    }

    /// The body of an `if`, loop or `else`: a temporary scope around the block.
    fn body_block(&mut self, b: &syn::Block) -> Val {
        self.push(FrameKind::Temps);
        let v = self.block(b);
        let close = self.fl.spans.span(b.brace_token.span.close());
        self.keep_value(&v);
        self.pop(close);
        v
    }

    /// A value leaving its frame (a block's or arm's value that is a guard) moves to the
    /// frame below.
    fn keep_value(&mut self, v: &Val) {
        if let Some(g) = v.guard {
            let top = self.frames.len() - 1;
            if self.frame_of(g) == Some(top) && top > 0 {
                let below = self.frames[..top]
                    .iter()
                    .rposition(Frame::holds_temps)
                    .unwrap_or(0);
                self.move_guard(g, below);
            }
        }
    }

    fn block(&mut self, b: &syn::Block) -> Val {
        self.push(FrameKind::Block);
        let n = b.stmts.len();
        let mut val = Val::default();
        for (i, s) in b.stmts.iter().enumerate() {
            if self.cur.is_none() {
                break;
            }
            match s {
                syn::Stmt::Expr(e, None) if i + 1 == n => val = self.tail(e),
                _ => self.stmt(s),
            }
        }
        let close = self.fl.spans.span(b.brace_token.span.close());
        self.last_span = Some(close);
        self.keep_value(&val);
        self.pop(close);
        val
    }

    /// A block's tail expression: in 2024 its temporaries are dropped at the block's end,
    /// before its locals; in 2021 they belong to the enclosing temporary scope.
    fn tail(&mut self, e: &syn::Expr) -> Val {
        match self.fl.edition {
            Edition::E2021 => self.expr(e),
            Edition::E2024 => {
                self.push(FrameKind::Temps);
                let v = self.expr(e);
                self.keep_value(&v);
                let span = self.last_span.unwrap_or_else(|| self.span_of(e));
                self.pop(span);
                v
            }
        }
    }

    fn stmt(&mut self, s: &syn::Stmt) {
        match s {
            syn::Stmt::Local(l) => self.local(l),
            syn::Stmt::Expr(e, semi) => {
                self.push(FrameKind::Temps);
                let v = self.expr(e);
                if let Some(g) = v.guard {
                    self.settle(g);
                }
                let end = match semi {
                    Some(s) => self.span_of(s),
                    None => self.span_of(e),
                };
                self.pop(end);
            }
            syn::Stmt::Macro(m) => {
                self.push(FrameKind::Temps);
                self.mac(&m.mac);
                let end = self.span_of(m);
                self.pop(end);
            }
            syn::Stmt::Item(item) => {
                if let syn::Item::Fn(_) = item {
                    // A nested fn is a function of its own.
                    let self_ty = self.self_ty.clone();
                    self.fl.pending_items.push((item.clone(), self_ty));
                }
            }
        }
    }

    fn local(&mut self, l: &syn::Local) {
        self.push(FrameKind::Temps);
        let annot = match &l.pat {
            syn::Pat::Type(t) => {
                let ty = self.fl.cx(self.self_ty.clone()).ty(&t.ty);
                ty.is_known().then_some(ty)
            }
            _ => None,
        };
        let end = self.span_of(l);
        let Some(init) = &l.init else {
            self.bind_pattern(&l.pat, &Val::default(), annot, false);
            self.pop(end);
            return;
        };
        let v = self.expr_raw(&init.expr);
        if let Some((_, diverge)) = &init.diverge {
            // `let Some(g) = m.try_lock() else { return; };`
            let (ok, other) = (self.new_block(), self.new_block());
            match v.guard {
                Some(g) if self.guards[g].try_atom.is_some() => self.settle_into(g, ok, other),
                _ => self.terminate(Terminator::Fork(vec![ok, other])),
            }
            self.start(other);
            self.push(FrameKind::Temps);
            self.expr(diverge);
            let s = self.span_of(diverge);
            self.pop(s);
            self.terminate(Terminator::Unreachable);
            self.start(ok);
        } else if let Some(g) = v.guard {
            self.settle(g);
        }
        let wild = matches!(l.pat, syn::Pat::Wild(_));
        let extended = extends_temporary(&init.expr);
        match (v.guard, v.borrows) {
            (Some(g), _) if !wild && moving_binding(&l.pat).is_some() => {
                let to = self.binding_frame();
                self.move_guard(g, to);
            }
            // `let r = &*m.lock().unwrap();`: the temporary lives as long as `r`.
            (None, Some(g))
                if extended
                    && !wild
                    && self
                        .frame_of(g)
                        .is_some_and(|f| self.frames[f].holds_temps()) =>
            {
                let to = self.binding_frame();
                self.move_guard(g, to);
            }
            _ => {}
        }
        self.bind_pattern(&l.pat, &v, annot, true);
        self.last_span = Some(end);
        self.pop(end);
    }

    /// Binds a pattern's variables in the innermost binding frame; the variable a guard
    /// moves to holds it.
    fn bind_pattern(&mut self, pat: &syn::Pat, v: &Val, annot: Option<Ty>, moves: bool) {
        let mover = if moves { moving_binding(pat) } else { None };
        let simple = is_simple_ident(pat);
        let mut names = Vec::new();
        pattern_idents(pat, &mut names);
        let to = self.binding_frame();
        for n in names {
            let is_mover = mover.as_deref() == Some(n.as_str());
            let local = if simple || is_mover {
                Local {
                    ty: annot.clone().unwrap_or_else(|| v.ty.clone()),
                    place: v.place.clone(),
                    guard: v.guard.filter(|_| is_mover),
                    closure: v.closure.clone(),
                    param: None,
                }
            } else {
                Local::default()
            };
            self.frames[to].locals.push((n, local));
        }
    }
}

fn is_simple_ident(p: &syn::Pat) -> bool {
    match p {
        syn::Pat::Ident(i) => i.subpat.is_none(),
        syn::Pat::Type(t) => is_simple_ident(&t.pat),
        _ => false,
    }
}

/// The first `let` of an `if let` condition (or `let` chain) and the other operands.
fn split_let(cond: &syn::Expr) -> Option<(&syn::ExprLet, Vec<&syn::Expr>)> {
    match cond {
        syn::Expr::Let(l) => Some((l, Vec::new())),
        syn::Expr::Paren(p) => split_let(&p.expr),
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            if let Some((l, mut rest)) = split_let(&b.left) {
                rest.push(&b.right);
                Some((l, rest))
            } else if let Some((l, rest)) = split_let(&b.right) {
                let mut all = vec![&*b.left];
                all.extend(rest);
                Some((l, all))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The text of an expression without whitespace, for messages and opaque lock names.
fn text_of<T: quote_free::ToText>(t: &T) -> String {
    t.to_text()
}

mod quote_free {
    pub trait ToText {
        fn to_text(&self) -> String;
    }
    impl<T: quote::ToTokens> ToText for T {
        fn to_text(&self) -> String {
            let mut s = self.to_token_stream().to_string();
            s.retain(|c| !c.is_whitespace());
            if s.len() > 80 {
                let mut end = 80;
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.truncate(end);
            }
            s
        }
    }
}

// Expressions.
impl Fb<'_, '_> {
    fn expr(&mut self, e: &syn::Expr) -> Val {
        let v = self.expr_raw(e);
        self.settle_val(&v);
        v
    }

    /// An expression whose trylock outcome, if any, is left for the caller to branch on.
    fn expr_raw(&mut self, e: &syn::Expr) -> Val {
        if self.cur.is_none() {
            return Val::default();
        }
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return Val::default();
        }
        self.depth += 1;
        let v = self.expr_inner(e);
        self.depth -= 1;
        v
    }

    /// A guard passed by value (into a call, a struct, a return) leaves the function's
    /// scopes here.
    fn moved_at(&mut self, v: &Val, span: Span) {
        if let Some(g) = v.guard {
            self.consume_at(g, span);
        }
    }

    fn expr_inner(&mut self, e: &syn::Expr) -> Val {
        use syn::Expr as E;
        match e {
            E::Paren(p) => self.expr_raw(&p.expr),
            E::Group(g) => self.expr_raw(&g.expr),
            E::Reference(r) => {
                let v = self.expr(&r.expr);
                Val {
                    ty: v.ty,
                    place: v.place,
                    borrows: v.guard.or(v.borrows),
                    closure: v.closure,
                    ..Val::default()
                }
            }
            E::Unary(u) => {
                let v = self.expr(&u.expr);
                match u.op {
                    syn::UnOp::Deref(_) => Val {
                        ty: v.ty,
                        place: v.place,
                        borrows: v.guard.or(v.borrows),
                        ..Val::default()
                    },
                    _ => Val::default(),
                }
            }
            E::Cast(c) => {
                let v = self.expr(&c.expr);
                Val {
                    borrows: v.borrows,
                    ..Val::default()
                }
            }
            E::Field(f) => {
                let b = self.expr(&f.base);
                let name = match &f.member {
                    syn::Member::Named(i) => i.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let ty =
                    b.ty.name
                        .as_deref()
                        .and_then(|n| self.fl.index.field(n, &name))
                        .cloned()
                        .unwrap_or_default();
                Val {
                    ty,
                    place: b.place.map(|p| p.field(&name)),
                    borrows: b.guard.or(b.borrows),
                    ..Val::default()
                }
            }
            E::Index(i) => {
                let b = self.expr(&i.expr);
                self.expr(&i.index);
                Val {
                    ty: b.ty,
                    place: b.place.map(|p| p.index()),
                    borrows: b.guard.or(b.borrows),
                    ..Val::default()
                }
            }
            E::Path(p) => self.path(p),
            E::MethodCall(m) => self.method_call(m),
            E::Call(c) => self.call(c),
            E::Await(a) => self.await_(a),
            E::Try(t) => self.try_(t),
            E::Block(b) => match &b.label {
                Some(label) => {
                    let exit = self.new_block();
                    self.push(FrameKind::Loop {
                        label: Some(label.name.ident.to_string()),
                        brk: exit,
                        cont: None,
                    });
                    self.block(&b.block);
                    self.goto(exit);
                    self.discard();
                    self.start(exit);
                    Val::default()
                }
                None => self.block(&b.block),
            },
            E::Unsafe(u) => self.block(&u.block),
            E::TryBlock(t) => self.block(&t.block),
            E::If(i) => self.if_(i),
            E::Match(m) => self.match_(m),
            E::Loop(l) => self.loop_(l),
            E::While(w) => self.while_(w),
            E::ForLoop(f) => self.for_(f),
            E::Break(b) => {
                if let Some(x) = &b.expr {
                    let v = self.expr(x);
                    let s = self.span_of(x);
                    self.moved_at(&v, s);
                }
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                self.jump(label, true);
                Val::default()
            }
            E::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                self.jump(label, false);
                Val::default()
            }
            E::Return(r) => {
                let span = self.span_of(r);
                let value = match &r.expr {
                    Some(x) => {
                        let v = self.expr(x);
                        self.moved_at(&v, span);
                        return_value(x)
                    }
                    None => ReturnValue::Void,
                };
                self.exit_fn(value, span);
                Val::default()
            }
            E::Closure(c) => self.closure_fn(c, None),
            E::Async(a) => {
                self.closures += 1;
                let name = format!("{}::{{async#{}}}", self.name, self.closures);
                let name_span = self.span_of(&a.async_token);
                let body = Box::new(syn::Expr::Block(syn::ExprBlock {
                    attrs: Vec::new(),
                    label: None,
                    block: a.block.clone(),
                }));
                self.queue(name, name_span, Vec::new(), body);
                Val::default()
            }
            E::Let(l) => {
                self.expr(&l.expr);
                Val::default()
            }
            E::Binary(b) => {
                if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
                    // Each operand of a lazy boolean operator is a temporary scope.
                    self.push(FrameKind::Temps);
                    self.expr(&b.left);
                    let s = self.span_of(&b.left);
                    self.pop(s);
                    let (rhs, join) = (self.new_block(), self.new_block());
                    self.terminate(Terminator::Fork(vec![rhs, join]));
                    self.start(rhs);
                    self.push(FrameKind::Temps);
                    self.expr(&b.right);
                    let s = self.span_of(&b.right);
                    self.pop(s);
                    self.goto(join);
                    self.start(join);
                } else {
                    self.expr(&b.left);
                    self.expr(&b.right);
                }
                Val::default()
            }
            E::Assign(a) => {
                self.assign(a);
                Val::default()
            }
            E::Macro(m) => self.mac(&m.mac),
            E::Struct(s) => {
                for f in &s.fields {
                    let v = self.expr(&f.expr);
                    let sp = self.span_of(&f.expr);
                    self.moved_at(&v, sp);
                }
                if let Some(r) = &s.rest {
                    self.expr(r);
                }
                let ty = self.fl.cx(self.self_ty.clone());
                let segs = segments(&s.path);
                let name = match segs.as_slice() {
                    [one] if one == "Self" => ty.self_ty.clone(),
                    _ => segs.last().map(|n| n.as_str().into()),
                };
                Val {
                    ty: Ty {
                        name,
                        ..Ty::default()
                    },
                    ..Val::default()
                }
            }
            E::Tuple(t) => {
                for x in &t.elems {
                    let v = self.expr(x);
                    let sp = self.span_of(x);
                    self.moved_at(&v, sp);
                }
                Val::default()
            }
            E::Array(a) => {
                for x in &a.elems {
                    let v = self.expr(x);
                    let sp = self.span_of(x);
                    self.moved_at(&v, sp);
                }
                Val::default()
            }
            E::Repeat(r) => {
                self.expr(&r.expr);
                Val::default()
            }
            E::Range(r) => {
                if let Some(x) = &r.start {
                    self.expr(x);
                }
                if let Some(x) = &r.end {
                    self.expr(x);
                }
                Val::default()
            }
            _ => Val::default(),
        }
    }

    fn path(&mut self, p: &syn::ExprPath) -> Val {
        let segs = segments(&p.path);
        if segs.len() == 1 && p.qself.is_none() {
            if let Some(l) = self.lookup(&segs[0]).cloned() {
                return Val {
                    place: l
                        .place
                        .or_else(|| Some(Place::var(&segs[0], l.ty.name.as_deref()))),
                    ty: l.ty,
                    guard: l.guard,
                    closure: l.closure,
                    ..Val::default()
                };
            }
        }
        if let Some(name) = self.fl.index.static_name(self.fl.scope, &segs) {
            let ty = self
                .fl
                .index
                .statics
                .get(&name)
                .cloned()
                .unwrap_or_default();
            return Val {
                ty,
                place: Some(Place {
                    root: PRoot::Static(name.clone()),
                    path: Vec::new(),
                    text: name,
                }),
                ..Val::default()
            };
        }
        // A function named as a value (`helper` passed as a callback).
        if let Some(callee) = self.callee_name(&segs, p.qself.is_some()) {
            if segs
                .last()
                .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                return Val {
                    closure: Some(callee),
                    ..Val::default()
                };
            }
        }
        Val::default()
    }

    /// The name a call of `segs` resolves by: `Type::method` for associated functions,
    /// the last segment for free functions.
    fn callee_name(&self, segs: &[String], qself: bool) -> Option<String> {
        if qself {
            return None;
        }
        let last = segs.last()?;
        if segs.len() >= 2 {
            let t = &segs[segs.len() - 2];
            if t == "Self" {
                return self.self_ty.as_ref().map(|s| format!("{s}::{last}"));
            }
            if t.starts_with(|c: char| c.is_ascii_uppercase()) {
                return Some(format!("{t}::{last}"));
            }
        }
        Some(last.clone())
    }

    fn call_event(&mut self, callee: &str, span: Span, args: &[Option<String>]) -> Call {
        let name = self.fl.intern_name(callee);
        let call = Call {
            callee: name,
            indirect: false,
        };
        self.emit_call(call, span, args);
        call
    }

    fn emit_call(&mut self, call: Call, span: Span, args: &[Option<String>]) {
        if self.cur.is_none() {
            return;
        }
        let start = self.call_args.len() as u32;
        let len = args.len().min(u8::MAX as usize);
        for a in &args[..len] {
            let id = match a {
                Some(t) => self.fl.intern_name(t),
                None => NO_ARG,
            };
            self.call_args.push(id);
        }
        self.emit(Event::Call {
            call,
            span,
            result: None,
            args: ArgRange {
                start,
                len: len as u8,
            },
        });
    }

    fn bind_slot(&mut self, callee: &str, index: usize, function: &str) {
        let slot = self.fl.param_slot(callee, index);
        let name = self.fl.intern_name(function);
        if !self.fl.facts.slot_bindings.contains(&(slot, name)) {
            self.fl.facts.slot_bindings.push((slot, name));
        }
    }

    /// A call argument; a closure is lowered inline (`inline`: the callee runs it before
    /// returning) or as a function of its own bound to the callee's parameter.
    fn arg(
        &mut self,
        a: &syn::Expr,
        callee: Option<&str>,
        index: usize,
        inline: bool,
        elem: Option<&(Ty, Option<Place>)>,
    ) -> Val {
        if let syn::Expr::Closure(c) = a {
            if inline {
                self.inline_closure(c, elem, false);
                return Val::default();
            }
            let v = self.closure_fn(c, elem);
            if let (Some(callee), Some(name)) = (callee, &v.closure) {
                self.bind_slot(callee, index, name);
            }
            return v;
        }
        let v = self.expr(a);
        if let (Some(callee), Some(name)) = (callee, &v.closure) {
            self.bind_slot(callee, index, name);
        }
        v
    }

    fn closure_params(
        &self,
        c: &syn::ExprClosure,
        elem: Option<&(Ty, Option<Place>)>,
    ) -> Vec<(String, Local)> {
        let cx = self.fl.cx(self.self_ty.clone());
        let mut out = Vec::new();
        for (i, p) in c.inputs.iter().enumerate() {
            let (pat, ty) = match p {
                syn::Pat::Type(t) => (&*t.pat, Some(cx.ty(&t.ty))),
                other => (other, None),
            };
            let mut names = Vec::new();
            pattern_idents(pat, &mut names);
            let simple = is_simple_ident(pat);
            for n in names {
                let local = match (&ty, elem) {
                    (Some(t), _) if simple => Local {
                        place: Some(Place::var(&n, t.name.as_deref())),
                        ty: t.clone(),
                        param: Some(i),
                        ..Local::default()
                    },
                    (None, Some((t, place))) if simple && i == 0 => Local {
                        ty: t.clone(),
                        place: place.clone(),
                        param: Some(i),
                        ..Local::default()
                    },
                    _ => Local {
                        param: Some(i),
                        ..Local::default()
                    },
                };
                out.push((n, local));
            }
        }
        out
    }

    fn queue(
        &mut self,
        name: String,
        name_span: Span,
        params: Vec<(String, Local)>,
        body: Box<syn::Expr>,
    ) {
        let env: Vec<(String, Local)> = self
            .frames
            .iter()
            .flat_map(|f| f.locals.iter())
            .map(|(n, l)| {
                (
                    n.clone(),
                    Local {
                        guard: None,
                        ..l.clone()
                    },
                )
            })
            .collect();
        self.fl.pending.push(PendingFn {
            name,
            name_span,
            params,
            env,
            body,
            self_ty: self.self_ty.clone(),
        });
    }

    /// A closure as a function of its own (`outer::{closure#1}`), run wherever it is called.
    fn closure_fn(&mut self, c: &syn::ExprClosure, elem: Option<&(Ty, Option<Place>)>) -> Val {
        self.closures += 1;
        let name = format!("{}::{{closure#{}}}", self.name, self.closures);
        let params = self.closure_params(c, elem);
        let name_span = self.span_of(&c.or1_token);
        self.queue(name.clone(), name_span, params, c.body.clone());
        Val {
            closure: Some(name),
            ..Val::default()
        }
    }

    /// A closure the callee runs before returning: its body, here (maybe not at all unless
    /// `always`).
    fn inline_closure(
        &mut self,
        c: &syn::ExprClosure,
        elem: Option<&(Ty, Option<Place>)>,
        always: bool,
    ) {
        let exit = self.new_block();
        if !always {
            let run = self.new_block();
            self.terminate(Terminator::Fork(vec![run, exit]));
            self.start(run);
        }
        let params = self.closure_params(c, elem);
        self.push(FrameKind::Closure { exit });
        for (n, l) in params {
            self.bind(n, l);
        }
        let v = self.expr(&c.body);
        let span = self.span_of(&c.body);
        self.moved_at(&v, span);
        self.pop(span);
        self.goto(exit);
        self.start(exit);
    }

    /// The locks `callee` holds when it calls its closure parameter `index`, when `a` is a
    /// closure passed there.
    fn helper_holds(
        &self,
        callee: Option<&str>,
        index: usize,
        a: &syn::Expr,
    ) -> Option<Vec<crate::types::HeldAtClosure>> {
        if !matches!(a, syn::Expr::Closure(_)) {
            return None;
        }
        let holds = self.fl.index.closure_holds.get(callee?)?;
        holds.iter().find(|h| h.0 == index).map(|h| h.1.clone())
    }

    /// A closure a helper runs with locks held: here, in the caller, under those locks
    /// mapped onto the caller's arguments (`ino.with_meta(|m| ..)` runs under `ino.meta`).
    fn closure_under(
        &mut self,
        c: &syn::ExprClosure,
        held: &[crate::types::HeldAtClosure],
        params: &[Val],
        span: Span,
    ) {
        let (run, exit) = (self.new_block(), self.new_block());
        self.terminate(Terminator::Fork(vec![run, exit]));
        self.start(run);
        let mut taken = Vec::new();
        for h in held {
            let Some(p) = params.get(h.param) else {
                continue;
            };
            let (mut ty, mut place) = (p.ty.clone(), p.place.clone());
            for f in &h.path {
                ty = ty
                    .name
                    .as_deref()
                    .and_then(|n| self.fl.index.field(n, f))
                    .cloned()
                    .unwrap_or_default();
                place = place.map(|pl| pl.field(f));
            }
            let (Some(rule), Some(place)) = (ty.lock, place) else {
                continue;
            };
            let r = &self.fl.rules.rust.locks[rule as usize];
            let Some(&op) = r.methods.get(&h.method) else {
                continue;
            };
            let (kind, irq) = (r.kind, r.irq);
            let lock = self.fl.intern_lock(self.lock_expr(&place));
            self.emit(Event::Acquire {
                acq: acq(lock, kind, op.mode(), irq, op.is_recursive(), !op.is_try()),
                span,
            });
            taken.push((lock, kind, op.mode()));
        }
        self.inline_closure(c, None, true);
        for (lock, kind, mode) in taken.into_iter().rev() {
            self.emit(Event::Release {
                lock,
                kind,
                mode,
                span,
            });
        }
        self.goto(exit);
        self.start(exit);
    }

    fn method_call(&mut self, m: &syn::ExprMethodCall) -> Val {
        let method = m.method.to_string();
        let span = self
            .fl
            .spans
            .join(m.method.span(), m.paren_token.span.close());
        let recv = self.expr_raw(&m.receiver);
        self.last_span = Some(span);
        let rust = &self.fl.rules.rust;
        if let Some(g) = recv.guard {
            if rust.guard_passthrough.contains(&method) {
                if matches!(method.as_str(), "unwrap" | "expect" | "unwrap_unchecked") {
                    self.settle_success(g, false, span);
                }
                for a in &m.args {
                    if !matches!(a, syn::Expr::Closure(_)) {
                        self.expr(a);
                    }
                }
                return recv;
            }
            self.settle(g);
            if rust.unlocked.contains(&method) {
                return self.unlocked(g, m.args.iter(), span);
            }
        }
        if let Some(rule) = recv.ty.lock {
            let r = &self.fl.rules.rust.locks[rule as usize];
            if let Some(&op) = r.methods.get(&method) {
                let (kind, irq, family) = (r.kind, r.irq, r.family);
                for a in &m.args {
                    self.expr(a);
                }
                let text = text_of(&*m.receiver);
                return self.lock_op(&recv, &text, op, kind, irq, family, span);
            }
        }
        if recv.ty.condvar && self.fl.rules.rust.condvar_waits.contains(&method) {
            return self.condvar_wait(m.args.iter(), span);
        }
        let callee = recv.ty.name.as_ref().map(|t| format!("{t}::{method}"));
        let inline = self.fl.rules.rust.closure_now.contains(&method);
        let elem = (recv.ty.clone(), recv.place.as_ref().map(Place::index));
        let mut texts = vec![recv
            .place
            .as_ref()
            .and_then(Place::plain_text)
            .map(String::from)];
        let mut vals = Vec::new();
        let mut deferred = Vec::new();
        for (i, a) in m.args.iter().enumerate() {
            if let Some(held) = self.helper_holds(callee.as_deref(), i + 1, a) {
                deferred.push((a, held));
                texts.push(None);
                vals.push(Val::default());
                continue;
            }
            let v = self.arg(a, callee.as_deref(), i + 1, inline, Some(&elem));
            texts.push(
                v.place
                    .as_ref()
                    .and_then(Place::plain_text)
                    .map(String::from),
            );
            vals.push(v);
        }
        let display = callee.clone().unwrap_or_else(|| format!(".{method}"));
        self.gfp_sleep(m.args.iter(), &display, span);
        if self.fl.rules.rust.blocking.contains(&method) && callee.is_some() {
            let name = self.fl.intern_name(&display);
            self.emit(Event::Sleep {
                name,
                span,
                fault: false,
            });
        }
        for (v, a) in vals.iter().zip(&m.args) {
            let s = self.span_of(a);
            self.moved_at(v, s);
        }
        let mut out = Val::default();
        if let Some(c) = &callee {
            out.call = Some(self.call_event(c, span, &texts));
            out.ty = self.fl.index.returns.get(c).cloned().unwrap_or_default();
        }
        if !deferred.is_empty() {
            let mut params = vec![recv.clone()];
            params.extend(vals.iter().cloned());
            for (a, held) in deferred {
                if let syn::Expr::Closure(c) = a {
                    self.closure_under(c, &held, &params, span);
                }
            }
        }
        match method.as_str() {
            "clone" | "as_ref" | "as_mut" | "deref" | "deref_mut" | "borrow" | "borrow_mut"
            | "get_ref" | "as_deref" | "unwrap" | "expect" | "as_pin" | "get_pin" | "into_arc" => {
                out.ty = recv.ty;
                out.place = recv.place;
                out.borrows = recv.guard.or(recv.borrows);
            }
            "iter" | "iter_mut" | "into_iter" | "values" | "values_mut" | "first" | "last"
            | "get" | "get_mut" | "get_unchecked" => {
                out.ty = recv.ty;
                out.place = recv.place.map(|p| p.index());
                out.borrows = recv.guard.or(recv.borrows);
            }
            _ => {}
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn lock_op(
        &mut self,
        recv: &Val,
        text: &str,
        op: lockorder_rules::RustOp,
        kind: LockKind,
        irq: Irq,
        family: RustFamily,
        span: Span,
    ) -> Val {
        let place = recv.place.clone().unwrap_or_else(|| Place {
            root: PRoot::Opaque,
            path: Vec::new(),
            text: text.to_string(),
        });
        let lock = self.fl.intern_lock(self.lock_expr(&place));
        if family == RustFamily::Async {
            self.fl.await_safe.insert(lock);
        }
        let a = acq(lock, kind, op.mode(), irq, op.is_recursive(), !op.is_try());
        let (ty, place) = match recv.ty.inner.as_deref() {
            Some(inner) => (Ty::named(inner), Some(Place::typed(inner))),
            None => (Ty::default(), None),
        };
        if op.is_await() {
            return Val {
                lock_future: Some((lock, a, span)),
                ty,
                place,
                ..Val::default()
            };
        }
        let g = if op.is_try() {
            let atom = self.new_atom();
            self.emit(Event::CondAcquire {
                acq: a,
                atom,
                success: Success::Nonzero,
                span,
            });
            self.new_guard(lock, kind, op.mode(), Some(atom))
        } else {
            self.emit(Event::Acquire { acq: a, span });
            self.new_guard(lock, kind, op.mode(), None)
        };
        self.guards[g].irq = irq;
        Val {
            guard: Some(g),
            ty,
            place,
            ..Val::default()
        }
    }

    /// `cv.wait(&mut guard)`, `cv.wait(guard)`: the guard's lock is released, the task
    /// sleeps, and the lock is taken again.
    fn condvar_wait<'e>(&mut self, args: impl Iterator<Item = &'e syn::Expr>, span: Span) -> Val {
        let mut guard = None;
        let mut by_value = false;
        for a in args {
            let v = match a {
                syn::Expr::Closure(_) => Val::default(),
                other => self.expr(other),
            };
            if guard.is_none() {
                guard = v.guard.or(v.borrows);
                by_value = v.guard.is_some();
            }
        }
        let name = self.fl.intern_name("CondVar::wait");
        let Some(g) = guard else {
            self.emit(Event::Sleep {
                name,
                span,
                fault: false,
            });
            return Val::default();
        };
        let Guard {
            lock,
            kind,
            mode,
            irq,
            ..
        } = self.guards[g].clone();
        self.emit(Event::Release {
            lock,
            kind,
            mode,
            span,
        });
        self.emit(Event::Sleep {
            name,
            span,
            fault: false,
        });
        self.emit(Event::Acquire {
            acq: acq(lock, kind, mode, irq, false, true),
            span,
        });
        Val {
            guard: by_value.then_some(g),
            ..Val::default()
        }
    }

    /// `guard.do_unlocked(|| ..)`, `MutexGuard::unlocked(&mut g, || ..)`: the closure runs
    /// with the guard's lock released.
    fn unlocked<'e>(
        &mut self,
        g: usize,
        args: impl Iterator<Item = &'e syn::Expr>,
        span: Span,
    ) -> Val {
        let Guard {
            lock,
            kind,
            mode,
            irq,
            ..
        } = self.guards[g].clone();
        self.emit(Event::Release {
            lock,
            kind,
            mode,
            span,
        });
        for a in args {
            match a {
                syn::Expr::Closure(c) => self.inline_closure(c, None, true),
                other => {
                    self.expr(other);
                }
            }
        }
        self.emit(Event::Acquire {
            acq: acq(lock, kind, mode, irq, false, true),
            span,
        });
        Val::default()
    }

    /// A call with a sleeping GFP flag among its arguments may sleep.
    fn gfp_sleep<'e>(
        &mut self,
        args: impl Iterator<Item = &'e syn::Expr>,
        callee: &str,
        span: Span,
    ) {
        for a in args {
            if let Some(flag) = self.sleeping_gfp(a) {
                let name = self.fl.intern_name(&format!("{callee}(.., {flag})"));
                self.emit(Event::Sleep {
                    name,
                    span,
                    fault: false,
                });
                return;
            }
        }
    }

    fn sleeping_gfp(&self, e: &syn::Expr) -> Option<String> {
        match e {
            syn::Expr::Path(p) => {
                let last = p.path.segments.last()?.ident.to_string();
                self.fl
                    .rules
                    .rust
                    .gfp_sleeping
                    .contains(&last)
                    .then_some(last)
            }
            syn::Expr::Binary(b) => self
                .sleeping_gfp(&b.left)
                .or_else(|| self.sleeping_gfp(&b.right)),
            syn::Expr::Paren(p) => self.sleeping_gfp(&p.expr),
            syn::Expr::Group(g) => self.sleeping_gfp(&g.expr),
            _ => None,
        }
    }

    fn call(&mut self, c: &syn::ExprCall) -> Val {
        let span = self.span_of(c);
        self.last_span = Some(span);
        let syn::Expr::Path(p) = &*c.func else {
            self.expr(&c.func);
            for a in &c.args {
                let v = self.expr(a);
                let s = self.span_of(a);
                self.moved_at(&v, s);
            }
            return Val::default();
        };
        let segs = segments(&p.path);
        let Some(last) = segs.last().cloned() else {
            return Val::default();
        };
        let joined = segs.join("::");
        if self.fl.rules.rust.drop.contains(&joined) {
            for a in &c.args {
                let v = self.expr(a);
                if let Some(g) = v.guard {
                    self.consume_at(g, span);
                }
            }
            return Val::default();
        }
        // A closure variable or a closure parameter.
        if segs.len() == 1 && p.qself.is_none() {
            if let Some(l) = self.lookup(&last).cloned() {
                let mut texts = Vec::new();
                for a in &c.args {
                    let v = self.expr(a);
                    texts.push(
                        v.place
                            .as_ref()
                            .and_then(Place::plain_text)
                            .map(String::from),
                    );
                }
                if let Some(name) = &l.closure {
                    let call = self.call_event(name, span, &texts);
                    return Val {
                        call: Some(call),
                        ..Val::default()
                    };
                }
                if let Some(i) = l.param {
                    let fname = self.name.clone();
                    let slot = self.fl.param_slot(&fname, i);
                    let call = Call {
                        callee: slot,
                        indirect: true,
                    };
                    self.emit_call(call, span, &texts);
                    return Val {
                        call: Some(call),
                        ..Val::default()
                    };
                }
                return Val::default();
            }
        }
        // `MutexGuard::unlocked(&mut g, || ..)`
        if segs.len() >= 2 && self.fl.rules.rust.unlocked.contains(&last) {
            if let Some(first) = c.args.first() {
                let v = self.expr(first);
                if let Some(g) = v.guard.or(v.borrows) {
                    return self.unlocked(g, c.args.iter().skip(1), span);
                }
            }
        }
        if segs.len() >= 2 && self.fl.rules.rust.condvar_waits.contains(&last) {
            let cx = self.fl.cx(self.self_ty.clone());
            if cx.lock_rule(&segs[..segs.len() - 1], &[]).is_none()
                && matches!(segs[segs.len() - 2].as_str(), "CondVar" | "Condvar")
            {
                return self.condvar_wait(c.args.iter().skip(1), span);
            }
        }
        let callee = self.callee_name(&segs, p.qself.is_some());
        let mut texts = Vec::new();
        let mut vals = Vec::new();
        let mut deferred = Vec::new();
        for (i, a) in c.args.iter().enumerate() {
            if let Some(held) = self.helper_holds(callee.as_deref(), i, a) {
                deferred.push((a, held));
                texts.push(None);
                vals.push(Val::default());
                continue;
            }
            let v = self.arg(a, callee.as_deref(), i, false, None);
            texts.push(
                v.place
                    .as_ref()
                    .and_then(Place::plain_text)
                    .map(String::from),
            );
            vals.push(v);
        }
        // C lock APIs called through the bindings: the C rules apply.
        if segs.len() >= 2 && segs.iter().any(|s| s == "bindings") {
            if let Some(v) = self.c_api(&last, &vals, span) {
                return v;
            }
        }
        let display = callee.clone().unwrap_or_else(|| joined.clone());
        if self.fl.rules.rust.blocking.contains(&last) {
            let name = self.fl.intern_name(&display);
            self.emit(Event::Sleep {
                name,
                span,
                fault: false,
            });
        }
        self.gfp_sleep(c.args.iter(), &display, span);
        let mut out = self.constructed(&segs, &vals);
        for (v, a) in vals.iter().zip(&c.args) {
            let s = self.span_of(a);
            self.moved_at(v, s);
        }
        if let Some(name) = callee {
            let is_ctor = out.ty.is_known() && !self.fl.index.returns.contains_key(&name);
            if !is_ctor {
                out.call = Some(self.call_event(&name, span, &texts));
                if let Some(t) = self.fl.index.returns.get(&name) {
                    out.ty = t.clone();
                }
            }
        }
        for (a, held) in deferred {
            if let syn::Expr::Closure(cl) = a {
                self.closure_under(cl, &held, &vals, span);
            }
        }
        out
    }

    /// What a constructor call makes: `Mutex::new(x)`, `Arc::new(Mutex::new(x))`,
    /// `Foo::new(..)`, `Arc::clone(&self.m)`.
    fn constructed(&self, segs: &[String], vals: &[Val]) -> Val {
        let Some((last, ty_segs)) = segs.split_last() else {
            return Val::default();
        };
        let first_arg = vals.first().cloned().unwrap_or_default();
        if ty_segs.is_empty() {
            return match last.as_str() {
                "Some" | "Ok" | "Box" | "Pin" => Val {
                    ty: first_arg.ty,
                    ..Val::default()
                },
                _ => Val::default(),
            };
        }
        let tname = ty_segs.last().map(String::as_str).unwrap_or("");
        let cx = self.fl.cx(self.self_ty.clone());
        if let Some(lock) = cx.lock_rule(ty_segs, &[]) {
            return Val {
                ty: Ty {
                    lock: Some(lock),
                    inner: first_arg.ty.name.clone(),
                    ..Ty::default()
                },
                ..Val::default()
            };
        }
        if matches!(tname, "CondVar" | "Condvar") {
            return Val {
                ty: Ty {
                    condvar: true,
                    ..Ty::default()
                },
                ..Val::default()
            };
        }
        if matches!(
            tname,
            "Arc" | "Rc" | "Box" | "KBox" | "Pin" | "UniqueArc" | "ARef" | "CachePadded"
        ) {
            let keeps_place = matches!(last.as_str(), "clone" | "from" | "as_ref");
            return Val {
                ty: first_arg.ty,
                place: if keeps_place { first_arg.place } else { None },
                ..Val::default()
            };
        }
        if tname == "Self" {
            return Val {
                ty: Ty {
                    name: self.self_ty.clone(),
                    ..Ty::default()
                },
                ..Val::default()
            };
        }
        if self.fl.index.struct_names.contains(tname)
            && matches!(last.as_str(), "new" | "default" | "try_new" | "create")
        {
            return Val {
                ty: Ty::named(tname),
                ..Val::default()
            };
        }
        Val::default()
    }

    /// `bindings::mutex_lock(ptr)` and the like: a C lock operation on the place the
    /// argument names (`&mut (*self.raw).lock`).
    fn c_api(&mut self, name: &str, vals: &[Val], span: Span) -> Option<Val> {
        let rule = *self.fl.rules.apis.get(name)?;
        let v = vals.get(rule.lock_arg)?;
        let place = v.place.clone()?;
        let lock = self.fl.intern_lock(self.lock_expr(&place));
        match rule.op {
            Op::Acquire | Op::Transient | Op::Fault => self.emit(Event::Acquire {
                acq: acq(lock, rule.kind, rule.mode, rule.irq, rule.nested, true),
                span,
            }),
            Op::Trylock | Op::Conditional => self.emit(Event::Acquire {
                acq: acq(lock, rule.kind, rule.mode, rule.irq, rule.nested, false),
                span,
            }),
            Op::Release => self.emit(Event::Release {
                lock,
                kind: rule.kind,
                mode: rule.mode,
                span,
            }),
            Op::Downgrade => self.emit(Event::Downgrade { lock, span }),
        }
        Some(Val::default())
    }

    fn await_(&mut self, a: &syn::ExprAwait) -> Val {
        let v = self.expr_raw(&a.base);
        let span = self.fl.spans.join(a.dot_token.span, a.await_token.span);
        self.emit(Event::Await { span, call: v.call });
        if let Some((lock, ac, asp)) = v.lock_future {
            self.emit(Event::Acquire { acq: ac, span: asp });
            let g = self.new_guard(lock, ac.kind, ac.mode, None);
            return Val {
                guard: Some(g),
                ty: v.ty,
                place: v.place,
                ..Val::default()
            };
        }
        Val {
            ty: v.ty,
            ..Val::default()
        }
    }

    fn try_(&mut self, t: &syn::ExprTry) -> Val {
        let v = self.expr_raw(&t.expr);
        let span = self.span_of(&t.question_token);
        match v.guard {
            Some(g) if self.guards[g].try_atom.is_some() => self.settle_success(g, true, span),
            _ => {
                let (ok, err) = (self.new_block(), self.new_block());
                self.terminate(Terminator::Fork(vec![ok, err]));
                self.start(err);
                self.exit_fn(ReturnValue::Error, span);
                self.start(ok);
            }
        }
        v
    }

    fn jump(&mut self, label: Option<String>, is_break: bool) {
        let target = self.frames.iter().rposition(|f| match &f.kind {
            FrameKind::Loop { label: l, cont, .. } => match &label {
                Some(want) => l.as_deref() == Some(want.as_str()),
                None => cont.is_some(),
            },
            _ => false,
        });
        let Some(i) = target else {
            self.terminate(Terminator::Unreachable);
            return;
        };
        let FrameKind::Loop { brk, cont, .. } = self.frames[i].kind.clone() else {
            return;
        };
        self.unwind(i + 1);
        match (is_break, cont) {
            (true, _) => self.goto(brk),
            (false, Some(c)) => self.goto(c),
            (false, None) => self.terminate(Terminator::Unreachable),
        }
    }

    fn assign(&mut self, a: &syn::ExprAssign) {
        let v = self.expr(&a.right);
        let span = self.span_of(a);
        if let syn::Expr::Path(p) = &*a.left {
            if let Some(id) = p.path.get_ident() {
                let name = id.to_string();
                let slot = self.frames.iter().enumerate().rev().find_map(|(fi, f)| {
                    f.locals
                        .iter()
                        .rposition(|(n, _)| *n == name)
                        .map(|li| (fi, li))
                });
                if let Some((fi, li)) = slot {
                    let old = self.frames[fi].locals[li].1.guard;
                    if old.is_some() && old != v.guard {
                        // Assignment drops the old value.
                        if let Some(o) = old {
                            self.consume_at(o, span);
                        }
                    }
                    if let Some(g) = v.guard {
                        // The guard lives where the variable does.
                        let frame = fi.max(self.binding_frame().min(fi));
                        self.move_guard(g, frame);
                    }
                    let l = &mut self.frames[fi].locals[li].1;
                    l.guard = v.guard;
                    if v.ty.is_known() {
                        l.ty = v.ty.clone();
                        l.place = v.place.clone();
                    }
                    if v.closure.is_some() {
                        l.closure = v.closure.clone();
                    }
                    return;
                }
            }
        }
        self.expr(&a.left);
        self.moved_at(&v, span);
    }

    fn mac(&mut self, m: &syn::Macro) -> Val {
        let Some(name) = m.path.segments.last().map(|s| s.ident.to_string()) else {
            return Val::default();
        };
        if let Some(&rule) = self.fl.rules.rust.lock_initialisers.get(&name) {
            return Val {
                ty: Ty {
                    lock: Some(rule),
                    ..Ty::default()
                },
                ..Val::default()
            };
        }
        if self.fl.rules.rust.condvar_initialisers.contains(&name) {
            return Val {
                ty: Ty {
                    condvar: true,
                    ..Ty::default()
                },
                ..Val::default()
            };
        }
        use syn::parse::Parser;
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        if let Ok(args) = parser.parse2(m.tokens.clone()) {
            for a in &args {
                self.expr(a);
            }
        }
        Val::default()
    }

    fn else_(&mut self, e: &syn::Expr) {
        match e {
            syn::Expr::Block(b) if b.label.is_none() => {
                self.body_block(&b.block);
            }
            other => {
                self.push(FrameKind::Temps);
                self.expr(other);
                let s = self.span_of(other);
                self.pop(s);
            }
        }
    }

    /// A guard matched by value into a pattern binding moves into the arm's scope (shared
    /// with the frame that made it, whose end then finds it gone on this path).
    fn bind_arm(&mut self, pat: &syn::Pat, v: &Val) {
        let moves = !is_failure_pattern(pat);
        self.bind_pattern(pat, v, None, moves);
        if moves && moving_binding(pat).is_some() {
            if let Some(g) = v.guard {
                if let Some(f) = self.frames.last_mut() {
                    f.guards.push(g);
                }
            }
        }
    }

    fn if_(&mut self, i: &syn::ExprIf) -> Val {
        let join = self.new_block();
        let (then_b, else_b) = (self.new_block(), self.new_block());
        let then_close = self.fl.spans.span(i.then_branch.brace_token.span.close());
        let Some((first, rest)) = split_let(&i.cond) else {
            // A plain condition is a temporary scope of its own.
            self.push(FrameKind::Temps);
            self.expr(&i.cond);
            let s = self.span_of(&i.cond);
            self.pop(s);
            self.terminate(Terminator::Fork(vec![then_b, else_b]));
            self.start(then_b);
            self.body_block(&i.then_branch);
            self.goto(join);
            self.start(else_b);
            if let Some((_, e)) = &i.else_branch {
                self.else_(e);
            }
            self.goto(join);
            self.start(join);
            return Val::default();
        };
        let e2024 = self.fl.edition == Edition::E2024;
        if e2024 {
            self.push(FrameKind::Temps);
        }
        let v = self.expr_raw(&first.expr);
        match v.guard {
            Some(g) if self.guards[g].try_atom.is_some() && is_success_pattern(&first.pat) => {
                self.settle_into(g, then_b, else_b)
            }
            _ => {
                self.settle_val(&v);
                self.terminate(Terminator::Fork(vec![then_b, else_b]));
            }
        }
        self.start(then_b);
        self.push(FrameKind::Block);
        self.bind_arm(&first.pat, &v);
        for r in rest {
            if let Some((l, _)) = split_let(r) {
                let rv = self.expr(&l.expr);
                self.bind_pattern(&l.pat, &rv, None, false);
            } else {
                self.push(FrameKind::Temps);
                self.expr(r);
                let s = self.span_of(r);
                self.pop(s);
            }
        }
        self.body_block(&i.then_branch);
        self.pop(then_close);
        if e2024 {
            // 2024: the scrutinee's temporaries end with the `then` block.
            let top = self.frames.len() - 1;
            self.unwind(top);
        }
        self.goto(join);
        self.start(else_b);
        if e2024 {
            // ... and before the `else` block.
            let s = self.span_of(&first.expr);
            self.pop(s);
        }
        if let Some((_, e)) = &i.else_branch {
            self.else_(e);
        }
        self.goto(join);
        self.start(join);
        Val::default()
    }

    /// Removes a guard from frames `from..` (the arm it is the value of); if no frame holds
    /// it any more, the nearest temporary scope below takes it.
    fn lift_out(&mut self, g: usize, from: usize) {
        for f in &mut self.frames[from..] {
            f.guards.retain(|&x| x != g);
        }
        if self.frame_of(g).is_none() {
            let below = self.frames[..from]
                .iter()
                .rposition(Frame::holds_temps)
                .unwrap_or(0);
            self.frames[below].guards.push(g);
        }
    }

    fn match_(&mut self, m: &syn::ExprMatch) -> Val {
        // The scrutinee's temporaries live through every arm (both editions).
        let v = self.expr_raw(&m.expr);
        let join = self.new_block();
        let arms: Vec<u32> = m.arms.iter().map(|_| self.new_block()).collect();
        match v.guard {
            Some(g) if self.guards[g].try_atom.is_some() => {
                let (okd, errd) = (self.new_block(), self.new_block());
                self.settle_into(g, okd, errd);
                let ok: Vec<u32> = m
                    .arms
                    .iter()
                    .zip(&arms)
                    .filter(|(a, _)| !is_failure_pattern(&a.pat))
                    .map(|(_, &b)| b)
                    .collect();
                let err: Vec<u32> = m
                    .arms
                    .iter()
                    .zip(&arms)
                    .filter(|(a, _)| {
                        !is_success_pattern(&a.pat) || matches!(a.pat, syn::Pat::Ident(_))
                    })
                    .map(|(_, &b)| b)
                    .collect();
                self.start(okd);
                self.terminate(Terminator::Fork(ok));
                self.start(errd);
                self.terminate(Terminator::Fork(err));
            }
            _ => {
                self.settle_val(&v);
                self.terminate(Terminator::Fork(arms.clone()));
            }
        }
        let mut result = Val::default();
        for (arm, &b) in m.arms.iter().zip(&arms) {
            self.start(b);
            let depth = self.frames.len();
            self.push(FrameKind::Block);
            self.bind_arm(&arm.pat, &v);
            if let Some((_, guard)) = &arm.guard {
                self.push(FrameKind::Temps);
                self.expr(guard);
                let s = self.span_of(guard);
                self.pop(s);
            }
            self.push(FrameKind::Temps);
            let av = self.expr(&arm.body);
            let end = self.span_of(&arm.body);
            if let Some(g) = av.guard {
                if self.cur.is_some() {
                    self.lift_out(g, depth);
                    if result.guard.is_none() {
                        result = av.clone();
                    }
                }
            }
            self.pop(end);
            self.pop(end);
            self.goto(join);
        }
        self.start(join);
        result
    }

    fn loop_(&mut self, l: &syn::ExprLoop) -> Val {
        let (header, exit) = (self.new_block(), self.new_block());
        self.goto(header);
        self.start(header);
        self.push(FrameKind::Loop {
            label: l.label.as_ref().map(|l| l.name.ident.to_string()),
            brk: exit,
            cont: Some(header),
        });
        self.body_block(&l.body);
        self.goto(header);
        self.discard();
        self.start(exit);
        Val::default()
    }

    fn while_(&mut self, w: &syn::ExprWhile) -> Val {
        let (header, body, exit) = (self.new_block(), self.new_block(), self.new_block());
        self.goto(header);
        self.start(header);
        self.push(FrameKind::Loop {
            label: w.label.as_ref().map(|l| l.name.ident.to_string()),
            brk: exit,
            cont: Some(header),
        });
        let close = self.fl.spans.span(w.body.brace_token.span.close());
        if let Some((first, rest)) = split_let(&w.cond) {
            // The scrutinee's temporaries live through the body, per iteration.
            self.push(FrameKind::Temps);
            let v = self.expr_raw(&first.expr);
            let out = self.new_block();
            match v.guard {
                Some(g) if self.guards[g].try_atom.is_some() => self.settle_into(g, body, out),
                _ => {
                    self.settle_val(&v);
                    self.terminate(Terminator::Fork(vec![body, out]));
                }
            }
            self.start(out);
            let top = self.frames.len() - 1;
            self.unwind(top);
            self.goto(exit);
            self.start(body);
            self.push(FrameKind::Block);
            self.bind_arm(&first.pat, &v);
            for r in rest {
                self.expr(r);
            }
            self.body_block(&w.body);
            self.pop(close);
            let top = self.frames.len() - 1;
            self.last_span = Some(close);
            self.unwind(top);
            self.goto(header);
            self.discard();
        } else {
            self.push(FrameKind::Temps);
            self.expr(&w.cond);
            let s = self.span_of(&w.cond);
            self.pop(s);
            self.terminate(Terminator::Fork(vec![body, exit]));
            self.start(body);
            self.body_block(&w.body);
            self.goto(header);
        }
        self.discard();
        self.start(exit);
        Val::default()
    }

    fn for_(&mut self, f: &syn::ExprForLoop) -> Val {
        // The iterator's temporaries live through the loop (it desugars to a `match`).
        let it = self.expr(&f.expr);
        let (header, body, exit) = (self.new_block(), self.new_block(), self.new_block());
        self.goto(header);
        self.start(header);
        self.terminate(Terminator::Fork(vec![body, exit]));
        self.start(body);
        self.push(FrameKind::Loop {
            label: f.label.as_ref().map(|l| l.name.ident.to_string()),
            brk: exit,
            cont: Some(header),
        });
        self.push(FrameKind::Block);
        let elem = Val {
            ty: it.ty.clone(),
            place: it.place.as_ref().map(Place::index),
            ..Val::default()
        };
        self.bind_pattern(&f.pat, &elem, None, false);
        let close = self.fl.spans.span(f.body.brace_token.span.close());
        self.body_block(&f.body);
        self.pop(close);
        self.goto(header);
        self.discard();
        self.start(exit);
        Val::default()
    }
}

/// What a `return e` returns, as far as the syntax tells.
fn return_value(e: &syn::Expr) -> ReturnValue {
    match e {
        syn::Expr::Call(c) => match &*c.func {
            syn::Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Err") => {
                ReturnValue::Error
            }
            _ => ReturnValue::Other,
        },
        syn::Expr::Path(p) if p.path.is_ident("None") => ReturnValue::Zero,
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(b),
            ..
        }) => {
            if b.value {
                ReturnValue::One
            } else {
                ReturnValue::Zero
            }
        }
        syn::Expr::Tuple(t) if t.elems.is_empty() => ReturnValue::Void,
        _ => ReturnValue::Other,
    }
}
