// parking_lot: `read_recursive` and ReentrantMutex may nest; `upgradable_read` twice and
// `lock` inside `MutexGuard::unlocked`'s caller's scope do not.
use parking_lot::{Mutex, MutexGuard, ReentrantMutex, RwLock};

pub struct Pool {
    map: RwLock<Vec<u32>>,
    owner: ReentrantMutex<u32>,
    m: Mutex<u32>,
}

impl Pool {
    pub fn nested_reads(&self) -> usize {
        let a = self.map.read_recursive();
        let b = self.map.read_recursive();
        let o1 = self.owner.lock();
        let o2 = self.owner.lock();
        a.len() + b.len() + (*o1 + *o2) as usize
    }

    pub fn upgradable_twice(&self) {
        let u = self.map.upgradable_read();
        let v = self.map.upgradable_read(); //~ double-lock
        drop((u, v));
    }

    pub fn unlocked_ok(&self) {
        let mut g = self.m.lock();
        MutexGuard::unlocked(&mut g, || {
            let _again = self.m.lock();
        });
        *g += 1;
        let _twice = self.m.lock(); //~ double-lock
    }
}
