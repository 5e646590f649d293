//! Reading ZIP files (Letterboxd exports, Tellico `.tc`) without trusting them: member names
//! that would escape a folder are refused, and sizes are checked twice, from the central
//! directory before anything is inflated and by counting the bytes actually inflated.

use std::io::Read;
use std::path::Path;

use crate::error::Result;

use super::record::fatal;

/// No import member needs more than this once inflated (a diary of every film ever is ~50 MB).
pub const MAX_MEMBER_BYTES: u64 = 256 * 1024 * 1024;
/// All members together.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
pub const MAX_MEMBERS: usize = 10_000;

/// The members whose names `wanted` accepts, inflated, as (name, bytes), in archive order.
pub fn read_members(path: &Path, wanted: impl Fn(&str) -> bool) -> Result<Vec<(String, Vec<u8>)>> {
    let name = path.display().to_string();
    let file = super::table::open(path)?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| fatal(&name, None, format!("not a ZIP archive ({e})")))?;
    if archive.len() > MAX_MEMBERS {
        return Err(fatal(
            &name,
            None,
            format!(
                "the archive has {} members; at most {MAX_MEMBERS} are read",
                archive.len()
            ),
        ));
    }
    // First pass, on the central directory only: names and declared sizes.
    let mut chosen = Vec::new();
    let mut declared_total = 0u64;
    for index in 0..archive.len() {
        let member = archive
            .by_index_raw(index)
            .map_err(|e| fatal(&name, None, format!("damaged ZIP archive ({e})")))?;
        let member_name = member.name().to_owned();
        if member.enclosed_name().is_none() || is_escaping(&member_name) {
            return Err(fatal(
                &name,
                None,
                format!("the archive member \"{member_name}\" has a path that leaves the archive; refusing the whole file"),
            ));
        }
        if member.is_dir() || !wanted(&member_name) {
            continue;
        }
        if member.size() > MAX_MEMBER_BYTES {
            return Err(bomb(&name, &member_name));
        }
        declared_total += member.size();
        if declared_total > MAX_TOTAL_BYTES {
            return Err(bomb(&name, &member_name));
        }
        chosen.push((index, member_name, member.size()));
    }
    // Second pass: inflate, never trusting the declared size further than the cap.
    let mut out = Vec::with_capacity(chosen.len());
    for (index, member_name, declared) in chosen {
        let member = archive
            .by_index(index)
            .map_err(|e| fatal(&name, None, format!("cannot read {member_name} ({e})")))?;
        let mut bytes = Vec::with_capacity(declared.min(16 * 1024 * 1024) as usize);
        member
            .take(declared.min(MAX_MEMBER_BYTES) + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fatal(&name, None, format!("cannot inflate {member_name} ({e})")))?;
        if bytes.len() as u64 > declared {
            return Err(fatal(
                &name,
                None,
                format!("the archive member \"{member_name}\" inflates to more than the {declared} bytes it declares (a damaged or hostile archive); refusing the file"),
            ));
        }
        out.push((member_name, bytes));
    }
    Ok(out)
}

/// The names of the archive's members (files only), from its central directory.
pub fn member_names(path: &Path) -> Result<Vec<String>> {
    let name = path.display().to_string();
    let archive = zip::ZipArchive::new(super::table::open(path)?)
        .map_err(|e| fatal(&name, None, format!("not a ZIP archive ({e})")))?;
    Ok(archive
        .file_names()
        .filter(|n| !n.ends_with('/'))
        .map(str::to_owned)
        .collect())
}

/// Absolute paths, drive letters and `..` segments, whichever separator is used.
fn is_escaping(name: &str) -> bool {
    name.starts_with('/')
        || name.starts_with('\\')
        || name.get(1..2) == Some(":")
        || name.split(['/', '\\']).any(|part| part == "..")
}

fn bomb(file: &str, member: &str) -> crate::CatalogError {
    fatal(
        file,
        None,
        format!(
            "the archive member \"{member}\" would expand beyond the {} MB allowed (per member {} MB); refusing the file",
            MAX_TOTAL_BYTES / 1024 / 1024,
            MAX_MEMBER_BYTES / 1024 / 1024
        ),
    )
}
