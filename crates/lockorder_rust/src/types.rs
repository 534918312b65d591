//! What the Rust front end knows of types: `use` paths, type aliases, struct fields,
//! statics and return types — enough to tell a lock from `io::stdout()` and to name a
//! lock's class `Type::field`. Types are reduced to a name (wrappers such as `Arc`, `Box`,
//! `Option` and collections removed) plus, for a lock, its rule.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use lockorder_rules::RustRules;
use syn::visit::Visit;

/// A type as the lowering needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ty {
    /// The type's name as lock classes show it (`Inner`, `struct foo_dev` for a C struct
    /// from `bindings`), wrappers removed.
    pub name: Option<Arc<str>>,
    /// For a lock: its index in [`RustRules::locks`].
    pub lock: Option<u32>,
    /// For a lock: the name of the data it protects (`Mutex<Inner>` → `Inner`).
    pub inner: Option<Arc<str>>,
    pub condvar: bool,
}

impl Ty {
    pub fn named(name: &str) -> Ty {
        Ty {
            name: Some(name.into()),
            ..Ty::default()
        }
    }

    pub fn is_known(&self) -> bool {
        self.name.is_some() || self.lock.is_some() || self.condvar
    }
}

/// Smart pointers, options and collections: the type that matters is their argument.
const TRANSPARENT: &[&str] = &[
    "Arc",
    "Rc",
    "Box",
    "KBox",
    "VBox",
    "KVBox",
    "Pin",
    "Option",
    "Result",
    "ARef",
    "UniqueArc",
    "ListArc",
    "ManuallyDrop",
    "CachePadded",
    "Vec",
    "KVec",
    "VVec",
    "KVVec",
    "VecDeque",
    "Cow",
    "Ref",
    "RefMut",
    "Weak",
    "MaybeUninit",
    "Opaque",
    "UnsafeCell",
    "SyncUnsafeCell",
    "Lazy",
    "LazyLock",
    "OnceLock",
    "OnceCell",
    "LazyCell",
    "Reverse",
    "Wrapping",
    "NonNull",
    "AtomicPtr",
    "Borrowed",
    "ArcBorrow",
    "Devres",
    "Revocable",
    "Shared",
    "Owned",
    "StaticRef",
    "Cached",
];

/// Names in scope in one file: `use` aliases, glob imports and type aliases.
#[derive(Default)]
pub struct Scope {
    /// `Mutex` → `std::sync::Mutex`.
    pub aliases: HashMap<String, String>,
    /// `kernel::sync` for `use kernel::sync::*`.
    pub globs: Vec<String>,
    /// `type Foo<T> = ...;`: the aliased type.
    pub type_aliases: HashMap<String, syn::Type>,
    /// First segments of every `use` path (`kernel`, `tokio`): which lock families the
    /// file knows.
    pub roots: Vec<String>,
    /// The file's module path (`crate::foo`), when the file sits below a `src` directory.
    pub module: Option<String>,
    /// The crate the file belongs to (`tokio`, `kernel`): what `crate::` means.
    pub krate: Option<String>,
}

impl Scope {
    pub fn of_file(file: &syn::File, path: &Path) -> Scope {
        let mut s = Scope {
            module: module_path(path),
            krate: crate::crate_name_for(path),
            ..Scope::default()
        };
        let mut v = UseCollector { scope: &mut s };
        v.visit_file(file);
        s
    }

    /// The full path of a written path (`Mutex` → `std::sync::Mutex`).
    pub fn resolve(&self, segments: &[String]) -> String {
        let Some(first) = segments.first() else {
            return String::new();
        };
        let mut out = match self.aliases.get(first) {
            Some(full) => full.clone(),
            None => first.clone(),
        };
        // `crate::sync::Mutex` in the kernel crate is `kernel::sync::Mutex`.
        if let (Some(rest), Some(k)) = (out.strip_prefix("crate::"), &self.krate) {
            out = format!("{k}::{rest}");
        } else if let (true, Some(k)) = (out == "crate", &self.krate) {
            out = k.clone();
        }
        for s in &segments[1..] {
            out.push_str("::");
            out.push_str(s);
        }
        out
    }
}

/// `src/foo/bar.rs` → `crate::foo::bar`; `None` outside a `src` directory.
fn module_path(path: &Path) -> Option<String> {
    let comps: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let src = comps.iter().rposition(|c| c == "src")?;
    let mut module = String::from("crate");
    for (i, c) in comps[src + 1..].iter().enumerate() {
        let last = i + src + 2 == comps.len();
        let name = if last {
            c.strip_suffix(".rs").unwrap_or(c)
        } else {
            c.as_str()
        };
        if last && matches!(name, "lib" | "main" | "mod") {
            break;
        }
        module.push_str("::");
        module.push_str(name);
    }
    Some(module)
}

struct UseCollector<'s> {
    scope: &'s mut Scope,
}

impl<'ast> Visit<'ast> for UseCollector<'_> {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut prefix = Vec::new();
        self.tree(&u.tree, &mut prefix);
    }

    fn visit_item_type(&mut self, t: &'ast syn::ItemType) {
        self.scope
            .type_aliases
            .entry(t.ident.to_string())
            .or_insert_with(|| (*t.ty).clone());
    }
}

impl UseCollector<'_> {
    fn tree(&mut self, t: &syn::UseTree, prefix: &mut Vec<String>) {
        match t {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.tree(&p.tree, prefix);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                if name == "self" {
                    if let Some(last) = prefix.last() {
                        self.add(last.clone(), prefix.join("::"));
                    }
                } else {
                    self.add(name.clone(), join(prefix, &name));
                }
            }
            syn::UseTree::Rename(r) => {
                let full = if r.ident == "self" {
                    prefix.join("::")
                } else {
                    join(prefix, &r.ident.to_string())
                };
                self.add(r.rename.to_string(), full);
            }
            syn::UseTree::Glob(_) => {
                self.root(prefix);
                self.scope.globs.push(prefix.join("::"));
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.tree(t, prefix);
                }
            }
        }
    }

    fn add(&mut self, alias: String, full: String) {
        let first = full.split("::").next().unwrap_or("").to_string();
        if !self.scope.roots.contains(&first) {
            self.scope.roots.push(first);
        }
        self.scope.aliases.entry(alias).or_insert(full);
    }

    fn root(&mut self, prefix: &[String]) {
        if let Some(first) = prefix.first() {
            if !self.scope.roots.contains(first) {
                self.scope.roots.push(first.clone());
            }
        }
    }
}

fn join(prefix: &[String], name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{}::{name}", prefix.join("::"))
    }
}

/// The identifiers of a path, generics left out.
pub fn segments(p: &syn::Path) -> Vec<String> {
    p.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// Resolves types of one file: its scope, the rules and the structs the program defines.
pub struct TypeCx<'a> {
    pub scope: &'a Scope,
    pub rules: &'a RustRules,
    /// Struct names the program defines (a local `Mutex` struct is not a lock).
    pub local_structs: &'a HashSet<String>,
    /// The `Self` of the current impl.
    pub self_ty: Option<Arc<str>>,
}

impl TypeCx<'_> {
    pub fn ty(&self, t: &syn::Type) -> Ty {
        self.ty_depth(t, 0)
    }

    fn ty_depth(&self, t: &syn::Type, depth: usize) -> Ty {
        if depth > 16 {
            return Ty::default();
        }
        match t {
            syn::Type::Reference(r) => self.ty_depth(&r.elem, depth + 1),
            syn::Type::Ptr(p) => self.ty_depth(&p.elem, depth + 1),
            syn::Type::Paren(p) => self.ty_depth(&p.elem, depth + 1),
            syn::Type::Group(g) => self.ty_depth(&g.elem, depth + 1),
            syn::Type::Slice(s) => self.ty_depth(&s.elem, depth + 1),
            syn::Type::Array(a) => self.ty_depth(&a.elem, depth + 1),
            syn::Type::Path(p) => self.path_ty(&p.path, depth),
            _ => Ty::default(),
        }
    }

    fn generic_types(seg: &syn::PathSegment) -> Vec<&syn::Type> {
        match &seg.arguments {
            syn::PathArguments::AngleBracketed(a) => a
                .args
                .iter()
                .filter_map(|g| match g {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn path_ty(&self, p: &syn::Path, depth: usize) -> Ty {
        let Some(last) = p.segments.last() else {
            return Ty::default();
        };
        let segs = segments(p);
        let name = last.ident.to_string();
        let generics = Self::generic_types(last);
        if segs.len() == 1 && name == "Self" {
            return Ty {
                name: self.self_ty.clone(),
                ..Ty::default()
            };
        }
        if segs.len() == 1 {
            if let Some(t) = self.scope.type_aliases.get(&name) {
                // `type Mutex<T> = Lock<T, MutexBackend>` and the like; the alias's own
                // generics are not substituted (the lock is what matters).
                let t = t.clone();
                let mut ty = self.ty_depth(&t, depth + 1);
                if ty.lock.is_some() && ty.inner.is_none() {
                    ty.inner = generics
                        .first()
                        .and_then(|g| self.ty_depth(g, depth + 1).name);
                }
                if ty.is_known() {
                    return ty;
                }
            }
        }
        if let Some(lock) = self.lock_rule(&segs, &generics) {
            return Ty {
                lock: Some(lock),
                inner: generics
                    .first()
                    .and_then(|g| self.ty_depth(g, depth + 1).name),
                ..Ty::default()
            };
        }
        if self.is_condvar(&segs) {
            return Ty {
                condvar: true,
                ..Ty::default()
            };
        }
        if TRANSPARENT.contains(&name.as_str()) {
            if let Some(g) = generics.first() {
                return self.ty_depth(g, depth + 1);
            }
            return Ty::default();
        }
        let full = self.scope.resolve(&segs);
        if let Some(c) = full.strip_prefix("bindings::").or_else(|| {
            full.strip_prefix("kernel::bindings::")
                .or_else(|| full.strip_prefix("crate::bindings::"))
        }) {
            return Ty::named(&format!("struct {c}"));
        }
        Ty::named(&name)
    }

    /// The lock rule of a type path, if it is a lock: by its full path, by a glob import,
    /// else by its name when the file imports a lock family that has that name.
    pub fn lock_rule(&self, segs: &[String], generics: &[&syn::Type]) -> Option<u32> {
        let types = &self.rules.lock_types;
        let last = segs.last()?;
        let full = self.scope.resolve(segs);
        // `Lock<T, B>` and `GlobalLock<B>`: the backend decides.
        let backend = match last.as_str() {
            "Lock" => generics.get(1),
            "GlobalLock" => generics.first(),
            _ => None,
        };
        if let Some(syn::Type::Path(b)) = backend {
            let bsegs = segments(&b.path);
            let bname = bsegs.last()?.clone();
            if last == "GlobalLock" {
                let key = format!("kernel::sync::GlobalLock<{bname}>");
                if let Some(&i) = types.get(&key) {
                    return Some(i);
                }
            }
            let bfull = self.scope.resolve(&bsegs);
            return types.get(&bfull).copied().or_else(|| {
                self.rules
                    .lock_types
                    .iter()
                    .filter(|(k, _)| k.ends_with(&format!("::{bname}")))
                    .map(|(_, &v)| v)
                    .min()
            });
        }
        if let Some(&i) = types.get(&full) {
            return Some(i);
        }
        if segs.len() > 1 || self.scope.aliases.contains_key(last) {
            return None;
        }
        if self.local_structs.contains(last) {
            return None;
        }
        for g in &self.scope.globs {
            if let Some(&i) = types.get(&format!("{g}::{last}")) {
                return Some(i);
            }
        }
        // A bare name from a glob or a prelude: the first family the file imports.
        for root in &self.scope.roots {
            let found = types
                .iter()
                .filter(|(k, _)| {
                    k.starts_with(&format!("{root}::")) && k.ends_with(&format!("::{last}"))
                })
                .map(|(_, &v)| v)
                .min();
            if found.is_some() {
                return found;
            }
        }
        None
    }

    fn is_condvar(&self, segs: &[String]) -> bool {
        let full = self.scope.resolve(segs);
        if self.rules.condvar_types.contains(&full) {
            return true;
        }
        let last = segs.last().map(String::as_str).unwrap_or("");
        (last == "CondVar" || last == "Condvar")
            && !self.local_structs.contains(last)
            && segs.len() == 1
    }
}

/// A struct's fields, a static's type, a function's return type: program-wide, from every
/// Rust file, so a method in one file knows the struct of another.
#[derive(Default)]
pub struct RustIndex {
    /// Fields by struct name (several structs of one name are merged).
    pub structs: HashMap<String, Vec<(String, Ty)>>,
    /// Statics by their class name (`crate::foo::LOCK`, or `LOCK`), and by simple name.
    pub statics: HashMap<String, Ty>,
    pub static_names: HashMap<String, Vec<String>>,
    /// Return types by function name (`Foo::inner`, `helper`).
    pub returns: HashMap<String, Ty>,
    /// `async fn`s by name.
    pub async_fns: HashSet<String>,
    /// Every struct name.
    pub struct_names: HashSet<String>,
    /// Helpers that call a closure parameter with locks held (`fn with_meta<F>(&self, f:
    /// F) { let g = self.meta.lock(); f(&mut g) }`): by function name, per closure
    /// parameter index, the locks held at the call as `(parameter index, field path,
    /// method)`. A caller's closure runs under them.
    pub closure_holds: HashMap<String, Vec<(usize, Vec<HeldAtClosure>)>>,
}

/// A lock a helper holds when it calls its closure parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldAtClosure {
    pub param: usize,
    pub path: Vec<String>,
    pub method: String,
}

impl RustIndex {
    pub fn field(&self, ty: &str, field: &str) -> Option<&Ty> {
        self.structs
            .get(ty)?
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, t)| t)
    }

    /// The class name of a static written as `segs` in a file, if it is one.
    pub fn static_name(&self, scope: &Scope, segs: &[String]) -> Option<String> {
        let last = segs.last()?;
        let candidates = self.static_names.get(last)?;
        if candidates.len() == 1 {
            return Some(candidates[0].clone());
        }
        let mut full = scope.resolve(segs);
        if let Some(rest) = scope
            .krate
            .as_ref()
            .and_then(|k| full.strip_prefix(k.as_str()))
            .and_then(|r| r.strip_prefix("::"))
        {
            full = format!("crate::{rest}");
        }
        let full = match (&scope.module, full.strip_prefix("self::")) {
            (Some(m), Some(rest)) => format!("{m}::{rest}"),
            _ if segs.len() == 1 => match &scope.module {
                Some(m) => format!("{m}::{last}"),
                None => last.clone(),
            },
            _ => full,
        };
        candidates
            .iter()
            .find(|c| **c == full)
            .or_else(|| candidates.first())
            .cloned()
    }
}

/// Type names of the program's structs, for [`TypeCx::local_structs`].
pub fn struct_names(file: &syn::File, out: &mut HashSet<String>) {
    struct V<'o>(&'o mut HashSet<String>);
    impl<'ast> Visit<'ast> for V<'_> {
        fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
            self.0.insert(s.ident.to_string());
        }
        fn visit_item_fn(&mut self, _: &'ast syn::ItemFn) {}
        fn visit_impl_item_fn(&mut self, _: &'ast syn::ImplItemFn) {}
    }
    V(out).visit_file(file);
}

/// The name of an impl's self type (`impl<T> Foo<T>` → `Foo`).
pub fn impl_name(t: &syn::Type) -> Option<String> {
    match t {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(r) => impl_name(&r.elem),
        syn::Type::Paren(p) => impl_name(&p.elem),
        syn::Type::Group(g) => impl_name(&g.elem),
        _ => None,
    }
}

/// Collects one file's structs, statics and function return types into the index.
pub fn index_file(
    file: &syn::File,
    scope: &Scope,
    rules: &RustRules,
    structs: &HashSet<String>,
    index: &mut RustIndex,
) {
    let mut v = IndexVisitor {
        cx: TypeCx {
            scope,
            rules,
            local_structs: structs,
            self_ty: None,
        },
        index,
        modules: Vec::new(),
    };
    v.visit_file(file);
}

struct IndexVisitor<'a, 'i> {
    cx: TypeCx<'a>,
    index: &'i mut RustIndex,
    modules: Vec<String>,
}

impl IndexVisitor<'_, '_> {
    fn add_static(&mut self, name: String, ty: Ty) {
        let mut full = match &self.cx.scope.module {
            Some(m) => format!("{m}::"),
            None => String::new(),
        };
        for m in &self.modules {
            full.push_str(m);
            full.push_str("::");
        }
        full.push_str(&name);
        self.index.statics.entry(full.clone()).or_insert(ty);
        let names = self.index.static_names.entry(name).or_default();
        if !names.contains(&full) {
            names.push(full);
        }
    }

    fn signature(&mut self, name: String, sig: &syn::Signature) {
        if sig.asyncness.is_some() {
            self.index.async_fns.insert(name.clone());
        }
        if let syn::ReturnType::Type(_, t) = &sig.output {
            let ty = self.return_ty(t);
            if ty.is_known() {
                self.index.returns.entry(name).or_insert(ty);
            }
        }
    }

    /// Records which locks a function holds where it calls a closure parameter.
    fn closure_helper(&mut self, name: String, sig: &syn::Signature, body: &syn::Block) {
        let fn_bounds: HashSet<String> = sig
            .generics
            .params
            .iter()
            .filter_map(|g| match g {
                syn::GenericParam::Type(t) if t.bounds.iter().any(is_fn_bound) => {
                    Some(t.ident.to_string())
                }
                _ => None,
            })
            .chain(sig.generics.where_clause.iter().flat_map(|w| {
                w.predicates.iter().filter_map(|p| match p {
                    syn::WherePredicate::Type(t) if t.bounds.iter().any(is_fn_bound) => {
                        match &t.bounded_ty {
                            syn::Type::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                            _ => None,
                        }
                    }
                    _ => None,
                })
            }))
            .collect();
        let mut params: Vec<String> = Vec::new();
        let mut closures: Vec<(usize, String)> = Vec::new();
        for (i, input) in sig.inputs.iter().enumerate() {
            match input {
                syn::FnArg::Receiver(_) => params.push("self".into()),
                syn::FnArg::Typed(pt) => {
                    let n = match &*pt.pat {
                        syn::Pat::Ident(pi) => pi.ident.to_string(),
                        _ => "_".into(),
                    };
                    if is_fn_type(&pt.ty, &fn_bounds) {
                        closures.push((i, n.clone()));
                    }
                    params.push(n);
                }
            }
        }
        if closures.is_empty() {
            return;
        }
        let methods: HashSet<&str> = self
            .cx
            .rules
            .locks
            .iter()
            .flat_map(|l| l.methods.keys().map(String::as_str))
            .collect();
        let mut scan = ClosureScan {
            params: &params,
            closures: &closures,
            methods: &methods,
            live: Vec::new(),
            found: Vec::new(),
        };
        scan.block(body);
        if !scan.found.is_empty() {
            let found = scan.found;
            self.index.closure_holds.entry(name).or_insert(found);
        }
    }

    /// `-> Result<Self>`, `-> impl PinInit<Self, Error>`: the type constructed.
    fn return_ty(&self, t: &syn::Type) -> Ty {
        if let syn::Type::ImplTrait(i) = t {
            for b in &i.bounds {
                if let syn::TypeParamBound::Trait(tr) = b {
                    if let Some(seg) = tr.path.segments.last() {
                        if let Some(g) = TypeCx::generic_types(seg).first() {
                            return self.cx.ty(g);
                        }
                    }
                }
            }
            return Ty::default();
        }
        self.cx.ty(t)
    }
}

impl<'ast> Visit<'ast> for IndexVisitor<'_, '_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.modules.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.modules.pop();
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        let name = s.ident.to_string();
        self.cx.self_ty = Some(name.as_str().into());
        let fields: Vec<(String, Ty)> = s
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let fname = f
                    .ident
                    .as_ref()
                    .map(|i| i.to_string())
                    .unwrap_or_else(|| i.to_string());
                (fname, self.cx.ty(&f.ty))
            })
            .collect();
        self.cx.self_ty = None;
        self.index.struct_names.insert(name.clone());
        let known = self.index.structs.entry(name).or_default();
        for f in fields {
            if !known.iter().any(|k| k.0 == f.0) {
                known.push(f);
            }
        }
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        let ty = self.cx.ty(&s.ty);
        self.add_static(s.ident.to_string(), ty);
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.signature(f.sig.ident.to_string(), &f.sig);
        self.closure_helper(f.sig.ident.to_string(), &f.sig, &f.block);
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let Some(ty) = impl_name(&i.self_ty) else {
            return;
        };
        self.cx.self_ty = Some(ty.as_str().into());
        for item in &i.items {
            if let syn::ImplItem::Fn(f) = item {
                self.signature(format!("{ty}::{}", f.sig.ident), &f.sig);
                self.closure_helper(format!("{ty}::{}", f.sig.ident), &f.sig, &f.block);
            }
        }
        self.cx.self_ty = None;
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        // `global_lock! { static NAME: Mutex<T> = init; }`
        let is_global_lock = m
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "global_lock");
        if !is_global_lock {
            return;
        }
        for (name, ty) in global_lock_statics(&m.mac.tokens) {
            let ty = self.cx.ty(&ty);
            self.add_static(name, ty);
        }
    }
}

/// The statics a `global_lock!` body declares: `static NAME: Type`.
pub fn global_lock_statics(tokens: &proc_macro2::TokenStream) -> Vec<(String, syn::Type)> {
    use proc_macro2::TokenTree;
    let toks: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 < toks.len() {
        if matches!(&toks[i], TokenTree::Ident(id) if id == "static") {
            if let (TokenTree::Ident(name), TokenTree::Punct(colon)) = (&toks[i + 1], &toks[i + 2])
            {
                if colon.as_char() == ':' {
                    let ty_toks: proc_macro2::TokenStream = toks[i + 3..]
                        .iter()
                        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == '=' || p.as_char() == ';'))
                        .cloned()
                        .collect();
                    if let Ok(ty) = syn::parse2::<syn::Type>(ty_toks) {
                        out.push((name.to_string(), ty));
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn is_fn_bound(b: &syn::TypeParamBound) -> bool {
    matches!(b, syn::TypeParamBound::Trait(t)
        if t.path.segments.last().is_some_and(|s| matches!(s.ident.to_string().as_str(), "Fn" | "FnMut" | "FnOnce")))
}

fn is_fn_type(t: &syn::Type, generic: &HashSet<String>) -> bool {
    match t {
        syn::Type::ImplTrait(i) => i.bounds.iter().any(is_fn_bound),
        syn::Type::TraitObject(o) => o.bounds.iter().any(is_fn_bound),
        syn::Type::Reference(r) => is_fn_type(&r.elem, generic),
        syn::Type::Paren(p) => is_fn_type(&p.elem, generic),
        syn::Type::Path(p) => match p.path.get_ident() {
            Some(i) => generic.contains(&i.to_string()),
            None => p.path.segments.last().is_some_and(|s| {
                s.ident == "Box"
                    && matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                        if a.args.iter().any(|g| matches!(g, syn::GenericArgument::Type(t) if is_fn_type(t, generic))))
            }),
        },
        _ => false,
    }
}

/// A syntactic walk of a helper's body: `let` guards of parameter-rooted locks live to
/// their block's end (or a `drop`), and a call of a closure parameter sees them held.
struct ClosureScan<'s> {
    params: &'s [String],
    closures: &'s [(usize, String)],
    methods: &'s HashSet<&'s str>,
    /// (variable, lock)
    live: Vec<(String, HeldAtClosure)>,
    found: Vec<(usize, Vec<HeldAtClosure>)>,
}

impl ClosureScan<'_> {
    fn block(&mut self, b: &syn::Block) {
        let depth = self.live.len();
        for s in &b.stmts {
            match s {
                syn::Stmt::Local(l) => {
                    if let Some(init) = &l.init {
                        self.expr(&init.expr);
                        if let (syn::Pat::Ident(pi), Some(h)) = (&l.pat, self.lock_of(&init.expr)) {
                            self.live.push((pi.ident.to_string(), h));
                        }
                    }
                }
                syn::Stmt::Expr(e, _) => self.expr(e),
                _ => {}
            }
        }
        self.live.truncate(depth);
    }

    /// `self.meta.lock().unwrap()` → the lock `(0, [meta], lock)`.
    fn lock_of(&self, e: &syn::Expr) -> Option<HeldAtClosure> {
        match e {
            syn::Expr::MethodCall(m) if self.methods.contains(m.method.to_string().as_str()) => {
                let mut path = Vec::new();
                let mut r = &*m.receiver;
                loop {
                    match r {
                        syn::Expr::Field(f) => {
                            if let syn::Member::Named(n) = &f.member {
                                path.push(n.to_string());
                            } else {
                                return None;
                            }
                            r = &f.base;
                        }
                        syn::Expr::Paren(p) => r = &p.expr,
                        syn::Expr::Reference(x) => r = &x.expr,
                        syn::Expr::Path(p) => {
                            let id = p.path.get_ident()?.to_string();
                            let param = self.params.iter().position(|x| *x == id)?;
                            path.reverse();
                            return Some(HeldAtClosure {
                                param,
                                path,
                                method: m.method.to_string(),
                            });
                        }
                        _ => return None,
                    }
                }
            }
            syn::Expr::MethodCall(m) => self.lock_of(&m.receiver),
            syn::Expr::Try(t) => self.lock_of(&t.expr),
            _ => None,
        }
    }

    fn expr(&mut self, e: &syn::Expr) {
        match e {
            syn::Expr::Call(c) => {
                if let syn::Expr::Path(p) = &*c.func {
                    if let Some(id) = p.path.get_ident().map(|i| i.to_string()) {
                        if let Some(&(idx, _)) = self.closures.iter().find(|(_, n)| *n == id) {
                            let held: Vec<HeldAtClosure> =
                                self.live.iter().map(|(_, h)| h.clone()).collect();
                            if !held.is_empty() && !self.found.iter().any(|f| f.0 == idx) {
                                self.found.push((idx, held));
                            }
                        }
                        if id == "drop" {
                            if let Some(syn::Expr::Path(a)) = c.args.first() {
                                if let Some(v) = a.path.get_ident().map(|i| i.to_string()) {
                                    self.live.retain(|(n, _)| *n != v);
                                }
                            }
                        }
                    }
                }
                for a in &c.args {
                    self.expr(a);
                }
            }
            syn::Expr::Block(b) => self.block(&b.block),
            syn::Expr::Unsafe(u) => self.block(&u.block),
            syn::Expr::If(i) => {
                self.expr(&i.cond);
                self.block(&i.then_branch);
                if let Some((_, e)) = &i.else_branch {
                    self.expr(e);
                }
            }
            syn::Expr::Match(m) => {
                self.expr(&m.expr);
                for a in &m.arms {
                    self.expr(&a.body);
                }
            }
            syn::Expr::MethodCall(m) => {
                self.expr(&m.receiver);
                for a in &m.args {
                    self.expr(a);
                }
            }
            syn::Expr::Return(r) => {
                if let Some(x) = &r.expr {
                    self.expr(x);
                }
            }
            syn::Expr::Paren(p) => self.expr(&p.expr),
            syn::Expr::Try(t) => self.expr(&t.expr),
            syn::Expr::Reference(r) => self.expr(&r.expr),
            syn::Expr::Loop(l) => self.block(&l.body),
            syn::Expr::While(w) => self.block(&w.body),
            syn::Expr::ForLoop(f) => self.block(&f.body),
            _ => {}
        }
    }
}
