//! What `cargo xtask test` reports: each layer's outcome, read from the runners' own output
//! (libtest's lines for cargo and wasm-bindgen-test, Playwright's JSON report), one line per
//! layer, and a total that counts every test that was meant to run.

use serde_json::Value;

/// Test counts of one layer, or of all of them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    /// Skipped on purpose: libtest's "ignored", Playwright's `test.skip`.
    pub skipped: u64,
    /// Passed only on a retry (Playwright).
    pub flaky: u64,
    /// Meant to run but never did, or never finished: a crashed test binary's remaining tests,
    /// Playwright's "did not run" and "interrupted", a layer whose prerequisite failed.
    pub did_not_run: u64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.skipped += o.skipped;
        self.flaky += o.flaky;
        self.did_not_run += o.did_not_run;
    }

    /// Every test that was meant to run.
    pub fn total(&self) -> u64 {
        self.passed + self.failed + self.skipped + self.flaky + self.did_not_run
    }

    /// Whether every test meant to run ran and passed the first time.
    fn clean(&self) -> bool {
        self.total() == self.passed
    }

    fn words(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped, {} flaky, {} did not run",
            self.passed, self.failed, self.skipped, self.flaky, self.did_not_run
        )
    }
}

/// How one layer went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A check (fmt, clippy, the release build): it passed or not.
    Check { ok: bool },
    /// Tests that ran, and what else went wrong that the counts do not show (a non-zero exit
    /// with no failed test, errors outside any test).
    Tests {
        counts: Counts,
        problem: Option<String>,
    },
    /// Tests that could not run, and why; `count` when they could still be counted.
    NotRun { count: Option<u64>, why: String },
}

/// One layer of the test command: fmt, clippy, native tests, ...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub name: &'static str,
    pub outcome: Outcome,
}

impl Layer {
    fn ok(&self) -> bool {
        match &self.outcome {
            Outcome::Check { ok } => *ok,
            Outcome::Tests { counts, problem } => counts.clean() && problem.is_none(),
            Outcome::NotRun { .. } => false,
        }
    }

    fn counts(&self) -> Counts {
        match &self.outcome {
            Outcome::Check { .. } | Outcome::NotRun { count: None, .. } => Counts::default(),
            Outcome::Tests { counts, .. } => *counts,
            Outcome::NotRun { count: Some(n), .. } => Counts {
                did_not_run: *n,
                ..Counts::default()
            },
        }
    }

    /// The layer's line in the summary.
    pub fn line(&self) -> String {
        let what = match &self.outcome {
            Outcome::Check { ok: true } => "ok".to_owned(),
            Outcome::Check { ok: false } => "FAILED".to_owned(),
            Outcome::Tests { counts, problem } => match problem {
                None => counts.words(),
                Some(p) => format!("{}; FAILED: {p}", counts.words()),
            },
            Outcome::NotRun {
                count: Some(_),
                why,
            } => format!("{} ({why})", self.counts().words()),
            Outcome::NotRun { count: None, why } => format!("not run, not counted ({why})"),
        };
        format!("{}: {what}", self.name)
    }
}

/// Every layer, in the order they ran.
#[derive(Debug, Default)]
pub struct Summary {
    pub layers: Vec<Layer>,
}

impl Summary {
    pub fn push(&mut self, name: &'static str, outcome: Outcome) {
        self.layers.push(Layer { name, outcome });
    }

    /// Whether everything passed: every check, every test meant to run, nothing skipped.
    pub fn ok(&self) -> bool {
        self.layers.iter().all(Layer::ok)
    }

    pub fn totals(&self) -> Counts {
        let mut c = Counts::default();
        for l in &self.layers {
            c.add(l.counts());
        }
        c
    }

    /// One line per layer, then the total.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.layers.iter().map(Layer::line).collect();
        let uncounted: Vec<&str> = self
            .layers
            .iter()
            .filter(|l| matches!(l.outcome, Outcome::NotRun { count: None, .. }))
            .map(|l| l.name)
            .collect();
        let mut total = format!("tests: {}", self.totals().words());
        if !uncounted.is_empty() {
            total.push_str(&format!(", and the {} not counted", uncounted.join(", ")));
        }
        out.push(total);
        out
    }
}

/// Adds up libtest's output (`cargo test`, wasm-bindgen-test-runner), read line by line: each
/// binary's `running N tests`, its `test x ... ok` lines and its `test result:` line. A binary
/// that stops before its result line (a crash, an abort) has its unreported tests counted as
/// not run.
#[derive(Debug, Default)]
pub struct Libtest {
    counts: Counts,
    /// The binary being read: how many tests it announced, and what its lines said so far.
    running: Option<(u64, Counts)>,
}

impl Libtest {
    pub fn read(&mut self, line: &str) {
        let line = line.trim();
        if let Some(n) = line
            .strip_prefix("running ")
            .and_then(|r| r.strip_suffix(" tests").or_else(|| r.strip_suffix(" test")))
            .and_then(|n| n.parse::<u64>().ok())
        {
            self.close();
            self.running = Some((n, Counts::default()));
        } else if let Some(rest) = line.strip_prefix("test result: ") {
            let mut c = Counts::default();
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(kind), Some(n)) = (words.next(), words.next()) else {
                    continue;
                };
                let Ok(n) = n.parse::<u64>() else { continue };
                match kind {
                    "passed" => c.passed += n,
                    "failed" => c.failed += n,
                    "ignored" => c.skipped += n,
                    _ => {}
                }
            }
            self.counts.add(c);
            self.running = None;
        } else if let (Some(rest), Some((_, seen))) =
            (line.strip_prefix("test "), self.running.as_mut())
        {
            if let Some((_, verdict)) = rest.rsplit_once(" ... ") {
                match verdict.split([',', ' ']).next() {
                    Some("ok") => seen.passed += 1,
                    Some("FAILED") => seen.failed += 1,
                    Some("ignored") => seen.skipped += 1,
                    _ => {}
                }
            }
        }
    }

    /// A binary that ended without its result line: what it reported, the rest not run.
    fn close(&mut self) {
        if let Some((announced, seen)) = self.running.take() {
            let mut c = seen;
            c.did_not_run = announced.saturating_sub(seen.total());
            self.counts.add(c);
        }
    }

    pub fn finish(mut self) -> Counts {
        self.close();
        self.counts
    }
}

/// Counts a Playwright JSON report (`--reporter=json`) the way its own summary does, and
/// returns them with the errors that were not part of any test.
pub fn playwright_report(json: &str) -> Result<(Counts, Vec<String>), String> {
    fn walk(suite: &Value, c: &mut Counts) {
        for spec in suite["specs"].as_array().into_iter().flatten() {
            for test in spec["tests"].as_array().into_iter().flatten() {
                let results = test["results"].as_array().map_or(&[][..], Vec::as_slice);
                match test["status"].as_str() {
                    Some("expected") => c.passed += 1,
                    Some("unexpected") => c.failed += 1,
                    Some("flaky") => c.flaky += 1,
                    // Skipped on purpose only when it ran and was meant to be skipped; else
                    // it never ran (or was interrupted).
                    _ if !results.is_empty()
                        && test["expectedStatus"] == "skipped"
                        && !results.iter().any(|r| r["status"] == "interrupted") =>
                    {
                        c.skipped += 1
                    }
                    _ => c.did_not_run += 1,
                }
            }
        }
        for s in suite["suites"].as_array().into_iter().flatten() {
            walk(s, c);
        }
    }
    let report: Value =
        serde_json::from_str(json).map_err(|e| format!("unreadable Playwright report: {e}"))?;
    let mut counts = Counts::default();
    for s in report["suites"].as_array().into_iter().flatten() {
        walk(s, &mut counts);
    }
    let errors = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            e["message"]
                .as_str()
                .unwrap_or("an error outside any test")
                .lines()
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    Ok((counts, errors))
}

/// The number of tests `npx playwright test --list` lists (`Total: 61 tests in 11 files`).
pub fn playwright_listed(output: &str) -> Option<u64> {
    output.lines().find_map(|l| {
        l.trim()
            .strip_prefix("Total: ")?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn libtest(lines: &str) -> Counts {
        let mut t = Libtest::default();
        for l in lines.lines() {
            t.read(l);
        }
        t.finish()
    }

    fn counts(passed: u64, failed: u64, skipped: u64, flaky: u64, did_not_run: u64) -> Counts {
        Counts {
            passed,
            failed,
            skipped,
            flaky,
            did_not_run,
        }
    }

    #[test]
    fn libtest_summaries_add_up_with_ignored_as_skipped() {
        let out = "\
running 9 tests
test a ... ok
test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

running 10 tests
test b ... FAILED
test c ... ignored, slow
test result: FAILED. 8 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out

running 1 test
test d ... ok
test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 3 filtered out
";
        assert_eq!(libtest(out), counts(18, 1, 1, 0, 0));
    }

    #[test]
    fn a_binary_that_stops_early_has_the_rest_not_run() {
        // The second binary aborts after two of its five tests.
        let out = "\
running 2 tests
test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out

running 5 tests
test x ... ok
test y ... FAILED
error: test failed, to rerun pass `--lib`
";
        assert_eq!(libtest(out), counts(3, 1, 0, 0, 3));
        // No output at all (the build failed) counts nothing.
        assert_eq!(libtest(""), Counts::default());
    }

    #[test]
    fn other_lines_are_not_counted() {
        let out = "\
   Compiling xtask v0.1.0
ok 3 passed something
  12 passed (5.1s)
test result is in
running some tests
";
        assert_eq!(libtest(out), Counts::default());
    }

    #[test]
    fn playwright_report_counts_like_its_own_summary() {
        let test = |status: &str, expected: &str, results: &[&str]| {
            let results: Vec<Value> = results
                .iter()
                .map(|s| serde_json::json!({ "status": s }))
                .collect();
            serde_json::json!({ "status": status, "expectedStatus": expected, "results": results })
        };
        let report = serde_json::json!({
            "suites": [{
                "title": "a.spec.mjs",
                "specs": [
                    { "tests": [test("expected", "passed", &["passed"])] },
                    { "tests": [test("unexpected", "passed", &["failed"])] },
                    { "tests": [test("flaky", "passed", &["failed", "passed"])] },
                ],
                "suites": [{
                    "title": "a describe block",
                    "specs": [
                        { "tests": [test("skipped", "skipped", &["skipped"])] },
                        { "tests": [test("skipped", "passed", &[])] },
                        { "tests": [test("skipped", "passed", &["interrupted"])] },
                        { "tests": [test("expected", "passed", &["passed"])] },
                    ],
                }],
            }],
            "errors": [{ "message": "Error: webServer exited early\n    at ..." }],
            "stats": { "expected": 2, "unexpected": 1, "flaky": 1, "skipped": 3 },
        });
        let (c, errors) = playwright_report(&report.to_string()).unwrap();
        assert_eq!(c, counts(2, 1, 1, 1, 2));
        assert_eq!(errors, ["Error: webServer exited early"]);
        assert!(playwright_report("{\"suites\": [").is_err());
    }

    #[test]
    fn the_playwright_list_gives_the_number_of_tests() {
        let out =
            "Listing tests:\n  [chromium] › a.spec.mjs:3:1 › one\nTotal: 61 tests in 11 files\n";
        assert_eq!(playwright_listed(out), Some(61));
        assert_eq!(playwright_listed("Total: 1 test in 1 file"), Some(1));
        assert_eq!(playwright_listed("Error: no tests found"), None);
    }

    #[test]
    fn each_layer_has_a_line_and_the_total_counts_what_did_not_run() {
        let mut s = Summary::default();
        s.push("fmt", Outcome::Check { ok: true });
        s.push("clippy (host)", Outcome::Check { ok: false });
        s.push(
            "native tests",
            Outcome::Tests {
                counts: counts(150, 1, 0, 0, 0),
                problem: None,
            },
        );
        s.push(
            "component tests",
            Outcome::NotRun {
                count: None,
                why: "they did not build".into(),
            },
        );
        s.push("release build", Outcome::Check { ok: false });
        s.push(
            "end-to-end tests",
            Outcome::NotRun {
                count: Some(61),
                why: "the release build failed".into(),
            },
        );
        assert_eq!(
            s.lines(),
            [
                "fmt: ok",
                "clippy (host): FAILED",
                "native tests: 150 passed, 1 failed, 0 skipped, 0 flaky, 0 did not run",
                "component tests: not run, not counted (they did not build)",
                "release build: FAILED",
                "end-to-end tests: 0 passed, 0 failed, 0 skipped, 0 flaky, 61 did not run (the release build failed)",
                "tests: 150 passed, 1 failed, 0 skipped, 0 flaky, 61 did not run, and the component tests not counted",
            ]
        );
        assert!(!s.ok());
    }

    #[test]
    fn only_a_clean_run_is_ok() {
        let clean = |c: Counts, problem: Option<&str>| {
            let mut s = Summary::default();
            s.push("fmt", Outcome::Check { ok: true });
            s.push(
                "tests",
                Outcome::Tests {
                    counts: c,
                    problem: problem.map(str::to_owned),
                },
            );
            s.ok()
        };
        assert!(clean(counts(5, 0, 0, 0, 0), None));
        assert!(!clean(counts(5, 0, 1, 0, 0), None), "skipped");
        assert!(!clean(counts(5, 0, 0, 1, 0), None), "flaky");
        assert!(!clean(counts(5, 0, 0, 0, 1), None), "did not run");
        assert!(!clean(counts(5, 0, 0, 0, 0), Some("exit status 1")));
        let mut s = Summary::default();
        s.push(
            "e2e",
            Outcome::NotRun {
                count: Some(0),
                why: "x".into(),
            },
        );
        assert!(!s.ok(), "a layer that did not run is never ok");
    }
}
