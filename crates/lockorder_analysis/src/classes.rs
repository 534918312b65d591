//! Lock classes, lockdep-style: a lock expression names a class by its global name, its
//! file-static name, or the declared type of its base plus the field path
//! (`struct foo_dev::lock`), found through struct definitions and typedefs program-wide.

use foldhash::{HashMap, HashMapExt};

use lockorder_ir::{LockExpr, LockRoot, PathStep};
use rayon::prelude::*;

use crate::program::Program;

pub type ClassId = u32;

pub struct ClassTable {
    names: Vec<String>,
    /// Classes that are semaphores used as completions somewhere: not locks.
    completion: Vec<bool>,
    /// Classes lockdep does not validate (`lockdep_set_novalidate_class`).
    novalidate: Vec<bool>,
    /// The kind of each class, from its first acquisition anywhere.
    kinds: Vec<Option<lockorder_ir::LockKind>>,
    /// Per file, per function-pointer slot, its class (`struct foo_ops::open`), numbered
    /// apart from lock classes.
    slot_classes: Vec<Vec<u32>>,
    pub slot_class_count: usize,
    /// Slot class ids by name, for rules that name slots.
    slot_ids: HashMap<String, u32>,
    /// Lock class ids by displayed name, for rules that name locks.
    ids: HashMap<String, ClassId>,
    /// Semaphore classes initialised to 1 somewhere: locks.
    binary: Vec<bool>,
    scope: Vec<ClassScope>,
    /// Per file, the class of each of its interned lock expressions.
    per_file: Vec<Vec<ClassId>>,
}

/// Program-wide type knowledge; the first definition of a name (in file order) wins.
struct TypeEnv<'p> {
    structs: HashMap<&'p str, &'p [lockorder_ir::FieldDef]>,
    typedefs: HashMap<&'p str, &'p str>,
    /// Non-static globals by name, with their declared type.
    globals: HashMap<&'p str, Option<&'p str>>,
    /// Declared return types of functions, by name.
    returns: HashMap<&'p str, &'p str>,
}

impl<'p> TypeEnv<'p> {
    fn build(program: &'p Program) -> Self {
        let mut env = TypeEnv {
            structs: HashMap::new(),
            typedefs: HashMap::new(),
            globals: HashMap::new(),
            returns: HashMap::new(),
        };
        for f in &program.files {
            for (name, ty) in &f.facts.return_types {
                env.returns.entry(name.as_str()).or_insert(ty.as_str());
            }
            for s in &f.facts.structs {
                let known = env.structs.entry(s.name.as_str()).or_insert(&s.fields);
                // A forward declaration in an earlier header must not hide the definition.
                if known.is_empty() {
                    *known = &s.fields;
                }
            }
            for (name, target) in &f.facts.typedefs {
                env.typedefs.entry(name.as_str()).or_insert(target.as_str());
            }
            for g in f.facts.globals.iter().filter(|g| !g.is_static) {
                let slot = env.globals.entry(g.name.as_str()).or_insert(None);
                if slot.is_none() {
                    *slot = g.ty.as_deref();
                }
            }
        }
        // `unix_sk(sk)->lock`: an accessor macro types its result where no function of
        // that name declares one.
        for f in &program.files {
            for (name, ty) in &f.facts.typed_macros {
                env.returns.entry(name.as_str()).or_insert(ty.as_str());
            }
        }
        env
    }

    fn canonical<'a>(&'a self, mut ty: &'a str) -> &'a str {
        for _ in 0..16 {
            match self.typedefs.get(ty) {
                Some(&t) if t != ty => ty = t,
                _ => break,
            }
        }
        ty
    }

    fn field_type(&self, ty: &str, field: &str) -> Option<&'p str> {
        let fields = self.structs.get(self.canonical(ty))?;
        fields.iter().find(|f| f.name == field)?.ty.as_deref()
    }

    /// `struct a` + `b.c.lock` → the struct that owns `lock` and the rest of the path.
    fn resolve_path(&self, ty: &str, path: &[PathStep]) -> String {
        let mut ty = self.canonical(ty).to_string();
        let last_field = path.iter().rposition(|s| matches!(s, PathStep::Field(_)));
        let mut rest_from = 0;
        if let Some(last) = last_field {
            for (i, step) in path[..last].iter().enumerate() {
                if let PathStep::Field(f) = step {
                    match self.field_type(&ty, f) {
                        Some(t) => {
                            ty = self.canonical(t).to_string();
                            rest_from = i + 1;
                        }
                        None => break,
                    }
                } else {
                    rest_from = i + 1;
                }
            }
        }
        format!("{ty}::{}", render_path(&path[rest_from..]))
    }
}

/// How far a class reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClassScope {
    /// A global or file-static lock object.
    SingleInstance,
    /// A field class: many instances.
    Instances,
    /// A lock passed by pointer or a local object: meaningful in its function only.
    FunctionLocal,
}

impl ClassScope {
    fn of(e: &LockExpr) -> Self {
        match (&e.root, e.path.is_empty()) {
            (LockRoot::Global { .. }, true) => ClassScope::SingleInstance,
            (LockRoot::Var { .. }, true) => ClassScope::FunctionLocal,
            _ => ClassScope::Instances,
        }
    }
}

fn render_path(path: &[PathStep]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            PathStep::Field(f) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(f);
            }
            PathStep::Index => s.push_str("[]"),
        }
    }
    s
}

impl ClassTable {
    pub fn build(program: &Program) -> Self {
        let env = TypeEnv::build(program);
        let mut ids: HashMap<String, ClassId> = HashMap::new();
        let mut scope: Vec<ClassScope> = Vec::new();
        let mut names = Vec::new();
        let mut per_file = Vec::with_capacity(program.files.len());
        // Function-pointer slots, typed like locks so `d->ops->open` and `.open = f` in a
        // `struct foo_ops` initialiser meet in `struct foo_ops::open`; numbered apart.
        let mut slot_ids: HashMap<String, u32> = HashMap::new();
        let mut slot_classes: Vec<Vec<u32>> = Vec::with_capacity(program.files.len());
        // Names per file in parallel; numbered in file order, so ids do not depend on the
        // thread count.
        let file_names: Vec<(Vec<String>, Vec<String>)> = program
            .files
            .par_iter()
            .map(|file| {
                let statics: HashMap<&str, Option<&str>> = file
                    .facts
                    .globals
                    .iter()
                    .filter(|g| g.is_static)
                    .map(|g| (g.name.as_str(), g.ty.as_deref()))
                    .collect();
                let name = |e: &LockExpr| class_name(&env, &statics, &file.rel_path, e);
                (
                    file.facts.locks.iter().map(name).collect(),
                    file.facts.slots.iter().map(name).collect(),
                )
            })
            .collect();
        for (file, (lock_names, slot_names)) in program.files.iter().zip(file_names) {
            let classes: Vec<ClassId> = file
                .facts
                .locks
                .iter()
                .zip(lock_names)
                .map(|(e, name)| {
                    *ids.entry(name.clone()).or_insert_with(|| {
                        names.push(name);
                        scope.push(ClassScope::of(e));
                        (names.len() - 1) as ClassId
                    })
                })
                .collect();
            per_file.push(classes);
            let slots = slot_names
                .into_iter()
                .map(|name| {
                    let next = slot_ids.len() as u32;
                    *slot_ids.entry(name).or_insert(next)
                })
                .collect();
            slot_classes.push(slots);
        }
        // `lockdep_set_class(&x->lock, &key)` with a static key: in the file that sets it,
        // the locks of x->lock's class are the key's class, as lockdep keys them. A key
        // reached through an object (`&sb->s_type->i_mutex_key`) differs per instance and
        // cannot be followed statically.
        for (file, classes) in program.files.iter().zip(per_file.iter_mut()) {
            let mut rekey: Vec<(ClassId, ClassId)> = Vec::new();
            for &(lock, key) in &file.facts.class_keys {
                let (from, to) = (classes[lock as usize], classes[key as usize]);
                if scope[to as usize] == ClassScope::SingleInstance
                    && scope[from as usize] != ClassScope::FunctionLocal
                    && !rekey.iter().any(|r| r.0 == from)
                {
                    rekey.push((from, to));
                }
            }
            for c in classes.iter_mut() {
                if let Some(&(_, to)) = rekey.iter().find(|r| r.0 == *c) {
                    *c = to;
                }
            }
        }
        let mut novalidate = vec![false; names.len()];
        for (file, classes) in program.files.iter().zip(&per_file) {
            for &lock in &file.facts.novalidate {
                let c = classes[lock as usize] as usize;
                if scope[c] != ClassScope::FunctionLocal {
                    novalidate[c] = true;
                }
            }
        }
        let mut kinds: Vec<Option<lockorder_ir::LockKind>> = vec![None; names.len()];
        for (file, classes) in program.files.iter().zip(&per_file) {
            for f in &file.facts.functions {
                for e in f.blocks.iter().flat_map(|b| &b.events) {
                    if let lockorder_ir::Event::Acquire { acq, .. }
                    | lockorder_ir::Event::CondAcquire { acq, .. } = e
                    {
                        let k = &mut kinds[classes[acq.lock as usize] as usize];
                        k.get_or_insert(acq.kind);
                    }
                }
            }
        }
        let mut completion = vec![false; names.len()];
        let mut binary = vec![false; names.len()];
        for (file, classes) in program.files.iter().zip(&per_file) {
            for &lock in &file.facts.completions {
                completion[classes[lock as usize] as usize] = true;
            }
            for &lock in &file.facts.binary_semaphores {
                binary[classes[lock as usize] as usize] = true;
            }
        }
        ClassTable {
            names,
            completion,
            novalidate,
            kinds,
            slot_class_count: slot_ids.len(),
            slot_classes,
            slot_ids,
            ids,
            binary,
            scope,
            per_file,
        }
    }

    /// The id of a slot class named in a rule (`struct net_device_ops::ndo_start_xmit`).
    pub fn slot_class_named(&self, name: &str) -> Option<u32> {
        self.slot_ids.get(name).copied()
    }

    /// The id of a lock class named in a rule (`rtnl_mutex`), if any file uses it.
    pub fn class_named(&self, name: &str) -> Option<ClassId> {
        self.ids.get(name).copied()
    }

    /// The class of a function-pointer slot of a file.
    pub fn slot_class(&self, file: usize, slot: u32) -> u32 {
        self.slot_classes[file][slot as usize]
    }

    pub fn class_of(&self, file: usize, lock: lockorder_ir::LockId) -> ClassId {
        self.per_file[file][lock as usize]
    }

    /// A lock known only inside one function (passed by pointer, or a local object): it
    /// means nothing to a caller, so it stays out of summaries.
    pub fn is_function_local(&self, class: ClassId) -> bool {
        self.scope[class as usize] == ClassScope::FunctionLocal
    }

    /// A class with one instance (a global or file-static lock object): taking it again
    /// anywhere below a holder is certainly the same lock.
    pub fn is_single_instance(&self, class: ClassId) -> bool {
        self.scope[class as usize] == ClassScope::SingleInstance
    }

    /// A semaphore initialised to 1 somewhere: taking it twice is a self-deadlock, where
    /// a counting semaphore may legitimately be taken several times.
    pub fn is_binary_semaphore(&self, class: ClassId) -> bool {
        self.binary[class as usize]
    }

    /// A class lockdep leaves out of validation (`lockdep_set_novalidate_class`): it takes
    /// part in no order and no self-deadlock check.
    pub fn is_novalidate(&self, class: ClassId) -> bool {
        self.novalidate[class as usize]
    }

    /// The kind the class is acquired as somewhere in the program.
    pub fn kind(&self, class: ClassId) -> Option<lockorder_ir::LockKind> {
        self.kinds[class as usize]
    }

    /// A semaphore initialised to 0 somewhere: a completion, which orders nothing.
    pub fn is_completion(&self, class: ClassId) -> bool {
        self.completion[class as usize]
    }

    pub fn name(&self, class: ClassId) -> &str {
        &self.names[class as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A lock known only by its text, scoped to its file.
fn opaque(rel_path: &str, e: &LockExpr) -> String {
    format!("{rel_path}::({})", e.text.trim_start_matches('&'))
}

fn class_name(
    env: &TypeEnv,
    statics: &HashMap<&str, Option<&str>>,
    rel_path: &str,
    e: &LockExpr,
) -> String {
    match &e.root {
        LockRoot::Global { name, file_static } => {
            let (prefix, ty) = if *file_static {
                (
                    format!("{rel_path}::"),
                    statics.get(name.as_str()).copied().flatten(),
                )
            } else {
                (
                    String::new(),
                    env.globals.get(name.as_str()).copied().flatten(),
                )
            };
            if e.path.is_empty() {
                return format!("{prefix}{name}");
            }
            // An element of a global array of locks (`hugetlb_fault_mutex_table[hash]`):
            // the array's own class, not every global array of that lock type's.
            if e.path.iter().all(|s| *s == PathStep::Index) {
                return format!("{prefix}{name}{}", render_path(&e.path));
            }
            match ty {
                Some(ty) => env.resolve_path(ty, &e.path),
                None => format!("{prefix}{name}.{}", render_path(&e.path)),
            }
        }
        LockRoot::Var { name, ty, function } => match ty {
            // A lock passed by pointer or a local lock object: known only in this function.
            _ if e.path.is_empty() => format!("{rel_path}::{function}::{name}"),
            Some(ty) => env.resolve_path(ty, &e.path),
            None => format!("{rel_path}::{function}::{name}->{}", render_path(&e.path)),
        },
        LockRoot::Typed { ty } if !e.path.is_empty() => env.resolve_path(ty, &e.path),
        LockRoot::Returned { callee } if !e.path.is_empty() => {
            match env.returns.get(callee.as_str()) {
                Some(ty) => env.resolve_path(ty, &e.path),
                None => opaque(rel_path, e),
            }
        }
        LockRoot::Typed { .. } | LockRoot::Returned { .. } | LockRoot::Opaque => {
            opaque(rel_path, e)
        }
    }
}
