//! `rinse`: clean scraped text from files, stdin or JSONL corpora.

mod args;
mod explain;
mod run;

use std::process::ExitCode;

use clap::Parser;

// Cleaning allocates many small strings on every core; this allocator keeps
// per-thread heaps and is markedly faster at it than the system one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match run::run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("rinse: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
