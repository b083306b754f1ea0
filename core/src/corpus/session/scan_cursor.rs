//! Where a scan of the newest passages stands ([`super::newest`]), kept
//! in its session so that a later call for more results goes on from
//! there.

use crate::corpus::search::{PassageId, Span};
use std::collections::VecDeque;
use std::ops::Range;

/// Where a scan of the newest passages stands, kept in its session: a
/// later call for more results goes on from here, reading nothing twice.
#[derive(Debug, Default)]
pub struct ScanCursor {
    /// The next passage to consider: transcript `d`, passage `p`
    /// (`done` once the oldest is considered).
    pub(super) d: u32,
    pub(super) p: u32,
    pub(super) started: bool,
    pub(super) done: bool,
    /// Passages considered (their entries read), kept by their masks,
    /// texts read and matched so far.
    pub(super) considered: usize,
    pub(super) kept: usize,
    pub(super) read: usize,
    pub(super) matched: usize,
    /// Kept passages whose texts are not read yet, newest first.
    pub(super) pending: VecDeque<(u32, u32, Range<u64>)>,
    /// The matches found, in order (newest transcript first).
    pub(super) found: Vec<(PassageId, Vec<Span>)>,
    pub(super) tried: usize,
}
