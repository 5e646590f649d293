//! The model of the backup model test (backup_model.rs): what the catalog and each backup
//! should hold, and the check of the real catalog file and backups folder against it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use cinedex_catalog::{backups_dir, list_backups, BackupInfo, BackupReason};
use cinedex_catalog::{Catalog, FilmListQuery};
use rusqlite::{Connection, OpenFlags};

/// What the catalog holds: each film's title (unique in this test), year and whether it is in
/// the trash.
pub type Snapshot = BTreeMap<String, (Option<i64>, bool)>;

/// The model and the real catalog it is compared with.
pub struct World {
    pub dir: tempfile::TempDir,
    pub catalog: Catalog,
    pub backups: PathBuf,
    pub clock_ms: Arc<AtomicI64>,
    pub films: Snapshot,
    /// Every backup the model knows, by path, with what it held when written.
    pub listed: BTreeMap<String, Known>,
    pub last_safety_copy: Option<String>,
    pub next_title: u32,
}

pub type Checked = Result<(), String>;

/// A backup as the model knows it.
pub struct Known {
    pub info: BackupInfo,
    pub held: Snapshot,
    /// The file's bytes once its content was checked against `held`: a backup is never written
    /// again, so later checks compare bytes instead of opening it every step.
    pub verified: Option<Vec<u8>>,
}

pub fn fail<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{what}: {e}")
}

impl World {
    pub fn new() -> Result<World, String> {
        // tmpfs where there is one: every edit and backup is fsynced, which a disk makes slow.
        let dir = match Path::new("/dev/shm").is_dir() {
            true => tempfile::tempdir_in("/dev/shm"),
            false => tempfile::tempdir(),
        }
        .map_err(fail("temporary folder"))?;
        let path = dir.path().join("catalog.sqlite");
        let clock_ms = Arc::new(AtomicI64::new(1_930_000_000_000)); // February 2031
        let now = Arc::clone(&clock_ms);
        let clock = Arc::new(move || {
            DateTime::from_timestamp_millis(now.load(Ordering::SeqCst)).unwrap_or_default()
        });
        let catalog = Catalog::open_with_clock(&path, clock).map_err(fail("open"))?;
        Ok(World {
            backups: backups_dir(&path),
            dir,
            catalog,
            clock_ms,
            films: Snapshot::new(),
            listed: BTreeMap::new(),
            last_safety_copy: None,
            next_title: 0,
        })
    }

    pub fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.clock_ms.load(Ordering::SeqCst)).unwrap_or_default()
    }

    pub fn fresh_title(&mut self) -> String {
        self.next_title += 1;
        format!("Film {}", self.next_title)
    }

    pub fn live_titles(&self) -> Vec<String> {
        let live = self.films.iter().filter(|(_, (_, trashed))| !trashed);
        live.map(|(title, _)| title.clone()).collect()
    }

    pub fn film_id(&self, title: &str) -> Result<i64, String> {
        let films = self.catalog.list_films(&FilmListQuery::default());
        let films = films.map_err(fail("list"))?;
        let film = films.into_iter().find(|f| f.title == title);
        film.map(|f| f.id).ok_or(format!("{title} is missing"))
    }

    pub fn remember(&mut self, info: &BackupInfo, held: Snapshot) -> Checked {
        let known = Known {
            info: info.clone(),
            held,
            verified: None,
        };
        match self.listed.insert(info.path.clone(), known) {
            Some(_) => Err(format!("{} was written twice", info.path)),
            None => Ok(()),
        }
    }

    /// Compares the catalog and its backups with the model; backups thinned away leave it.
    pub fn check(&mut self, spared: &[String]) -> Checked {
        let actual = self.catalog_snapshot()?;
        if actual != self.films {
            return Err(format!(
                "the catalog holds {actual:?}, not {:?}",
                self.films
            ));
        }
        let listed = list_backups(&self.backups).map_err(fail("list backups"))?;
        let listed: BTreeSet<String> = listed.into_iter().map(|b| b.path).collect();
        if let Some(stranger) = listed.iter().find(|p| !self.listed.contains_key(*p)) {
            return Err(format!("{stranger} is listed but was never written"));
        }
        let newest: BTreeSet<String> = BackupReason::AUTOMATIC
            .iter()
            .filter_map(|reason| {
                let of_kind = self.listed.values().map(|k| &k.info);
                of_kind
                    .filter(|b| b.reason == *reason)
                    .map(|b| (b.created_at, b.path.clone()))
                    .max()
                    .map(|(_, path)| path)
            })
            .collect();
        let gone: Vec<String> = self
            .listed
            .keys()
            .filter(|p| !listed.contains(*p))
            .cloned()
            .collect();
        for path in gone {
            let info = &self.listed[&path].info;
            if info.reason == BackupReason::Manual || newest.contains(&path) {
                return Err(format!("{path} ({:?}) was thinned away", info.reason));
            }
            if spared.contains(&path) {
                return Err(format!("{path} was thinned while it was in use"));
            }
            self.listed.remove(&path);
        }
        for (path, known) in self.listed.iter_mut() {
            let bytes = std::fs::read(path).map_err(fail(path))?;
            match &known.verified {
                Some(verified) if *verified == bytes => continue,
                Some(_) => return Err(format!("{path} was written to after it was made")),
                None => {}
            }
            let found = snapshot(Path::new(path))?;
            if found != known.held {
                return Err(format!("{path} holds {found:?}, not {:?}", known.held));
            }
            known.verified = Some(bytes);
        }
        Ok(())
    }

    /// The catalog's films through its own API, which the restores must keep up to date.
    pub fn catalog_snapshot(&self) -> Result<Snapshot, String> {
        let live = self.catalog.list_films(&FilmListQuery::default());
        let trash = self.catalog.list_trash().map_err(fail("trash"))?;
        let live = live.map_err(fail("list"))?.into_iter().map(|f| (f, false));
        let all = live.chain(trash.into_iter().map(|f| (f, true)));
        Ok(all
            .map(|(f, trashed)| (f.title, (f.year.map(i64::from), trashed)))
            .collect())
    }
}

/// The films in the catalog file at `path`, read without changing it.
pub fn snapshot(path: &Path) -> Result<Snapshot, String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let what = format!("read {}", path.display());
    let conn = Connection::open_with_flags(path, flags).map_err(fail(&what))?;
    let mut stmt = conn
        .prepare("SELECT title, year, deleted_at IS NOT NULL FROM films")
        .map_err(fail(&what))?;
    let rows = stmt
        .query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))
        .map_err(fail(&what))?;
    rows.collect::<rusqlite::Result<Snapshot>>()
        .map_err(fail(&what))
}
