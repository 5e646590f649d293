//! The library's first page, read while the window is still loading its page: the webview takes
//! a couple of hundred milliseconds to start, and the catalog answers in that time instead of
//! after it. The page is handed over once, to the first request for exactly that query, and only
//! if nothing was committed to the catalog since it was read.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use cinedex_catalog::{Catalog, ChangeWatcher, FilmListQuery, FilmPage};

/// How many films a page of the library holds (the UI's `PAGE_SIZE`).
pub const PAGE_SIZE: u32 = 100;

/// A request never waits longer than this for the read under way; it reads for itself after.
const WAIT_AT_MOST: Duration = Duration::from_secs(2);

/// The query the library opens with when it is not grouped: every film, by title.
pub fn opening_query() -> FilmListQuery {
    FilmListQuery {
        limit: Some(PAGE_SIZE),
        ..FilmListQuery::default()
    }
}

enum Slot {
    Reading,
    Read {
        page: FilmPage,
        /// Created before the read: it notices any commit the page might not include.
        watcher: ChangeWatcher,
    },
    Gone,
}

/// The page being read, read, or already handed over (or never read).
#[derive(Clone)]
pub struct FirstPage(Arc<Shared>);

struct Shared {
    slot: Mutex<Slot>,
    read: Condvar,
}

impl Default for FirstPage {
    fn default() -> Self {
        FirstPage(Arc::new(Shared {
            slot: Mutex::new(Slot::Gone),
            read: Condvar::new(),
        }))
    }
}

impl FirstPage {
    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.0.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts reading the opening page of `catalog` on a thread of its own.
    pub fn start_reading(&self, catalog: Catalog) {
        let Ok(watcher) = catalog.watch_changes() else {
            return; // an in-memory catalog: nothing worth reading ahead
        };
        *self.slot() = Slot::Reading;
        let this = self.clone();
        std::thread::spawn(move || {
            let read = catalog.list_film_page(&opening_query());
            *this.slot() = match read {
                Ok(page) => Slot::Read { page, watcher },
                // The request will read again and report the error itself.
                Err(_) => Slot::Gone,
            };
            this.0.read.notify_all();
        });
    }

    /// Whether `take` might answer `query`: it is the opening query and the page is not gone.
    pub fn may_answer(&self, query: &FilmListQuery) -> bool {
        *query == opening_query() && !matches!(*self.slot(), Slot::Gone)
    }

    /// The page read ahead, if `query` is the one it answers and the catalog is unchanged since;
    /// waits for a read under way. After the first call, always `None`.
    pub fn take(&self, query: &FilmListQuery) -> Option<FilmPage> {
        if *query != opening_query() {
            return None;
        }
        let slot = self.slot();
        let (mut slot, _) = self
            .0
            .read
            .wait_timeout_while(slot, WAIT_AT_MOST, |s| matches!(s, Slot::Reading))
            .unwrap_or_else(|p| p.into_inner());
        match std::mem::replace(&mut *slot, Slot::Gone) {
            Slot::Read { page, mut watcher } => match watcher.changed() {
                Ok(false) => Some(page),
                _ => None,
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinedex_catalog::FilmInput;

    fn catalog_with(titles: &[&str]) -> (tempfile::TempDir, Catalog) {
        let dir = tempfile::tempdir().expect("temp dir");
        let catalog = Catalog::open(dir.path().join("catalog.sqlite")).expect("catalog");
        for title in titles {
            let film = FilmInput {
                title: (*title).into(),
                ..FilmInput::default()
            };
            catalog.add_film(&film).expect("film");
        }
        (dir, catalog)
    }

    fn titles(page: &FilmPage) -> Vec<&str> {
        page.films.iter().map(|f| f.title.as_str()).collect()
    }

    #[test]
    fn the_opening_query_gets_the_page_read_ahead_once() {
        let (_dir, catalog) = catalog_with(&["Stalker", "Alphaville"]);
        let first_page = FirstPage::default();
        first_page.start_reading(catalog);
        assert!(first_page.may_answer(&opening_query()));
        let page = first_page
            .take(&opening_query())
            .expect("the page read ahead");
        assert_eq!(titles(&page), ["Alphaville", "Stalker"]);
        assert_eq!(page.total, 2);
        assert!(!first_page.may_answer(&opening_query()));
        assert!(first_page.take(&opening_query()).is_none());
    }

    #[test]
    fn another_query_is_not_answered_from_it() {
        let (_dir, catalog) = catalog_with(&["Stalker"]);
        let first_page = FirstPage::default();
        first_page.start_reading(catalog);
        let by_year = FilmListQuery {
            sort: cinedex_catalog::FilmSort::Year,
            ..opening_query()
        };
        assert!(!first_page.may_answer(&by_year));
        assert!(first_page.take(&by_year).is_none());
        assert!(first_page.take(&opening_query()).is_some());
    }

    #[test]
    fn a_commit_after_the_read_makes_it_stale() {
        let (_dir, catalog) = catalog_with(&["Stalker"]);
        let first_page = FirstPage::default();
        first_page.start_reading(catalog.clone());
        // Wait for the read, then change the catalog behind it.
        let started = std::time::Instant::now();
        while matches!(*first_page.slot(), Slot::Reading) {
            assert!(started.elapsed() < WAIT_AT_MOST, "the read never finished");
            std::thread::sleep(Duration::from_millis(5));
        }
        let film = FilmInput {
            title: "Alphaville".into(),
            ..FilmInput::default()
        };
        catalog.add_film(&film).expect("film");
        assert!(first_page.take(&opening_query()).is_none());
    }
}

#[cfg(test)]
mod tied_to_the_ui {
    use super::*;

    fn ui_source(path: &str) -> String {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
    }

    /// The text after `start` up to the first `end`.
    fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
        let from = text
            .find(start)
            .unwrap_or_else(|| panic!("`{start}` not found"))
            + start.len();
        let to = text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("`{end}` not found"));
        text[from..from + to].trim()
    }

    /// The page read ahead at start-up is used only when it is exactly the library's first
    /// query (ui/src/lib/library/opening.ts with pages.ts): this ties the two spellings.
    #[test]
    fn the_read_ahead_is_the_query_the_library_opens_with() {
        let pages = ui_source("ui/src/lib/library/pages.ts");
        let opening = ui_source("ui/src/lib/library/opening.ts");
        let ui_page_size: u32 = between(&pages, "export const PAGE_SIZE =", ";")
            .parse()
            .expect("PAGE_SIZE is a number");
        assert_eq!(ui_page_size, PAGE_SIZE);
        let order = between(&opening, "export const OPENING_ORDER: SortState =", ";");
        let ours = serde_json::to_value(opening_query()).expect("a query");
        assert_eq!(
            order.replace(' ', ""),
            format!(
                "{{sort:{},descending:{}}}",
                ours["sort"], ours["descending"]
            )
        );
        let query = between(
            &opening,
            "libraryQuery(filter: string, order: SortState): FilmListQuery {",
            "}",
        );
        for (key, spelled) in [
            ("titleFilter", "filter.trim() || null"),
            ("watchStatus", "null"),
            ("group", "null"),
            ("offset", "0"),
            ("limit", "PAGE_SIZE"),
        ] {
            assert!(
                query.contains(&format!("{key}: {spelled},")),
                "libraryQuery's {key} is not `{spelled}`"
            );
        }
        assert_eq!(ours["titleFilter"], serde_json::Value::Null);
        assert_eq!(ours["watchStatus"], serde_json::Value::Null);
        assert_eq!(ours["group"], serde_json::Value::Null);
        assert_eq!(ours["offset"], 0);
        assert_eq!(ours["limit"], PAGE_SIZE);
    }
}
