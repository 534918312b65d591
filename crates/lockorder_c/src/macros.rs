//! Function-like macros whose body is lock calls are lock primitives of their own:
//! `#define hci_dev_lock(d) mutex_lock(&d->lock)`. They are found by a textual scan of
//! `#define` lines (tree-sitter leaves macro bodies unparsed) and expanded at each use by
//! substituting the arguments' text.

use foldhash::HashMap;
use std::borrow::Cow;

use lockorder_ir::MacroWrapper;
use lockorder_rules::Rules;

/// Macro wrappers visible to a file: those of the headers, then its own.
pub type MacroTable = HashMap<String, MacroWrapper>;

/// What a file's `#define`s tell the lowering.
#[derive(Default)]
pub struct Defines {
    /// Lock wrappers and call aliases.
    pub wrappers: Vec<MacroWrapper>,
    /// Accessors that are one `container_of`-style call (`#define unix_sk(ptr)
    /// container_of_const(ptr, struct unix_sock, sk)`), with the type they point to.
    pub typed: Vec<(String, String)>,
    /// Object-like macros that are a truth value (`#define CAN_NOT_SLEEP false`).
    pub truths: Vec<(String, bool)>,
}

/// The lock wrapper macros defined in `src`.
pub fn scan_macro_wrappers(src: &str, rules: &Rules) -> Vec<MacroWrapper> {
    scan_defines(src, rules).wrappers
}

/// The macros defined in `src` that the lowering reads.
pub fn scan_defines(src: &str, rules: &Rules) -> Defines {
    let mut out = Defines::default();
    for def in directive_lines(src, "define", true) {
        if let Some(t) = truth_definition(def.trim()) {
            out.truths.push(t);
            continue;
        }
        let Some((name, params, body)) = split_definition(def.trim()) else {
            continue;
        };
        if let Some(w) = parse_definition(name, &params, body, rules) {
            out.wrappers.push(w);
        } else if let Some(ty) = typed_accessor(&params, body, rules) {
            out.typed.push((name.to_string(), ty));
        }
    }
    out
}

/// The `#name` directives of `src` (`#` first on its line, blanks around it allowed): the
/// text after the name, up to the end of the line or, with `continued`, over
/// backslash-newlines (backslashes dropped). Lines are found by searching for `#`, not
/// walked one by one: a line walk over a whole kernel tree costs seconds.
pub(crate) fn directive_lines<'s>(
    src: &'s str,
    name: &'static str,
    continued: bool,
) -> impl Iterator<Item = Cow<'s, str>> {
    let bytes = src.as_bytes();
    let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c);
    // The line from `from`, without its newline or a carriage return before it, and where
    // the next line starts.
    let line = move |from: usize| {
        let end = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        let text = &src[from..end];
        (
            text.strip_suffix('\r').unwrap_or(text),
            (end + 1).min(bytes.len()),
        )
    };
    let mut resume = 0;
    memchr::memchr_iter(b'#', bytes).filter_map(move |at| {
        if at < resume {
            return None;
        }
        let start = bytes[..at]
            .iter()
            .rposition(|&b| !blank(b))
            .map_or(0, |i| i + 1);
        if start > 0 && bytes[start - 1] != b'\n' {
            return None;
        }
        let mut after = at + 1;
        while after < bytes.len() && blank(bytes[after]) {
            after += 1;
        }
        if !src[after..].starts_with(name) {
            return None;
        }
        let (text, mut next) = line(after + name.len());
        resume = next;
        if !continued || !text.ends_with('\\') {
            return Some(Cow::Borrowed(text));
        }
        let mut def = text.to_string();
        while def.ends_with('\\') && next < bytes.len() {
            def.pop();
            let (more, after_more) = line(next);
            def.push_str(more);
            next = after_more;
        }
        if def.ends_with('\\') {
            def.pop();
        }
        resume = next;
        Some(Cow::Owned(def))
    })
}

/// An object-like macro whose body is `true` or `false` (in parentheses or not): its name
/// and truth. Those defined as `0` or `1` are mostly register values and counts (some
/// 175,000 in the kernel), kept out.
fn truth_definition(def: &str) -> Option<(String, bool)> {
    let name_end = def
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_'))?;
    let (name, body) = def.split_at(name_end);
    if name.is_empty() || !body.starts_with([' ', '\t']) {
        return None;
    }
    // Most object-like macros are numbers and expressions: out before any search.
    let first = body.trim_start().trim_start_matches('(').bytes().next();
    if !matches!(first, Some(b't' | b'f')) {
        return None;
    }
    let body = body.split("/*").next()?.split("//").next()?.trim();
    let body = body.trim_start_matches('(').trim_end_matches(')').trim();
    let truth = match body {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    Some((name.to_string(), truth))
}

/// A function-like macro's name, parameters and body.
fn split_definition(def: &str) -> Option<(&str, Vec<String>, &str)> {
    let name_end = def
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_'))?;
    let (name, rest) = def.split_at(name_end);
    // Function-like only: the parameter list follows the name directly.
    let rest = rest.strip_prefix('(')?;
    let close = rest.find(')')?;
    let params: Vec<String> = rest[..close]
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    Some((name, params, &rest[close + 1..]))
}

fn parse_definition(
    name: &str,
    params: &[String],
    body: &str,
    rules: &Rules,
) -> Option<MacroWrapper> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = next_identifier(body, from) {
        let ident = &body[start..end];
        from = end;
        if rules.apis.contains_key(ident) && body[end..].trim_start().starts_with('(') {
            let open = end + body[end..].find('(')?;
            let args_end = matching(body, open)?;
            let args = split_top_level(&body[open + 1..args_end]);
            let lock = rules.lock_text(&rules.apis[ident], &args)?;
            calls.push((ident.to_string(), lock));
            from = args_end;
        }
    }
    if rules.apis.contains_key(name) {
        return None;
    }
    let alias = if calls.is_empty() {
        Some(call_alias(name, params, body, rules)?)
    } else {
        None
    };
    Some(MacroWrapper {
        name: name.to_string(),
        params: params.to_vec(),
        calls,
        alias,
    })
}

/// A body that is one call of a function no rule knows, the whole body (`__foo_lock(p,
/// __LINE__)`, parenthesised or not): that function and its argument templates.
fn call_alias(
    name: &str,
    params: &[String],
    body: &str,
    rules: &Rules,
) -> Option<(String, Vec<String>)> {
    if params.iter().any(|p| p.contains("...")) {
        return None;
    }
    let (target, args) = one_call(body)?;
    if target == name || rules.knows_call(name) || rules.knows_call(target) {
        return None;
    }
    Some((
        target.to_string(),
        args.into_iter().map(str::to_string).collect(),
    ))
}

/// The type a body that is one `container_of`-style call points to (`struct unix_sock`),
/// when that call names it plainly and the macro has parameters to take it from.
fn typed_accessor(params: &[String], body: &str, rules: &Rules) -> Option<String> {
    if params.is_empty() {
        return None;
    }
    let (target, args) = one_call(body)?;
    let ty = args.get(*rules.typed_results.get(target)?)?;
    let ty: Vec<&str> = ty.split_whitespace().filter(|w| *w != "const").collect();
    let plain = |w: &str| w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    match ty.as_slice() {
        [kw @ ("struct" | "union"), name] if plain(name) => Some(format!("{kw} {name}")),
        _ => None,
    }
}

/// A body that is one call, the whole body, parenthesised or not: the callee and the
/// arguments' texts.
fn one_call(body: &str) -> Option<(&str, Vec<&str>)> {
    let mut body = body.trim();
    while let Some(inner) = body
        .strip_prefix('(')
        .filter(|_| matching(body, 0) == Some(body.len() - 1))
    {
        body = inner[..inner.len() - 1].trim();
    }
    let (start, end) = next_identifier(body, 0)?;
    if start != 0 {
        return None;
    }
    let open = end + body[end..].find('(')?;
    if !body[end..open].trim().is_empty() || matching(body, open)? != body.len() - 1 {
        return None;
    }
    Some((
        &body[start..end],
        split_top_level(&body[open + 1..body.len() - 1]),
    ))
}

/// The byte range of the first identifier starting at or after `from`.
fn next_identifier(s: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let start = from
        + bytes[from..]
            .iter()
            .position(|&b| b.is_ascii_alphabetic() || b == b'_')?;
    let len = bytes[start..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .unwrap_or(bytes.len() - start);
    Some((start, start + len))
}

/// Index of the `)` matching the `(` at `open`.
pub(crate) fn matching(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits a macro argument list at its top-level commas, trimmed.
pub(crate) fn split_top_level(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out
}

/// `template` with each parameter replaced by its argument's text, and the parentheses
/// macros put around parameters dropped where they enclose a plain path.
pub fn substitute(template: &str, params: &[String], args: &[&str]) -> String {
    let mut out = String::new();
    let mut from = 0;
    while let Some((start, end)) = next_identifier(template, from) {
        out.push_str(&template[from..start]);
        let ident = &template[start..end];
        match params.iter().position(|p| p == ident) {
            Some(k) => out.push_str(args.get(k).map_or(ident, |a| a.trim())),
            None => out.push_str(ident),
        }
        from = end;
    }
    out.push_str(&template[from..]);
    strip_path_parens(&out)
}

/// `&(dev)->lock` → `&dev->lock`, `(&(d)->x)` → `&d->x`.
fn strip_path_parens(s: &str) -> String {
    let mut s: String = s.split_whitespace().collect();
    loop {
        let mut changed = false;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'(' {
                if let Some(len) = s[i + 1..].find(')') {
                    let inner = &s[i + 1..i + 1 + len];
                    let plain = !inner.is_empty()
                        && inner
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "_>-.&*".contains(c))
                        && !inner.contains('(');
                    // Not a call's argument list: the character before is no identifier.
                    let after_ident =
                        i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                    if plain && !after_ident {
                        s = format!("{}{}{}", &s[..i], inner, &s[i + 2 + len..]);
                        changed = true;
                        break;
                    }
                }
            }
            i += 1;
        }
        if !changed {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_lines_start_a_line_and_continue_over_backslashes() {
        let src = "int a; # define X 1\n  #  define lock_it(d) \\\r\n\tmutex_lock(d)\n\
                   #define Y 2 /* # define Z */\n#include <a.h>\n#define LAST \\";
        let defines: Vec<_> = directive_lines(src, "define", true).collect();
        assert_eq!(
            defines,
            [
                " lock_it(d) \tmutex_lock(d)",
                " Y 2 /* # define Z */",
                " LAST "
            ]
        );
        let includes: Vec<_> = directive_lines(src, "include", false).collect();
        assert_eq!(includes, [" <a.h>"]);
    }

    #[test]
    fn finds_wrappers_and_substitutes_arguments() {
        let rules = Rules::defaults();
        let src = "#define hdev_lock(d)\t\tmutex_lock(&(d)->lock)\n#define hdev_unlock(d) \\\n\tmutex_unlock(&(d)->lock)\n#define NOT_A_WRAPPER(x) ((x) + 1)\n#define OBJ_LOCK spin_lock\n";
        let w = scan_macro_wrappers(src, &rules);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].name, "hdev_lock");
        assert_eq!(
            w[0].calls,
            vec![("mutex_lock".to_string(), "&(d)->lock".to_string())]
        );
        assert_eq!(w[1].calls[0].0, "mutex_unlock");
        assert_eq!(
            substitute(&w[0].calls[0].1, &w[0].params, &["priv->hdev"]),
            "&priv->hdev->lock"
        );
        // Text that is not an identifier is copied as it is, multi-byte characters included.
        assert_eq!(
            substitute("&(d)->lock/*é*/", &["d".to_string()], &["x"]),
            "&x->lock/*é*/"
        );
    }

    #[test]
    fn a_macro_that_is_one_call_of_an_unknown_function_is_its_alias() {
        let rules = Rules::defaults();
        let src = "#define nd_lock(p) _nd_lock(p, __LINE__)\n#define nd_wrap(p) (_nd_wrap((p), 1))\n#define nd_sum(a, b) (f(a) + g(b))\n#define nd_sleep(x) msleep(x)\n";
        let w = scan_macro_wrappers(src, &rules);
        let alias = |name: &str| {
            w.iter()
                .find(|w| w.name == name)
                .and_then(|w| w.alias.clone())
        };
        assert_eq!(
            alias("nd_lock"),
            Some((
                "_nd_lock".to_string(),
                vec!["p".to_string(), "__LINE__".to_string()]
            ))
        );
        assert_eq!(alias("nd_wrap").map(|a| a.0), Some("_nd_wrap".to_string()));
        // Two calls, or a call a rule gives a meaning of its own, are no alias.
        assert_eq!(alias("nd_sum"), None);
        assert_eq!(alias("nd_sleep"), None);
    }

    #[test]
    fn a_macro_that_is_one_container_of_is_typed() {
        let rules = Rules::defaults();
        let src = "#define unix_sk(ptr) container_of_const(ptr, struct unix_sock, sk)\n#define to_foo(d) (container_of((d), const struct foo_dev, dev))\n#define to_any(d) container_of(d, typeof(*x), m)\n#define FOO container_of(p, struct bar, m)\n";
        let typed = scan_defines(src, &rules).typed;
        assert_eq!(
            typed,
            vec![
                ("unix_sk".to_string(), "struct unix_sock".to_string()),
                ("to_foo".to_string(), "struct foo_dev".to_string()),
            ]
        );
    }

    #[test]
    fn an_object_like_macro_that_is_true_or_false_is_read() {
        let rules = Rules::defaults();
        let src = "#define CAN_SLEEP\ttrue\n#define CAN_NOT_SLEEP (false) /* atomic */\n#define LIMIT 2\n#define ONE 1\n#define one(x) true\n#define EMPTY\n";
        let truths = scan_defines(src, &rules).truths;
        assert_eq!(
            truths,
            vec![
                ("CAN_SLEEP".to_string(), true),
                ("CAN_NOT_SLEEP".to_string(), false),
            ]
        );
    }
}
