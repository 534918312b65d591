//! `--changed-since REV`: the lines changed between REV's merge-base with HEAD and the
//! working tree, from `git diff`, so that only findings touching them are reported.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use lockorder_analysis::Finding;

use crate::render::Located;

/// Changed line ranges (1-based, inclusive) per canonical file path.
pub struct ChangedLines {
    files: HashMap<PathBuf, Vec<(usize, usize)>>,
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl ChangedLines {
    pub fn since(rev: &str, dir: &Path) -> Result<Self, String> {
        let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim());
        let base = git(dir, &["merge-base", rev, "HEAD"])?;
        let diff = git(
            &top,
            &[
                "diff",
                "-U0",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                base.trim(),
            ],
        )?;
        Ok(Self::parse(&diff, &top))
    }

    /// Reads the `+++ b/path` and `@@ -a,b +c,d @@` lines of a zero-context diff.
    fn parse(diff: &str, top: &Path) -> Self {
        let mut files: HashMap<PathBuf, Vec<(usize, usize)>> = HashMap::new();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(p) = line.strip_prefix("+++ ") {
                current = p.strip_prefix("b/").map(|p| canonical(&top.join(p)));
            } else if let (Some(hunk), Some(file)) = (line.strip_prefix("@@ "), &current) {
                let Some(new) = hunk.split(' ').find_map(|w| w.strip_prefix('+')) else {
                    continue;
                };
                let mut parts = new.split(',');
                let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
                let count: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
                // A deletion (`+c,0`) touches the lines on both sides of the gap.
                let range = if count == 0 {
                    (start.max(1), start + 1)
                } else {
                    (start, start + count - 1)
                };
                files.entry(file.clone()).or_default().push(range);
            }
        }
        ChangedLines { files }
    }

    /// Whether the finding's primary or related locations touch a changed line.
    pub fn touches(&self, f: &Finding, loc: &Located, abs: &dyn Fn(u32) -> PathBuf) -> bool {
        std::iter::once(&f.primary).chain(&f.related).any(|site| {
            let Some(ranges) = self.files.get(&canonical(&abs(site.span.file.0))) else {
                return false;
            };
            let l = loc.locate(site.span);
            ranges.iter().any(|&(a, b)| l.line <= b && a <= l.end_line)
        })
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hunks_of_a_zero_context_diff() {
        let diff = "diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -3,0 +4,2 @@ f\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n@@ -20,3 +21,0 @@\n-e\n--- a/gone.c\n+++ /dev/null\n@@ -1 +0,0 @@\n";
        let c = ChangedLines::parse(diff, Path::new("/nonexistent-top"));
        let ranges = &c.files[Path::new("/nonexistent-top/x.c")];
        assert_eq!(ranges, &vec![(4, 5), (12, 12), (21, 22)]);
        assert_eq!(c.files.len(), 1);
    }
}
