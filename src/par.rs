//! A minimal parallel map over indices, on scoped threads (the core spawns nothing that
//! outlives a call, and does no I/O).

/// `f(0), f(1), ..., f(n - 1)`, computed on as many threads as the machine has, in order.
/// Indices are interleaved over the threads so that uneven work spreads out.
pub fn map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(n);
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let f = &f;
    let parts: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || (t..n).step_by(threads).map(|i| (i, f(i))).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut all: Vec<(usize, T)> = parts.into_iter().flatten().collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, t)| t).collect()
}

/// `consume(i, produce(i))` for `i` in `0..n`, in order: `produce` runs on as many threads as
/// the machine has, `consume` on the calling thread, as soon as the result for `i` and every
/// earlier one are in. At most a few results per thread wait to be consumed, so that a large
/// input never has every intermediate result alive at once (the syntax trees of a national
/// corpus are six times its size).
///
/// What `consume` returns is dropped on the thread that produced the item: a syntax tree is
/// hundreds of thousands of small allocations, and freeing them on the thread that made them
/// is cheaper than freeing them beside it, and leaves the calling thread free to consume.
///
/// A panic in `produce` is resumed on the calling thread.
pub fn stream<T: Send, D: Send>(
    n: usize,
    produce: impl Fn(usize) -> T + Sync,
    mut consume: impl FnMut(usize, T) -> D,
) {
    use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex};

    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(n);
    if threads <= 1 {
        (0..n).for_each(|i| drop(consume(i, produce(i))));
        return;
    }
    // How far producers may run ahead of the consumer.
    let window = threads * 4;
    struct State<T, D> {
        /// Results not yet consumed, by index, with the producer that made each.
        ready: std::collections::BTreeMap<usize, (usize, std::thread::Result<T>)>,
        /// How many results were consumed.
        consumed: usize,
        /// What each producer is to drop.
        leftovers: Vec<Vec<D>>,
        /// Set when the consumer stops early (it panicked): producers stop too.
        abandoned: bool,
    }
    let state = Mutex::new(State {
        ready: std::collections::BTreeMap::new(),
        consumed: 0,
        leftovers: (0..threads).map(|_| Vec::new()).collect(),
        abandoned: false,
    });
    let (arrived, room) = (Condvar::new(), Condvar::new());
    let next = AtomicUsize::new(0);
    let lock = || state.lock().unwrap_or_else(|e| e.into_inner());
    std::thread::scope(|scope| {
        for worker in 0..threads {
            let (state, produce, next, arrived, room) = (&state, &produce, &next, &arrived, &room);
            let lock = move || state.lock().unwrap_or_else(|e| e.into_inner());
            scope.spawn(move || {
                loop {
                    // Taken under the lock, dropped after it (a `let` ends the guard's life).
                    let leftovers = std::mem::take(&mut lock().leftovers[worker]);
                    drop(leftovers);
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        return;
                    }
                    {
                        let mut s = lock();
                        while i >= s.consumed + window && !s.abandoned {
                            s = room.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        if s.abandoned {
                            return;
                        }
                    }
                    let result = catch_unwind(AssertUnwindSafe(|| produce(i)));
                    lock().ready.insert(i, (worker, result));
                    arrived.notify_one();
                }
            });
        }
        // Tells the producers to stop if the consumer unwinds.
        struct Abandon<'a, T, D>(&'a Mutex<State<T, D>>, &'a Condvar);
        impl<T, D> Drop for Abandon<'_, T, D> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    self.0.lock().unwrap_or_else(|e| e.into_inner()).abandoned = true;
                    self.1.notify_all();
                }
            }
        }
        let _abandon = Abandon(&state, &room);
        for i in 0..n {
            let (worker, result) = {
                let mut s = lock();
                loop {
                    if let Some(r) = s.ready.remove(&i) {
                        s.consumed = i + 1;
                        break r;
                    }
                    s = arrived.wait(s).unwrap_or_else(|e| e.into_inner());
                }
            };
            room.notify_all();
            match result {
                Ok(t) => {
                    let leftover = consume(i, t);
                    lock().leftovers[worker].push(leftover);
                }
                Err(e) => resume_unwind(e),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_order() {
        assert_eq!(
            super::map(1000, |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        assert!(super::map(0, |i| i).is_empty());
    }

    #[test]
    fn a_stream_is_consumed_in_order() {
        let mut seen = Vec::new();
        super::stream(
            1000,
            |i| {
                // Uneven work, so that results arrive out of order.
                (0..(i % 7) * 1000).fold(i, |a, b| a ^ b ^ b)
            },
            |i, t| seen.push((i, t)),
        );
        assert_eq!(seen, (0..1000).map(|i| (i, i)).collect::<Vec<_>>());
        super::stream(0, |i| i, |_, _| panic!("nothing to consume"));
    }

    #[test]
    fn what_the_consumer_returns_is_dropped_where_it_was_produced() {
        use std::sync::Mutex;
        use std::thread::ThreadId;
        /// Records, when dropped, whether it is dropped on the thread that made it.
        struct Made(ThreadId, &'static Mutex<Vec<bool>>);
        impl Drop for Made {
            fn drop(&mut self) {
                let here = std::thread::current().id() == self.0;
                self.1.lock().unwrap().push(here);
            }
        }
        static WHERE: Mutex<Vec<bool>> = Mutex::new(Vec::new());
        let caller = std::thread::current().id();
        let mut made_by_caller = 0;
        super::stream(
            500,
            |_| Made(std::thread::current().id(), &WHERE),
            |_, made| {
                made_by_caller += usize::from(made.0 == caller);
                made
            },
        );
        let dropped = WHERE.lock().unwrap();
        assert_eq!(dropped.len(), 500);
        // The last few may be left when the producers are done; the caller drops those.
        let elsewhere = dropped.iter().filter(|here| !**here).count();
        assert!(
            elsewhere <= 16 || made_by_caller == 500,
            "{elsewhere} dropped elsewhere"
        );
    }

    #[test]
    fn a_panic_while_producing_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            super::stream(
                100,
                |i| if i == 37 { panic!("file 37") } else { i },
                |_, _| {},
            )
        });
        assert!(caught.is_err());
    }

    #[test]
    fn a_panic_while_consuming_stops_the_producers() {
        let caught = std::panic::catch_unwind(|| {
            super::stream(100_000, |i| i, |i, _| assert!(i < 10, "consumer stops"))
        });
        assert!(caught.is_err());
    }
}
