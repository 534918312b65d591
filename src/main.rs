// The front end allocates and frees many small objects per file; mimalloc is faster at
// that than the system allocator and gives the memory back.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::ffi::c_void;

/// `calloc` for tree-sitter; the base mimalloc bindings have `mi_zalloc` only.
unsafe extern "C" fn mi_calloc(count: usize, size: usize) -> *mut c_void {
    match count.checked_mul(size) {
        Some(bytes) => unsafe { libmimalloc_sys::mi_zalloc(bytes) },
        None => std::ptr::null_mut(),
    }
}

fn main() {
    // Tree-sitter's C core allocates a node per token through libc's malloc; on the
    // kernel tree that heap's consolidation and fresh pages cost several percent of
    // the run. Installed before any parser exists, as `set_allocator` requires.
    unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: libmimalloc_sys::mi_malloc,
            calloc: mi_calloc,
            realloc: libmimalloc_sys::mi_realloc,
            free: libmimalloc_sys::mi_free,
        }));
    }
    std::process::exit(lockorder_cli::main());
}
