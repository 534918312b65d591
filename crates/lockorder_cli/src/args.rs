use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "lockorder",
    version,
    about = "Static lock-order linter for Linux-kernel C and Rust",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check C and Rust sources for lock-order problems
    Check(CheckArgs),
    /// List every rule: code, name, default severity, summary
    Rules,
    /// Print one rule's documentation
    Rule {
        /// A rule code (`LO001`) or name (`lock-order-cycle`)
        code: String,
    },
    /// Print the lock-order graph (dot, mermaid or json), cycle edges highlighted
    Graph(GraphArgs),
    /// Print the lowered IR of one C file (for lockorder developers)
    #[command(hide = true)]
    DumpIr { file: PathBuf },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable diagnostics
    Full,
    /// One line per finding: `file:line:col: error[LO001]: message`
    Concise,
    /// JSON Lines, one finding per line
    Json,
    /// `file:line:col: error: message [LO001]`, related sites as `note:` lines
    Gcc,
    /// GitHub Actions annotations (`::error file=...::message`)
    Github,
    /// One SARIF 2.1.0 log, for GitHub code scanning
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz
    Dot,
    /// A Mermaid flowchart
    Mermaid,
    /// JSON Lines, one edge per line
    Json,
}

#[derive(Args)]
pub struct GraphArgs {
    /// Files or directories, as for `check`
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Only the neighbourhood of this lock class (its displayed name)
    #[arg(long, value_name = "NAME")]
    pub lock: Option<String>,
    /// How many edges away from `--lock` to go
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Header directories to learn from, as for `check`
    #[arg(short = 'I', long = "include", value_name = "DIR")]
    pub include: Vec<PathBuf>,
    /// Configuration file, as for `check`
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// In a Linux tree, the one `arch/` directory to walk, as for `check`
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no warnings about individual files
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal
    Auto,
    Always,
    Never,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to check (.c, .h, .rs); directories are walked honouring .gitignore
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Full)]
    pub format: Format,
    /// When to colour the `full` output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Directory of headers to learn from (structs, typedefs, inline functions) without
    /// reporting on them; repeatable
    #[arg(short = 'I', long = "include", value_name = "DIR")]
    pub include: Vec<PathBuf>,
    /// Worker threads (default: all cores); the output is identical for every value
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Skip files larger than this, with a warning
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Print files, functions, degraded functions, cache hits, caps and time per phase on
    /// stderr
    #[arg(long)]
    pub statistics: bool,
    /// Neither read nor write the cache of per-file facts
    #[arg(long)]
    pub no_cache: bool,
    /// Cache directory (default: `cache_dir` of lockorder.toml, else
    /// `$XDG_CACHE_HOME/lockorder`, else `~/.cache/lockorder`)
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
    /// Print no warnings about individual files
    #[arg(long, short)]
    pub quiet: bool,
    /// In a Linux tree, walk `arch/ARCH/` and no other architecture (kbuild names: x86,
    /// arm64…; `all` for every one). Default: `arch` of lockorder.toml, else `$ARCH`, else
    /// this machine's
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Analyse everything, report only findings touching lines changed since the
    /// merge-base of REV and HEAD (committed, staged or not)
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Report only findings not in this baseline (entries matched by rule and
    /// fingerprint); stale entries are listed on stderr
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Configuration file (default: lockorder.toml found walking up from the first path)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Only these rules (codes or names, comma-separated)
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Not these rules (codes or names, comma-separated)
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Write every finding of this run to a baseline file and exit 0
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}
