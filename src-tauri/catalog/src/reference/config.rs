//! The lookup settings a person sets (`tmdb-key`, `offline`), in a file of their config directory
//! readable by them only (mode 0600): never in the catalog, never in an export.

use crate::field::Field;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CatalogError, Result};

/// The settings file's name in the config directory.
pub const SETTINGS_FILE: &str = "settings.json";

/// A setting's name as the command line and the window spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingName {
    TmdbKey,
    Offline,
}

impl SettingName {
    pub const ALL: [SettingName; 2] = [SettingName::TmdbKey, SettingName::Offline];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingName::TmdbKey => "tmdb-key",
            SettingName::Offline => "offline",
        }
    }

    pub fn parse(text: &str) -> Result<SettingName> {
        SettingName::ALL
            .into_iter()
            .find(|name| name.as_str() == text)
            .ok_or_else(|| {
                CatalogError::invalid(
                    Field::Setting,
                    format!("no setting {text:?}; there are tmdb-key and offline"),
                )
            })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub tmdb_key: Option<String>,
    pub offline: bool,
}

impl Settings {
    /// The settings in `dir`, or the defaults when there is no file yet.
    pub fn load(dir: &Path) -> Result<Settings> {
        let path = dir.join(SETTINGS_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(source) => return Err(CatalogError::Io { path, source }),
        };
        serde_json::from_str(&text).map_err(|e| CatalogError::Import {
            file: path.display().to_string(),
            line: Some(e.line() as u64),
            column: None,
            message: format!("not a Cinedex settings file: {e}"),
        })
    }

    /// Writes the settings to `dir` (made if missing) readable by the owner only, replacing the
    /// file at once so a crash leaves the old or the new one.
    pub fn save(&self, dir: &Path) -> Result<PathBuf> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| CatalogError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let path = dir.join(SETTINGS_FILE);
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| CatalogError::Conflict(e.to_string()))?;
        let mut file = tempfile::Builder::new()
            .prefix(".settings")
            .tempfile_in(dir)
            .map_err(io(dir))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(io(file.path()))?;
        }
        file.write_all(text.as_bytes()).map_err(io(&path))?;
        file.as_file().sync_all().map_err(io(&path))?;
        file.persist(&path).map_err(|e| CatalogError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        Ok(path)
    }

    /// The value as `config get` prints it; the key is shown by its last four characters only.
    pub fn get(&self, name: SettingName) -> Option<String> {
        match name {
            SettingName::TmdbKey => self.tmdb_key.as_deref().map(masked),
            SettingName::Offline => Some(self.offline.to_string()),
        }
    }

    pub fn set(&mut self, name: SettingName, value: &str) -> Result<()> {
        match name {
            SettingName::TmdbKey => {
                let key = value.trim();
                let fits = (16..=400).contains(&key.len())
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
                if !fits {
                    return Err(CatalogError::invalid(
                        Field::TmdbKey,
                        "a TMDB API key is 16 to 400 letters, digits, dots, dashes or underscores",
                    ));
                }
                self.tmdb_key = Some(key.to_owned());
            }
            SettingName::Offline => {
                self.offline = match value.trim().to_ascii_lowercase().as_str() {
                    "true" | "on" | "yes" | "1" => true,
                    "false" | "off" | "no" | "0" => false,
                    _ => {
                        return Err(CatalogError::invalid(
                            Field::Offline,
                            "offline is true or false",
                        ))
                    }
                }
            }
        }
        Ok(())
    }

    pub fn unset(&mut self, name: SettingName) {
        match name {
            SettingName::TmdbKey => self.tmdb_key = None,
            SettingName::Offline => self.offline = false,
        }
    }
}

fn masked(key: &str) -> String {
    let tail: String = key
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}

/// `CINEDEX_CONFIG_DIR` when set (tests), else the front's own config directory.
pub fn config_dir(default: Option<PathBuf>) -> Option<PathBuf> {
    std::env::var_os("CINEDEX_CONFIG_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or(default)
}
