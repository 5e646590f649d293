//! The harness for real-window tests: an Xvfb display, tauri-driver (which drives WebKitWebDriver)
//! in its own process group, and fantoccini sessions that launch the release binary on a
//! temporary catalog. Everything started here is killed on drop, even when a test panics.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../display/mod.rs"]
mod display;

use display::Display;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub const ENTER: &str = "\u{E007}";
/// Ctrl+A, release, Backspace: empties a field the way a person does, firing input events.
pub const SELECT_ALL_AND_DELETE: &str = "\u{E009}a\u{E000}\u{E003}";
const WAIT: Duration = Duration::from_secs(15);

/// A child process that takes its whole process group down when dropped: tauri-driver's
/// WebKitWebDriver child must not outlive the test holding our pipes open.
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Desktop {
    // Dropped in order: the driver (and the app it launched) before the display.
    _driver: Group,
    _display: Display,
    driver_port: u16,
    dir: tempfile::TempDir,
}

impl Desktop {
    /// Starts a private display and tauri-driver; the app will use a fresh catalog in a temp dir.
    pub fn start() -> Desktop {
        Desktop::start_with_env(&[])
    }

    /// [`Desktop::start`] with more environment for the app (set last, so it wins): a test that
    /// serves the reference locally points the app at it and lifts the offline switch.
    pub fn start_with_env(env: &[(&str, &str)]) -> Desktop {
        let binary = app_binary();
        assert!(
            binary.exists(),
            "{} is missing: run `make build` first",
            binary.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let display = Display::start();
        let driver_port = free_port();
        let native_port = free_port();
        let mut driver = Command::new(tauri_driver());
        driver
            .args([
                "--port",
                &driver_port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", display.name())
            .env("CINEDEX_DB", dir.path().join("catalog.sqlite"))
            // The webview's storage (library view and grouping) and the window state live here:
            // each test starts from a fresh profile, whatever ran before.
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            // No test reaches the internet (article fact checks, lookups).
            .env("CINEDEX_OFFLINE", "1")
            // WebKit's compositing, as on a machine with a GPU: without a GPU the app asks for CPU
            // painting (src-tauri/src/rendering.rs), and in that mode WebKitWebDriver's screenshot
            // can stall (it did on the recovery view). A value set here is kept by the app.
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "0")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut driver, 0);
        let driver = Group(
            driver
                .spawn()
                .expect("tauri-driver starts (make deps installs it)"),
        );
        wait_until("tauri-driver listens", || {
            TcpStream::connect(("127.0.0.1", driver_port)).is_ok()
        });
        Desktop {
            _driver: driver,
            _display: display,
            driver_port,
            dir,
        }
    }

    /// The test's own folder (the catalog lives in it): files the app is told to save land here.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn catalog_path(&self) -> PathBuf {
        self.dir.path().join("catalog.sqlite")
    }

    /// Runs the `cinedex` command line on this desktop's catalog (to seed data before a session).
    pub fn cli(&self, args: &[&str]) {
        let status = Command::new(app_binary())
            .arg("--db")
            .arg(self.catalog_path())
            .args(args)
            .stdout(Stdio::null())
            .status()
            .expect("cinedex runs");
        assert!(status.success(), "cinedex {args:?} failed");
    }

    /// Launches the app in a new window and connects to it, once the library shows.
    pub async fn open_app(&self) -> Client {
        self.open_app_on("[data-testid=library]").await
    }

    /// Launches the app in a new window and connects to it, once `ready_css` shows.
    pub async fn open_app_on(&self, ready_css: &str) -> Client {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": app_binary().to_string_lossy() }),
        );
        let url = format!("http://127.0.0.1:{}", self.driver_port);
        // Once in a full run, tauri-driver dropped the session request before the app was
        // launched (hyper's IncompleteMessage). Only that step is tried a second time: an app that
        // fails to start fails both, and nothing after the session exists is retried.
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let client = match builder.connect(&url).await {
            Ok(client) => client,
            Err(first) => {
                eprintln!("the WebDriver session failed ({first}); trying once more");
                tokio::time::sleep(Duration::from_secs(1)).await;
                builder
                    .connect(&url)
                    .await
                    .expect("a WebDriver session with the app")
            }
        };
        find(&client, ready_css).await;
        client
    }
}

pub fn app_binary() -> PathBuf {
    std::env::var_os("CINEDEX_E2E_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/cinedex"))
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home =
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo/bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < WAIT, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub async fn find(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

pub async fn click(client: &Client, css: &str) {
    find(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

pub async fn type_into(client: &Client, css: &str, text: &str) {
    find(client, css)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
}

pub async fn replace_text(client: &Client, css: &str, text: &str) {
    let element = find(client, css).await;
    element
        .send_keys(SELECT_ALL_AND_DELETE)
        .await
        .unwrap_or_else(|e| panic!("cannot empty {css}: {e}"));
    if !text.is_empty() {
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }
}

/// Waits until the element's text satisfies `check`, and returns that text.
pub async fn text_when(client: &Client, css: &str, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if check(&text) {
                    return text;
                }
                assert!(
                    start.elapsed() < WAIT,
                    "{css} never matched; last text: {text:?}"
                );
            }
        }
        assert!(start.elapsed() < WAIT, "{css} never appeared");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the script returns `true`: for states the DOM shows late, like an image that has
/// finished decoding.
pub async fn script_when(client: &Client, what: &str, script: &str) {
    let start = Instant::now();
    loop {
        if let Ok(serde_json::Value::Bool(true)) = client.execute(script, vec![]).await {
            return;
        }
        assert!(start.elapsed() < WAIT, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.expect("find_all") {
        out.push(element.text().await.expect("text"));
    }
    out
}

/// Waits until exactly `count` elements match.
pub async fn count_when(client: &Client, css: &str, count: usize) {
    let start = Instant::now();
    loop {
        let found = client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0);
        if found == count {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "expected {count} of {css}, found {found}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn screenshot(client: &Client, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshots dir");
    // WebKit hands WebDriver the last composited frame: let the page paint what the test just
    // saw in the DOM before taking it.
    let _ = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));",
            vec![],
        )
        .await;
    let png = tokio::time::timeout(WAIT, client.screenshot())
        .await
        .unwrap_or_else(|_| panic!("the screenshot {name} timed out"))
        .expect("screenshot");
    std::fs::write(dir.join(name), png).expect("write screenshot");
}

/// Answers every save dialog the page opens from now on with `folder` joined to the file name the
/// page suggested, without showing one: WebDriver cannot drive the native dialog. Tauri defines
/// `__TAURI_INTERNALS__.invoke` (and `.ipc`, `.postMessage`) as read-only properties, so the
/// stand-in sits one step lower, on the page's `fetch`, which carries each command to the app as
/// `ipc://localhost/<command>`: only `plugin:dialog|save` is answered here, in the shape the app's
/// IPC answers (`Tauri-Response: ok`, a JSON body); every other request goes through unchanged.
/// The product has no test hook; a reload of the page drops the stand-in.
pub async fn answer_save_dialogs(client: &Client, folder: &Path) {
    let script = r#"
        const folder = arguments[0];
        const passOn = window.fetch.bind(window);
        window.fetch = (resource, init) => {
            const url = decodeURIComponent(String(resource instanceof Request ? resource.url : resource));
            if (!url.endsWith("/plugin:dialog|save")) return passOn(resource, init);
            const options = JSON.parse(init.body).options || {};
            const suggested = String(options.defaultPath || "unnamed").split("/").pop();
            const answer = JSON.stringify(`${folder}/${suggested}`);
            return Promise.resolve(new Response(answer, {
                headers: { "Tauri-Response": "ok", "Content-Type": "application/json" },
            }));
        };
        return true;
    "#;
    let folder = folder.to_str().expect("a UTF-8 temp path");
    let answer = client
        .execute(script, vec![json!(folder)])
        .await
        .expect("the save dialog's stand-in installs");
    assert_eq!(answer, json!(true));
}

/// Runs axe-core (from ui/node_modules, a devDependency) on the page as it is now and returns its
/// serious and critical violations, each as `id: help (n nodes)`. WebDriver evaluates the script
/// itself, so the app's CSP, which forbids any script but its own, does not have to change.
pub async fn axe_serious_violations(client: &Client) -> Vec<String> {
    let axe = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js"),
    )
    .expect("axe-core is installed (make ui-deps)");
    client
        .execute(&format!("{axe}\nreturn typeof window.axe;"), vec![])
        .await
        .expect("axe-core loads into the page");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, { resultTypes: ['violations'] })
               .then((r) => done(r.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)))
               .catch((e) => done([`axe failed: ${e}`]));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(result).expect("a list of violations")
}
