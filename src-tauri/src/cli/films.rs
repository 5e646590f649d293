//! Film subcommands: add, list, show, edit, delete, restore, trash, purge, poster, info.

use cinedex_catalog::{Catalog, FilmFacts, FilmInput, FilmListQuery};
use serde_json::json;

use super::args::{EditArgs, FilmFields, ListArgs};
use super::output::{self, Output};

pub fn add(catalog: &Catalog, out: &Output, fields: FilmFields) -> anyhow::Result<()> {
    let input = FilmInput {
        title: fields.title.unwrap_or_default(),
        original_title: fields.original_title,
        year: fields.year,
        directors: fields.directors,
        themes: fields.themes,
        facts: fields.facts.over(FilmFacts::default()),
    };
    let film = match fields.from {
        Some(from) => {
            let reference = crate::reference_for(catalog)?;
            let added = catalog.add_film_from(&reference, &from, &input)?;
            // The film is in; a poster that could not be fetched is worth a word, not a failure.
            if let Some(problem) = added.poster_problem {
                eprintln!("warning: the poster was not downloaded: {problem}");
            }
            added.film
        }
        None => catalog.add_film(&input)?,
    };
    let shown = catalog.film_with_facts(film.id)?;
    out.show(&shown, |f| {
        println!("Added film {}: {}", f.film.id, output::film_line(&f.film))
    })
}

pub fn list(catalog: &Catalog, out: &Output, args: ListArgs) -> anyhow::Result<()> {
    let query = FilmListQuery {
        title_filter: args.filter,
        watch_status: args.status,
        sort: args.sort.into(),
        descending: args.desc,
        ..Default::default()
    };
    let films = catalog.list_films(&query)?;
    out.show(&films, |films| output::film_table(films))
}

pub fn show(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    let detail = catalog.get_film(id)?;
    out.show(&detail, output::film_detail)
}

/// Changes only the fields given on the command line: the rest is taken from the stored film.
pub fn edit(catalog: &Catalog, out: &Output, args: EditArgs) -> anyhow::Result<()> {
    let detail = catalog.get_film(args.id)?;
    let current = detail.film;
    let facts = args.facts.over(detail.facts);
    let only_status = args.title.is_none()
        && args.original_title.is_none()
        && args.year.is_none()
        && !args.no_year
        && args.directors.is_empty()
        && !args.no_directors
        && args.themes.is_empty()
        && !args.no_themes
        && facts.is_none();
    if let (Some(status), true) = (args.status, only_status) {
        let film = catalog.set_watch_status(args.id, status)?;
        let shown = catalog.film_with_facts(film.id)?;
        return out.show(&shown, |f| {
            println!(
                "Film {} is now: {}",
                f.film.id,
                f.film.watch_status.as_str()
            )
        });
    }
    let input = FilmInput {
        title: args.title.unwrap_or(current.title),
        original_title: args.original_title.or(current.original_title),
        year: if args.no_year {
            None
        } else {
            args.year.or(current.year)
        },
        directors: replaced(args.directors, args.no_directors, current.directors),
        themes: replaced(args.themes, args.no_themes, current.themes),
        facts,
    };
    let film = catalog.update_film_with_status(args.id, &input, args.status)?;
    let shown = catalog.film_with_facts(film.id)?;
    out.show(&shown, |f| {
        println!("Updated film {}: {}", f.film.id, output::film_line(&f.film))
    })
}

fn replaced(given: Vec<String>, clear: bool, current: Vec<String>) -> Vec<String> {
    match (clear, given.is_empty()) {
        (true, _) => Vec::new(),
        (false, true) => current,
        (false, false) => given,
    }
}

pub fn delete(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    catalog.delete_film(id)?;
    let film = catalog.get_film(id)?.film;
    out.show(&film, |f| {
        println!(
            "Moved film {} to the trash: {} (`cinedex undelete {}` brings it back)",
            f.id,
            output::film_line(f),
            f.id
        )
    })
}

pub fn restore(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    let film = catalog.restore_film(id)?;
    out.show(&film, |f| {
        println!("Restored film {}: {}", f.id, output::film_line(f))
    })
}

pub fn trash(catalog: &Catalog, out: &Output, empty: bool) -> anyhow::Result<()> {
    if empty {
        let purged = catalog.empty_trash()?;
        return out.show(&json!({ "purged": purged }), |_| {
            println!("Removed {purged} film(s) from the trash for good.")
        });
    }
    let films = catalog.list_trash()?;
    out.show(&films, |films| output::film_table(films))
}

pub fn purge(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    catalog.purge_film(id)?;
    out.show(&json!({ "id": id, "purged": true }), |_| {
        println!("Removed film {id} for good.")
    })
}

pub fn info(catalog: &Catalog, out: &Output) -> anyhow::Result<()> {
    let info = catalog.info()?;
    out.show(&info, output::info)
}

pub fn poster(
    catalog: &Catalog,
    out: &Output,
    id: i64,
    file: Option<std::path::PathBuf>,
    remove: bool,
) -> anyhow::Result<()> {
    let film = match file {
        Some(file) if !remove => catalog.attach_poster(id, &file)?,
        _ => catalog.remove_poster(id)?,
    };
    out.show(&film, |f| {
        if f.has_poster {
            println!(
                "Attached a poster to film {}: {}",
                f.id,
                output::film_line(f)
            )
        } else {
            println!(
                "Removed the poster of film {}: {}",
                f.id,
                output::film_line(f)
            )
        }
    })
}
