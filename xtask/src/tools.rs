//! Finding and installing the tools the build and the tests need, each pinned, each step said
//! out loud. Nothing is downloaded except through the package registries: crates.io (cargo
//! install), Debian (apt-get) and npm.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::step;

/// trunk 0.22 needs a newer rustc than this machine's 1.95; 0.21.14 is verified.
pub const TRUNK_VERSION: &str = "0.21.14";
/// Debian's Chromium and its driver (one source package, so their versions match).
const APT_PACKAGES: &[&str] = &["chromium", "chromium-driver"];

/// What a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Building and serving: Rust tools and wasm-opt.
    Build,
    /// Everything, browsers included.
    All,
}

/// The environment in which the tools are found.
#[derive(Debug)]
pub struct Tools {
    path: String,
}

impl Tools {
    /// A command with the tools first on PATH: npm binaryen's wasm-opt must win over any other
    /// (Debian's binaryen 108 silently produces a broken wasm file).
    pub fn command(&self, program: &str, dir: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir)
            .env("PATH", &self.path)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        if let Some(root) = dir.ancestors().find(|d| d.join("Cargo.lock").exists()) {
            cmd.env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root.join("tests/webdriver.json"),
            );
        }
        cmd
    }

    /// Installs what is missing and returns the environment to run the tools in.
    pub fn setup(root: &Path, need: Need) -> Result<Self, String> {
        let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
        let cargo_bin = std::env::var("CARGO_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(&home).join(".cargo"))
            .join("bin");
        let npm_bin = root.join("tests/e2e/node_modules/.bin");
        let path = format!(
            "{}:{}:{}",
            npm_bin.display(),
            cargo_bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let tools = Tools { path };
        step("Checking tools (installing what is missing)");
        tools.wasm_target(root)?;
        if need == Need::All {
            tools.apt_packages(root)?;
        }
        tools.node(root)?;
        tools.npm_packages(root)?;
        tools.trunk(root)?;
        tools.wasm_bindgen(root)?;
        step("Fetching crates (trunk builds offline)");
        crate::run(&tools, root, "cargo", &["fetch", "--quiet"])?;
        Ok(tools)
    }

    /// The first line a program prints for `--version`, if it runs.
    fn version(&self, program: &str, root: &Path) -> Option<String> {
        let out = self.command(program, root).arg("--version").output().ok()?;
        out.status.success().then(|| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
    }

    fn wasm_target(&self, root: &Path) -> Result<(), String> {
        let out = self
            .command("rustup", root)
            .args(["target", "list", "--installed"])
            .output()
            .map_err(|e| format!("rustup is needed to add the wasm32 target: {e}"))?;
        if String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
        {
            println!("    wasm32-unknown-unknown target: installed");
            Ok(())
        } else {
            println!("    wasm32-unknown-unknown target: missing, adding it with rustup");
            crate::run(
                self,
                root,
                "rustup",
                &["target", "add", "wasm32-unknown-unknown"],
            )
        }
    }

    fn apt_install(&self, root: &Path, packages: &[&str]) -> Result<(), String> {
        let is_root = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false);
        let sudo: &[&str] = if is_root { &[] } else { &["sudo"] };
        let mut update: Vec<&str> = sudo.to_vec();
        update.extend(["apt-get", "update", "-q"]);
        let mut install: Vec<&str> = sudo.to_vec();
        install.extend([
            "env",
            "DEBIAN_FRONTEND=noninteractive",
            "apt-get",
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
        ]);
        install.extend(packages);
        crate::run(self, root, update[0], &update[1..])?;
        crate::run(self, root, install[0], &install[1..])
    }

    fn apt_packages(&self, root: &Path) -> Result<(), String> {
        let have_browser = Path::new("/usr/bin/chromium").exists();
        let have_driver = Path::new("/usr/bin/chromedriver").exists();
        if have_browser && have_driver {
            println!("    Chromium and chromedriver (Debian): installed");
            return Ok(());
        }
        println!("    Chromium and chromedriver (Debian): missing, installing with apt-get (about 170 MB)");
        self.apt_install(root, APT_PACKAGES)
    }

    fn node(&self, root: &Path) -> Result<(), String> {
        if self.version("npm", root).is_some() && self.version("node", root).is_some() {
            println!("    Node.js and npm: installed");
            return Ok(());
        }
        println!("    Node.js and npm: missing, installing with apt-get");
        self.apt_install(root, &["nodejs", "npm"])
    }

    fn npm_packages(&self, root: &Path) -> Result<(), String> {
        let dir = root.join("tests/e2e");
        let lock = std::fs::read(dir.join("package-lock.json"))
            .map_err(|e| format!("tests/e2e/package-lock.json: {e}"))?;
        let stamp = dir.join("node_modules/.xtask-lock");
        if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
            println!("    npm packages (Playwright, axe-core, binaryen): installed");
            return Ok(());
        }
        println!("    npm packages (Playwright, axe-core, binaryen 132 for wasm-opt): installing from the lock file (npm ci)");
        crate::run(self, &dir, "npm", &["ci", "--no-audit", "--no-fund"])?;
        std::fs::write(&stamp, lock).map_err(|e| e.to_string())
    }

    fn trunk(&self, root: &Path) -> Result<(), String> {
        let want = format!("trunk {TRUNK_VERSION}");
        match self.version("trunk", root) {
            Some(v) if v == want => {
                println!("    {want}: installed");
                Ok(())
            }
            found => {
                println!(
                    "    {want}: {}, installing with cargo install (about 9 minutes on 2 cores)",
                    found.map_or("missing".to_owned(), |v| format!("found {v}"))
                );
                crate::run(
                    self,
                    root,
                    "cargo",
                    &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
                )
            }
        }
    }

    fn wasm_bindgen(&self, root: &Path) -> Result<(), String> {
        let want = wasm_bindgen_version(root)?;
        match self.version("wasm-bindgen", root) {
            Some(v) if v == format!("wasm-bindgen {want}") => {
                println!("    wasm-bindgen-cli {want} (equal to Cargo.lock): installed");
                Ok(())
            }
            found => {
                println!(
                    "    wasm-bindgen-cli {want} (equal to Cargo.lock): {}, installing with cargo install (about 3 minutes)",
                    found.map_or("missing".to_owned(), |v| format!("found {v}"))
                );
                // Without --locked: its lock file names a webpki-roots release the registry lacks.
                crate::run(
                    self,
                    root,
                    "cargo",
                    &["install", "wasm-bindgen-cli", "--version", &want],
                )
            }
        }
    }
}

/// The wasm-bindgen version Cargo.lock resolves to; the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}
