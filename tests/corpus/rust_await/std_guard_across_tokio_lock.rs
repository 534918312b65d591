// Waiting for a tokio lock is an `.await` too: a std guard alive across it is LO007.
use std::sync::Mutex as StdMutex;
use tokio::sync::Mutex;

pub struct Mixed {
    fast: StdMutex<u32>,
    slow: Mutex<u32>,
}

impl Mixed {
    pub async fn both(&self) {
        let f = self.fast.lock().unwrap();
        let s = self.slow.lock().await; //~ lock-across-await
        drop(s);
        drop(f);
    }
}
