//! `cargo xtask <command>`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! - `setup`: install what is missing: the wasm32 target, Chromium and chromedriver (Debian),
//!   trunk (pinned), wasm-bindgen-cli (the version Cargo.lock names), npm packages (Playwright,
//!   axe, binaryen's wasm-opt) from the lock file.
//! - `serve`: set up, then serve the app with `trunk serve` at <http://127.0.0.1:8080/>
//!   (`--release` for an optimised build).
//! - `build`: set up, then build the release bundle into `dist/`.
//! - `test`: set up, then run every check and test: fmt, clippy (host and wasm32), the native
//!   tests, the component tests in headless Chromium, the release build, and the end-to-end tests.
//!   Every layer runs even when one before it failed; the end-to-end tests need the release
//!   build, so without it they are counted as not run. It ends with a line per layer and the
//!   total, and fails when anything failed, was flaky, skipped or did not run.
//! - `bench`: build the release bundle and measure its size and load time.

mod dist;
mod split;
mod summary;
mod tools;
mod welcome;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};

use summary::{Libtest, Outcome, Summary};
use tools::Tools;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => Tools::setup(&root, tools::Need::All).map(|_| ()),
        Some("serve") => serve(&root, args.iter().any(|a| a == "--release")),
        Some("build") => build(&root),
        Some("test") => return test(&root),
        Some("bench") => bench(&root),
        _ => {
            eprintln!("usage: cargo xtask <setup | serve [--release] | build | test | bench>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Prints a step heading.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs a command in `dir` with the tools' environment, failing on a non-zero exit.
pub fn run(tools: &Tools, dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    let status = tools
        .command(program, dir)
        .args(args)
        .status()
        .map_err(|e| format!("could not run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn serve(root: &Path, release: bool) -> Result<(), String> {
    let tools = Tools::setup(root, tools::Need::Build)?;
    step("Serving the app at http://127.0.0.1:8080/ (Ctrl-C stops it)");
    let mut args = vec!["serve"];
    if release {
        args.push("--release");
    }
    run(&tools, root, "trunk", &args)
}

fn build_release(tools: &Tools, root: &Path) -> Result<(), String> {
    step("Building the release bundle into dist/ (trunk build --release --features split)");
    run(
        tools,
        root,
        "trunk",
        &["build", "--release", "--features", "split"],
    )?;
    step("Splitting the wasm into chunks loaded on demand (wasm-split, wasm-bindgen, wasm-opt)");
    split::split(tools, root, &root.join("dist"))?;
    step("Post-processing dist/ (external loader for a strict CSP, service worker, .br/.gz)");
    dist::postprocess(&root.join("dist"))
}

fn build(root: &Path) -> Result<(), String> {
    let tools = Tools::setup(root, tools::Need::Build)?;
    build_release(&tools, root)
}

/// Runs a check (fmt, clippy) and says whether it passed; a failure is reported, not returned,
/// so that the layers after it still run.
fn check(tools: &Tools, dir: &Path, program: &str, args: &[&str]) -> Outcome {
    let result = run(tools, dir, program, args);
    if let Err(e) = &result {
        eprintln!("xtask: {e}");
    }
    Outcome::Check { ok: result.is_ok() }
}

/// Runs `cargo <args>` (a libtest run), echoing its output and counting its tests.
fn cargo_tests(tools: &Tools, root: &Path, args: &[&str]) -> Outcome {
    let spawned = tools
        .command("cargo", root)
        .args(args)
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            return Outcome::NotRun {
                count: None,
                why: format!("could not run cargo: {e}"),
            }
        }
    };
    let mut libtest = Libtest::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            libtest.read(&line);
        }
    }
    let status = child.wait();
    let counts = libtest.finish();
    match status {
        Ok(s) if s.success() => Outcome::Tests {
            counts,
            problem: None,
        },
        // Nothing ran: the tests did not build (cargo said why above).
        _ if counts.total() == 0 => Outcome::NotRun {
            count: None,
            why: "they did not build or their runner failed; see above".into(),
        },
        // The counts say what failed.
        _ if counts.failed > 0 || counts.did_not_run > 0 => Outcome::Tests {
            counts,
            problem: None,
        },
        s => Outcome::Tests {
            counts,
            problem: Some(format!(
                "`cargo {}` failed ({}) with no failed test: a part did not build?",
                args.join(" "),
                s.map_or_else(|e| e.to_string(), |s| s.to_string())
            )),
        },
    }
}

/// How many end-to-end tests there are (`npx playwright test --list`), when that can be said.
fn playwright_count(tools: &Tools, e2e: &Path) -> Option<u64> {
    let out = tools
        .command("npx", e2e)
        .args(["playwright", "test", "--list"])
        .output()
        .ok()?;
    summary::playwright_listed(&String::from_utf8_lossy(&out.stdout))
}

/// Runs the end-to-end tests and counts them from Playwright's JSON report.
fn playwright(tools: &Tools, e2e: &Path) -> Outcome {
    let report = e2e.join("test-results/xtask-report.json");
    let _ = std::fs::remove_file(&report);
    let status = tools
        .command("npx", e2e)
        .args(["playwright", "test", "--reporter=line,json"])
        .env("PLAYWRIGHT_JSON_OUTPUT_FILE", &report)
        .status();
    let status = match status {
        Ok(s) => s,
        Err(e) => {
            return Outcome::NotRun {
                count: playwright_count(tools, e2e),
                why: format!("could not run npx: {e}"),
            }
        }
    };
    let read = std::fs::read_to_string(&report)
        .map_err(|e| format!("{}: {e}", report.display()))
        .and_then(|text| summary::playwright_report(&text));
    match read {
        Err(e) => Outcome::NotRun {
            count: playwright_count(tools, e2e),
            why: format!("Playwright exited ({status}) without a report: {e}"),
        },
        Ok((mut counts, errors)) => {
            let mut problem = None;
            if let Some(first) = errors.first() {
                problem = Some(format!(
                    "{} error(s) outside any test, the first: {first}",
                    errors.len()
                ));
                // A spec file that could not be loaded is missing from the report.
                if let Some(listed) = playwright_count(tools, e2e) {
                    counts.did_not_run += listed.saturating_sub(counts.total());
                }
            }
            if problem.is_none() && counts.failed == 0 && !status.success() {
                problem = Some(format!("Playwright exited with {status}"));
            }
            Outcome::Tests { counts, problem }
        }
    }
}

/// Runs every layer, whatever happened in the ones before, and ends with one line per layer
/// and the total of every test that was meant to run.
fn test(root: &Path) -> ExitCode {
    let tools = match Tools::setup(root, tools::Need::All) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut summary = Summary::default();
    step("Checking formatting (cargo fmt --check)");
    summary.push(
        "fmt",
        check(&tools, root, "cargo", &["fmt", "--all", "--", "--check"]),
    );
    // Clippy with warnings as errors: the host, wasm32, and the split release build.
    for (what, label, args) in [
        (
            "Linting for the host (cargo clippy --all-targets -D warnings)",
            "clippy (host)",
            &["--workspace", "--all-targets"][..],
        ),
        (
            "Linting for wasm32 (cargo clippy --target wasm32-unknown-unknown -D warnings)",
            "clippy (wasm32)",
            &[
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "assessment",
                "-p",
                "distributor-assessment",
                "--all-targets",
            ][..],
        ),
        (
            "Linting the split release build (cargo clippy --target wasm32-unknown-unknown --features split)",
            "clippy (wasm32, split)",
            &[
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "distributor-assessment",
                "--features",
                "split",
            ][..],
        ),
    ] {
        step(what);
        let mut all = vec!["clippy"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--", "-D", "warnings"]);
        summary.push(label, check(&tools, root, "cargo", &all));
    }
    step("Native tests: the domain crate, the app's pure parts, xtask (cargo test --workspace)");
    summary.push(
        "native tests",
        cargo_tests(&tools, root, &["test", "--workspace", "--no-fail-fast"]),
    );
    step("Component tests in headless Chromium (wasm-bindgen-test)");
    summary.push(
        "component tests",
        cargo_tests(
            &tools,
            root,
            &[
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "distributor-assessment",
                "--no-fail-fast",
            ],
        ),
    );
    let built = build_release(&tools, root);
    if let Err(e) = &built {
        eprintln!("xtask: {e}");
    }
    summary.push("release build", Outcome::Check { ok: built.is_ok() });
    step("End-to-end tests against the release build (Playwright, Debian's Chromium)");
    let e2e = root.join("tests/e2e");
    let outcome = if built.is_ok() {
        playwright(&tools, &e2e)
    } else {
        println!("    not run: the release build failed (counting them with --list)");
        Outcome::NotRun {
            count: playwright_count(&tools, &e2e),
            why: "the release build failed".into(),
        }
    };
    summary.push("end-to-end tests", outcome);
    step("Summary");
    for line in summary.lines() {
        println!("{line}");
    }
    if summary.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn bench(root: &Path) -> Result<(), String> {
    let tools = Tools::setup(root, tools::Need::All)?;
    step("Workshop aggregation, native release build (assessment/examples/bench_workshop.rs)");
    run(
        &tools,
        root,
        "cargo",
        &[
            "run",
            "--quiet",
            "--release",
            "-p",
            "assessment",
            "--example",
            "bench_workshop",
        ],
    )?;
    build_release(&tools, root)?;
    step("Size, load time and a 1,000-file workshop import in headless Chromium (tests/e2e/bench.mjs)");
    run(&tools, &root.join("tests/e2e"), "node", &["bench.mjs"])?;
    step("The app against SurveyJS, same questionnaire, one run (tests/e2e/bench-surveyjs.mjs)");
    run(
        &tools,
        &root.join("tests/e2e"),
        "node",
        &["bench-surveyjs.mjs"],
    )?;
    step("Lighthouse mobile preset on the app, its embed URL and SurveyJS (tests/e2e/bench-lighthouse.mjs, npx lighthouse@12.2.3)");
    run(
        &tools,
        &root.join("tests/e2e"),
        "node",
        &["bench-lighthouse.mjs"],
    )
}
