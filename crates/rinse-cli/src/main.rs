//! `rinse`: clean scraped text from files, stdin or JSONL corpora.

mod args;
mod explain;
mod run;

use std::process::ExitCode;

use clap::Parser;

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
