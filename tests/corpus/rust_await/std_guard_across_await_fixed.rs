// The guard's scope ends before the `.await`.
use std::sync::Mutex;

pub struct Conn {
    state: Mutex<u32>,
}

async fn send(_n: u32) {
    tokio::task::yield_now().await;
}

impl Conn {
    pub async fn bump(&self) {
        let n = {
            let mut st = self.state.lock().unwrap();
            *st += 1;
            *st
        };
        send(n).await;
        let st = self.state.lock().unwrap();
        drop(st);
        send(0).await;
    }
}
