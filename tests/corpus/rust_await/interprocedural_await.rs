// Awaiting an `async fn` suspends only if it awaits something that may suspend; here
// `flush` does (through `write_out`), so the parking_lot guard is held across a real
// suspension point. `log_only` never suspends: awaiting it is harmless.
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
        self.flush().await; //~ lock-across-await
    }
}
