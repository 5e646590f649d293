//! `cinedex person NAME-or-ID [--filmography]`: a person's films in the catalog by role, with
//! what has been seen of them, and on demand the rest of their filmography from the reference.

use cinedex_catalog::{Catalog, PersonPage, SeenStatus};
use clap::Args;
use comfy_table::{presets, ContentArrangement, Table};

use super::output::Output;

#[derive(Debug, Args)]
pub struct PersonArgs {
    /// The person: a name (case and accents do not matter), their catalog id, or a reference
    /// id (wikidata:Q…, tmdb:…); several words are joined
    #[arg(required = true, num_args = 1..)]
    pub person: Vec<String>,
    /// Also ask the reference (Wikidata or TMDB) for the rest of their filmography
    #[arg(long)]
    pub filmography: bool,
}

pub fn person(catalog: &Catalog, out: &Output, args: PersonArgs) -> anyhow::Result<()> {
    let page = catalog.person(&args.person.join(" "))?;
    let page = if args.filmography {
        let reference = crate::reference_for(catalog)?;
        catalog.person_filmography(&reference, page)?
    } else {
        page
    };
    out.show(&page, print_page)
}

fn print_page(page: &PersonPage) {
    let person = &page.person;
    let mut heading = person.name.clone();
    match (person.birth_year, person.death_year) {
        (Some(born), Some(died)) => heading.push_str(&format!(" ({born}–{died})")),
        (Some(born), None) => heading.push_str(&format!(" (born {born})")),
        _ => {}
    }
    let ids: Vec<String> = [
        person
            .wikidata_id
            .as_ref()
            .map(|id| format!("wikidata:{id}")),
        person.tmdb_id.as_ref().map(|id| format!("tmdb:{id}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    println!(
        "{heading}  [person {}{}]",
        person.id,
        prefixed(&ids.join(" "))
    );
    for role in &page.roles {
        println!();
        println!(
            "{}: seen {} of {}",
            role.role.as_str(),
            role.seen,
            role.total
        );
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(["ID", "TITLE", "YEAR", "STATUS", "RATING", "AS"]);
        for film in &role.films {
            table.add_row([
                film.film_id.to_string(),
                film.title.clone(),
                year(film.year),
                match film.status {
                    SeenStatus::Seen => "seen",
                    SeenStatus::Watchlist => "watchlist",
                    SeenStatus::NotSeen => "",
                }
                .to_owned(),
                film.rating.map(|r| format!("{r:.1}")).unwrap_or_default(),
                film.character.clone().unwrap_or_default(),
            ]);
        }
        println!("{table}");
    }
    if page.roles.is_empty() {
        println!("No live film of the catalog credits them.");
    }
    if let Some(filmography) = &page.filmography {
        let missing: Vec<_> = filmography
            .entries
            .iter()
            .filter(|e| e.in_catalog.is_none())
            .collect();
        println!();
        println!(
            "Filmography from {}: {} films, {} not in the catalog",
            filmography.source,
            filmography.entries.len(),
            missing.len()
        );
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(["ID", "TITLE", "YEAR", "ROLES", "IN CATALOG"]);
        for entry in &filmography.entries {
            table.add_row([
                entry.reference_id.clone(),
                entry.title.clone(),
                year(entry.year),
                entry
                    .roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                entry
                    .in_catalog
                    .map(|id| format!("film {id}"))
                    .unwrap_or_default(),
            ]);
        }
        println!("{table}");
    }
}

fn year(year: Option<i32>) -> String {
    year.map(|y| y.to_string()).unwrap_or_default()
}

fn prefixed(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    }
}
