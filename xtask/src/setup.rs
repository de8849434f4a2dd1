//! Installing the tools, each only when the right version is missing.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{command, run};

const TRUNK_VERSION: &str = "0.21.14";
const WASM_OPT_VERSION: &str = "version 132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// PATH with cargo's binaries and the pinned npm tools (wasm-opt) first.
pub fn tool_path(root: &Path) -> OsString {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default();
    let mut dirs = vec![cargo_home.join("bin"), root.join("e2e/node_modules/.bin")];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// What building the page needs: the wasm target, trunk, wasm-bindgen at
/// the lockfile's version, and the npm tools (wasm-opt, playwright-core).
pub fn web(root: &Path) -> Result<(), String> {
    wasm_target(root)?;
    cargo_tool(root, "trunk", "trunk", TRUNK_VERSION, true)?;
    let bindgen = lockfile_version(root, "wasm-bindgen")?;
    // No --locked: wasm-bindgen-cli's lockfile names a crate version the registry lacks.
    cargo_tool(root, "wasm-bindgen", "wasm-bindgen-cli", &bindgen, false)?;
    npm_tools(root)?;
    run(command(root, "cargo").args(["fetch", "--locked"]))
}

/// What the browser tests need: Debian's Chromium and its driver.
pub fn browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    debian_packages(&["chromium", "chromium-driver"])
}

/// What the Python package's Spark test needs: a Java runtime.
pub fn java() -> Result<(), String> {
    if output(Command::new("java").arg("-version")).is_some() {
        return Ok(());
    }
    debian_packages(&["default-jre-headless"])
}

/// Installs Debian's `packages` (as root).
fn debian_packages(packages: &[&str]) -> Result<(), String> {
    let apt = |args: &[&str]| {
        run(Command::new("apt-get").args(args).env("DEBIAN_FRONTEND", "noninteractive"))
            .map_err(|e| format!("{e}\nInstall Debian's {} packages (as root), then run again.", packages.join(", ")))
    };
    apt(&["update"])?;
    apt(&[&["install", "-y", "--no-install-recommends"], packages].concat())
}

fn wasm_target(root: &Path) -> Result<(), String> {
    let installed = output(command(root, "rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(command(root, "rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        .map_err(|e| format!("{e}\nThe page is built for wasm32-unknown-unknown; add that target to the Rust toolchain."))
}

/// Installs `krate` at `version` unless `binary --version` already says it.
fn cargo_tool(root: &Path, binary: &str, krate: &str, version: &str, locked: bool) -> Result<(), String> {
    let current = output(command(root, binary).arg("--version")).unwrap_or_default();
    if current.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    let mut install = command(root, "cargo");
    install.args(["install", krate, "--version", version, "--force"]);
    if locked {
        install.arg("--locked");
    }
    run(&mut install).map_err(|e| format!("{e}\n{binary} {version} is needed; this builds it from crates.io."))
}

fn npm_tools(root: &Path) -> Result<(), String> {
    let bin = root.join("e2e/node_modules/.bin");
    let wasm_opt = output(Command::new(bin.join("wasm-opt")).arg("--version")).unwrap_or_default();
    if wasm_opt.contains(WASM_OPT_VERSION) && bin.join("playwright-core").exists() {
        return Ok(());
    }
    run(command(root, "npm").args(["ci", "--prefix", "e2e", "--no-audit", "--no-fund"]))
        .map_err(|e| format!("{e}\nNode.js and npm are needed for wasm-opt and the end-to-end tests."))
}

/// The version of `package` that Cargo.lock pins.
fn lockfile_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no `{package}`"))
}

fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pinned_wasm_bindgen_version() {
        let root = crate::project_root();
        let version = lockfile_version(&root, "wasm-bindgen").unwrap();
        assert!(version.starts_with("0.2."), "{version}");
        assert!(lockfile_version(&root, "no-such-package").is_err());
    }

    #[test]
    fn project_tools_come_first_on_path() {
        let root = Path::new("/project");
        let path = tool_path(root);
        let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
        assert!(dirs[0].ends_with("bin"));
        assert_eq!(dirs[1], root.join("e2e/node_modules/.bin"));
    }
}
