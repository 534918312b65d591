// Rust-for-Linux: a SpinLock guard is atomic context. Taking a kernel Mutex, a GFP_KERNEL
// allocation, or waiting on a CondVar with another lock's guard sleeps under it.
use kernel::alloc::flags::GFP_KERNEL;
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex, SpinLock};

#[pin_data]
pub struct Dev {
    #[pin]
    irq_state: SpinLock<u32>,
    #[pin]
    config: Mutex<u32>,
    #[pin]
    ready: CondVar,
    #[pin]
    stats: SpinLock<u64>,
}

impl Dev {
    pub fn reconfigure(&self) -> Result {
        let st = self.irq_state.lock();
        let cfg = self.config.lock(); //~ sleep-in-atomic
        drop(cfg);
        let buf = KBox::new([0u8; 64], GFP_KERNEL)?; //~ sleep-in-atomic
        drop(buf);
        drop(st);
        Ok(())
    }

    pub fn wait_ready(&self) {
        let mut cfg = self.config.lock();
        let st = self.stats.lock();
        while *cfg == 0 {
            // The wait drops `config` and takes it again under `stats`: an inversion too.
            self.ready.wait(&mut cfg); //~ sleep-in-atomic lock-order-cycle
        }
        drop(st);
    }
}
