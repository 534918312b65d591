// The front end allocates and frees many small objects per file; mimalloc is faster at
// that than the system allocator and gives the memory back.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(lockorder_cli::main());
}
