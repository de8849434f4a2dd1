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
          (--no-write: the held-out figures only, the shipped model left as it is;
          --rows: every labelled line's features to target/fit/rows.tsv;
          --page-share: how main-content's page shares do on the HTML tracks, by domain held out)

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
        "fit" if std::env::args().any(|a| a == "--page-share") => fit::page_share(&root),
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
    let shown =
        std::iter::once(command.get_program()).chain(command.get_args()).map(|part| part.to_string_lossy()).collect::<Vec<_>>().join(" ");
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
    setup::java()?;
    // The code as rustfmt writes it (rustfmt.toml) and free of clippy's
    // warnings, then the engine, the CLI and the tasks, natively.
    run(command(root, "cargo").args(["fmt", "--all", "--check"]))?;
    run(command(root, "cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(command(root, "cargo").args(["test", "--workspace", "--exclude", "rinse-web"]))?;
    // The page's components in headless Chromium.
    run(command(root, "cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "-p", "rinse-web"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", setup::CHROMEDRIVER))?;
    // The built site and the release CLI, end to end.
    run(command(root, "trunk").args(["build", "--release", "--offline"]))?;
    run(command(root, "cargo").args(["build", "--release", "-p", "rinse-cli"]))?;
    python_tests(root)?;
    run(command(root, "npm").args(["test", "--prefix", "e2e"]))
}

/// The Python package, built into a virtual environment of its own beside
/// the pinned test tools and pipelines it plugs into, then its tests, which
/// compare it with the release CLI.
fn python_tests(root: &Path) -> Result<(), String> {
    let venv = root.join("target/py-venv");
    if !venv.join("bin/python").exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let package = root.join("crates/rinse-py");
    // The environment's own tools first: the build backend runs `maturin` by name.
    let tools = setup::tool_path(root);
    let path =
        std::env::join_paths(std::iter::once(venv.join("bin")).chain(std::env::split_paths(&tools))).map_err(|e| format!("PATH: {e}"))?;
    let pip = || {
        let mut pip = Command::new(venv.join("bin/pip"));
        pip.args(["install", "--quiet", "--disable-pip-version-check"]).env("PATH", &path);
        pip
    };
    run(pip().arg("--requirement").arg(package.join("tests/requirements.txt")))?;
    run(pip().args(["--no-build-isolation", "--force-reinstall", "--no-deps"]).arg(&package))?;
    run(Command::new(venv.join("bin/python"))
        .args(["-m", "pytest", "--quiet", "-p", "no:cacheprovider"])
        .arg(package.join("tests"))
        .env("RINSE_CLI", root.join("target/release/rinse")))
}

/// Runs of each command over each track, of which the fastest is reported.
const BENCH_RUNS: usize = 3;

/// Seconds the fastest of [`BENCH_RUNS`] runs of `program` takes to read `input` on standard input.
fn time_best(program: &mut std::process::Command, input: &[u8]) -> Result<f64, String> {
    let mut best = f64::INFINITY;
    for _ in 0..BENCH_RUNS {
        let started = std::time::Instant::now();
        let mut child = program
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("running {:?}: {e}", program.get_program()))?;
        std::io::Write::write_all(&mut child.stdin.take().expect("piped stdin"), input)
            .map_err(|e| format!("feeding {:?}: {e}", program.get_program()))?;
        let status = child.wait().map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("{:?} failed: {status}", program.get_program()));
        }
        // A shared machine only ever makes a run slower.
        best = best.min(started.elapsed().as_secs_f64());
    }
    Ok(best)
}

/// The JSONL inputs of the evaluation tracks (not their gold, nor the labelled lines), gzipped or not.
fn bench_tracks(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data) else { return Vec::new() };
    let mut tracks: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")) && !name.contains(".gold.") && !name.starts_with("lines-")
        })
        .collect();
    tracks.sort();
    tracks
}

/// Criterion benchmarks of the engine, then the release CLI over each
/// evaluation track found in `../shared/eval/data` on one thread and on
/// two, and beside it on the text tracks the C4 line rules
/// (`../shared/eval/c4_rules.py`), the crudest filter a corpus builder
/// might run instead, with how many times faster rinse is.
/// Last, the most memory the CLI holds cleaning one large text.
fn bench(root: &Path) -> Result<(), String> {
    run(command(root, "cargo").args(["bench", "-p", "rinse-core", "--bench", "clean"]))?;
    run(command(root, "cargo").args(["build", "--release", "-p", "rinse-cli"]))?;
    let data = root.join("../shared/eval/data");
    let tracks = bench_tracks(&data);
    if tracks.is_empty() {
        println!("no evaluation data at {}; CLI throughput skipped", data.display());
        return Ok(());
    }
    let rinse = root.join("target/release/rinse");
    let c4 = data.join("../c4_rules.py");
    println!("{:<24} {:>12} {:>12} {:>12} {:>9}", "track", "1 thread", "2 threads", "C4 rules", "rinse/C4");
    for track in tracks {
        let input = if track.extension().is_some_and(|x| x == "gz") {
            fit::read_gz(&track)?.into_bytes()
        } else {
            std::fs::read(&track).map_err(|e| format!("{}: {e}", track.display()))?
        };
        let name = track.file_name().unwrap_or_default().to_string_lossy().replace(".gz", "");
        let from = if name.contains("html") { "html" } else { "text" };
        let preset = if name.starts_with("repair") { "minimal" } else { "article" };
        let mut speeds = Vec::new();
        for threads in ["1", "2"] {
            let mut cli = std::process::Command::new(&rinse);
            cli.args(["--jsonl", "--no-progress", "--from", from, "--preset", preset, "--threads", threads]);
            speeds.push(input.len() as f64 / time_best(&mut cli, &input)? / 1e6);
        }
        let mut line = format!("{name:<24} {:>7.1} MB/s {:>7.1} MB/s", speeds[0], speeds[1]);
        if from == "text" && preset == "article" && c4.exists() {
            let c4_speed = input.len() as f64 / time_best(std::process::Command::new("python3").arg(&c4), &input)? / 1e6;
            line += &format!(" {c4_speed:>7.1} MB/s {:>8.2}×", speeds[0] / c4_speed);
        }
        println!("{line}");
    }
    let document = large_document(&data)?;
    let peak = peak_memory(&rinse, &document)?;
    println!(
        "one text of {:.0} MB, 1 thread: peak memory {:.0} MB, {:.1}x its size",
        document.len() as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / document.len() as f64
    );
    Ok(())
}

/// Size of the one large text whose cleaning's peak memory is reported.
const LARGE_DOCUMENT: usize = 100_000_000;

/// One text of [`LARGE_DOCUMENT`] bytes: the pages of `wcxb-dev-text`, one
/// after another, over again until it is that long (so its later part
/// repeats the first, as a scrape saved more than once does).
fn large_document(data: &Path) -> Result<Vec<u8>, String> {
    let rows = fit::read_gz(&data.join("wcxb-dev-text.jsonl.gz"))?;
    let mut pages = Vec::new();
    for row in rows.lines() {
        let row: serde_json::Value = serde_json::from_str(row).map_err(|e| format!("wcxb-dev-text: {e}"))?;
        pages.push(row["text"].as_str().unwrap_or("").to_string());
    }
    let mut document = Vec::with_capacity(LARGE_DOCUMENT);
    // Each page adds at least its two line breaks: the text fills.
    for page in pages.iter().cycle() {
        if document.len() >= LARGE_DOCUMENT {
            break;
        }
        document.extend_from_slice(page.as_bytes());
        document.extend_from_slice(b"\n\n");
    }
    Ok(document)
}

/// The peak memory `rinse` reports (`--timings`) cleaning `input` as one text on one thread.
fn peak_memory(rinse: &Path, input: &[u8]) -> Result<u64, String> {
    let mut child = std::process::Command::new(rinse)
        .args(["--threads", "1", "--timings", "--no-progress"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("running {}: {e}", rinse.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    // Fed from another thread: the report is read once the input is all in.
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    feeder.join().map_err(|_| "feeding rinse failed")?.map_err(|e| e.to_string())?;
    let report = String::from_utf8_lossy(&output.stderr);
    let megabytes = report
        .lines()
        .find_map(|line| line.strip_prefix("rinse: peak memory ")?.strip_suffix(" MB")?.parse::<f64>().ok())
        .ok_or_else(|| format!("rinse did not report its peak memory:\n{report}"))?;
    Ok((megabytes * 1e6) as u64)
}
