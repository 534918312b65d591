// One upgradable reader at a time; the guard is dropped before locking again.
use parking_lot::{Mutex, MutexGuard, RwLock, RwLockUpgradableReadGuard};

pub struct Pool {
    map: RwLock<Vec<u32>>,
    m: Mutex<u32>,
}

impl Pool {
    pub fn upgradable_once(&self) {
        let u = self.map.upgradable_read();
        let mut w = RwLockUpgradableReadGuard::upgrade(u);
        w.push(1);
    }

    pub fn unlocked_ok(&self) {
        let mut g = self.m.lock();
        MutexGuard::unlocked(&mut g, || {
            let _again = self.m.lock();
        });
        *g += 1;
        drop(g);
        let _once_more = self.m.lock();
    }
}
