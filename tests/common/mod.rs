//! Shared by the command-line tests: a temporary catalog and the `cinedex` binary run on it.

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Shell {
    _dir: TempDir,
    pub db: std::path::PathBuf,
}

impl Shell {
    pub fn new() -> Shell {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("catalog.sqlite");
        Shell { _dir: dir, db }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("cinedex").unwrap();
        // No test reaches the internet: the ones that look films up point the CLI at a local
        // server and lift this.
        cmd.env_remove("CINEDEX_DB")
            .env("CINEDEX_OFFLINE", "1")
            .arg("--db")
            .arg(&self.db)
            .args(args);
        cmd
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let output = self
            .cmd(args)
            .arg("--json")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&output)
            .unwrap_or_else(|e| panic!("{args:?} printed invalid JSON: {e}"))
    }

    /// Where this shell's settings (the TMDB key, the offline switch) live.
    pub fn config_dir(&self) -> std::path::PathBuf {
        self.db.with_file_name("config")
    }

    /// `cinedex ARGS` with the network on, Wikidata at `wikidata` (a local stand-in), no TMDB key
    /// and the settings in [`Shell::config_dir`].
    pub fn online(&self, wikidata: &str, args: &[&str]) -> Command {
        let mut cmd = self.cmd(args);
        cmd.env("CINEDEX_CONFIG_DIR", self.config_dir())
            .env("CINEDEX_WIKIDATA_URL", wikidata)
            .env_remove("CINEDEX_OFFLINE")
            .env_remove("CINEDEX_TMDB_KEY");
        cmd
    }

    /// [`Shell::online`] with `--json`, which must succeed; its output parsed.
    pub fn online_json(&self, wikidata: &str, args: &[&str]) -> Value {
        json_of(&self.online(wikidata, args).arg("--json").assert().success())
    }

    pub fn film_count(&self) -> usize {
        self.json(&["list"]).as_array().unwrap().len()
    }
}

pub fn innocence(shell: &Shell) -> Value {
    shell.json(&[
        "add",
        "--title",
        "Ghost in the Shell 2: Innocence",
        "--original-title",
        "イノセンス",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
        "--director",
        "Kazunori Itō",
        "--theme",
        "cyberpunk",
        "--theme",
        "identity",
        "--theme",
        "dolls",
    ])
}

/// What a command printed on standard output, as JSON.
pub fn json_of(output: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&output.get_output().stdout).unwrap()
}

/// The one `error: ...` line a failed command printed on standard error.
pub fn one_error_line(output: &assert_cmd::assert::Assert) -> String {
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).to_string();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error:"), "{stderr}");
    stderr
}

/// The one way the app's tests add a film: `film("Heat").year(1995).director("Michael Mann")`, as
/// the `cinedex add` arguments it stands for, run on a [`Shell`] or handed to a real-window
/// test's `Desktop::cli`.
pub fn film(title: &str) -> FilmArgs {
    FilmArgs(vec!["add".into(), "--title".into(), title.into()])
}

#[derive(Debug, Clone)]
pub struct FilmArgs(Vec<String>);

impl FilmArgs {
    pub fn year(self, year: impl std::fmt::Display) -> Self {
        self.with("--year", &year.to_string())
    }

    pub fn director(self, name: &str) -> Self {
        self.with("--director", name)
    }

    /// The command line's arguments, `add` first.
    pub fn args(&self) -> Vec<&str> {
        self.0.iter().map(String::as_str).collect()
    }

    /// Adds the film on `shell`'s catalog and returns it as `--json` printed it.
    pub fn add(&self, shell: &Shell) -> Value {
        shell.json(&self.args())
    }

    /// [`FilmArgs::add`], for the new film's id.
    pub fn add_id(&self, shell: &Shell) -> i64 {
        let added = self.add(shell);
        added["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("`cinedex add` printed no id: {added}"))
    }

    fn with(mut self, flag: &str, value: &str) -> Self {
        self.0.extend([flag.to_string(), value.to_string()]);
        self
    }
}

/// A file of the app's test fixtures (tests/fixtures).
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
