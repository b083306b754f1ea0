//! The native [`Source`]: an index folder on disk.

use super::Source;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::PathBuf;

/// The files under a site's `index/` folder.
pub struct Files(pub PathBuf);

impl Source for Files {
    type Error = String;

    async fn read(&self, path: &str, range: Option<Range<u64>>) -> Result<Vec<u8>, String> {
        let full = self.0.join(path);
        let io = |e: std::io::Error| format!("{}: {e}", full.display());
        let Some(r) = range else {
            return std::fs::read(&full).map_err(io);
        };
        let mut f = std::fs::File::open(&full).map_err(io)?;
        f.seek(SeekFrom::Start(r.start)).map_err(io)?;
        let mut out = vec![0; r.end.saturating_sub(r.start) as usize];
        f.read_exact(&mut out).map_err(io)?;
        Ok(out)
    }
}
