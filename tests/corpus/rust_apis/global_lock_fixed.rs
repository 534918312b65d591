// REGISTRY before STATS everywhere.
use kernel::sync::global_lock;
use std::sync::Mutex;

global_lock! {
    // SAFETY: initialised in module init.
    unsafe(uninit) static REGISTRY: Mutex<u32> = 0;
}

static STATS: Mutex<u64> = Mutex::new(0);

pub fn register() {
    let _r = REGISTRY.lock();
    *STATS.lock().unwrap() += 1;
}

pub fn report() {
    let _r = REGISTRY.lock();
    let _s = STATS.lock().unwrap();
}
