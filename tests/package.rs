//! The `.deb` as a person gets it: installed with apt, `cinedex` run from the PATH (the version
//! and a real CLI command), the menu entry validated, the icons in place, then removed again.
//! Needs root (or sudo) and a built package: run it with `make test-package`, which builds first.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn newest_deb() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/bundle/deb");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; run `make package` first", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "deb"))
        .max_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .unwrap_or_else(|| panic!("no .deb in {}; run `make package` first", dir.display()))
}

/// Runs a command as root: directly when we are root, through sudo otherwise.
fn root(args: &[&str]) -> Output {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false);
    let mut command = if is_root {
        Command::new(args[0])
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg(args[0]);
        sudo
    };
    command
        .args(&args[1..])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .expect("run a package command")
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Removes the package when the test ends, passed or failed.
struct Installed(String);

impl Drop for Installed {
    fn drop(&mut self) {
        let removed = root(&["apt-get", "remove", "-y", "-qq", &self.0]);
        if !removed.status.success() {
            eprintln!("could not remove {}: {}", self.0, text(&removed));
        }
    }
}

#[test]
#[ignore = "installs a system package; run through `make test-package`"]
fn the_deb_installs_cinedex_on_the_path_with_a_valid_menu_entry_and_removes_cleanly() {
    let deb = newest_deb();
    let size = std::fs::metadata(&deb).unwrap().len();
    println!("{}: {:.1} MiB", deb.display(), size as f64 / 1048576.0);
    let name = text(&run("dpkg-deb", &["-f", deb.to_str().unwrap(), "Package"]))
        .trim()
        .to_owned();
    assert_eq!(name, "cinedex");

    let install = root(&["apt-get", "install", "-y", "-qq", deb.to_str().unwrap()]);
    assert!(
        install.status.success(),
        "apt-get install: {}",
        text(&install)
    );
    let installed = Installed(name.clone());

    let version = run("cinedex", &["--version"]);
    assert!(version.status.success(), "{}", text(&version));
    assert_eq!(
        text(&version).trim(),
        format!("cinedex {}", env!("CARGO_PKG_VERSION"))
    );
    let which = text(&run("sh", &["-c", "command -v cinedex"]));
    assert_eq!(which.trim(), "/usr/bin/cinedex");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    let db = db.to_str().unwrap();
    let added = run(
        "/usr/bin/cinedex",
        &["--db", db, "--json", "add", "--title", "T"],
    );
    assert!(added.status.success(), "{}", text(&added));
    let listed = run("/usr/bin/cinedex", &["--db", db, "list"]);
    assert!(text(&listed).contains('T'), "{}", text(&listed));

    let files = text(&run("dpkg", &["-L", &name]));
    let desktop = files
        .lines()
        .find(|line| line.starts_with("/usr/share/applications/") && line.ends_with(".desktop"))
        .unwrap_or_else(|| panic!("no menu entry among {files}"));
    let validate = run("desktop-file-validate", &[desktop]);
    assert!(
        validate.status.success() && text(&validate).trim().is_empty(),
        "desktop-file-validate {desktop}: {}",
        text(&validate)
    );
    let entry = std::fs::read_to_string(desktop).unwrap();
    assert!(entry.contains("Categories=AudioVideo;Video;"), "{entry}");
    assert!(entry.contains("Comment="), "{entry}");
    assert!(entry.contains("Exec=cinedex"), "{entry}");
    for size in [
        "16x16", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512",
    ] {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/cinedex.png");
        assert!(files.lines().any(|l| l == icon), "missing {icon}");
    }

    drop(installed);
    assert!(
        !Path::new("/usr/bin/cinedex").exists(),
        "removing the package removes the command"
    );
}
