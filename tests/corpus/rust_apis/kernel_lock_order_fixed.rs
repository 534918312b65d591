// One order everywhere: tx before rx.
use kernel::sync::lock::{spinlock::SpinLockBackend, Lock};
use kernel::sync::{Mutex, SpinLockIrq};

pub struct Port {
    tx: Lock<u32, SpinLockBackend>,
    rx: SpinLockIrq<u32>,
    cfg: Mutex<u32>,
}

impl Port {
    pub fn send(&self) {
        let _tx = self.tx.lock();
        let _rx = self.rx.lock();
    }

    pub fn recv(&self) {
        let _tx = self.tx.lock();
        let _rx = self.rx.lock();
    }

    pub fn local(&self) {
        let m = kernel::new_mutex!(0u32);
        let a = m.lock();
        drop(a);
        let _b = m.lock();
    }
}
