// users before routes in both; try_lock never waits.
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
        let mut users = self.users.lock().await;
        let routes = self.routes.read().await;
        users.retain(|u| !routes.contains(u));
    }

    pub fn blocking(&self) {
        let a = self.users.blocking_lock();
        if let Ok(b) = self.users.try_lock() {
            drop(b);
        }
        drop(a);
    }
}
