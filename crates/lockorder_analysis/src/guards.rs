//! Guards: the tests of a function's parameters under which it takes a lock or sleeps, so
//! that a caller passing a constant that fails one does neither (`if (!locked)
//! mutex_lock(...)`, `if (locked == MBOX_THD_LOCKED) __free(); else free_locking();`,
//! `case MBX_POLL: msleep(...)`).
//!
//! A guard is a [`GuardKey`] and the truth the test must have. The key names the
//! parameter (its index, [`POINTEE`] set for a test of what it points to) and, for a test
//! against a named constant, which one: an id into the program's [`ConstantTests`].

use foldhash::{HashMap, HashMapExt};

use lockorder_ir::{AtomId, VarId};

use crate::program::Program;

/// A guard's subject: bits 0–7 the parameter as [`param`] gives it, bits 8 and up the
/// constant test's id plus one (0: the parameter's own truth).
pub type GuardKey = u32;

/// The bit of a guard's parameter index that says the test reads what the parameter
/// points to (`if (!*locked)`).
pub const POINTEE: u8 = 0x80;

/// The bit of a guard's parameter index that says the test reads a field the parameter
/// leads to (`if (info->task)`): the function's entry depends on it, but no argument a
/// caller passes decides it.
pub const FIELD: u8 = 0x40;

/// The key of a test of parameter `param` (with [`POINTEE`] if so), against constant
/// test `test` if any.
pub fn key(param: u8, test: Option<u32>) -> GuardKey {
    u32::from(param) | test.map_or(0, |t| (t + 1) << 8)
}

/// The parameter a key tests, [`POINTEE`] included.
pub fn param(key: GuardKey) -> u8 {
    (key & 0xff) as u8
}

/// The same test of another parameter.
pub fn with_param(key: GuardKey, param: u8) -> GuardKey {
    (key & !0xff) | u32::from(param)
}

/// The constant test a key makes, if any.
pub fn test(key: GuardKey) -> Option<u32> {
    (key >> 8).checked_sub(1)
}

/// A test of a parameter against a named constant, as a caller can decide it from the
/// text it passes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ConstantTest {
    constant: Box<str>,
    /// `flags & C` rather than `x == C`.
    mask: bool,
    /// The other constants the function compares the parameter with for equality: the
    /// labels of one `switch` differ, and so, in practice, do those of an `if` chain.
    others: Box<[Box<str>]>,
}

/// A function's atoms that are constant tests: atom, the variable tested, the test's id.
type TestAtoms = Vec<(AtomId, VarId, u32)>;

/// Every constant test of a parameter in the program, interned in file order so that
/// ids are the same whatever the thread count.
#[derive(Default)]
pub struct ConstantTests {
    tests: Vec<ConstantTest>,
    /// Per function (file, index), its atoms that are constant tests, with the variable
    /// and the test's id.
    by_function: HashMap<(u32, u32), TestAtoms>,
    /// Object-like macros that are a truth value program-wide (`#define CAN_NOT_SLEEP
    /// false`); a name two files define differently is left out.
    truth_macros: HashMap<Box<str>, Option<bool>>,
}

impl ConstantTests {
    pub fn build(program: &Program) -> Self {
        let mut ids: HashMap<ConstantTest, u32> = HashMap::new();
        let mut out = ConstantTests::default();
        for file in &program.files {
            for (name, truth) in &file.facts.truth_macros {
                let known = out
                    .truth_macros
                    .entry(name.as_str().into())
                    .or_insert(Some(*truth));
                if *known != Some(*truth) {
                    *known = None;
                }
            }
        }
        for (fi, file) in program.files.iter().enumerate() {
            let names = &file.facts.names;
            for (fj, f) in file.facts.functions.iter().enumerate() {
                let found: Vec<(AtomId, VarId, u32, bool)> = f.constant_tests().collect();
                if found.is_empty() {
                    continue;
                }
                let mut atoms = Vec::new();
                for &(atom, var, constant, mask) in &found {
                    let Some(text) = names.get(constant as usize) else {
                        continue;
                    };
                    let mut others: Vec<Box<str>> = if mask {
                        Vec::new()
                    } else {
                        found
                            .iter()
                            .filter(|t| t.1 == var && !t.3 && t.2 != constant)
                            .filter_map(|t| names.get(t.2 as usize))
                            .map(|s| s.as_str().into())
                            .collect()
                    };
                    others.sort_unstable();
                    others.dedup();
                    let test = ConstantTest {
                        constant: text.as_str().into(),
                        mask,
                        others: others.into(),
                    };
                    let next = out.tests.len() as u32;
                    let id = *ids.entry(test.clone()).or_insert(next);
                    if id == next {
                        out.tests.push(test);
                    }
                    atoms.push((atom, var, id));
                }
                out.by_function.insert((fi as u32, fj as u32), atoms);
            }
        }
        out
    }

    /// The truth of an argument's text as a condition: a literal (`true`, `0`, `NULL`) or
    /// a macro defined as one (`CAN_NOT_SLEEP`).
    pub fn constant_truth(&self, text: &str) -> Option<bool> {
        lockorder_ir::constant_truth(text).or_else(|| *self.truth_macros.get(text)?)
    }

    /// The constant tests of function `fj` of file `fi`: atom, variable, test id.
    pub fn of_function(&self, fi: usize, fj: usize) -> &[(AtomId, VarId, u32)] {
        self.by_function
            .get(&(fi as u32, fj as u32))
            .map_or(&[], Vec::as_slice)
    }

    /// What test `id` gives for a caller passing `arg` (whitespace removed), if its text
    /// decides it: the constant itself, another the function compares with, the
    /// constant among the ones or'ed together, or a number against a number.
    pub fn truth(&self, id: u32, arg: &str) -> Option<bool> {
        let test = self.tests.get(id as usize)?;
        let arg = arg.trim_matches(|c| c == '(' || c == ')');
        if test.mask {
            let mut bits = arg
                .split('|')
                .map(|t| t.trim_matches(|c| c == '(' || c == ')'));
            if bits.any(|b| b == &*test.constant) {
                return Some(true);
            }
            return lockorder_ir::constant_truth(arg).filter(|t| !t);
        }
        if arg == &*test.constant || test.others.iter().any(|o| **o == *arg) {
            return Some(arg == &*test.constant);
        }
        match (number(arg), number(&test.constant)) {
            (Some(a), Some(c)) => Some(a == c),
            _ => None,
        }
    }
}

/// A decimal or hexadecimal literal's value.
fn number(text: &str) -> Option<u64> {
    let t = text.trim_end_matches(['u', 'U', 'l', 'L']);
    match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => t.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tests(list: &[(&str, bool, &[&str])]) -> ConstantTests {
        ConstantTests {
            tests: list
                .iter()
                .map(|(c, mask, others)| ConstantTest {
                    constant: (*c).into(),
                    mask: *mask,
                    others: others.iter().map(|o| (*o).into()).collect(),
                })
                .collect(),
            by_function: HashMap::new(),
            truth_macros: HashMap::new(),
        }
    }

    #[test]
    fn keys_keep_parameter_and_test_apart() {
        let k = key(2 | POINTEE, Some(7));
        assert_eq!(param(k), 2 | POINTEE);
        assert_eq!(test(k), Some(7));
        assert_eq!(test(key(3, None)), None);
        assert_eq!(param(with_param(k, 0)), 0);
        assert_eq!(test(with_param(k, 0)), Some(7));
    }

    #[test]
    fn equality_is_decided_by_the_constant_or_a_sibling() {
        let t = tests(&[("MBX_POLL", false, &["MBX_NOWAIT"]), ("4", false, &[])]);
        assert_eq!(t.truth(0, "MBX_POLL"), Some(true));
        assert_eq!(t.truth(0, "MBX_NOWAIT"), Some(false));
        assert_eq!(t.truth(0, "MBX_STOP_IOCB"), None);
        assert_eq!(t.truth(0, "flag"), None);
        assert_eq!(t.truth(1, "0x4"), Some(true));
        assert_eq!(t.truth(1, "5"), Some(false));
    }

    #[test]
    fn a_bit_is_set_by_a_caller_naming_it() {
        let t = tests(&[("QMFLAGS_NO_MUTEX_LOCK", true, &[])]);
        assert_eq!(
            t.truth(0, "QMFLAGS_IS_BLOCKING|QMFLAGS_NO_MUTEX_LOCK"),
            Some(true)
        );
        assert_eq!(t.truth(0, "(QMFLAGS_NO_MUTEX_LOCK)"), Some(true));
        assert_eq!(t.truth(0, "0"), Some(false));
        // Another flag may be a mask that includes this one.
        assert_eq!(t.truth(0, "QMFLAGS_IS_BLOCKING"), None);
    }
}
