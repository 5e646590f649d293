//! Where a Letterboxd export's files come from: the export ZIP as Letterboxd writes it, a ZIP of
//! the extracted folder (one folder at its root), the extracted folder itself, or one of its CSV
//! files on its own. Only the export's own top-level files and `lists/` are read: the `deleted/`
//! and `orphaned/` folders of an export hold entries of the same names that are gone.

use std::io::Read;
use std::path::Path;

use crate::error::Result;

use super::record::fatal;
use super::{archive, table};

/// The export's files read as a catalog's history, at the export's root.
const FILES: [&str; 5] = [
    "watched.csv",
    "watchlist.csv",
    "ratings.csv",
    "diary.csv",
    "reviews.csv",
];

/// Whether `name`, relative to the export's root, is a file the import reads.
fn wanted(name: &str) -> bool {
    FILES.contains(&name) || is_list(name)
}

pub fn is_list(name: &str) -> bool {
    name.strip_prefix("lists/")
        .is_some_and(|rest| rest.ends_with(".csv") && !rest.contains('/'))
}

/// The export's files under `path`, as (name relative to the export's root, bytes).
pub fn members(path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let shown = path.display().to_string();
    let found = if path.is_dir() {
        from_folder(path)?
    } else if is_csv_file(path)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !FILES.contains(&name.as_str()) {
            return Err(fatal(
                &shown,
                None,
                format!(
                    "a Letterboxd CSV on its own must be one of {} as the export names it (or import the export ZIP or its folder)",
                    FILES.join(", ")
                ),
            ));
        }
        vec![(name, table::read_file(path)?)]
    } else {
        from_zip(path)?
    };
    if found.is_empty() {
        return Err(fatal(
            &shown,
            None,
            "this has none of Letterboxd's files (watched.csv, diary.csv, ratings.csv, ...)",
        ));
    }
    Ok(found)
}

/// A `.csv` file that is not a ZIP (a ZIP named `.csv` is still read as one).
fn is_csv_file(path: &Path) -> Result<bool> {
    let named_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !named_csv {
        return Ok(false);
    }
    let mut start = Vec::with_capacity(4);
    table::open(path)?
        .take(4)
        .read_to_end(&mut start)
        .map_err(|source| crate::CatalogError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(start != b"PK\x03\x04")
}

fn from_zip(path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    // The export's own files at the root; else, a ZIP made of the extracted folder: every member
    // under one folder, read as if that folder were the root.
    let names = archive::member_names(path)?;
    let folder = if names.iter().any(|n| wanted(n)) {
        String::new()
    } else {
        match single_folder(&names) {
            Some(folder) => folder,
            None => return Ok(Vec::new()),
        }
    };
    let members =
        archive::read_members(path, |name| name.strip_prefix(&folder).is_some_and(wanted))?;
    Ok(members
        .into_iter()
        .map(|(name, bytes)| (name[folder.len()..].to_owned(), bytes))
        .collect())
}

/// `"folder/"` when every name lies under that one folder.
fn single_folder(names: &[String]) -> Option<String> {
    let first = names.first()?.split_once('/')?.0;
    let folder = format!("{first}/");
    names
        .iter()
        .all(|n| n.starts_with(&folder))
        .then_some(folder)
}

fn from_folder(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut found = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        if path.is_file() {
            found.push((name.to_owned(), table::read_file(&path)?));
        }
    }
    let lists = dir.join("lists");
    if lists.is_dir() {
        let mut names: Vec<String> = std::fs::read_dir(&lists)
            .map_err(|source| crate::CatalogError::Io {
                path: lists.clone(),
                source,
            })?
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| format!("lists/{}", e.file_name().to_string_lossy()))
            .filter(|name| is_list(name))
            .collect();
        names.sort();
        for name in names {
            let bytes = table::read_file(&dir.join(&name))?;
            found.push((name, bytes));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exports_own_files_are_wanted() {
        assert!(wanted("diary.csv"));
        assert!(wanted("lists/favourites.csv"));
        assert!(!wanted("deleted/diary.csv"));
        assert!(!wanted("orphaned/reviews.csv"));
        assert!(!wanted("likes/films.csv"));
        assert!(!wanted("lists/old/x.csv"));
        assert!(!wanted("profile.csv"));
    }

    #[test]
    fn one_folder_at_the_root_is_found_and_two_are_not() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            single_folder(&names(&["me-2024/diary.csv", "me-2024/lists/a.csv"])),
            Some("me-2024/".into())
        );
        assert_eq!(single_folder(&names(&["a/diary.csv", "b/diary.csv"])), None);
        assert_eq!(single_folder(&names(&["diary.csv"])), None);
    }
}
