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
//! - `bench`: build the release bundle and measure its size and load time.

mod dist;
mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};

use tools::Tools;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => Tools::setup(&root, tools::Need::All).map(|_| ()),
        Some("serve") => serve(&root, args.iter().any(|a| a == "--release")),
        Some("build") => build(&root),
        Some("test") => test(&root),
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
    step("Building the release bundle into dist/ (trunk build --release)");
    run(tools, root, "trunk", &["build", "--release"])?;
    step("Post-processing dist/ (external loader for a strict CSP, service worker, .br/.gz)");
    dist::postprocess(&root.join("dist"))
}

fn build(root: &Path) -> Result<(), String> {
    let tools = Tools::setup(root, tools::Need::Build)?;
    build_release(&tools, root)
}

/// Test totals read from the runners' own summary lines.
#[derive(Default)]
struct Totals {
    passed: u64,
    failed: u64,
}

impl Totals {
    /// Reads a cargo / wasm-bindgen-test summary (`test result: ok. 9 passed; 0 failed; ...`) or a
    /// Playwright one (`  12 passed (5.1s)`, `  1 failed`).
    fn read(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(kind), Some(n)) = (words.next(), words.next()) else {
                    continue;
                };
                let n = n
                    .trim_start_matches("ok.")
                    .trim_start_matches("FAILED.")
                    .trim();
                let n: u64 = n.parse().unwrap_or(0);
                match kind {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    _ => {}
                }
            }
        } else {
            let mut words = line.split_whitespace();
            if let (Some(n), Some(kind)) = (words.next(), words.next()) {
                if let Ok(n) = n.parse::<u64>() {
                    match kind {
                        "passed" => self.passed += n,
                        "failed" => self.failed += n,
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Runs a test command, echoing its output and adding up its summary lines.
fn run_tests(
    tools: &Tools,
    dir: &Path,
    program: &str,
    args: &[&str],
    totals: &mut Totals,
) -> Result<(), String> {
    let mut child = tools
        .command(program, dir)
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run {program}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        totals.read(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn test(root: &Path) -> Result<(), String> {
    let tools = Tools::setup(root, tools::Need::All)?;
    let mut totals = Totals::default();
    let result = (|| {
        step("Checking formatting (cargo fmt --check)");
        run(&tools, root, "cargo", &["fmt", "--all", "--", "--check"])?;
        step("Linting for the host (cargo clippy --all-targets -D warnings)");
        run(
            &tools,
            root,
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )?;
        step("Linting for wasm32 (cargo clippy --target wasm32-unknown-unknown -D warnings)");
        run(
            &tools,
            root,
            "cargo",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "assessment",
                "-p",
                "distributor-assessment",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )?;
        step(
            "Native tests: the domain crate, the app's pure parts, xtask (cargo test --workspace)",
        );
        run_tests(&tools, root, "cargo", &["test", "--workspace"], &mut totals)?;
        step("Component tests in headless Chromium (wasm-bindgen-test)");
        run_tests(
            &tools,
            root,
            "cargo",
            &[
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "distributor-assessment",
            ],
            &mut totals,
        )?;
        build_release(&tools, root)?;
        step("End-to-end tests against the release build (Playwright, Debian's Chromium)");
        run_tests(
            &tools,
            &root.join("tests/e2e"),
            "npx",
            &["playwright", "test"],
            &mut totals,
        )
    })();
    println!(
        "\ntests: {} passed, {} failed",
        totals.passed, totals.failed
    );
    result
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
    )
}

#[cfg(test)]
mod tests {
    use super::Totals;

    #[test]
    fn reads_every_runner_summary() {
        let mut t = Totals::default();
        for line in [
            "test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
            "test result: FAILED. 8 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
            "  12 passed (5.1s)",
            "  2 failed",
            "running 9 tests",
            "ok 3 passed something",
        ] {
            t.read(line);
        }
        assert_eq!((t.passed, t.failed), (29, 3));
    }
}
