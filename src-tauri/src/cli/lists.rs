//! `cinedex lists`, `cinedex list-show ID` and `cinedex canon add AWARD`: lists with how many of
//! their films have been seen, ghosts (a canon's films not in the catalog) marked.

use cinedex_catalog::{Catalog, FilmListDetail};
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
    }
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
        lines.push((
            ghost.position,
            format!(
                "  [not in catalog: {}] {}{year}{directors}{}",
                ghost.reference_id,
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
