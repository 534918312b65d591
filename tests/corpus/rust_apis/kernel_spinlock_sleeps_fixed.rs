// Sleeping calls outside the spinlock; GFP_ATOMIC under it; the CondVar waits with only
// its own lock held (the wait releases it).
use kernel::alloc::flags::{GFP_ATOMIC, GFP_KERNEL};
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
}

impl Dev {
    pub fn reconfigure(&self) -> Result {
        let cfg = self.config.lock();
        let buf = KBox::new([0u8; 64], GFP_KERNEL)?;
        let st = self.irq_state.lock();
        let small = KBox::new(0u8, GFP_ATOMIC)?;
        drop(st);
        drop((cfg, buf, small));
        Ok(())
    }

    pub fn wait_ready(&self) {
        let mut cfg = self.config.lock();
        while *cfg == 0 {
            self.ready.wait(&mut cfg);
        }
        drop(cfg);
        let mut st = self.irq_state.lock();
        st.do_unlocked(|| {
            let _c = self.config.lock();
        });
    }
}
