use serde::{Deserialize, Serialize};

use crate::{Function, LockExpr, LockId, LockKind, Span};

/// A field of a struct or union: its name and the name of its type when it is a named
/// type (`struct foo`, a typedef) — enough to follow `a->b.c` to the struct owning `c`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    pub name: String,
    pub ty: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructDef {
    /// `struct foo`, `union bar`, or the typedef name of an anonymous struct.
    pub name: String,
    pub fields: Vec<FieldDef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalDecl {
    pub name: String,
    pub ty: Option<String>,
    pub is_static: bool,
    /// Set for `DEFINE_MUTEX(x)`-style definitions.
    pub lock_kind: Option<LockKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    Acquires,
    Releases,
    MustHold,
    CondAcquires,
}

/// Where a suppression comment applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionScope {
    /// `lockorder: ignore[...]`: its line and the next (or, above a function, all of it).
    Line,
    /// `lockorder: file-ignore[...]`: the whole file.
    File,
}

/// A `lockorder: ignore[LO001] reason` comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub scope: SuppressionScope,
    pub codes: Vec<String>,
    /// The directive, from `lockorder:` to the closing `]`.
    pub span: Span,
}

/// The context a registered function runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecContext {
    Hardirq,
    Softirq,
    /// Process context entered with interrupts off by the framework that calls it (ALSA's
    /// `trigger` under the stream lock, a scheduler class's ops under the runqueue lock).
    IrqsOff,
    /// Process context entered with bottom halves off (mac80211's `tx`).
    BhOff,
    Process,
}

impl ExecContext {
    /// The context's name in keys (fingerprints, rule files).
    pub fn key(self) -> &'static str {
        match self {
            ExecContext::Hardirq => "hardirq",
            ExecContext::Softirq => "softirq",
            ExecContext::IrqsOff => "irqs_off",
            ExecContext::BhOff => "bh_off",
            ExecContext::Process => "process",
        }
    }

    /// The context in prose: "runs in {this}".
    pub fn describe(self) -> &'static str {
        match self {
            ExecContext::Hardirq => "hardirq context",
            ExecContext::Softirq => "softirq context",
            ExecContext::IrqsOff => "process context with interrupts disabled",
            ExecContext::BhOff => "process context with bottom halves disabled",
            ExecContext::Process => "process context",
        }
    }
}

/// `request_irq(dev->irq, foo_irq, ...)`, `INIT_WORK(&dev->work, foo_work)`: `function`
/// (in [`FileFacts::names`]) will run in `context`; a wait of `waited_by` kind on
/// `object` waits for it to finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub function: u32,
    pub context: ExecContext,
    pub object: Option<LockId>,
    pub waited_by: Option<crate::WaitKind>,
    /// The registering call.
    pub span: Span,
    /// How the registration is named in messages (`request_irq`).
    pub via: u32,
}

/// A sparse-style context annotation the C pre-pass blanked out of the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub kind: AnnotationKind,
    pub argument: String,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStats {
    pub bytes: u64,
    pub lines: u64,
    pub functions: u64,
    pub degraded_functions: u64,
    pub error_nodes: u64,
    /// Nanoseconds spent in the pre-pass and in tree-sitter, for the parse floor.
    pub prepass_ns: u64,
    pub parse_ns: u64,
    pub lower_ns: u64,
}

/// A function-like macro whose body is lock calls: `#define hci_dev_lock(d)
/// mutex_lock(&d->lock)`. Each `(call, argument template)` is expanded at a use by
/// substituting the macro's parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MacroWrapper {
    pub name: String,
    pub params: Vec<String>,
    pub calls: Vec<(String, String)>,
    /// For a macro that is one call of a plain function (`#define foo_lock(p)
    /// __foo_lock(p, __LINE__)`), that function and its argument templates: a use is a
    /// call of it. Only the defining file's own are followed.
    #[serde(default)]
    pub alias: Option<(String, Vec<String>)>,
}

/// Everything the analysis needs from one source file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    pub functions: Vec<Function>,
    pub locks: Vec<LockExpr>,
    /// Interned callee names of the file's call events.
    pub names: Vec<String>,
    /// Semaphores initialised to 0 (`sema_init(&s, 0)`, `DEFINE_SEMAPHORE(s, 0)`):
    /// completions, not locks.
    pub completions: Vec<LockId>,
    /// Semaphores initialised to 1 (`sema_init(&s, 1)`, `DEFINE_SEMAPHORE(s, 1)`): used
    /// as locks. Counting semaphores may be taken several times.
    pub binary_semaphores: Vec<LockId>,
    /// Declared return types of the functions defined or declared here, by name.
    pub return_types: Vec<(String, String)>,
    /// Lock wrapper macros defined here.
    pub macro_wrappers: Vec<MacroWrapper>,
    /// Accessor macros defined here that are one `container_of`-style call, with the type
    /// they point to (`unix_sk` is a `struct unix_sock *`): typed like functions'
    /// returns, after them.
    #[serde(default)]
    pub typed_macros: Vec<(String, String)>,
    /// Object-like macros defined here as a truth value (`#define CAN_NOT_SLEEP false`):
    /// a call passing one passes a constant.
    #[serde(default)]
    pub truth_macros: Vec<(String, bool)>,
    /// The fields the rules' context opt-outs name that this file sets true
    /// (`pcm->nonatomic = true;`).
    #[serde(default)]
    pub fields_set: Vec<String>,
    pub structs: Vec<StructDef>,
    /// `typedef struct foo foo_t;` as ("foo_t", "struct foo").
    pub typedefs: Vec<(String, String)>,
    pub globals: Vec<GlobalDecl>,
    pub annotations: Vec<Annotation>,
    /// Function-pointer slots: the callee of an indirect call (`dev->ops->open`, a local
    /// `fn`), the target of a binding (`ops->open = f`, `.open = f` in a `struct
    /// foo_ops` initialiser, as `Typed { ty } .open`). Typed like lock expressions.
    pub slots: Vec<LockExpr>,
    /// `(slot, name)`: the function named by `names[name]` is stored in the slot.
    pub slot_bindings: Vec<(u32, u32)>,
    /// `lockorder: ignore[...]` comments.
    pub suppressions: Vec<Suppression>,
    /// The paths of `#include` directives (`linux/mutex.h`, `foo.h`), as written.
    pub includes: Vec<String>,
    /// Functions registered to run in a context (IRQ handlers, work items, timers).
    pub registrations: Vec<Registration>,
    /// `lockdep_set_class(&x->lock, &key)`: the lock and the key, as lock expressions.
    pub class_keys: Vec<(LockId, LockId)>,
    /// `lockdep_set_novalidate_class(&x->lock)`: locks lockdep does not check.
    pub novalidate: Vec<LockId>,
    /// Locks whose guards are made to be held across `.await` (tokio's `Mutex`): no LO007.
    #[serde(default)]
    pub await_safe: Vec<LockId>,
    pub stats: FileStats,
    /// Panics caught while lowering single functions: `function: message`.
    pub internal_errors: Vec<String>,
}

/// `// lockorder: ignore[LO001, LO005] reason` and `lockorder: file-ignore[...]` in
/// comments (a `//` or `/*` earlier on the line): the same in C and Rust sources.
pub fn scan_suppressions(src: &str, file: crate::FileId) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut from = 0;
    let finder = memchr::memmem::Finder::new("lockorder:");
    while let Some(i) = finder.find(&src.as_bytes()[from..]) {
        let at = from + i;
        from = at + "lockorder:".len();
        let line_start = src[..at].rfind('\n').map_or(0, |p| p + 1);
        let before = &src[line_start..at];
        if !(before.contains("//") || before.contains("/*") || before.trim_start().starts_with('*'))
        {
            continue;
        }
        let rest = src[from..].trim_start();
        let (scope, rest) = if let Some(r) = rest.strip_prefix("file-ignore[") {
            (SuppressionScope::File, r)
        } else if let Some(r) = rest.strip_prefix("ignore[") {
            (SuppressionScope::Line, r)
        } else {
            continue;
        };
        let Some(close) = rest.find(']').filter(|&c| !rest[..c].contains('\n')) else {
            continue;
        };
        let codes = rest[..close]
            .split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        let end = src.len() - rest.len() + close + 1;
        out.push(Suppression {
            scope,
            codes,
            span: Span::new(file, at, end),
        });
    }
    out
}
