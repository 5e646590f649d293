//! The lookup settings: kept in the config directory readable by the owner only, the key shown
//! masked, bad values refused naming the setting.

use cinedex_catalog::{ExternalId, SettingName, Settings};

#[test]
fn settings_are_saved_readable_by_the_owner_only_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(dir.path()).unwrap();
    assert_eq!(settings, Settings::default(), "no file yet is the defaults");
    settings
        .set(SettingName::TmdbKey, "0123456789abcdef0123")
        .unwrap();
    settings.set(SettingName::Offline, "true").unwrap();
    let path = settings.save(&dir.path().join("config")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = Settings::load(&dir.path().join("config")).unwrap();
    assert_eq!(again, settings);
    assert_eq!(again.get(SettingName::TmdbKey).as_deref(), Some("…0123"));
    assert_eq!(again.get(SettingName::Offline).as_deref(), Some("true"));
}

#[test]
fn unsetting_returns_a_setting_to_its_default() {
    let mut settings = Settings {
        tmdb_key: Some("0123456789abcdef0123".into()),
        offline: true,
    };
    settings.unset(SettingName::TmdbKey);
    settings.unset(SettingName::Offline);
    assert_eq!(settings, Settings::default());
}

#[test]
fn a_bad_value_or_an_unknown_setting_is_refused_naming_it() {
    let mut settings = Settings::default();
    let key = settings.set(SettingName::TmdbKey, "short").unwrap_err();
    assert_eq!(key.field(), Some("tmdbKey"));
    let offline = settings.set(SettingName::Offline, "maybe").unwrap_err();
    assert_eq!(offline.field(), Some("offline"));
    let unknown = SettingName::parse("colour").unwrap_err();
    assert_eq!(unknown.field(), Some("setting"));
    assert_eq!(settings, Settings::default());
}

#[test]
fn external_ids_are_read_from_their_written_forms() {
    let parsed = |text: &str| ExternalId::parse(text).map(|id| (id.source, id.value));
    assert_eq!(
        parsed("wikidata:q155653"),
        Some(("wikidata".into(), "Q155653".into()))
    );
    assert_eq!(
        parsed("imdb:tt0245429"),
        Some(("imdb".into(), "tt0245429".into()))
    );
    assert_eq!(
        parsed("tt0245429"),
        Some(("imdb".into(), "tt0245429".into()))
    );
    assert_eq!(parsed("tmdb:129"), Some(("tmdb".into(), "129".into())));
    assert_eq!(parsed("tmdb:12a"), None);
    assert_eq!(parsed("imdb:0245429"), None);
    assert_eq!(parsed("letterboxd:x"), None);
}

#[test]
fn the_window_changes_settings_through_a_view_that_never_holds_the_key() {
    use cinedex_catalog::{change_settings, SettingsChange};
    let dir = tempfile::tempdir().unwrap();
    let key = "0123456789abcdef0123456789abcdef";
    let view = change_settings(
        dir.path(),
        &SettingsChange {
            tmdb_key: Some(key.into()),
            offline: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(view.offline);
    assert_eq!(view.tmdb_key.as_deref(), Some("…cdef"));
    assert!(view.tmdb_ready, "a saved key makes TMDB ready");
    assert!(!serde_json::to_string(&view).unwrap().contains(key));

    // A refused key saves nothing, not even the switch sent with it.
    let refused = change_settings(
        dir.path(),
        &SettingsChange {
            tmdb_key: Some("short".into()),
            offline: Some(false),
            ..Default::default()
        },
    );
    assert!(refused.is_err());
    let kept = cinedex_catalog::Settings::load(dir.path()).unwrap();
    assert!(kept.offline);
    assert_eq!(kept.tmdb_key.as_deref(), Some(key));

    let removed = change_settings(
        dir.path(),
        &SettingsChange {
            remove_tmdb_key: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(removed.tmdb_key, None);
    assert!(removed.offline);
    if std::env::var_os("CINEDEX_TMDB_KEY").is_none() {
        assert!(!removed.tmdb_ready);
    }
}
