//! `cinedex lists` and `cinedex list-show ID`.

use cinedex_catalog::Catalog;

use super::output::{self, Output};

pub fn list(catalog: &Catalog, out: &Output) -> anyhow::Result<()> {
    let lists = catalog.list_lists()?;
    out.show(&lists, |lists| {
        if lists.is_empty() {
            println!("No lists.");
        }
        for list in lists {
            println!("#{} {} ({} films)", list.id, list.name, list.film_count);
        }
    })
}

pub fn show(catalog: &Catalog, out: &Output, id: i64) -> anyhow::Result<()> {
    let detail = catalog.get_list(id)?;
    out.show(&detail, |d| {
        println!("{}", d.list.name);
        if let Some(description) = &d.list.description {
            println!("  {description}");
        }
        for entry in &d.entries {
            let note = entry
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            println!(
                "{:>4}. {}{note}",
                entry.position,
                output::film_line(&entry.film)
            );
        }
    })
}
