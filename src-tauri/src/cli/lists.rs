//! `cinedex lists`, `cinedex list-show ID`, `cinedex canon add AWARD` and `cinedex canon import
//! FILE`: lists with how many of their films have been seen, ghosts (a canon's films not in the
//! catalog) marked.

use std::path::PathBuf;

use cinedex_catalog::{Catalog, FilmListDetail, FollowedListFile};
use clap::Subcommand;

use super::output::{self, Output};

#[derive(Debug, Subcommand)]
pub enum CanonCommand {
    /// Follow an award's winners from Wikidata as a list named after the award (a Q-id such as
    /// Q179808, or its name such as "Palme d'Or"); again, to bring the list up to date
    Add {
        /// The award's Wikidata Q-id or its name (several words are joined)
        #[arg(required = true, num_args = 1..)]
        award: Vec<String>,
    },
    /// Follow a list file (a Letterboxd list export, or a CSV with a title column and optionally
    /// year, directors, IMDb id, TMDB id, Letterboxd URI): films in the catalog become its
    /// entries, the others ghosts (no film is created); again, to bring the list up to date
    Import {
        /// The list file (.csv)
        file: PathBuf,
        /// The list's name (default: the Letterboxd list's own name, else the file's name)
        #[arg(long)]
        name: Option<String>,
        /// Tell what following the file would do, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn list(catalog: &Catalog, out: &Output) -> anyhow::Result<()> {
    let lists = catalog.list_lists()?;
    out.show(&lists, |lists| {
        if lists.is_empty() {
            println!("No lists.");
        }
        for list in lists {
            println!(
                "#{} {} ({} films) — {}",
                list.id,
                list.name,
                list.film_count,
                progress(list.seen, list.total)
            );
        }
    })
}

pub fn show(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    let detail = catalog.get_list(id)?;
    out.show(&detail, print_detail)
}

pub fn canon(catalog: &Catalog, out: &Output, command: CanonCommand) -> anyhow::Result<()> {
    match command {
        CanonCommand::Add { award } => {
            let reference = crate::reference_for(catalog)?;
            let detail = catalog.add_canon(&reference, &award.join(" "))?;
            out.show(&detail, print_detail)
        }
        CanonCommand::Import {
            file,
            name,
            dry_run,
        } => {
            let followed = catalog.follow_list_file(&file, name.as_deref(), dry_run)?;
            out.show(&followed, |f| print_followed(f, dry_run))
        }
    }
}

fn print_followed(followed: &FollowedListFile, dry_run: bool) {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "{}{} (list #{}): {} linked, {} not in the catalog — {}",
        if dry_run {
            "Dry run, nothing changed: "
        } else {
            ""
        },
        followed.name,
        followed.list_id,
        plural(followed.linked, "entry", "entries"),
        plural(followed.ghosts, "ghost", "ghosts"),
        progress(followed.seen, followed.total)
    );
}

/// "23 of 78 seen".
fn progress(seen: i64, total: i64) -> String {
    format!("{seen} of {total} seen")
}

fn print_detail(d: &FilmListDetail) {
    println!("{}", d.list.name);
    if let Some(description) = &d.list.description {
        println!("  {description}");
    }
    if let Some(canon) = &d.list.canon {
        println!("  follows {canon}");
    }
    println!("  {}", progress(d.list.seen, d.list.total));
    let mut lines: Vec<(i64, String)> = Vec::new();
    for entry in &d.entries {
        let seen = if entry.seen { "✓" } else { " " };
        lines.push((
            entry.position,
            format!(
                "{seen} {}{}",
                output::film_line(&entry.film),
                note(&entry.note)
            ),
        ));
    }
    for ghost in &d.ghosts {
        let year = ghost.year.map(|y| format!(" ({y})")).unwrap_or_default();
        let directors = if ghost.directors.is_empty() {
            String::new()
        } else {
            format!(" — {}", ghost.directors.join(", "))
        };
        // A ghost known only by its title has no id worth showing.
        let id = ghost
            .shown_id()
            .map(|id| format!(": {id}"))
            .unwrap_or_default();
        lines.push((
            ghost.position,
            format!(
                "  [not in catalog{id}] {}{year}{directors}{}",
                ghost.title,
                note(&ghost.note)
            ),
        ));
    }
    lines.sort_by_key(|(position, _)| *position);
    for (position, line) in lines {
        println!("{position:>4}. {line}");
    }
}

fn note(note: &Option<String>) -> String {
    note.as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default()
}
