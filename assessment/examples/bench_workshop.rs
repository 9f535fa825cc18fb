//! Benchmark: workshop aggregation for 1,000, 10,000 and 100,000 participants.
//! Run with `cargo run --release -p assessment --example bench_workshop` (`cargo xtask bench`
//! runs it). Prints the median of several runs and the time per participant, which stays flat
//! when aggregation is linear.

use std::time::Instant;

use assessment::workshop::{aggregate, Participant};
use assessment::{default_questionnaire, Answer, Answers, Level, Perspective, Scope};

/// A small deterministic generator, so every run aggregates the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn main() {
    let q = default_questionnaire().expect("the bundled questionnaire is valid");
    let scope = Scope::all(&q);
    let ids: Vec<String> = q.item_ids().map(str::to_owned).collect();
    let mut rng = Lcg(42);
    let mut make = |n: usize| -> Vec<Participant> {
        (0..n)
            .map(|k| {
                let answers: Answers = ids
                    .iter()
                    .map(|id| {
                        let a = match rng.next() % 8 {
                            6 => Answer::NotApplicable,
                            7 => Answer::DontKnow,
                            v => Answer::Level(Level::new((v % 5) as u8 + 1).unwrap()),
                        };
                        (id.clone(), a)
                    })
                    .collect();
                Participant {
                    key: format!("record:{k}"),
                    label: String::new(),
                    perspective: Some(if k % 2 == 0 {
                        Perspective::BrandOwner
                    } else {
                        Perspective::Distributor
                    }),
                    answers,
                }
            })
            .collect()
    };
    println!("Workshop aggregation (release build, median of runs):");
    println!("| participants | runs | median | per participant |");
    println!("|---:|---:|---:|---:|");
    for (n, runs) in [(1_000, 21), (10_000, 9), (100_000, 3)] {
        let people = make(n);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let report = aggregate(&q, &scope, &people);
                let t = start.elapsed().as_secs_f64();
                assert_eq!(report.all.respondents, n);
                t
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!(
            "| {n} | {runs} | {:.1} ms | {:.2} µs |",
            median * 1e3,
            median * 1e6 / n as f64
        );
    }
}
