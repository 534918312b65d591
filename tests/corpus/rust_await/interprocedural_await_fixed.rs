// The guard is dropped before the awaited function that suspends.
use parking_lot::Mutex;

pub struct Sink {
    buf: Mutex<Vec<u8>>,
}

async fn io_write(_b: &[u8]) {
    tokio::task::yield_now().await;
}

impl Sink {
    async fn write_out(&self) {
        io_write(&[]).await;
    }

    async fn flush(&self) {
        self.write_out().await;
    }

    async fn log_only(&self) {}

    pub async fn push(&self, b: u8) {
        let mut buf = self.buf.lock();
        buf.push(b);
        self.log_only().await;
        drop(buf);
        self.flush().await;
    }
}
