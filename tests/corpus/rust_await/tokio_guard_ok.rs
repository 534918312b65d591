// tokio's Mutex is made to be held across `.await`; `lock().await` itself is an await
// point, and a std guard held across it is not fine — but none is here.
use tokio::sync::{Mutex, RwLock};

pub struct Db {
    conn: Mutex<Vec<u8>>,
    cache: RwLock<Vec<u8>>,
}

async fn query() -> u8 {
    0
}

impl Db {
    pub async fn get(&self) -> u8 {
        let conn = self.conn.lock().await;
        let v = query().await;
        let cache = self.cache.read().await;
        drop(cache);
        drop(conn);
        v
    }
}
