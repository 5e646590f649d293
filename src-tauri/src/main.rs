//! The `cinedex` binary: bare, it opens the window; with a subcommand, it is the command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    cinedex_app::startup::mark_process_start();
    cinedex_app::cli::main()
}
