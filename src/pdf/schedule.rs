//! How a cohort's workbooks share the cores: one worker per thread, each typesetting
//! whole workbooks one after another, the finished PDFs handed on in the members'
//! order.
//!
//! Each worker runs in a rayon pool of its own thread, so the fork-join inside
//! Typst (page runs laid out side by side, PDF pages written side by side) stays on
//! that worker instead of stealing across members, and no worker waits for another
//! to finish a batch. A lone workbook keeps the whole pool: there, Typst's own
//! parallelism is all there is.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Run `work` on every job and hand each result to `take` in the jobs' order,
/// on the calling thread. `take` returns `false` to stop: jobs not yet started
/// are skipped. `every` results, and at the end, `between` runs (trimming
/// Typst's caches).
pub fn in_order<J: Sync, R: Send>(
    jobs: &[J],
    work: impl Fn(&J) -> R + Sync,
    mut take: impl FnMut(R) -> bool,
    every: usize,
    between: impl Fn(),
) {
    let threads = rayon::current_num_threads().max(1);
    let every = every.max(1);
    // Every result goes through here, in order.
    let mut handed = 0;
    let mut hand_on = |result: R| {
        let go_on = take(result);
        handed += 1;
        if handed % every == 0 {
            between();
        }
        go_on
    };
    if jobs.len() <= 1 || threads == 1 {
        for job in jobs {
            if !hand_on(work(job)) {
                break;
            }
        }
    } else {
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        // A worker waits while the channel is full, so the PDFs held in memory
        // are those in the channel (one per worker) and those that finished
        // ahead of a slower member before them.
        let (send, results) = mpsc::sync_channel(threads);
        std::thread::scope(|scope| {
            for _ in 0..threads.min(jobs.len()) {
                let send = send.clone();
                let (next, stop, work) = (&next, &stop, &work);
                scope.spawn(move || {
                    let run = || loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= jobs.len() || stop.load(Ordering::Relaxed) {
                            break;
                        }
                        if send.send((i, work(&jobs[i]))).is_err() {
                            break;
                        }
                    };
                    match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                        Ok(own) => own.install(run),
                        // No thread to spare: work in the shared pool.
                        Err(_) => run(),
                    }
                });
            }
            drop(send);
            let mut early = BTreeMap::new();
            let mut turn = 0;
            for (i, result) in results {
                early.insert(i, result);
                while let Some(result) = early.remove(&turn) {
                    turn += 1;
                    if !stop.load(Ordering::Relaxed) && !hand_on(result) {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
        });
    }
    between();
}

#[cfg(test)]
mod tests {
    use super::in_order;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Jobs that take uneven times, so workers finish out of order.
    fn uneven(i: &usize) -> usize {
        std::thread::sleep(std::time::Duration::from_micros(
            ((i * 7919) % 13) as u64 * 200,
        ));
        i * 10
    }

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    #[test]
    fn results_come_in_the_jobs_order_whatever_order_they_finish_in() {
        for threads in [1, 2, 3, 4] {
            let jobs: Vec<usize> = (0..40).collect();
            let mut taken = Vec::new();
            let trims = AtomicUsize::new(0);
            pool(threads).install(|| {
                in_order(
                    &jobs,
                    uneven,
                    |r| {
                        taken.push(r);
                        true
                    },
                    4,
                    || {
                        trims.fetch_add(1, Ordering::Relaxed);
                    },
                )
            });
            assert_eq!(
                taken,
                jobs.iter().map(|i| i * 10).collect::<Vec<_>>(),
                "{threads} threads"
            );
            // After every fourth result, and once at the end.
            assert_eq!(
                trims.load(Ordering::Relaxed),
                40 / 4 + 1,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_refused_result_stops_the_jobs_not_yet_started() {
        for threads in [1, 2, 4] {
            let jobs: Vec<usize> = (0..200).collect();
            let started = Mutex::new(Vec::new());
            let mut taken = Vec::new();
            pool(threads).install(|| {
                in_order(
                    &jobs,
                    |i| {
                        started.lock().unwrap().push(*i);
                        uneven(i)
                    },
                    |r| {
                        taken.push(r);
                        r < 50
                    },
                    8,
                    || {},
                )
            });
            // Everything up to the refused result is taken, in order, and nothing after it.
            assert_eq!(taken, (0..=5).map(|i| i * 10).collect::<Vec<_>>());
            // Workers stop soon after: at most a few jobs each beyond the refusal.
            let started = started.into_inner().unwrap();
            assert!(
                started.len() < 6 + 4 * threads,
                "{threads} threads started {} jobs",
                started.len()
            );
        }
    }

    #[test]
    fn a_lone_job_and_no_jobs() {
        let mut taken = Vec::new();
        in_order(
            &[7usize],
            uneven,
            |r| {
                taken.push(r);
                true
            },
            4,
            || {},
        );
        assert_eq!(taken, [70]);
        let trims = AtomicUsize::new(0);
        in_order(
            &[] as &[usize],
            uneven,
            |_| panic!("no job, no result"),
            4,
            || {
                trims.fetch_add(1, Ordering::Relaxed);
            },
        );
        assert_eq!(trims.load(Ordering::Relaxed), 1);
    }
}
