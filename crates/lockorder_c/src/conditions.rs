//! Deciding a preprocessor conditional from the configuration symbols known for the tree
//! (`#ifdef CONFIG_HIGHMEM`, `#if IS_ENABLED(CONFIG_SMP) && !defined(CONFIG_PREEMPT_RT)`),
//! in three-valued logic: anything it cannot tell leaves the answer unknown, and the
//! pre-pass then keeps the first branch as it does for every other conditional.

use lockorder_rules::KernelConfig;

/// The truth of the expression after `#if`/`#elif`, `None` when it depends on anything
/// `config` does not decide (or is not the small language of configuration tests).
pub fn eval_if(expr: &[u8], config: &KernelConfig) -> Option<bool> {
    if config.is_empty() && !expr.iter().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let tokens = tokenize(expr)?;
    let mut p = Parser {
        tokens: &tokens,
        pos: 0,
        config,
    };
    let v = p.or()?;
    if p.pos != tokens.len() {
        return None;
    }
    v
}

/// `#ifdef NAME` (`#ifndef` negates it).
pub fn eval_defined(rest: &[u8], config: &KernelConfig) -> Option<bool> {
    match tokenize(rest)?.as_slice() {
        [Token::Ident(name)] => config.get(name),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    Ident(&'a str),
    Number(u64),
    Not,
    And,
    Or,
    Open,
    Close,
}

/// Tokens of a directive's expression, comments and line continuations dropped; `None`
/// on anything outside `defined`/`IS_ENABLED` tests joined by `!`, `&&`, `||`.
fn tokenize(text: &[u8]) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' | b'\\' => i += 1,
            b'/' if text.get(i + 1) == Some(&b'/') => break,
            b'/' if text.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].windows(2).position(|w| w == b"*/")?;
                i += end + 4;
            }
            b'(' => {
                out.push(Token::Open);
                i += 1;
            }
            b')' => {
                out.push(Token::Close);
                i += 1;
            }
            b'!' if text.get(i + 1) != Some(&b'=') => {
                out.push(Token::Not);
                i += 1;
            }
            b'&' if text.get(i + 1) == Some(&b'&') => {
                out.push(Token::And);
                i += 2;
            }
            b'|' if text.get(i + 1) == Some(&b'|') => {
                out.push(Token::Or);
                i += 2;
            }
            b'0'..=b'9' => {
                let start = i;
                while i < text.len() && text[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let digits = std::str::from_utf8(&text[start..i]).ok()?;
                let digits = digits.trim_end_matches(['u', 'U', 'l', 'L']);
                out.push(Token::Number(digits.parse().ok()?));
            }
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
                    i += 1;
                }
                out.push(Token::Ident(std::str::from_utf8(&text[start..i]).ok()?));
            }
            _ => return None,
        }
    }
    Some(out)
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    pos: usize,
    config: &'t KernelConfig,
}

/// `Some(inner)` is a well-formed expression whose value is `inner` (unknown: `None`);
/// the outer `None` is a syntax this evaluator does not read.
type Value = Option<Option<bool>>;

impl<'a> Parser<'_, 'a> {
    fn next(&mut self) -> Option<Token<'a>> {
        let t = self.tokens.get(self.pos).copied();
        self.pos += 1;
        t
    }

    fn peek(&self) -> Option<Token<'a>> {
        self.tokens.get(self.pos).copied()
    }

    fn or(&mut self) -> Value {
        let mut v = self.and()?;
        while self.peek() == Some(Token::Or) {
            self.pos += 1;
            let r = self.and()?;
            v = match (v, r) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            };
        }
        Some(v)
    }

    fn and(&mut self) -> Value {
        let mut v = self.unary()?;
        while self.peek() == Some(Token::And) {
            self.pos += 1;
            let r = self.unary()?;
            v = match (v, r) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            };
        }
        Some(v)
    }

    fn unary(&mut self) -> Value {
        if self.peek() == Some(Token::Not) {
            self.pos += 1;
            return Some(self.unary()?.map(|v| !v));
        }
        self.primary()
    }

    /// `NAME` inside `defined(NAME)` or `IS_ENABLED(NAME)`.
    fn argument(&mut self, parens: bool) -> Option<String> {
        if parens && self.next()? != Token::Open {
            return None;
        }
        let Token::Ident(name) = self.next()? else {
            return None;
        };
        if parens && self.next()? != Token::Close {
            return None;
        }
        Some(name.to_string())
    }

    fn symbol(&self, name: &str) -> Option<bool> {
        self.config.get(name)
    }

    fn primary(&mut self) -> Value {
        match self.next()? {
            Token::Open => {
                let v = self.or()?;
                (self.next()? == Token::Close).then_some(v)
            }
            Token::Number(n) => Some(Some(n != 0)),
            Token::Ident("defined") => {
                let parens = self.peek() == Some(Token::Open);
                let name = self.argument(parens)?;
                Some(self.symbol(&name))
            }
            // kconfig.h: built in, a module (`NAME_MODULE` defined), or either.
            Token::Ident(m @ ("IS_ENABLED" | "IS_BUILTIN" | "IS_MODULE")) => {
                let name = self.argument(true)?;
                let builtin = self.symbol(&name);
                let module = self.symbol(&format!("{name}_MODULE"));
                Some(match m {
                    "IS_BUILTIN" => builtin,
                    "IS_MODULE" => module,
                    _ => match (builtin, module) {
                        (Some(true), _) | (_, Some(true)) => Some(true),
                        (Some(false), Some(false)) => Some(false),
                        _ => None,
                    },
                })
            }
            // A bare symbol: kconfig defines the set ones as 1, the rest not at all.
            Token::Ident(name) => Some(self.symbol(name)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> KernelConfig {
        let symbols = [
            ("CONFIG_SMP", true),
            ("CONFIG_HIGHMEM", false),
            ("CONFIG_USB", false),
            ("CONFIG_USB_MODULE", true),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        KernelConfig {
            symbols,
            complete: false,
        }
    }

    fn eval(s: &str) -> Option<bool> {
        eval_if(s.as_bytes(), &config())
    }

    #[test]
    fn known_symbols_decide() {
        assert_eq!(eval("defined(CONFIG_SMP)"), Some(true));
        assert_eq!(eval("defined CONFIG_HIGHMEM"), Some(false));
        assert_eq!(eval("!defined(CONFIG_HIGHMEM) && CONFIG_SMP"), Some(true));
        assert_eq!(eval("IS_ENABLED(CONFIG_USB)"), Some(true));
        assert_eq!(eval("IS_BUILTIN(CONFIG_USB)"), Some(false));
        assert_eq!(eval("0"), Some(false));
        assert_eq!(eval("(0) /* disabled */"), Some(false));
        assert_eq!(
            eval_defined(b" CONFIG_HIGHMEM // comment", &config()),
            Some(false)
        );
    }

    #[test]
    fn unknown_symbols_stay_unknown_unless_the_other_side_decides() {
        assert_eq!(eval("defined(CONFIG_FOO)"), None);
        assert_eq!(
            eval("defined(CONFIG_FOO) && defined(CONFIG_HIGHMEM)"),
            Some(false)
        );
        assert_eq!(
            eval("defined(CONFIG_FOO) || defined(CONFIG_SMP)"),
            Some(true)
        );
        assert_eq!(eval("defined(CONFIG_FOO) || defined(CONFIG_HIGHMEM)"), None);
    }

    #[test]
    fn other_expressions_are_not_read() {
        assert_eq!(eval("LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0)"), None);
        assert_eq!(eval("BITS_PER_LONG == 64"), None);
        assert_eq!(eval("defined(CONFIG_SMP) &&"), None);
    }
}
