use serde::{Deserialize, Serialize};

use crate::{AnnotationKind, Irq, LockId, LockKind, Mode, Span};

pub type BlockId = u32;
/// A branch condition of one function (`ret`, `dev->locked`, a trylock call).
pub type AtomId = u32;
/// A variable of one function whose assignment invalidates what is known of its atoms.
pub type VarId = u32;
/// An argument that is not a plain path (see [`Function::call_args`]).
pub const NO_ARG: u32 = u32::MAX;

/// A call's slice of [`Function::call_args`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgRange {
    pub start: u32,
    pub len: u8,
}

/// What a lock operation does to the lock it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Acquire {
    pub lock: LockId,
    pub kind: LockKind,
    pub mode: Mode,
    pub irq: Irq,
    /// A lockdep nesting annotation (`_nested`, `_nest_lock`): not a self-deadlock.
    pub nested: bool,
    /// False for trylocks, which never wait and so never close a deadlock cycle.
    pub waits: bool,
    /// The mmap_lock a user access takes if it faults: not where page faults are
    /// disabled (`pagefault_disable()` makes the access fail instead).
    #[serde(default)]
    pub fault: bool,
}

/// The value a conditional acquisition returns when it took the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Success {
    Zero,
    Nonzero,
}

impl Function {
    /// Whether `span` lies in a branch taken where a warning fires.
    pub fn on_warning_path(&self, span: Span) -> bool {
        self.var_facts.iter().any(|f| {
            matches!(*f, VarFact::WarningPath(start, end)
                if start <= span.start && span.end <= end)
        })
    }

    /// The lock this function names by the variable `atom` reads, when `atom` is a plain
    /// variable holding a lock's address.
    pub fn lock_named_by(&self, atom: AtomId) -> Option<LockId> {
        let var = self.atom_var.get(atom as usize).copied().flatten()?;
        self.lock_vars().find(|x| x.1 == var).map(|x| x.0)
    }

    /// Locks named by a variable holding their address, with the variable.
    pub fn lock_vars(&self) -> impl Iterator<Item = (LockId, VarId)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::LockAddress(l, v) => Some((l, v)),
            _ => None,
        })
    }

    /// The variable whose address the call argument `arg` (a name index) is, and the
    /// atom that tests it.
    pub fn address_of(&self, arg: u32) -> Option<(VarId, AtomId)> {
        let var = self.address_var(arg)?;
        Some((var, self.atom_testing(var)?))
    }

    /// The variable whose address the call argument `arg` (a name index) is.
    pub fn address_var(&self, arg: u32) -> Option<VarId> {
        self.var_facts.iter().find_map(|f| match *f {
            VarFact::AddressOf(a, v) if a == arg => Some(v),
            _ => None,
        })
    }

    /// Whether a call is passed the address of `var` (`&locked`).
    pub fn address_passed(&self, var: VarId) -> bool {
        self.var_facts
            .iter()
            .any(|f| matches!(*f, VarFact::AddressOf(_, v) if v == var))
    }

    /// The atom that is the plain variable `var` (`if (locked)`), if a branch tests it.
    pub fn atom_testing(&self, var: VarId) -> Option<AtomId> {
        let atom = self.atom_var.iter().position(|v| *v == Some(var))?;
        AtomId::try_from(atom).ok()
    }

    /// The variables standing for what a parameter points to, with its index.
    pub fn pointees(&self) -> impl Iterator<Item = (VarId, u8)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::Pointee(v, p) => Some((v, p)),
            _ => None,
        })
    }

    /// Atoms comparing a variable with a constant, with the variable.
    pub fn atom_groups(&self) -> impl Iterator<Item = (AtomId, VarId)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::Compares(a, v) => Some((a, v)),
            _ => None,
        })
    }

    /// Atoms testing a variable against a named constant: `(atom, variable, constant's
    /// name index, whether the test is of a bit)`.
    pub fn constant_tests(&self) -> impl Iterator<Item = (AtomId, VarId, u32, bool)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::Equals(a, v, c) => Some((a, v, c, false)),
            VarFact::Masks(a, v, c) => Some((a, v, c, true)),
            _ => None,
        })
    }

    /// What `atom` tests of a variable's bits, if it does: the variable and the bits.
    pub fn bit_test(&self, atom: AtomId) -> Option<(VarId, u32)> {
        self.bit_tests()
            .find(|t| t.0 == atom)
            .map(|(_, v, bits)| (v, bits))
    }

    /// Every atom testing bits of a variable (see [`VarFact::Bits`]).
    pub fn bit_tests(&self) -> impl Iterator<Item = (AtomId, VarId, u32)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::Bits(a, v, bits) => Some((a, v, bits)),
            _ => None,
        })
    }

    /// The atoms that test a pointer a held `lock` shows is not NULL: the variable holding
    /// its address (`if (root_lock)`), or the one it is reached through (`if (resource)`
    /// after `mutex_lock(&resource->conf_update)`).
    pub fn non_null_atoms(&self, lock: LockId) -> impl Iterator<Item = AtomId> + '_ {
        self.non_null_vars(lock)
            .filter_map(|var| self.atom_testing(var))
    }

    /// The pointers a held `lock` shows are not NULL: the variable holding its address,
    /// or the one it is reached through.
    pub fn non_null_vars(&self, lock: LockId) -> impl Iterator<Item = VarId> + '_ {
        self.lock_pointers()
            .filter_map(move |(l, v)| (l == lock).then_some(v))
    }

    /// Every lock with a variable holding its address or one it is reached through.
    pub fn lock_pointers(&self) -> impl Iterator<Item = (LockId, VarId)> + '_ {
        self.var_facts.iter().filter_map(|f| match *f {
            VarFact::LockAddress(l, v) | VarFact::LockRoot(l, v) => Some((l, v)),
            VarFact::Compares(..)
            | VarFact::AddressOf(..)
            | VarFact::Pointee(..)
            | VarFact::WarningPath(..)
            | VarFact::Equals(..)
            | VarFact::Masks(..)
            | VarFact::Bits(..) => None,
        })
    }

    /// The argument ids of a call.
    pub fn args(&self, r: ArgRange) -> &[u32] {
        let start = r.start as usize;
        self.call_args
            .get(start..start + r.len as usize)
            .unwrap_or(&[])
    }

    /// The calls the function makes, in block order (repeats included).
    pub fn calls(&self) -> impl Iterator<Item = &Call> {
        self.blocks
            .iter()
            .flat_map(|b| &b.events)
            .filter_map(|e| match e {
                Event::Call { call, .. } => Some(call),
                _ => None,
            })
    }
}

impl Success {
    /// The polarity of a lock held exactly where its atom evaluates to `truth`.
    pub fn held_where(truth: bool) -> Success {
        if truth {
            Success::Nonzero
        } else {
            Success::Zero
        }
    }

    /// Whether the lock is held when its atom evaluated to `truth`.
    pub fn held_when(self, truth: bool) -> bool {
        match self {
            Success::Zero => !truth,
            Success::Nonzero => truth,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Call {
    /// Index in [`crate::FileFacts::names`] of the callee's name, or for a call through a
    /// pointer (`ops->open(x)`, `fn(x)`) in [`crate::FileFacts::slots`] of the pointer.
    pub callee: u32,
    pub indirect: bool,
}

/// A change of what the code may not do: interrupts, bottom halves, preemption off, or
/// an RCU read-side section (`local_irq_save`, `local_bh_disable`, `preempt_disable`,
/// `rcu_read_lock`), and the calls that undo them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextOp {
    IrqDisable,
    IrqEnable,
    /// `local_irq_enable`: interrupts on, however often they were disabled.
    IrqOn,
    BhDisable,
    BhEnable,
    PreemptDisable,
    PreemptEnable,
    RcuLock,
    RcuUnlock,
    /// `pagefault_disable`: a user access fails instead of faulting. Not atomic.
    PagefaultDisable,
    PagefaultEnable,
}

/// What a waiting call waits for (LO009).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitKind {
    /// A work item: `cancel_work_sync`, `flush_work`.
    Work,
    /// A timer callback: `del_timer_sync`.
    Timer,
    /// An interrupt handler: `free_irq`, `synchronize_irq`.
    Irq,
    /// A kernel thread: `kthread_stop`.
    Thread,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Acquire {
        acq: Acquire,
        span: Span,
    },
    /// Held afterwards only on paths where `atom` evaluates as `success` says.
    CondAcquire {
        acq: Acquire,
        atom: AtomId,
        success: Success,
        span: Span,
    },
    Release {
        lock: LockId,
        kind: LockKind,
        mode: Mode,
        span: Span,
    },
    /// A call that drops `lock`, if held, exactly where `atom` (a test of bits of its
    /// result, see [`VarFact::Bits`]) is true: `handle_mm_fault` returning
    /// `VM_FAULT_RETRY` or `VM_FAULT_COMPLETED` has released the fault's lock.
    ReleaseOnResult {
        lock: LockId,
        atom: AtomId,
        span: Span,
    },
    /// `lockdep_assert_held(&l)`: the code states that `l` is held here.
    AssertHeld {
        lock: LockId,
        span: Span,
    },
    /// `downgrade_write`: the writer becomes a reader without releasing.
    Downgrade {
        lock: LockId,
        span: Span,
    },
    /// `result` is the atom the call's value feeds (`if (foo_trylock(x))`, `ret = f()`),
    /// so a callee that returns a lock held on success can be followed.
    Call {
        call: Call,
        span: Span,
        result: Option<AtomId>,
        /// The call's arguments in [`Function::call_args`].
        args: ArgRange,
    },
    /// Interrupts, bottom halves or preemption switched off or on, or an RCU read-side
    /// section entered or left.
    Context {
        op: ContextOp,
        span: Span,
    },
    /// A call that may sleep (`msleep`, `kmalloc(.., GFP_KERNEL)`); `name` indexes
    /// [`crate::FileFacts::names`].
    Sleep {
        name: u32,
        span: Span,
        /// A user access (`copy_from_user`): it sleeps only where it faults, which it
        /// does not where page faults are disabled.
        #[serde(default)]
        fault: bool,
    },
    /// A call that waits for what is registered on `object` to finish
    /// (`cancel_work_sync(&dev->work)`); the object is typed like a lock.
    WaitFor {
        object: LockId,
        kind: WaitKind,
        span: Span,
    },
    /// Rust's `.await`: the task may be suspended here, and other tasks of its thread run
    /// meanwhile. `call` is the awaited call (`self.flush().await`), when the future is a
    /// direct call: an `async fn` that never suspends makes its `.await` no suspension
    /// point.
    Await {
        span: Span,
        call: Option<Call>,
    },
    /// The variable was written — with a constant of a known class (`ret = -EBUSY`,
    /// `locked = true`) or anything else: facts about atoms that read it are gone.
    Assign {
        var: VarId,
        value: Option<ReturnValue>,
    },
    /// Follows the `Assign` of `var = from` (`ret = key`): what the path knows of `from`'s
    /// value (a constant, a pointer a lock was taken through) holds of `var` too.
    Copy {
        var: VarId,
        from: VarId,
    },
    /// `path->nodes[level] = eb;`, `*cow_ret = cow;`: the pointer in `var` was stored
    /// where the caller reaches it through a parameter, and with it the locks reached
    /// through it: returning them held hands them to the caller.
    HandOff {
        var: VarId,
        /// The parameter the memory is reached through.
        param: u8,
    },
    /// `dst_vma->vm_mm`: the pointer parameter was dereferenced, so it is not NULL on this
    /// path (until written). Only a parameter's first dereference is recorded.
    Deref {
        var: VarId,
    },
}

/// What a `return` returns, as far as the syntax tells: enough to recognise functions that
/// return a lock held exactly when they succeed (`find_lock_task_mm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnValue {
    /// No value (`return;`, the closing brace).
    Void,
    /// `0`, `NULL`, `false`.
    Zero,
    /// An error: `-EINVAL`, a negative number, `ERR_PTR(...)`.
    Error,
    /// `1`, `true`.
    One,
    /// Anything else (`ret`, `p`).
    Other,
    /// An error pointer kept in a variable (`p = ERR_PTR(-EEXIST)`): an error when
    /// returned; as a condition false, since `IS_ERR(p)` reads like `!p`.
    ErrorPointer,
    /// A pointer known not to be NULL on the path: a lock was taken through it
    /// (`spin_lock(&key->lock); ret = key;`), or it was stepped (`p++`) where it tested
    /// not NULL.
    NonNull,
}

/// What a variable says about a lock or a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VarFact {
    /// The variable holds the lock's address (`spin_unlock(ptl)`, `spin_unlock(vmf->ptl)`):
    /// a lock a callee returns (`ptl = pmd_lock(mm, pmd)`) is the one it names.
    LockAddress(LockId, VarId),
    /// The lock is reached through the variable (`&resource->conf_update`): taking it
    /// dereferences the variable.
    LockRoot(LockId, VarId),
    /// The atom compares the variable with a constant (`mode == HWLOCK_IRQ`, a `case` of
    /// `switch (mode)`): of one variable's such atoms, at most one holds.
    Compares(AtomId, VarId),
    /// A call argument (its text's index in [`crate::FileFacts::names`], `&locked`) is the
    /// address of a variable (or, for a pointer parameter passed on, of what it points to,
    /// where the function tests that): what the callee finds there is the variable's value
    /// before the call, and what it writes there its value after (a flag saying it
    /// dropped a lock, a pointer whose lock it left held).
    AddressOf(u32, VarId),
    /// The variable stands for what the parameter (by index) points to: `*locked = false`
    /// writes it, so a return can tell its caller what it wrote.
    Pointee(VarId, u8),
    /// The byte range of a branch taken where a warning fires (`if (WARN_ON(x)) { ... }`):
    /// what it calls is the handling of a bug, not what the function does for callers.
    WarningPath(u32, u32),
    /// The atom tests a parameter against a named constant (its text's index in
    /// [`crate::FileFacts::names`]): `locked == MBOX_THD_LOCKED`, a `case MBX_POLL:` of
    /// `switch (flag)`. A caller passing that constant, or another one the function
    /// compares the parameter with, decides the test.
    Equals(AtomId, VarId, u32),
    /// The atom tests a bit of a parameter (`flags & QMFLAGS_NO_MUTEX_LOCK`): a caller
    /// passing the constant among the ones it ors together sets it, one passing 0 not.
    Masks(AtomId, VarId, u32),
    /// The atom is true where the variable has any of these bits (`fault &
    /// (VM_FAULT_RETRY | VM_FAULT_COMPLETED)`), numbered per function by constant name.
    /// Kept for the results of calls whose lock release the result's bits tell.
    Bits(AtomId, VarId, u32),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Terminator {
    Goto(BlockId),
    /// Two-way branch on a condition the analysis can correlate.
    Branch {
        atom: AtomId,
        then: BlockId,
        otherwise: BlockId,
    },
    /// Any successor may follow (opaque condition, `switch`).
    Fork(Vec<BlockId>),
    Return {
        span: Span,
        value: ReturnValue,
        /// The atom of a returned variable (`return ret;`): what the path knows of it
        /// refines `value`.
        atom: Option<AtomId>,
        /// The returned variable is a pointer: known non-zero, it is a success.
        pointer: bool,
    },
    /// After a call that never returns (`BUG()`, `panic()`).
    Unreachable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub events: Vec<Event>,
    pub terminator: Terminator,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Function {
    pub name: String,
    /// The function's name in its definition.
    pub name_span: Span,
    pub is_static: bool,
    /// Block 0 is the entry.
    pub blocks: Vec<Block>,
    /// For each atom, the variables it reads.
    pub atom_vars: Vec<Vec<VarId>>,
    /// For each atom that is a plain variable (`ret`, `locked`), that variable.
    pub atom_var: Vec<Option<VarId>>,
    pub var_count: u32,
    /// The body had syntax errors; it was lowered as far as it could be.
    pub degraded: bool,
    /// Statements or conditions nested deeper than the front end follows were cut off.
    pub too_deep: bool,
    /// Locks the function's annotations say it returns holding (`__acquires`,
    /// `__cond_acquires`).
    pub returns_holding: Vec<LockId>,
    /// Parameter names, in order.
    pub params: Vec<String>,
    /// Per call argument, the interned text of a plain path argument (`dev`,
    /// `&priv->port`), else `NO_ARG`; kept only in functions with lock events, where a
    /// callee's lock may be one the caller holds.
    pub call_args: Vec<u32>,
    /// Locks the function's annotations say its caller holds (`__must_hold`, `__releases`).
    pub held_on_entry: Vec<LockId>,
    /// Labels defined in the body (`out_unlock:`), in source order.
    pub labels: Vec<(String, Span)>,
    /// Context annotations on the definition (`__must_hold(&dev->lock)`).
    pub annotations: Vec<(AnnotationKind, String)>,
    /// The variables that are parameters, with the parameter's index: a branch on one
    /// never assigned tells what the caller passed (`if (!locked) mutex_lock(...)`).
    #[serde(default)]
    pub var_params: Vec<(VarId, u8)>,
    /// What variables say about locks and tests beyond the events; one list for every
    /// kind, since most functions have none and a list per function costs its header.
    #[serde(default)]
    pub var_facts: Vec<VarFact>,
}

impl Terminator {
    fn targets_mut(&mut self) -> impl Iterator<Item = &mut BlockId> {
        let (one, two, many): (Option<&mut BlockId>, Option<&mut BlockId>, &mut [BlockId]) =
            match self {
                Terminator::Goto(t) => (Some(t), None, &mut []),
                Terminator::Branch {
                    then, otherwise, ..
                } => (Some(then), Some(otherwise), &mut []),
                Terminator::Fork(ts) => (None, None, ts.as_mut_slice()),
                Terminator::Return { .. } | Terminator::Unreachable => (None, None, &mut []),
            };
        one.into_iter().chain(two).chain(many.iter_mut())
    }
}

impl Function {
    /// Shrinks the CFG without changing its paths' events or their branch conditions:
    /// jumps through empty blocks go straight to their end, a branch whose arms meet at
    /// once becomes a jump, a block with a single predecessor that jumps to it is merged
    /// into it, and unreachable blocks go. Most statements of kernel code are no lock
    /// events, so this leaves a fraction of the blocks the front end built. Writes to
    /// variables no condition reads are dropped first: they were half the events.
    pub fn compact(&mut self) {
        let mut read = vec![false; self.var_count as usize];
        // A parameter's writes stay: without them it is what the caller passed. So do
        // writes through one: they are what the caller finds.
        // So do writes of a variable whose address a call is passed: they are what the
        // callee finds there (`int local_locked = 1; ... gup(..., &local_locked)`).
        let passed = self.var_facts.iter().filter_map(|f| match *f {
            VarFact::AddressOf(_, v) => Some(v),
            _ => None,
        });
        for v in self
            .var_params
            .iter()
            .map(|p| p.0)
            .chain(self.pointees().map(|p| p.0))
            .chain(passed)
        {
            if let Some(r) = read.get_mut(v as usize) {
                *r = true;
            }
        }
        for v in self
            .atom_vars
            .iter()
            .flatten()
            .chain(self.atom_var.iter().flatten())
        {
            if let Some(r) = read.get_mut(*v as usize) {
                *r = true;
            }
        }
        // `ret = key` with `ret` read copies what is known of `key`: a constant when `key`
        // is read too, else only that a lock was taken through it (whose writes then say
        // when that no longer holds). Other copies say nothing.
        let mut roots = vec![false; self.var_count as usize];
        for (_, v) in self.lock_pointers() {
            if let Some(r) = roots.get_mut(v as usize) {
                *r = true;
            }
        }
        let is = |set: &[bool], v: VarId| set.get(v as usize).copied().unwrap_or(false);
        let mut copied_roots = Vec::new();
        for e in self.blocks.iter().flat_map(|b| &b.events) {
            if let Event::Copy { var, from } = *e {
                if is(&read, var) && !is(&read, from) && is(&roots, from) {
                    copied_roots.push(from);
                }
            }
        }
        for v in copied_roots {
            read[v as usize] = true;
        }
        for block in &mut self.blocks {
            block.events.retain(|e| match *e {
                Event::Assign { var, .. } => is(&read, var),
                Event::Copy { var, from } => is(&read, var) && is(&read, from),
                Event::Deref { var } => is(&read, var),
                _ => true,
            });
        }
        let n = self.blocks.len();
        if n <= 1 {
            return;
        }
        // Where a jump to each block really ends up (bounded: an empty loop jumps to
        // itself forever).
        let resolve = |blocks: &[Block], mut b: BlockId| -> BlockId {
            for _ in 0..n {
                match &blocks[b as usize] {
                    Block {
                        events,
                        terminator: Terminator::Goto(t),
                    } if events.is_empty() && *t != b => b = *t,
                    _ => break,
                }
            }
            b
        };
        let entry = resolve(&self.blocks, 0);
        let resolved: Vec<BlockId> = (0..n as BlockId)
            .map(|b| resolve(&self.blocks, b))
            .collect();
        for block in &mut self.blocks {
            for t in block.terminator.targets_mut() {
                *t = resolved[*t as usize];
            }
            match &mut block.terminator {
                Terminator::Branch {
                    then, otherwise, ..
                } if then == otherwise => block.terminator = Terminator::Goto(*then),
                Terminator::Fork(ts) => {
                    let mut seen = Vec::with_capacity(ts.len());
                    ts.retain(|t| {
                        !seen.contains(t) && {
                            seen.push(*t);
                            true
                        }
                    });
                    if ts.len() == 1 {
                        block.terminator = Terminator::Goto(ts[0]);
                    }
                }
                _ => {}
            }
        }
        // Predecessor counts over reachable blocks only.
        let mut reachable = vec![false; n];
        let mut stack = vec![entry];
        reachable[entry as usize] = true;
        let mut preds = vec![0u32; n];
        while let Some(b) = stack.pop() {
            let targets: Vec<BlockId> = self.blocks[b as usize]
                .terminator
                .targets_mut()
                .map(|t| *t)
                .collect();
            for t in targets {
                preds[t as usize] += 1;
                if !reachable[t as usize] {
                    reachable[t as usize] = true;
                    stack.push(t);
                }
            }
        }
        // Merge each jump into its target when nothing else reaches the target.
        let mut merged = vec![false; n];
        for b in 0..n {
            if !reachable[b] || merged[b] {
                continue;
            }
            while let Terminator::Goto(t) = self.blocks[b].terminator {
                let t = t as usize;
                if t == b || t == entry as usize || preds[t] != 1 || merged[t] {
                    break;
                }
                let next = std::mem::replace(
                    &mut self.blocks[t],
                    Block {
                        events: Vec::new(),
                        terminator: Terminator::Unreachable,
                    },
                );
                self.blocks[b].events.extend(next.events);
                self.blocks[b].terminator = next.terminator;
                merged[t] = true;
            }
        }
        // Renumber: the entry first, the rest in their order.
        let order: Vec<usize> = std::iter::once(entry as usize)
            .chain((0..n).filter(|&b| b != entry as usize))
            .filter(|&b| reachable[b] && !merged[b])
            .collect();
        let mut new_id = vec![BlockId::MAX; n];
        for (i, &b) in order.iter().enumerate() {
            new_id[b] = i as BlockId;
        }
        let mut old: Vec<Option<Block>> = std::mem::take(&mut self.blocks)
            .into_iter()
            .map(Some)
            .collect();
        self.blocks = order
            .iter()
            .filter_map(|&b| old[b].take())
            .map(|mut block| {
                for t in block.terminator.targets_mut() {
                    *t = new_id[*t as usize];
                }
                block.events.shrink_to_fit();
                block
            })
            .collect();
    }
}

/// Whether an argument's text is a constant true (`true`, `1`) or false (`false`, `0`,
/// `NULL`) in a condition.
pub fn constant_truth(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" | "NULL" => Some(false),
        _ => {
            let digits = text.trim_end_matches(['u', 'U', 'l', 'L']);
            let value = match digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0X"))
            {
                Some(hex) => u64::from_str_radix(hex, 16).ok()?,
                None => digits.parse::<u64>().ok()?,
            };
            Some(value != 0)
        }
    }
}
