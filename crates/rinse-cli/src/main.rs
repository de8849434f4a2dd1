//! `rinse`: clean scraped text from files, stdin or JSONL corpora.

mod args;
mod explain;
mod run;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    small_pages();
    let args = args::Args::parse();
    match run::run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("rinse: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// Asks the kernel for ordinary pages, not transparent huge ones. The
/// allocator's arenas are eligible for 2 MB pages, and a huge page the
/// allocator gives back and takes again is zeroed whole: on one 100 MB text
/// 6 s of 13 went to that zeroing, and under 1 s with ordinary pages.
fn small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
