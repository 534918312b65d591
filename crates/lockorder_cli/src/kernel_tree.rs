//! What a walk through a Linux source tree leaves out, as kbuild would.
//!
//! `arch/*/` holds the same functions once per architecture (`arch_spin_lock`,
//! `do_page_fault`, `machine_kexec`…). Checking them all links calls to the wrong one
//! and reports each arch's bug-shaped code as if it ran on one machine, so a walk keeps
//! `arch/<ARCH>/` for one ARCH only. `tools/` and `scripts/` are user-space and host
//! programs (perf, selftests with pthread stubs of `kmem_cache_alloc`…) that are no part
//! of the kernel: linked with it, kernel calls resolve to their stubs. Directories and
//! files named on the command line are always checked.

use std::path::{Path, PathBuf};

use lockorder_rules::{KconfigDefault, KernelConfig};

/// Top-level directories of a kernel tree that hold no kernel code.
const NOT_KERNEL: &[&str] = &["tools", "scripts"];

/// Which `arch/` subdirectories of a kernel tree a walk keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchFilter {
    /// Every architecture (`--arch all`).
    All,
    /// Only `arch/<name>/`.
    Only(String),
}

impl ArchFilter {
    /// `--arch`, else `arch` in lockorder.toml, else `$ARCH` as kbuild reads it, else the
    /// machine's own architecture.
    pub fn choose(cli: Option<&str>, config: Option<&str>) -> Self {
        let env = std::env::var("ARCH").ok().filter(|a| !a.is_empty());
        match cli.or(config).or(env.as_deref()) {
            Some("all") => ArchFilter::All,
            Some(a) => ArchFilter::Only(kbuild_arch(a).to_string()),
            None => ArchFilter::Only(kbuild_arch(std::env::consts::ARCH).to_string()),
        }
    }

    /// Whether a walk enters `dir`. Only `<kernel root>/arch/<name>` and the user-space
    /// directories of a kernel root can be refused.
    pub fn enters(&self, dir: &Path) -> bool {
        let Some(parent) = dir.parent() else {
            return true;
        };
        if dir
            .file_name()
            .is_some_and(|n| NOT_KERNEL.iter().any(|x| n == *x))
        {
            return !is_kernel_root(parent);
        }
        let ArchFilter::Only(keep) = self else {
            return true;
        };
        if parent.file_name().is_none_or(|n| n != "arch") {
            return true;
        }
        if dir.file_name().is_none_or(|n| *n == **keep) {
            return true;
        }
        !parent.parent().is_some_and(is_kernel_root)
    }
}

/// The top of a Linux source tree: what kbuild's top Makefile sits beside.
pub fn is_kernel_root(dir: &Path) -> bool {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    dir.join("Kbuild").is_file()
        && dir.join("Kconfig").is_file()
        && dir.join("arch").is_dir()
        && dir.join("kernel").is_dir()
}

/// kbuild's SRCARCH for a `uname -m` or `ARCH=` name: the directory under `arch/`.
pub fn kbuild_arch(name: &str) -> &str {
    match name {
        "x86_64" | "i386" | "i486" | "i586" | "i686" | "x86" => "x86",
        "aarch64" | "arm64" => "arm64",
        "powerpc64" | "powerpc64le" | "ppc64" | "ppc64le" | "ppc" => "powerpc",
        "riscv64" | "riscv32" => "riscv",
        "s390x" => "s390",
        "loongarch64" => "loongarch",
        "mips64" | "mips64el" | "mipsel" => "mips",
        "sparc64" => "sparc",
        "parisc64" => "parisc",
        "sh64" => "sh",
        other if other.starts_with("arm") => "arm",
        other => other,
    }
}

/// The Linux tree `path` is in: the nearest directory at or above it that is a kernel root.
pub fn enclosing_kernel_root(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    path.ancestors()
        .find(|d| d.is_dir() && is_kernel_root(d))
        .map(Path::to_path_buf)
}

/// The configuration a kernel tree's `#if`s are decided by: the tree's `.config` when it
/// has one (a configured or built tree), else the rules' defaults for the architecture
/// the walk keeps. An unreadable `.config` is a warning, and the defaults apply.
pub fn kernel_config(
    root: &Path,
    arch: &ArchFilter,
    defaults: &[KconfigDefault],
    warn: &mut dyn FnMut(String),
) -> KernelConfig {
    let dot_config = root.join(".config");
    if dot_config.is_file() {
        match std::fs::read_to_string(&dot_config) {
            Ok(text) => return parse_dot_config(&text),
            Err(e) => warn(format!("{}: cannot read: {e}", dot_config.display())),
        }
    }
    let mut config = KernelConfig::default();
    for d in defaults {
        let applies = match arch {
            ArchFilter::All => d.arch.is_empty(),
            ArchFilter::Only(a) => d.arch.is_empty() || d.arch.contains(a),
        };
        if applies {
            config.symbols.insert(d.symbol.clone(), d.value);
            // A symbol assumed set is built in; one assumed unset is no module either.
            config.symbols.insert(format!("{}_MODULE", d.symbol), false);
        }
    }
    config
}

/// `CONFIG_X=y` set, `CONFIG_X=m` a module (`CONFIG_X_MODULE`, as kconfig's header
/// defines), `CONFIG_X=<value>` defined, `# CONFIG_X is not set` and anything unlisted
/// unset.
fn parse_dot_config(text: &str) -> KernelConfig {
    let mut config = KernelConfig {
        complete: true,
        ..KernelConfig::default()
    };
    for line in text.lines() {
        if let Some((name, value)) = line.split_once('=') {
            if !name.starts_with("CONFIG_") {
                continue;
            }
            let module = value == "m";
            config.symbols.insert(name.to_string(), !module);
            config.symbols.insert(format!("{name}_MODULE"), module);
        }
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_config_decides_every_symbol() {
        let c = parse_dot_config(
            "CONFIG_SMP=y\nCONFIG_USB=m\nCONFIG_LOG_BUF_SHIFT=17\n# CONFIG_HIGHMEM is not set\n",
        );
        assert_eq!(c.get("CONFIG_SMP"), Some(true));
        assert_eq!(c.get("CONFIG_USB"), Some(false));
        assert_eq!(c.get("CONFIG_USB_MODULE"), Some(true));
        assert_eq!(c.get("CONFIG_LOG_BUF_SHIFT"), Some(true));
        assert_eq!(c.get("CONFIG_HIGHMEM"), Some(false));
        assert_eq!(c.get("CONFIG_NOT_LISTED"), Some(false));
        assert_eq!(c.get("MODULE"), None);
    }

    #[test]
    fn defaults_apply_to_their_architectures() {
        let d = |arch: &[&str], symbol: &str, value| KconfigDefault {
            arch: arch.iter().map(|a| a.to_string()).collect(),
            symbol: symbol.into(),
            value,
        };
        let defaults = [
            d(&[], "CONFIG_SMP", true),
            d(&["x86"], "CONFIG_HIGHMEM", false),
        ];
        let root = Path::new("/nonexistent-kernel-root");
        let x86 = kernel_config(
            root,
            &ArchFilter::Only("x86".into()),
            &defaults,
            &mut |_| {},
        );
        assert_eq!(x86.get("CONFIG_SMP"), Some(true));
        assert_eq!(x86.get("CONFIG_HIGHMEM"), Some(false));
        assert_eq!(x86.get("CONFIG_HIGHMEM_MODULE"), Some(false));
        assert_eq!(x86.get("CONFIG_OTHER"), None);
        let arm = kernel_config(
            root,
            &ArchFilter::Only("arm".into()),
            &defaults,
            &mut |_| {},
        );
        assert_eq!(arm.get("CONFIG_HIGHMEM"), None);
        let all = kernel_config(root, &ArchFilter::All, &defaults, &mut |_| {});
        assert_eq!(all.get("CONFIG_SMP"), Some(true));
        assert_eq!(all.get("CONFIG_HIGHMEM"), None);
    }

    #[test]
    fn machine_names_map_to_arch_directories() {
        assert_eq!(kbuild_arch("x86_64"), "x86");
        assert_eq!(kbuild_arch("aarch64"), "arm64");
        assert_eq!(kbuild_arch("armv7l"), "arm");
        assert_eq!(kbuild_arch("s390x"), "s390");
        assert_eq!(kbuild_arch("riscv"), "riscv");
    }

    #[test]
    fn only_a_kernel_roots_other_arches_are_skipped() {
        let t = std::env::temp_dir().join(format!("lockorder-arch-{}", std::process::id()));
        for d in [
            "arch/x86",
            "arch/arm64",
            "kernel",
            "tools",
            "other/arch/arm64",
        ] {
            std::fs::create_dir_all(t.join(d)).unwrap();
        }
        std::fs::write(t.join("Kbuild"), "").unwrap();
        std::fs::write(t.join("Kconfig"), "").unwrap();
        let f = ArchFilter::Only("x86".into());
        assert!(f.enters(&t.join("arch/x86")));
        assert!(!f.enters(&t.join("arch/arm64")));
        assert!(f.enters(&t.join("other/arch/arm64")), "not a kernel root");
        assert!(f.enters(&t.join("kernel")));
        assert!(ArchFilter::All.enters(&t.join("arch/arm64")));
        assert!(!ArchFilter::All.enters(&t.join("tools")), "user space");
        assert!(f.enters(&t.join("other/tools")));
        std::fs::remove_dir_all(&t).unwrap();
    }
}
