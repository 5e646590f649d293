//! `cinedex viewing ...`: logging each time a film was watched.

use cinedex_catalog::{Catalog, ViewingInput};
use serde_json::json;

use super::args::{ViewingCommand, ViewingFields};
use super::output::{self, Output};

pub fn run(catalog: &Catalog, out: &Output, command: ViewingCommand) -> anyhow::Result<()> {
    match command {
        ViewingCommand::Add { film_id, fields } => {
            let viewing = catalog.add_viewing(film_id, &input(fields))?;
            out.show(&viewing, |v| {
                println!("Logged viewing {} of film {}", v.id, v.film_id)
            })
        }
        ViewingCommand::List { film_id } => {
            let viewings = catalog.list_viewings(film_id)?;
            out.show(&viewings, |viewings| output::viewings_table(viewings))
        }
        ViewingCommand::Edit { id, fields } => {
            let viewing = catalog.update_viewing(id, &input(fields))?;
            out.show(&viewing, |v| {
                println!("Updated viewing {}", output::viewing_line(v))
            })
        }
        ViewingCommand::Delete { id } => {
            catalog.delete_viewing(id)?;
            out.show(&json!({ "id": id, "deleted": true }), |_| {
                println!("Deleted viewing {id}")
            })
        }
    }
}

fn input(fields: ViewingFields) -> ViewingInput {
    ViewingInput {
        watched_on: fields.date,
        rewatch: fields.rewatch,
        rating: fields.rating,
        place: fields.place,
        note: fields.note,
    }
}
