use serde::{Deserialize, Serialize};

/// Index of an interned [`LockExpr`] in its file's [`crate::FileFacts::locks`].
pub type LockId = u32;

/// What kind of primitive a lock is; decides which checks apply (semaphores have no owner,
/// sleeping locks may not be taken in atomic context, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockKind {
    Spinlock,
    Rwlock,
    Mutex,
    Semaphore,
    Rwsem,
}

impl LockKind {
    /// Semaphores have no owner: `up()` from another context is normal.
    pub fn has_owner(self) -> bool {
        self != LockKind::Semaphore
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Exclusive,
    Shared,
    /// Only for releases that drop either mode (`pthread_rwlock_unlock`).
    Any,
}

/// Interrupt state a lock operation changes while the lock is held.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Irq {
    #[default]
    None,
    /// Softirqs off (`_bh`).
    Soft,
    /// Hard IRQs off (`_irq`, `_irqsave`).
    Hard,
}

/// The base of a lock expression, as far as the front end could resolve it in its file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LockRoot {
    /// A file-scope object; `file_static` when declared `static` in this file.
    Global { name: String, file_static: bool },
    /// A parameter or local of the current function, with its declared type when known
    /// (`struct foo_dev`, a typedef name, or a primitive such as `spinlock_t`).
    Var {
        name: String,
        ty: Option<String>,
        function: String,
    },
    /// A pointer whose type the code names: `container_of(p, struct foo, m)`, a cast.
    Typed { ty: String },
    /// The result of a call (`EXT4_I(inode)->i_data_sem`): typed by the callee's declared
    /// return type, found program-wide.
    Returned { callee: String },
    /// Anything else: only the field path is known.
    Opaque,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PathStep {
    Field(String),
    Index,
}

/// A lock as written in the source: `&dev->lock`, `sem1`, `&hash[i].lock`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LockExpr {
    pub root: LockRoot,
    pub path: Vec<PathStep>,
    /// The source text without whitespace, for messages.
    pub text: String,
}
