//! The panels beside the transcript: the event calendar and the insights.

pub mod calendar;
pub mod insights;
