//! `cargo xtask …`: set-up, serve, build and test, from a fresh machine.
//!
//! Every tool the project needs is installed here, each only when the right
//! version is missing, so a warm machine sets up in seconds.

mod fit;
mod setup;
mod site;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  setup   install what building and testing need (skips what is there)
  serve   build the page and serve it on http://127.0.0.1:8080/
  build   build the static site into dist/
  test    every test: engine and CLI, the page in a browser, the built site end to end
  bench   the engine's benchmarks, then the CLI over the shared evaluation tracks (MB/s)
  fit     fit the line scorer to ../shared/eval/data, cross-validated by domain; writes its model

  finish-site   (run by trunk after each build) script loader out of index.html, offline worker
";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = project_root();
    let result = match task.as_str() {
        "setup" => setup::web(&root).and_then(|_| setup::browser()),
        "serve" => serve(&root),
        "build" => build(&root),
        "test" => test(&root),
        "bench" => bench(&root),
        "fit" => fit::fit(&root),
        "finish-site" => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(site) => site::finish(&root, Path::new(&site)),
            None => Err("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)".into()),
        },
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// A command run in the project root, with the project's tools first on PATH.
pub fn command(root: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root).env("PATH", setup::tool_path(root));
    command
}

/// Runs a command to the end; a failure names it.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ");
    println!("» {shown}");
    let status = command.status().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

fn build(root: &Path) -> Result<(), String> {
    setup::web(root)?;
    run(command(root, "trunk").args(["build", "--release", "--offline"]))
}

fn serve(root: &Path) -> Result<(), String> {
    setup::web(root)?;
    println!("rinse: serving on http://127.0.0.1:8080/ (Ctrl-C stops)");
    // Its own folder: what `trunk serve` writes carries a live-reload script that a hosted dist/ must not.
    run(command(root, "trunk").args([
        "serve", "--release", "--offline", "--address", "127.0.0.1", "--port", "8080", "--dist", "target/serve-dist",
        // No inline reload script: the Content-Security-Policy allows none.
        "--no-autoreload", "--no-error-reporting",
    ]))
}

fn test(root: &Path) -> Result<(), String> {
    setup::web(root)?;
    setup::browser()?;
    // The engine, the CLI and the tasks, natively.
    run(command(root, "cargo").args(["test", "--workspace", "--exclude", "rinse-web"]))?;
    // The page's components in headless Chromium.
    run(command(root, "cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "-p", "rinse-web"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", setup::CHROMEDRIVER))?;
    // The built site and the release CLI, end to end.
    run(command(root, "trunk").args(["build", "--release", "--offline"]))?;
    run(command(root, "cargo").args(["build", "--release", "-p", "rinse-cli"]))?;
    run(command(root, "npm").args(["test", "--prefix", "e2e"]))
}

/// Criterion benchmarks of the engine, then the release CLI over each
/// evaluation track found in `../shared/eval/data`, single-threaded and on
/// every core.
/// Runs of the CLI over each track, of which the fastest is reported.
const BENCH_RUNS: usize = 3;

/// Seconds the CLI takes to clean `input` (a JSONL track) on `threads` threads (0: all).
fn time_cli(rinse: &Path, from: &str, threads: &str, input: &[u8], track: &Path) -> Result<f64, String> {
    let mut cli = std::process::Command::new(rinse);
    cli.args(["--jsonl", "--from", from]);
    if threads != "0" {
        cli.args(["--threads", threads]);
    }
    let started = std::time::Instant::now();
    let mut child = cli
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("running {}: {e}", rinse.display()))?;
    std::io::Write::write_all(&mut child.stdin.take().expect("piped stdin"), input)
        .map_err(|e| format!("feeding {}: {e}", track.display()))?;
    child.wait().map_err(|e| e.to_string())?;
    Ok(started.elapsed().as_secs_f64())
}

fn bench(root: &Path) -> Result<(), String> {
    run(command(root, "cargo").args(["bench", "-p", "rinse-core", "--bench", "clean"]))?;
    run(command(root, "cargo").args(["build", "--release", "-p", "rinse-cli"]))?;
    let data = root.join("../shared/eval/data");
    let Ok(entries) = std::fs::read_dir(&data) else {
        println!("no evaluation data at {}; CLI throughput skipped", data.display());
        return Ok(());
    };
    let mut tracks: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl") && !p.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    tracks.sort();
    let rinse = root.join("target/release/rinse");
    for track in tracks {
        let input = std::fs::read(&track).map_err(|e| format!("{}: {e}", track.display()))?;
        let from = if track.to_string_lossy().contains("html") { "html" } else { "text" };
        for threads in ["1", "0"] {
            // The best of a few runs: a shared machine only ever makes a run slower.
            let mut best = f64::INFINITY;
            for _ in 0..BENCH_RUNS {
                best = best.min(time_cli(&rinse, from, threads, &input, &track)?);
            }
            let cores = if threads == "0" { "all cores" } else { "1 thread" };
            let name = track.file_name().unwrap_or_default().to_string_lossy();
            println!("{name:<24} {cores:<10} {:>8.1} MB/s", input.len() as f64 / best / 1e6);
        }
    }
    Ok(())
}
