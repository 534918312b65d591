//! What a walk through a Linux source tree leaves out, as kbuild would.
//!
//! `arch/*/` holds the same functions once per architecture (`arch_spin_lock`,
//! `do_page_fault`, `machine_kexec`…). Checking them all links calls to the wrong one
//! and reports each arch's bug-shaped code as if it ran on one machine, so a walk keeps
//! `arch/<ARCH>/` for one ARCH only. `tools/` and `scripts/` are user-space and host
//! programs (perf, selftests with pthread stubs of `kmem_cache_alloc`…) that are no part
//! of the kernel: linked with it, kernel calls resolve to their stubs. Directories and
//! files named on the command line are always checked.

use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;

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
