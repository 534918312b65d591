fn main() {
    std::process::exit(lockorder_cli::main());
}
