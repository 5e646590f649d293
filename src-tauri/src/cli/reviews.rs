//! `cinedex review ...`: reviews, notes and articles from the command line.

use std::io::Read;

use anyhow::Context;
use cinedex_catalog::{Catalog, ReviewInput};
use serde_json::json;

use super::args::{ReviewCommand, ReviewFields};
use super::output::{self, Output};

pub fn run(catalog: &Catalog, out: &Output, command: ReviewCommand) -> anyhow::Result<()> {
    match command {
        ReviewCommand::Add { film_id, fields } => {
            let review = catalog.add_review(film_id, &input(fields)?)?;
            out.show(&review, |r| {
                println!("Added {} {} to film {}", r.kind.as_str(), r.id, r.film_id)
            })
        }
        ReviewCommand::List { film_id } => {
            let reviews = catalog.list_reviews(film_id)?;
            out.show(&reviews, |reviews| output::reviews_table(reviews))
        }
        ReviewCommand::Show { id } => out.show(&catalog.get_review(id)?, output::review_text),
        ReviewCommand::Edit { id, fields } => {
            let review = catalog.update_review(id, &input(fields)?)?;
            out.show(&review, |r| {
                println!("Updated {} {}", r.kind.as_str(), r.id)
            })
        }
        ReviewCommand::Delete { id } => {
            catalog.delete_review(id)?;
            out.show(&json!({ "id": id, "deleted": true }), |_| {
                println!("Deleted review {id}")
            })
        }
    }
}

fn input(fields: ReviewFields) -> anyhow::Result<ReviewInput> {
    let body = match (fields.text, fields.file) {
        (Some(text), _) => text,
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read the review from standard input")?;
            text
        }
        (None, Some(path)) => std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the review file {}", path.display()))?,
        (None, None) => String::new(),
    };
    Ok(ReviewInput {
        kind: fields.kind,
        title: fields.title,
        author: fields.author,
        source: fields.source,
        url: fields.url,
        published_on: fields.published,
        rating: fields.rating,
        spoiler: fields.spoiler,
        body,
    })
}
