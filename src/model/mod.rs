//! The domain, free of files, clocks and printing: mentors, meetings,
//! commitments, journal entries, and what the reports make of them.

pub mod archive;
pub mod brag;
pub mod calendar;
pub mod commitment;
pub mod correction;
pub mod dates;
pub mod goal;
pub mod id;
pub mod journal;
pub mod ledger;
pub mod meeting;
pub mod mentor;
pub mod nudge;
pub mod overview;
pub mod prep;
pub mod progress;
pub mod remind;
pub mod removal;
pub mod review;
pub mod search;
pub mod stats;
pub mod summary;
pub mod tags;
pub mod text;
pub mod timeline;
pub mod times;
