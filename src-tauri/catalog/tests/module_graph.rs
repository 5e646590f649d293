//! No two modules of the core, nor two of the app, import each other in a circle (a parent and
//! its own child aside). The graph is read from the sources: every `crate::` and `super::` path,
//! `use` groups included, points at the longest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Circles allowed: none are left (issue 17 §4 broke the last along their seams). The test fails
/// when a circle appears, and when one listed here is gone, so a list only ever shrinks.
const KNOWN_CORE: &[&str] = &[];
const KNOWN_APP: &[&str] = &[];

fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module paths named after each `crate::` / `super::` in `text`, from module `me`.
fn targets(me: &str, text: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            if start == "super::" && at >= 2 && &text[at - 2..at] == "::" {
                continue; // the second of `super::super::`, read with the first
            }
            let mut base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                let mut b: Vec<String> = me
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                b.pop();
                b
            };
            let mut rest = &text[at + start.len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            for path in expand(rest) {
                let mut full = base.clone();
                full.extend(path);
                found.push(full);
            }
        }
    }
    found
}

/// `a::b::X` or `{a::X, b}` → the paths of identifiers it names.
fn expand(rest: &str) -> Vec<Vec<String>> {
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut items = Vec::new();
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(std::mem::take(&mut item));
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        items.push(item);
        return items.iter().flat_map(|i| expand(i.trim())).collect();
    }
    let path: Vec<String> = rest
        .split("::")
        .map_while(|seg| {
            let id: String = seg
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!id.is_empty() && id.len() == seg.len())
                .then_some(id.clone())
                .or_else(|| (!id.is_empty()).then_some(id))
        })
        .collect();
    vec![path]
}

fn related(a: &str, b: &str) -> bool {
    let under = |x: &str, y: &str| y.is_empty() || x == y || x.starts_with(&format!("{y}::"));
    under(a, b) || under(b, a)
}

/// The circles (strongly connected groups of two or more modules) of the crate under `src`.
fn circles(src: &Path) -> Vec<String> {
    let mut all = Vec::new();
    files(src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let me = module_of(src, file);
        let text = std::fs::read_to_string(file).expect("read source");
        for path in targets(&me, &text) {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|m| modules.contains(m))
                .unwrap_or_default();
            if !related(&me, &target) {
                edges.entry(me.clone()).or_default().insert(target);
            }
        }
    }
    // Tarjan's strongly connected components.
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on: BTreeSet<String>,
        out: Vec<String>,
    }
    fn visit(t: &mut T, v: &str) {
        let n = t.index.len();
        t.index.insert(v.into(), n);
        t.low.insert(v.into(), n);
        t.stack.push(v.into());
        t.on.insert(v.into());
        for w in t.edges.get(v).cloned().unwrap_or_default() {
            if !t.index.contains_key(&w) {
                visit(t, &w);
                let lw = t.low[&w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if t.on.contains(&w) {
                let iw = t.index[&w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                t.out.push(group.join(" <-> "));
            }
        }
    }
    let mut t = T {
        edges: &edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for m in &modules {
        if !t.index.contains_key(m) {
            visit(&mut t, m);
        }
    }
    t.out.sort();
    t.out
}

fn assert_circles(src: &Path, known: &[&str], crate_name: &str) {
    let found = circles(src);
    let known: Vec<String> = known.iter().map(|s| s.to_string()).collect();
    let new: Vec<&String> = found.iter().filter(|c| !known.contains(c)).collect();
    let gone: Vec<&String> = known.iter().filter(|c| !found.contains(c)).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "{crate_name}: modules importing each other in a circle: {new:#?}; \
         listed as known but no longer a circle (remove them from the list): {gone:#?}"
    );
}

#[test]
fn no_two_core_modules_import_each_other() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    assert_circles(&src, KNOWN_CORE, "cinedex-catalog");
}

#[test]
fn no_two_app_modules_import_each_other() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src");
    assert_circles(&src, KNOWN_APP, "cinedex (app)");
}
