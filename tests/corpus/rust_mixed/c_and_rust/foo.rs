// SPDX-License-Identifier: GPL-2.0
//! The Rust half of the foo driver: it holds the C device's stats lock and calls back into
//! C code that takes the config lock — the opposite of `foo_reconfigure()`, which then
//! takes the stats lock this path already holds, on the same device.
use kernel::bindings;

pub struct FooDev {
    raw: *mut bindings::foo_dev,
}

impl FooDev {
    pub fn snapshot(&self) {
        // SAFETY: `raw` is valid for the device's lifetime.
        unsafe {
            bindings::mutex_lock(&mut (*self.raw).stats_lock);
            bindings::foo_reconfigure(self.raw); //~ lock-order-cycle double-lock
            bindings::mutex_unlock(&mut (*self.raw).stats_lock);
        }
    }
}
