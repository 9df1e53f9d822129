//! Going through every record that holds text, for `search`, `tags` and
//! `--tag`: the ledger and the small files whole, the journal one month file
//! at a time, so memory stays the same however long the journal grows.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::ledger::Ledger;
use crate::model::search::{JOURNAL_KINDS, Record};
use crate::model::tags;
use chrono::NaiveDate;

/// Which records to visit: of these kinds (all when empty), dated within
/// `since..=until` (either end open; a planned meeting without a date only
/// when neither is given).
#[derive(Debug, Default)]
pub struct Scope<'a> {
    pub kinds: &'a [String],
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Scope<'_> {
    fn wants(&self, kind: &str) -> bool {
        self.kinds.is_empty() || self.kinds.iter().any(|k| k == kind)
    }

    fn within(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
            None => self.since.is_none() && self.until.is_none(),
        }
    }
}

/// Calls `visit` with every record in `scope`. A journal month whose text
/// `may_match` rejects is not parsed.
pub fn each_record(
    ctx: &Context,
    ledger: &Ledger,
    scope: &Scope,
    may_match: &dyn Fn(&str) -> bool,
    visit: &mut dyn FnMut(&Record),
) -> Result<()> {
    let mut offer = |record: Record| {
        if scope.wants(record.kind) && scope.within(record.date) {
            visit(&record);
        }
    };
    if scope.wants("meeting") {
        ledger
            .meetings
            .iter()
            .map(Record::meeting)
            .for_each(&mut offer);
    }
    if scope.wants("commitment") {
        ledger
            .commitments(ctx.today)
            .iter()
            .map(Record::commitment)
            .for_each(&mut offer);
    }
    if scope.wants("goal") {
        ctx.store
            .goals()?
            .iter()
            .map(Record::goal)
            .for_each(&mut offer);
    }
    if scope.wants("later") {
        ctx.store
            .later()?
            .iter()
            .map(Record::later)
            .for_each(&mut offer);
    }
    let journal = scope.kinds.is_empty()
        || scope
            .kinds
            .iter()
            .any(|k| JOURNAL_KINDS.contains(&k.as_str()));
    if journal {
        // One buffer for every month, so a year of files costs no more memory
        // than the largest.
        let mut bytes = Vec::new();
        for month in ctx.store.journal_months(scope.since, scope.until)? {
            if !month.read_into(&mut bytes)? {
                continue;
            }
            // A file that is not UTF-8 is parsed, to report it.
            if std::str::from_utf8(&bytes).is_ok_and(|raw| !may_match(raw)) {
                continue;
            }
            month
                .entries_where(&bytes, may_match)?
                .iter()
                .map(Record::entry)
                .for_each(&mut offer);
        }
    }
    Ok(())
}

/// The key of the tag that `--tag` names, or an error that says what a tag is.
pub fn tag_key(typed: &str) -> Result<String> {
    tags::typed_key(typed).ok_or_else(|| {
        Error::user_with_hint(
            format!("--tag {typed:?} is not a tag: a tag is # followed by letters, digits, - and _, with at least one letter"),
            "give one word, such as --tag career (the # is optional); mentee tags lists the tags you use",
        )
    })
}
