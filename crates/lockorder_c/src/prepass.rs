//! The length-preserving pre-pass: rewrites what tree-sitter-c cannot parse in kernel code
//! (it sees the code before cpp) into C of the same length. Only bytes change, never
//! offsets, so every span the lowering produces points into the original text.

use crate::conditions;
use lockorder_ir::{AnnotationKind, LockKind};
use lockorder_rules::{KernelConfig, PrepassRules};

/// A lock defined by a file-scope macro (`static DEFINE_MUTEX(name);`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefinedLock {
    pub name: String,
    pub kind: LockKind,
    pub is_static: bool,
    /// A semaphore defined with a count of 0: a completion, not a lock.
    pub completion: bool,
    /// A semaphore defined with a count of 1 (or none, the pre-6.4 form): a lock.
    pub binary: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Prepassed {
    pub text: Vec<u8>,
    /// `(kind, argument text, start, end)` of each blanked annotation.
    pub annotations: Vec<(AnnotationKind, String, usize, usize)>,
    pub defined_locks: Vec<DefinedLock>,
    /// Something outside directives and comments (in the branches kept): a file without
    /// (a register header of `#define`s, 41 % of the kernel's bytes) has no function,
    /// declaration or type for a syntax tree to show.
    pub has_code: bool,
}

/// Longest argument list the pre-pass looks through for a closing parenthesis.
const MAX_PAREN_SCAN: usize = 64 * 1024;

pub fn prepass(src: &[u8], rules: &PrepassRules) -> Prepassed {
    let mut out = Prepassed {
        text: src.to_vec(),
        ..Default::default()
    };
    strip_conditionals(src, &mut out.text, &rules.config);
    rewrite_macros(src, rules, &mut out);
    out
}

fn blank(buf: &mut [u8], start: usize, end: usize) {
    for b in &mut buf[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Keeps one branch of every `#if`/`#ifdef`/`#ifndef` and blanks the others and the
/// conditional directives themselves, so that functions split across `#if/#else` with
/// unbalanced braces parse. The branch kept is the one the configuration compiles where
/// `config` decides the condition (`#ifdef CONFIG_HIGHMEM`, `#if 0`), else the first.
fn strip_conditionals(src: &[u8], out: &mut [u8], config: &KernelConfig) {
    // Per open conditional: (whether the enclosing region is live, whether the current
    // branch is live, whether a live branch was already taken).
    let mut stack: Vec<(bool, bool, bool)> = Vec::new();
    let live = |stack: &Vec<(bool, bool, bool)>| stack.last().is_none_or(|f| f.0 && f.1);
    let mut pos = 0;
    let mut in_comment = false;
    while pos < src.len() {
        let line_end = memchr(b'\n', &src[pos..]).map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        // The directive's name, and where the text it tests starts.
        let (directive, rest_start) = match directive_name(line).filter(|_| !in_comment) {
            Some((name, rest)) => (Some(name), pos + rest),
            None => (None, pos),
        };
        // A directive continues over backslash-newlines.
        let mut end = line_end;
        if directive.is_some() {
            while end > pos && end < src.len() && src[..end].ends_with(b"\\") {
                end = memchr(b'\n', &src[end + 1..]).map_or(src.len(), |i| end + 1 + i);
            }
        }
        // What the directive tests: `Some(truth)` when the configuration decides it.
        let decided = |d: &[u8]| {
            let rest = &src[rest_start..end];
            match d {
                b"if" | b"elif" => conditions::eval_if(rest, config),
                b"ifdef" | b"elifdef" => conditions::eval_defined(rest, config),
                b"ifndef" | b"elifndef" => conditions::eval_defined(rest, config).map(|v| !v),
                _ => None,
            }
        };
        match directive {
            Some(d) if d == b"if" || d == b"ifdef" || d == b"ifndef" => {
                let parent = live(&stack);
                let keep = decided(d) != Some(false);
                stack.push((parent, keep, keep));
                blank(out, pos, end);
            }
            Some(d) if d == b"elif" || d == b"elifdef" || d == b"elifndef" => {
                if let Some(top) = stack.last_mut() {
                    top.1 = !top.2 && decided(d) != Some(false);
                    top.2 |= top.1;
                }
                blank(out, pos, end);
            }
            Some(d) if d == b"else" => {
                if let Some(top) = stack.last_mut() {
                    top.1 = !top.2;
                    top.2 = true;
                }
                blank(out, pos, end);
            }
            Some(d) if d == b"endif" => {
                stack.pop();
                blank(out, pos, end);
            }
            _ => {
                if !live(&stack) {
                    blank(out, pos, end);
                } else {
                    in_comment = update_comment_state(&src[pos..end], in_comment);
                }
            }
        }
        pos = end + 1;
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// Whether a line ends inside a `/* */` comment, given whether it started in one.
fn update_comment_state(line: &[u8], mut in_comment: bool) -> bool {
    let mut i = 0;
    let mut in_str: Option<u8> = None;
    while i < line.len() {
        let b = line[i];
        if in_comment {
            if b == b'*' && line.get(i + 1) == Some(&b'/') {
                in_comment = false;
                i += 1;
            }
        } else if let Some(q) = in_str {
            if b == b'\\' {
                i += 1;
            } else if b == q {
                in_str = None;
            }
        } else if b == b'"' || b == b'\'' {
            in_str = Some(b);
        } else if b == b'/' && line.get(i + 1) == Some(&b'*') {
            in_comment = true;
            i += 1;
        } else if b == b'/' && line.get(i + 1) == Some(&b'/') {
            return false;
        }
        i += 1;
    }
    in_comment
}

/// A directive's name (`ifdef`), and where the text after it (`CONFIG_X`) starts.
fn directive_name(line: &[u8]) -> Option<(&[u8], usize)> {
    let mut i = 0;
    while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    i += 1;
    while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
        i += 1;
    }
    let start = i;
    while i < line.len() && line[i].is_ascii_alphabetic() {
        i += 1;
    }
    Some((&line[start..i], i))
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Skips whitespace and comments in `buf` from `i`; returns the next significant index.
fn skip_trivia(buf: &[u8], mut i: usize) -> usize {
    loop {
        while i < buf.len() && buf[i].is_ascii_whitespace() {
            i += 1;
        }
        if buf[i..].starts_with(b"/*") {
            i = find(buf, i + 2, b"*/").map_or(buf.len(), |e| e + 2);
        } else if buf[i..].starts_with(b"//") {
            i = memchr(b'\n', &buf[i..]).map_or(buf.len(), |e| i + e);
        } else {
            return i;
        }
    }
}

fn find(buf: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    buf.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Index just past the `)` matching the `(` at `open`, skipping strings and comments.
/// Also returns the offsets of the top-level commas.
fn matching_paren(buf: &[u8], open: usize) -> Option<(usize, Vec<usize>)> {
    let mut depth = 0usize;
    let mut commas = Vec::new();
    let mut i = open;
    let limit = buf.len().min(open + MAX_PAREN_SCAN);
    while i < limit {
        match buf[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some((i + 1, commas));
                }
            }
            b',' if depth == 1 => commas.push(i),
            b'"' | b'\'' => i = skip_literal(buf, i),
            b'/' if buf.get(i + 1) == Some(&b'*') => {
                i = find(buf, i + 2, b"*/").map_or(limit, |e| e + 1)
            }
            b'/' if buf.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', &buf[i..]).map_or(limit, |e| i + e)
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Index of the closing quote of the literal opened at `i`.
fn skip_literal(buf: &[u8], i: usize) -> usize {
    let q = buf[i];
    let mut j = i + 1;
    while j < buf.len() {
        match buf[j] {
            b'\\' => j += 1,
            b'\n' => return j,
            c if c == q => return j,
            _ => {}
        }
        j += 1;
    }
    buf.len()
}

/// Identifier-level rewrites outside comments, literals and directives: annotation macros
/// blanked, loop and scoped-guard macros turned into `while`, lock definitions recorded.
fn rewrite_macros(src: &[u8], rules: &PrepassRules, out: &mut Prepassed) {
    // Scan the conditional-stripped text so dead branches are ignored.
    let buf = out.text.clone();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line_start = true;
    // Start of the previous identifier token, for `static DEFINE_MUTEX(...)`.
    let mut prev_ident: Option<(usize, usize)> = None;
    // Per open brace, whether it opens a `do` body; and whether the last token closed
    // one, so that `} for_each_vma_range(vmi, vma, end);` is read as the loop's `while`.
    let mut opens_do_body: Vec<bool> = Vec::new();
    let mut after_do_body = false;
    while i < buf.len() {
        let b = buf[i];
        match b {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\x0c' => {
                i += 1;
                continue;
            }
            b'#' if line_start => {
                // A directive: skip to its (continued) end.
                let mut e = i;
                loop {
                    e = memchr(b'\n', &buf[e..]).map_or(buf.len(), |x| e + x);
                    if e > 0 && e < buf.len() && buf[e - 1] == b'\\' {
                        e += 1;
                        continue;
                    }
                    break;
                }
                i = e;
                continue;
            }
            _ => {}
        }
        line_start = false;
        if buf[i..].starts_with(b"/*") {
            i = find(&buf, i + 2, b"*/").map_or(buf.len(), |e| e + 2);
            continue;
        }
        if buf[i..].starts_with(b"//") {
            i = memchr(b'\n', &buf[i..]).map_or(buf.len(), |e| i + e);
            continue;
        }
        out.has_code = true;
        let follows_do_body = std::mem::take(&mut after_do_body);
        match b {
            b'"' | b'\'' => {
                i = skip_literal(&buf, i) + 1;
                prev_ident = None;
                continue;
            }
            b'{' => {
                depth += 1;
                opens_do_body.push(prev_ident.is_some_and(|(s, e)| &buf[s..e] == b"do"));
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                after_do_body = opens_do_body.pop().unwrap_or(false);
            }
            _ => {}
        }
        if !is_ident_start(b) || (i > 0 && is_ident(buf[i - 1])) {
            if !b.is_ascii_digit() {
                prev_ident = None;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < buf.len() && is_ident(buf[i]) {
            i += 1;
        }
        let end = i;
        let word = &buf[start..end];
        // Identifiers are ASCII, so this cannot fail.
        let name = std::str::from_utf8(word).unwrap_or_default();
        let next = skip_trivia(&buf, end);
        let has_args = buf.get(next) == Some(&b'(');

        if rules.blank_words.contains(name) {
            blank(&mut out.text, start, end);
        } else if has_args
            && (rules.blank_calls.contains(name) || rules.annotations.contains_key(name))
        {
            if let Some((close, _)) = matching_paren(&buf, next) {
                if let Some(&kind) = rules.annotations.get(name) {
                    let arg = String::from_utf8_lossy(&src[next + 1..close - 1])
                        .split_whitespace()
                        .collect();
                    out.annotations.push((kind, arg, start, close));
                }
                blank(&mut out.text, start, close);
                i = close;
            }
        } else if has_args && depth > 0 && rules.pointer_declarers.contains(name) {
            // `closure_type(dc, struct foo, member)` -> `struct foo *dc          `, same
            // length (the declaration's `;` follows).
            if let Some((close, commas)) = matching_paren(&buf, next) {
                if let [c0, c1, ..] = commas[..] {
                    let var = buf[next + 1..c0].trim_ascii();
                    let ty = buf[c0 + 1..c1].trim_ascii();
                    let decl = [ty, b" *", var].concat();
                    let plain = |s: &[u8]| s.iter().all(|&c| is_ident(c) || c == b' ');
                    if decl.len() <= close - start && plain(var) && plain(ty) {
                        blank(&mut out.text, start, close);
                        out.text[start..start + decl.len()].copy_from_slice(&decl);
                        i = close;
                    }
                }
            }
        } else if has_args && depth == 0 && rules.function_definers.contains(name) {
            // `CLOSURE_CALLBACK(name)` -> `void      name(void)`, same length.
            if let Some((close, _)) = matching_paren(&buf, next) {
                let inner = &buf[next + 1..close - 1];
                let trimmed = inner.trim_ascii();
                let fits = close - start >= b"void ".len() + trimmed.len() + b"(void)".len();
                if fits && !trimmed.is_empty() && trimmed.iter().all(|&c| is_ident(c)) {
                    let mut new = b"void".to_vec();
                    let pad = close - start - 4 - trimmed.len() - 6;
                    new.extend(std::iter::repeat_n(b' ', pad));
                    new.extend_from_slice(trimmed);
                    new.extend_from_slice(b"(void)");
                    out.text[start..close].copy_from_slice(&new);
                    i = close;
                }
            }
        } else if has_args && depth == 0 && rules.lock_definers.contains_key(name) {
            if let Some((close, _)) = matching_paren(&buf, next) {
                let arg_end = find(&buf[..close], next, b",").unwrap_or(close - 1);
                let lock_name: String = String::from_utf8_lossy(&buf[next + 1..arg_end])
                    .trim()
                    .to_string();
                let is_static = prev_ident.is_some_and(|(s, e)| &buf[s..e] == b"static");
                let from = match prev_ident {
                    Some((s, e)) if &buf[s..e] == b"static" => s,
                    _ => start,
                };
                let semi = skip_trivia(&buf, close);
                let to = if buf.get(semi) == Some(&b';') {
                    semi + 1
                } else {
                    close
                };
                let kind = rules.lock_definers[name];
                let count = String::from_utf8_lossy(&buf[(arg_end + 1).min(close - 1)..close - 1])
                    .trim()
                    .to_string();
                if lock_name.bytes().all(is_ident) && !lock_name.is_empty() {
                    out.defined_locks.push(DefinedLock {
                        name: lock_name,
                        kind,
                        is_static,
                        completion: kind == LockKind::Semaphore && count == "0",
                        binary: kind == LockKind::Semaphore && (count == "1" || count.is_empty()),
                    });
                }
                blank(&mut out.text, from, to);
                i = to;
            }
        } else if has_args
            && depth > 0
            && (name == "scoped_guard" || name == "scoped_cond_guard" || is_iterator(name, rules))
        {
            if let Some((close, commas)) = matching_paren(&buf, next) {
                let after = skip_trivia(&buf, close);
                let is_statement_head = !matches!(
                    buf.get(after),
                    Some(b';' | b')' | b',' | b'.' | b'-' | b'=' | b'?' | b':' | b'&' | b'|')
                        | None
                );
                let ends_do_loop = follows_do_body && buf.get(after) == Some(&b';');
                if is_statement_head || ends_do_loop {
                    out.text[start..start + 5].copy_from_slice(b"while");
                    blank(&mut out.text, start + 5, end);
                    if name == "scoped_cond_guard" && commas.len() >= 2 {
                        // The second argument is a statement (`return -EINTR`): make it `0`.
                        let (s, e) = (commas[0] + 1, commas[1]);
                        blank(&mut out.text, s, e);
                        out.text[s] = b'0';
                    }
                }
            }
        }
        prev_ident = Some((start, end));
    }
}

/// A loop macro: its name holds a marker in any case (`list_for_each_entry`,
/// `NCSI_FOR_EACH_CHANNEL`) or starts with `for_` (`for_i915_gem_ww`) or, closing a `do`
/// body, `while_` (`while_each_thread`). Only a use followed by a statement, or ending a
/// `do` loop, is rewritten, so calls and declarations of such names are left alone.
fn is_iterator(name: &str, rules: &PrepassRules) -> bool {
    let lower = name.to_ascii_lowercase();
    name.len() >= 5
        && (lower.starts_with("for_")
            || lower.starts_with("while_")
            || rules
                .iterator_markers
                .iter()
                .any(|m| lower.contains(m.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> PrepassRules {
        lockorder_rules::Rules::defaults().prepass
    }

    fn run(src: &str) -> (String, Prepassed) {
        let p = prepass(src.as_bytes(), &rules());
        assert_eq!(p.text.len(), src.len(), "the pre-pass must preserve length");
        (String::from_utf8(p.text.clone()).unwrap(), p)
    }

    #[test]
    fn a_file_of_directives_and_comments_has_no_code() {
        let header = "/* SPDX */\n#ifndef _REG_H\n#define _REG_H\n  #define A_MASK 0x1 // bit\n#define B(x) \\\n\t((x) << 2)\n#if 0\nint dead;\n#endif\n#endif\n";
        assert!(!run(header).1.has_code);
        assert!(run("#define A 1\nextern spinlock_t a_lock;\n").1.has_code);
    }

    #[test]
    fn closure_callbacks_become_functions_and_closure_type_a_declaration() {
        let (t, _) = run("static CLOSURE_CALLBACK(foo_unlock)\n{\n\tclosure_type(dc, struct cached_dev, sb_write);\n\tup(&dc->sem);\n}\n");
        assert!(
            t.starts_with("static void        foo_unlock(void)\n"),
            "{t}"
        );
        assert!(
            t.contains("\tstruct cached_dev *dc                        ;"),
            "{t}"
        );
    }

    #[test]
    fn keeps_first_branch_and_else_of_if_zero() {
        let (t, _) =
            run("#ifdef A\nint a;\n#else\nint b;\n#endif\n#if 0\nint c;\n#else\nint d;\n#endif\n");
        assert!(t.contains("int a;") && !t.contains("int b;"));
        assert!(!t.contains("int c;") && t.contains("int d;"));
        assert!(!t.contains('#'));
    }

    #[test]
    fn rewrites_iterators_and_scoped_guards_inside_bodies_only() {
        let (t, _) = run("void list_for_each_x(int a) {\n list_for_each_entry(p, h, m) { x(); }\n scoped_guard(mutex, &m) { y(); }\n NCSI_FOR_EACH_CHANNEL(np, nc) z();\n for_i915_gem_ww(&ww, err, true) { w(); }\n}\n");
        assert!(t.starts_with("void list_for_each_x(int a)"));
        assert!(t.contains(" while              (p, h, m) {"));
        assert!(t.contains(" while       (mutex, &m) {"));
        assert!(t.contains(" while                (np, nc) z();"), "{t}");
        assert!(t.contains(" while          (&ww, err, true) {"), "{t}");
    }

    #[test]
    fn an_iterator_after_a_do_body_is_its_while() {
        let (t, _) = run("void f(void) {\n do { if (x) { y(); } } for_each_vma_range(vmi, v, end);\n for_each_x(a);\n { z(); } for_each_y(b);\n do { w(); } while_each_thread(g, t);\n}\n");
        assert!(t.contains("} while             (vmi, v, end);"), "{t}");
        assert!(t.contains("} while            (g, t);"), "{t}");
        // A call of such a name is left alone, after any other block too.
        assert!(
            t.contains("for_each_x(a);") && t.contains("for_each_y(b);"),
            "{t}"
        );
    }

    #[test]
    fn scoped_cond_guard_fail_statement_becomes_zero() {
        let (t, _) =
            run("void f(void) {\n scoped_cond_guard(mutex_intr, return -EINTR, &m) { y(); }\n}\n");
        assert!(
            t.contains("while            (mutex_intr,0             , &m)"),
            "{t}"
        );
    }

    #[test]
    fn annotations_are_blanked_and_kept() {
        let (t, p) =
            run("static void f(struct s *s)\n\t__releases(&s->lock) __acquires(&s->lock)\n{\n}\n");
        assert!(!t.contains("__releases"));
        assert_eq!(p.annotations.len(), 2);
        assert_eq!(p.annotations[0].0, AnnotationKind::Releases);
        assert_eq!(p.annotations[0].1, "&s->lock");
    }

    #[test]
    fn lock_definitions_are_recorded_and_blanked() {
        let (t, p) = run("static DEFINE_MUTEX(foo_lock);\nDEFINE_SEMAPHORE(sem1, 1);\nint x;\n");
        assert_eq!(p.defined_locks.len(), 2);
        assert!(p.defined_locks[0].is_static && p.defined_locks[0].name == "foo_lock");
        assert!(!p.defined_locks[1].is_static && p.defined_locks[1].name == "sem1");
        assert_eq!(t.trim(), "int x;");
    }

    #[test]
    fn comments_and_strings_are_left_alone() {
        let (t, _) = run("void f(void) {\n /* list_for_each(a) { */ puts(\"__init\");\n}\n");
        assert!(t.contains("/* list_for_each(a) { */") && t.contains("\"__init\""));
    }
}
