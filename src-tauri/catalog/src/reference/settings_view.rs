//! The lookup settings as the window shows and changes them: whether lookups are off, and
//! whether a TMDB key is saved (only its last characters, never the key itself: it must not
//! reach the webview), with what the environment overrides said plainly.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::config::{SettingName, Settings};
use super::offline_by_environment;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    /// The saved switch: every network call off.
    pub offline: bool,
    /// `CINEDEX_OFFLINE` is set, so lookups are off whatever the switch says.
    pub offline_by_environment: bool,
    /// The saved key's last four characters (`…cdef`), when one is saved.
    pub tmdb_key: Option<String>,
    /// `CINEDEX_TMDB_KEY` is set and wins over the saved key.
    pub tmdb_key_by_environment: bool,
    /// TMDB can be asked: a key is saved or set in the environment (the rule lookups use).
    pub tmdb_ready: bool,
}

/// A change the window asks for; what is absent stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingsChange {
    pub offline: Option<bool>,
    /// A new key to save (checked like `cinedex config set tmdb-key`).
    pub tmdb_key: Option<String>,
    pub remove_tmdb_key: bool,
}

impl Settings {
    pub fn view(&self) -> SettingsView {
        SettingsView {
            offline: self.offline,
            offline_by_environment: offline_by_environment(),
            tmdb_key: self.get(SettingName::TmdbKey),
            tmdb_key_by_environment: std::env::var("CINEDEX_TMDB_KEY")
                .is_ok_and(|k| !k.trim().is_empty()),
            tmdb_ready: super::ReferenceOptions::from_environment(self)
                .tmdb_key
                .is_some(),
        }
    }
}

/// Applies `change` to the settings in `dir` and saves them (mode 0600); a refused value saves
/// nothing.
pub fn change_settings(dir: &Path, change: &SettingsChange) -> Result<SettingsView> {
    let mut settings = Settings::load(dir)?;
    if let Some(offline) = change.offline {
        settings.set(SettingName::Offline, if offline { "true" } else { "false" })?;
    }
    if change.remove_tmdb_key {
        settings.unset(SettingName::TmdbKey);
    }
    if let Some(key) = &change.tmdb_key {
        settings.set(SettingName::TmdbKey, key)?;
    }
    settings.save(dir)?;
    Ok(settings.view())
}
