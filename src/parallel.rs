//! Start-up work run side by side on threads of its own, whatever the size of the thread
//! pool documents are later processed in (`--threads 1` included). It runs closures; it
//! decides nothing about what they load.

use std::sync::{Mutex, PoisonError};

/// Runs `a` on a thread of its own while the calling thread runs `b`, and returns both
/// results. When no thread can be started, `a` runs on the calling thread after `b`. A panic
/// in `a` goes on in the caller.
pub(crate) fn side_by_side<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    let slot = Mutex::new(Some(a));
    let take = || slot.lock().unwrap_or_else(PoisonError::into_inner).take();
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new().spawn_scoped(s, || take().map(|f| f()));
        let b = b();
        let a = match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        // The thread did not start: the closure is still in its slot.
        let a = a.or_else(|| take().map(|f| f())).expect("the closure runs on one thread or the other");
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::side_by_side;

    #[test]
    fn both_results_come_back_and_the_first_runs_elsewhere() {
        let here = std::thread::current().id();
        let (a, b) = side_by_side(|| (std::thread::current().id(), 2), || 3);
        assert_ne!(a.0, here);
        assert_eq!((a.1, b), (2, 3));
    }

    #[test]
    fn a_panic_on_the_other_thread_reaches_the_caller() {
        let r = std::panic::catch_unwind(|| side_by_side(|| -> u8 { panic!("boom") }, || 1));
        assert!(r.is_err());
    }
}
