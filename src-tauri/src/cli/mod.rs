//! The command line: `cinedex [--db PATH] [--json] <subcommand>`, over the same catalog core as the
//! window. Exit codes: 0 success, 2 usage error (from clap), 1 any other error, printed as one
//! `error: ...` line on stderr.

mod annotations;
mod args;
mod complete;
mod export;
mod facts;
mod films;
mod highlights;
mod import;
mod lists;
mod lookup;
mod output;
mod person;
mod refresh;
mod reviews;
mod safety;
mod search;
mod spelled;
mod stats;
mod viewings;
mod year;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use cinedex_catalog::{Catalog, CatalogError};
use clap::Parser;

pub use args::{Cli, Command};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return match crate::run_window(cli.db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        };
    };
    die_quietly_on_closed_pipe();
    match run(command, cli.db, cli.json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

/// `cinedex list | head` should stop quietly when `head` has read enough, as other Unix tools do,
/// instead of panicking on a write to a closed pipe (Rust ignores SIGPIPE by default).
fn die_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread or output exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn fail(error: &anyhow::Error) -> ExitCode {
    eprintln!("error: {}", describe(error));
    ExitCode::FAILURE
}

/// One line naming what went wrong; an invalid field is named first so a script can tell.
fn describe(error: &anyhow::Error) -> String {
    match error.downcast_ref::<CatalogError>() {
        Some(CatalogError::Invalid { field, message }) => format!("{field}: {message}"),
        _ => without_repeats(error),
    }
}

/// The error and its causes, `: `-joined, leaving out a cause whose text its error already ends
/// with (a catalog I/O error shows its `std::io::Error`, which is also its source).
fn without_repeats(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let part = cause.to_string();
        if text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

fn run(command: Command, db: Option<PathBuf>, json: bool) -> anyhow::Result<()> {
    let out = output::Output { json };
    let command = match command {
        Command::Config(config) => return lookup::config(&out, config),
        command => command,
    };
    let path = match db {
        Some(path) => path,
        None => crate::default_catalog_path()
            .context("no data directory: pass --db PATH or set CINEDEX_DB")?,
    };
    let catalog = Catalog::open(&path)?;
    let watcher = catalog.watch_changes().ok();
    let outcome = match command {
        Command::Add(film) => films::add(&catalog, &out, film),
        Command::List(list) => films::list(&catalog, &out, list),
        Command::Show { id } => films::show(&catalog, &out, id),
        Command::Edit(edit) => films::edit(&catalog, &out, edit),
        Command::Delete { id } => films::delete(&catalog, &out, id),
        Command::Undelete { id } => films::restore(&catalog, &out, id),
        Command::Trash { empty } => films::trash(&catalog, &out, empty),
        Command::Purge { id } => films::purge(&catalog, &out, id),
        Command::Review(review) => reviews::run(&catalog, &out, review),
        Command::Viewing(viewing) => viewings::run(&catalog, &out, viewing),
        Command::Note(note) => annotations::run(&catalog, &out, note),
        Command::Highlight(highlight) => highlights::run(&catalog, &out, highlight),
        Command::Import(import) => import::run(&catalog, &out, import),
        Command::Export(args) => export::run(&catalog, &out, args),
        Command::Lists => lists::list(&catalog, &out),
        Command::ListShow { id } => lists::show(&catalog, &out, id),
        Command::Canon(command) => lists::canon(&catalog, &out, command),
        Command::Info => films::info(&catalog, &out),
        Command::Backup { out: target } => safety::backup(&catalog, &out, target),
        Command::Backups => safety::backups(&catalog, &out),
        Command::Restore { file } => safety::restore(&catalog, &out, &file),
        Command::Search(args) => search::search(&catalog, &out, args),
        Command::Smart(smart) => search::smart(&catalog, &out, smart),
        Command::Check => safety::check(&catalog, &out),
        Command::Stats { year } => stats::run(&catalog, &out, year),
        Command::Year(args) => year::run(&catalog, &out, args),
        Command::Lookup(args) => lookup::lookup(&catalog, &out, args),
        Command::Refresh(args) => refresh::refresh(&catalog, &out, args),
        Command::Complete(args) => complete::run(&catalog, &out, args),
        Command::Person(args) => person::person(&catalog, &out, args),
        Command::Config(_) => unreachable!("handled before the catalog is opened"),
        Command::Poster {
            film_id,
            file,
            remove,
        } => films::poster(&catalog, &out, film_id, file, remove),
    };
    if outcome.is_ok() {
        housekeep_after_writes(&catalog, watcher);
    }
    outcome
}

/// A command that wrote to the catalog is followed by the housekeeping the window does when it
/// opens (the daily backup if due, then the trash's retention), so a person who only uses the
/// command line gets both; a command that only read leaves the files as they were. The command
/// itself succeeded, so a failure here is a warning, not its exit status.
fn housekeep_after_writes(catalog: &Catalog, watcher: Option<cinedex_catalog::ChangeWatcher>) {
    let wrote = watcher.is_some_and(|mut watcher| watcher.changed().unwrap_or(false));
    if wrote {
        if let Err(error) = catalog.housekeep() {
            eprintln!("warning: the daily backup or the trash's clean-up failed: {error}");
        }
    }
}
