// A std guard alive at an `.await`: another task of this thread taking the lock blocks it.
use std::sync::Mutex;

pub struct Conn {
    state: Mutex<u32>,
}

async fn send(_n: u32) {
    tokio::task::yield_now().await;
}

impl Conn {
    pub async fn bump(&self) {
        let mut st = self.state.lock().unwrap();
        *st += 1;
        send(*st).await; //~ lock-across-await
    }
}
