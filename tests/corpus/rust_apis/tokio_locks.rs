// tokio locks order like any other: `lock().await` is the acquisition.
use std::sync::Arc;
use tokio::sync::{Mutex, RwLock};

pub struct Session {
    users: Arc<Mutex<Vec<u32>>>,
    routes: RwLock<Vec<u32>>,
}

impl Session {
    pub async fn add(&self) {
        let users = self.users.lock().await;
        let mut routes = self.routes.write().await;
        routes.push(users.len() as u32);
    }

    pub async fn remove(&self) {
        let routes = self.routes.read().await;
        let mut users = self.users.lock().await; //~ lock-order-cycle
        users.retain(|u| !routes.contains(u));
    }

    pub fn blocking(&self) {
        let a = self.users.blocking_lock();
        let b = self.users.blocking_lock(); //~ double-lock
        drop((a, b));
    }
}
