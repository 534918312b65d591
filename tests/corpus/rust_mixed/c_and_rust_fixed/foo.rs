// SPDX-License-Identifier: GPL-2.0
//! The Rust half of the foo driver: it reconfigures before it takes the stats lock.
use kernel::bindings;

pub struct FooDev {
    raw: *mut bindings::foo_dev,
}

impl FooDev {
    pub fn snapshot(&self) {
        // SAFETY: `raw` is valid for the device's lifetime.
        unsafe {
            bindings::foo_reconfigure(self.raw);
            bindings::mutex_lock(&mut (*self.raw).stats_lock);
            bindings::mutex_unlock(&mut (*self.raw).stats_lock);
        }
    }
}
