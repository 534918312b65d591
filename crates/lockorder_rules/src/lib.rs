//! Lock knowledge as data. Every `rules/*.toml` file (the embedded defaults and any file a
//! user adds) is read through one schema; a mistake is reported with file, line and column.

mod schema;

use foldhash::{HashMap, HashSet};
use std::fmt;

use lockorder_ir::{
    AnnotationKind, ContextOp, ExecContext, Irq, LockKind, Mode, Success, WaitKind,
};

pub use schema::Op;
use schema::RuleFile;

/// The default rule files, embedded in the binary.
pub const DEFAULT_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/c_locks.toml",
        include_str!("../../../rules/c_locks.toml"),
    ),
    (
        "rules/c_lock_like.toml",
        include_str!("../../../rules/c_lock_like.toml"),
    ),
    (
        "rules/c_contexts.toml",
        include_str!("../../../rules/c_contexts.toml"),
    ),
    (
        "rules/c_prepass.toml",
        include_str!("../../../rules/c_prepass.toml"),
    ),
    (
        "rules/c_calls.toml",
        include_str!("../../../rules/c_calls.toml"),
    ),
    (
        "rules/c_kconfig.toml",
        include_str!("../../../rules/c_kconfig.toml"),
    ),
    (
        "rules/rust_locks.toml",
        include_str!("../../../rules/rust_locks.toml"),
    ),
];

/// Which Rust lock family a lock belongs to: decides whether its guard may be held across
/// `.await` (LO007).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RustFamily {
    Kernel,
    Std,
    ParkingLot,
    /// tokio, futures, async-std: guards made to be held across `.await`.
    Async,
}

/// What a method of a Rust lock does (see `rules/rust_locks.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RustOp {
    Acquire,
    Trylock,
    Shared,
    TryShared,
    Recursive,
    SharedRecursive,
    AcquireAwait,
    SharedAwait,
}

impl RustOp {
    pub fn mode(self) -> Mode {
        match self {
            RustOp::Shared | RustOp::TryShared | RustOp::SharedRecursive | RustOp::SharedAwait => {
                Mode::Shared
            }
            _ => Mode::Exclusive,
        }
    }

    /// Never waits: never closes a deadlock cycle.
    pub fn is_try(self) -> bool {
        matches!(self, RustOp::Trylock | RustOp::TryShared)
    }

    /// May nest on its holder (reentrant): not a self-deadlock.
    pub fn is_recursive(self) -> bool {
        matches!(self, RustOp::Recursive | RustOp::SharedRecursive)
    }

    /// Taken when the returned future is awaited.
    pub fn is_await(self) -> bool {
        matches!(self, RustOp::AcquireAwait | RustOp::SharedAwait)
    }
}

/// One Rust lock type and its methods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustLockRule {
    /// The first type path of the entry, for messages.
    pub name: String,
    pub family: RustFamily,
    pub kind: LockKind,
    pub irq: Irq,
    pub methods: HashMap<String, RustOp>,
}

/// The Rust front end's knowledge, from `[[rust_lock]]`, `[rust_condvar]` and
/// `[rust_calls]`.
#[derive(Clone, Debug, Default)]
pub struct RustRules {
    pub locks: Vec<RustLockRule>,
    /// Lock type paths (`std::sync::Mutex`) to their index in `locks`.
    pub lock_types: HashMap<String, u32>,
    /// Macros creating a lock (`new_mutex`) to their index in `locks`.
    pub lock_initialisers: HashMap<String, u32>,
    pub condvar_types: HashSet<String>,
    pub condvar_initialisers: HashSet<String>,
    /// Condition-variable methods that release and retake the guard they are given.
    pub condvar_waits: HashSet<String>,
    /// Methods whose result is the guard they are called on (`unwrap`, `expect`).
    pub guard_passthrough: HashSet<String>,
    /// Guard methods releasing the lock while their closure runs (`do_unlocked`).
    pub unlocked: HashSet<String>,
    /// Methods that run their closure argument before returning (`for_each`).
    pub closure_now: HashSet<String>,
    /// Calls that may sleep, by last path segment.
    pub blocking: HashSet<String>,
    /// GFP flags that make an allocation sleep.
    pub gfp_sleeping: HashSet<String>,
    /// Calls that drop their argument (`drop`, `mem::drop`).
    pub drop: HashSet<String>,
}

/// What one lock API call does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApiRule {
    pub kind: LockKind,
    pub op: Op,
    pub mode: Mode,
    pub success: Option<Success>,
    pub irq: Irq,
    pub nested: bool,
    pub lock_arg: usize,
    /// Index in [`Rules::lock_templates`] when the lock is not the argument itself.
    pub lock: Option<u32>,
    /// Wound/wait locking: backs off instead of waiting on a cycle, so it orders nothing.
    pub backs_off: bool,
}

/// A call registering a function to run in a context (`request_irq`, `INIT_WORK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistrationRule {
    pub function_arg: usize,
    pub context: ExecContext,
    pub object_arg: Option<usize>,
    pub object_is_result: bool,
    pub waited_by: Option<WaitKind>,
}

/// A call that drops its caller's locks where bits of its result say so:
/// `handle_mm_fault` returning `VM_FAULT_RETRY` or `VM_FAULT_COMPLETED` has released the
/// `mmap_lock` (or the per-VMA lock) it was called under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRelease {
    /// The lock classes as (type, field): `("struct mm_struct", "mmap_lock")`.
    pub locks: Vec<(String, String)>,
    /// The result's flags, any of which set says the locks were dropped.
    pub bits: Vec<String>,
}

/// A cleanup guard class usable as `guard(class)(&l)` or `scoped_guard(class, &l)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuardRule {
    pub kind: LockKind,
    pub mode: Mode,
    pub irq: Irq,
    /// `Some(Op::Trylock | Op::Conditional)` for `_try`/`_intr` classes that may fail.
    pub cond: Option<Op>,
    /// Index in [`Rules::lock_templates`] when the guard names its lock itself.
    pub lock: Option<u32>,
}

/// Macro classes of the C pre-pass.
#[derive(Clone, Debug, Default)]
pub struct PrepassRules {
    /// Identifiers replaced by spaces (`__init`, `__rcu`).
    pub blank_words: HashSet<String>,
    /// Identifiers blanked together with their parenthesised arguments (`__attribute__`).
    pub blank_calls: HashSet<String>,
    /// Annotation macros blanked but kept as facts (`__acquires(x)`).
    pub annotations: HashMap<String, AnnotationKind>,
    /// An identifier containing one of these, followed by `(...)` and a statement inside a
    /// function body, is a loop macro (`list_for_each_entry`).
    pub iterator_markers: Vec<String>,
    /// File-scope lock definitions (`DEFINE_MUTEX(name)`) and the kind they define.
    pub lock_definers: HashMap<String, LockKind>,
    /// File-scope macros defining the function their one argument names, with no return
    /// type tree-sitter could see (`static CLOSURE_CALLBACK(name) { ... }`).
    pub function_definers: HashSet<String>,
    /// Statement macros declaring their first argument a pointer to the type named by
    /// their second (`closure_type(dc, struct cached_dev, sb_write);`).
    pub pointer_declarers: HashSet<String>,
    /// The configuration the conditionals are decided by.
    pub config: KernelConfig,
}

/// Configuration symbols known set (`true`) or unset: a conditional on them keeps the
/// branch the build compiles (the first branch of one on anything else).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KernelConfig {
    pub symbols: HashMap<String, bool>,
    /// Read from a `.config`: a `CONFIG_` symbol it does not list is unset.
    pub complete: bool,
}

impl KernelConfig {
    /// A symbol's value, `None` when not known.
    pub fn get(&self, name: &str) -> Option<bool> {
        match self.symbols.get(name) {
            Some(&v) => Some(v),
            None => (self.complete && name.starts_with("CONFIG_")).then_some(false),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.symbols.is_empty() && !self.complete
    }
}

/// A Kconfig symbol's assumed value in a Linux tree without a `.config`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KconfigDefault {
    /// kbuild architectures it applies to; empty: all.
    pub arch: Vec<String>,
    pub symbol: String,
    pub value: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Rules {
    pub apis: HashMap<String, ApiRule>,
    pub guards: HashMap<String, GuardRule>,
    pub prepass: PrepassRules,
    /// Kconfig symbols assumed in a Linux tree that has no `.config`.
    pub kconfig: Vec<KconfigDefault>,
    /// Calls that never return (`BUG`, `panic`).
    pub noreturn: HashSet<String>,
    /// Calls asserting that their argument lock is held (`lockdep_assert_held`).
    pub assert_held: HashSet<String>,
    /// Calls that may sleep; with a GFP argument index, only when its flags may.
    pub blocking: HashMap<String, Option<usize>>,
    pub gfp_sleeping: Vec<String>,
    pub gfp_atomic: Vec<String>,
    pub context_ops: HashMap<String, ContextOp>,
    pub registrations: HashMap<String, Vec<RegistrationRule>>,
    /// Waiting calls: what they wait for and their object argument.
    pub waits: HashMap<String, (WaitKind, usize)>,
    /// Ops-table slot classes (`struct net_device_ops::ndo_start_xmit`) whose functions
    /// run in a context by contract, unless their file sets the field named true
    /// (`struct snd_pcm_ops::trigger` with `pcm->nonatomic = true`).
    pub context_slots: HashMap<String, (ExecContext, Option<String>)>,
    /// Ops-table slot classes whose functions are called holding a lock: (slot, the
    /// lock's class name, its mode); a slot may be held under several.
    pub held_slots: Vec<(String, String, Mode)>,
    /// Tests that are true when a pointer result means failure (`IS_ERR(p)`): as a
    /// condition they read like `!p`.
    pub failure_tests: HashSet<String>,
    /// Checks that stop the kernel when their argument is true (`BUG_ON(x)`): the code
    /// after one runs only where the argument is false.
    pub fatal_if: HashSet<String>,
    /// Calls that warn when their argument is true (`WARN_ON(x)`): the branch of an `if`
    /// they test true is a path the kernel reports as a bug.
    pub warn_if: HashSet<String>,
    /// Calls giving a lock the class of a key (`lockdep_set_class(&x->lock, &key)`).
    pub set_class: HashSet<String>,
    /// Calls taking a lock out of order checking (`lockdep_set_novalidate_class`).
    pub novalidate: HashSet<String>,
    /// Semaphore initialisers and their count argument: a count of 0 makes a completion.
    pub semaphore_inits: HashMap<String, usize>,
    /// Calls that drop locks where bits of their result say so.
    pub result_releases: HashMap<String, ResultRelease>,
    /// Calls returning a pointer to the type named by an argument (`container_of`).
    pub typed_results: HashMap<String, usize>,
    /// Functions that run before the scheduler does (`start_kernel`): the kernel checks
    /// no sleep there, so their atomic sections do not make sleeping calls errors.
    pub booting: HashSet<String>,
    /// Names no declaration types that point to a known type (`current`, a macro for
    /// `get_current()`): the struct a lock path from them starts in.
    pub typed_names: HashMap<String, String>,
    /// Implicit locks of lock-like APIs (`rtnl_mutex`, `{0}->sk_lock`).
    pub lock_templates: Vec<String>,
    /// Per template, the argument type a `{0}->field` template starts from, if known.
    pub lock_types: Vec<Option<String>>,
    /// Rust lock types, condition variables and calls.
    pub rust: RustRules,
    /// Hash of every rule file's text, in load order, for cache keys.
    pub fingerprint: u64,
}

impl Rules {
    /// Whether any rule gives a call of `name` a meaning of its own (a lock operation, a
    /// sleep, a context change, a registration, ...).
    pub fn knows_call(&self, name: &str) -> bool {
        self.apis.contains_key(name)
            || self.guards.contains_key(name)
            || self.noreturn.contains(name)
            || self.assert_held.contains(name)
            || self.blocking.contains_key(name)
            || self.context_ops.contains_key(name)
            || self.registrations.contains_key(name)
            || self.waits.contains_key(name)
            || self.failure_tests.contains(name)
            || self.fatal_if.contains(name)
            || self.warn_if.contains(name)
            || self.set_class.contains(name)
            || self.novalidate.contains(name)
            || self.semaphore_inits.contains_key(name)
            || self.typed_results.contains_key(name)
            || self.prepass.blank_calls.contains(name)
            || self.prepass.annotations.contains_key(name)
    }

    /// Whether GFP flags written as `flags` let an allocation sleep: a sleeping flag and
    /// no atomic one. Flags passed in a variable (`gfp`, `gfp & ~__GFP_DIRECT_RECLAIM`)
    /// are the caller's: not a sleep here.
    pub fn gfp_may_sleep(&self, flags: &str) -> bool {
        let variable = flags
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()));
        if variable || flags.contains('~') {
            return false;
        }
        let words: Vec<&str> = flags
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        words
            .iter()
            .any(|w| self.gfp_sleeping.iter().any(|s| s == w))
            && !words.iter().any(|w| self.gfp_atomic.iter().any(|s| s == w))
    }

    /// The text of the lock a call of `rule` operates on, given the text of its
    /// arguments: the lock argument, or the rule's template with arguments substituted
    /// (`{0}->sk_lock` with `&ctx->sk` gives `ctx->sk.sk_lock`).
    pub fn lock_text(&self, rule: &ApiRule, args: &[&str]) -> Option<String> {
        self.template_text(rule.lock, rule.lock_arg, args)
    }

    /// [`Rules::lock_text`] for a template index and lock argument.
    pub fn template_text(
        &self,
        lock: Option<u32>,
        lock_arg: usize,
        args: &[&str],
    ) -> Option<String> {
        let Some(t) = lock else {
            return args.get(lock_arg).map(|a| a.trim().to_string());
        };
        let t = &self.lock_templates[t as usize];
        let mut out = String::new();
        let mut rest = t.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}')?;
            let mut arg = args
                .get(rest[open + 1..close].parse::<usize>().ok()?)?
                .trim();
            // `(sk)`: the macro habit of parenthesising arguments.
            while let Some(inner) = arg.strip_prefix('(').and_then(|a| a.strip_suffix(')')) {
                if inner.contains(['(', ')']) {
                    break;
                }
                arg = inner.trim();
            }
            rest = &rest[close + 1..];
            match (arg.strip_prefix('&'), rest.strip_prefix("->")) {
                (Some(object), Some(after)) => {
                    out.push_str(object.trim());
                    out.push('.');
                    rest = after;
                }
                _ => out.push_str(arg),
            }
        }
        out.push_str(rest);
        Some(out)
    }
}

/// A rule file error, located like a compiler error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RuleError {}

impl Rules {
    /// The embedded defaults.
    pub fn defaults() -> Self {
        Self::load(
            DEFAULT_RULE_FILES
                .iter()
                .map(|&(n, t)| (n.to_string(), t.to_string())),
        )
        .expect("embedded rule files are valid")
    }

    /// The embedded defaults followed by user rule files (`(path, text)`).
    pub fn with_user_files(files: Vec<(String, String)>) -> Result<Self, RuleError> {
        let all = DEFAULT_RULE_FILES
            .iter()
            .map(|&(n, t)| (n.to_string(), t.to_string()))
            .chain(files);
        Self::load(all)
    }

    fn load(files: impl Iterator<Item = (String, String)>) -> Result<Self, RuleError> {
        let mut rules = Rules::default();
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (name, text) in files {
            hasher.update(name.as_bytes());
            hasher.update(text.as_bytes());
            let file: RuleFile = toml::from_str(&text).map_err(|e| {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                locate(&name, &text, offset, e.message().to_string())
            })?;
            file.merge_into(&mut rules)
                .map_err(|(offset, message)| locate(&name, &text, offset, message))?;
        }
        rules.fingerprint = hasher.digest();
        Ok(rules)
    }

    /// Decides the pre-pass's conditionals by `config`; the facts depend on it, so the
    /// fingerprint does too.
    pub fn set_kernel_config(&mut self, config: KernelConfig) {
        let mut symbols: Vec<(&String, &bool)> = config.symbols.iter().collect();
        symbols.sort_unstable();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&self.fingerprint.to_le_bytes());
        h.update(&[u8::from(config.complete)]);
        for (name, value) in symbols {
            h.update(name.as_bytes());
            h.update(&[u8::from(*value)]);
        }
        self.fingerprint = h.digest();
        self.prepass.config = config;
    }
}

fn locate(file: &str, text: &str, offset: usize, message: String) -> RuleError {
    let idx = lockorder_ir::LineIndex::new(text);
    let (line, column) = idx.line_col(offset);
    RuleError {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_know_the_primitives() {
        let rules = Rules::defaults();
        let down = rules.apis["down_trylock"];
        assert_eq!(down.op, Op::Trylock);
        assert_eq!(down.success, Some(Success::Zero));
        assert_eq!(rules.apis["mutex_trylock"].success, Some(Success::Nonzero));
        assert_eq!(rules.apis["spin_lock_irqsave"].irq, Irq::Hard);
        assert!(rules.guards.contains_key("mutex"));
    }

    #[test]
    fn rust_locks_are_rule_data() {
        let rules = Rules::defaults();
        let rust = &rules.rust;
        let spin = &rust.locks[rust.lock_types["kernel::sync::SpinLock"] as usize];
        assert_eq!(spin.kind, LockKind::Spinlock);
        assert_eq!(spin.methods["lock"], RustOp::Acquire);
        let tokio = &rust.locks[rust.lock_types["tokio::sync::RwLock"] as usize];
        assert_eq!(tokio.family, RustFamily::Async);
        assert_eq!(tokio.methods["read"].mode(), Mode::Shared);
        assert!(tokio.methods["write"].is_await());
        let pl = &rust.locks[rust.lock_types["parking_lot::RwLock"] as usize];
        assert!(pl.methods["read_recursive"].is_recursive());
        assert!(rust.condvar_waits.contains("wait_while"));
    }

    #[test]
    fn unknown_key_is_located() {
        let err = Rules::with_user_files(vec![(
            "mine.toml".into(),
            "[[api]]\ncalls = [\"x_lock\"]\nkind = \"mutex\"\nop = \"acquire\"\nsucces = \"zero\"\n".into(),
        )])
        .unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.line, err.column),
            ("mine.toml", 5, 1)
        );
        assert!(err.message.contains("succes"), "{}", err.message);
    }

    #[test]
    fn success_is_required_exactly_for_conditional_ops() {
        let err = Rules::with_user_files(vec![(
            "mine.toml".into(),
            "[[api]]\ncalls = [\"x_trylock\"]\nkind = \"mutex\"\nop = \"trylock\"\n".into(),
        )])
        .unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("success"), "{}", err.message);
    }

    #[test]
    fn result_release_locks_are_field_classes() {
        let rules = Rules::defaults();
        let fault = &rules.result_releases["handle_mm_fault"];
        assert!(fault
            .locks
            .contains(&("struct mm_struct".into(), "mmap_lock".into())));
        assert!(fault.bits.contains(&"VM_FAULT_RETRY".to_string()));
        let err = Rules::with_user_files(vec![(
            "mine.toml".into(),
            "[[result_release]]\ncalls = [\"x_fault\"]\nlocks = [\"x_lock\"]\nbits = [\"X_RETRY\"]\n"
                .into(),
        )])
        .unwrap_err();
        assert_eq!((err.line, err.column), (3, 10));
        assert!(err.message.contains("x_lock"), "{}", err.message);
    }

    #[test]
    fn a_call_defined_twice_is_an_error() {
        let err = Rules::with_user_files(vec![(
            "mine.toml".into(),
            "[[api]]\ncalls = [\"mutex_lock\"]\nkind = \"mutex\"\nop = \"acquire\"\n".into(),
        )])
        .unwrap_err();
        assert!(err.message.contains("mutex_lock"), "{}", err.message);
    }

    #[test]
    fn lock_templates_name_implicit_locks() {
        let rules = Rules::defaults();
        let text = |call: &str, args: &[&str]| rules.lock_text(&rules.apis[call], args);
        assert_eq!(text("rtnl_lock", &[]).as_deref(), Some("rtnl_mutex"));
        assert_eq!(text("lock_sock", &["sk"]).as_deref(), Some("sk->sk_lock"));
        assert_eq!(text("lock_sock", &["(sk)"]).as_deref(), Some("sk->sk_lock"));
        assert_eq!(
            text("lock_sock", &["&ctx->sk"]).as_deref(),
            Some("ctx->sk.sk_lock")
        );
        assert_eq!(
            text("mmap_read_lock", &["current->mm"]).as_deref(),
            Some("current->mm->mmap_lock")
        );
        assert_eq!(text("mutex_lock", &["&d->m"]).as_deref(), Some("&d->m"));
        assert_eq!(text("lock_sock", &[]), None);
    }

    #[test]
    fn a_bad_lock_template_is_located() {
        let err = Rules::with_user_files(vec![(
            "mine.toml".into(),
            "[[api]]\ncalls = [\"x_lock\"]\nkind = \"mutex\"\nop = \"acquire\"\nlock = \"{x}->m\"\n".into(),
        )])
        .unwrap_err();
        assert_eq!((err.line, err.column), (5, 8));
        assert!(err.message.contains("argument index"), "{}", err.message);
    }
}
