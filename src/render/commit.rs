//! The message of the commit `mentee sync` makes: a subject that says
//! what changed in the journal's words, and a body with one line per file.

use crate::render::text::plural;
use crate::store::DataFile;

/// "mentee: 2 journal entries, 1 meeting, mentors" and a body with one
/// line per file.
pub fn describe(changes: &[(char, String)], entries: usize) -> (String, String) {
    let count =
        |test: &dyn Fn(char, &str) -> bool| changes.iter().filter(|(s, p)| test(*s, p)).count();
    let meeting = |p: &str| p.starts_with("meetings/");
    let planned = |p: &str| p.starts_with("meetings/next-");
    let mut parts = Vec::new();
    if entries > 0 {
        parts.push(plural(entries, "journal entry", "journal entries"));
    } else if count(&|_, p| p.starts_with("journal/")) > 0 {
        parts.push("journal edited".to_string());
    }
    let held = count(&|s, p| s == 'A' && meeting(p) && !planned(p));
    let plans = count(&|s, p| s == 'A' && planned(p));
    let updated = count(&|s, p| s == 'M' && meeting(p));
    let removed = count(&|s, p| s == 'D' && meeting(p) && !planned(p));
    if held > 0 {
        parts.push(plural(held, "meeting", "meetings"));
    }
    if plans > 0 {
        parts.push(plural(plans, "planned meeting", "planned meetings"));
    }
    if updated > 0 {
        parts.push(plural(updated, "meeting updated", "meetings updated"));
    }
    if removed > 0 {
        parts.push(plural(removed, "meeting removed", "meetings removed"));
    }
    for file in DataFile::SINGLE {
        if changes.iter().any(|(_, p)| *p == file.relative()) {
            parts.push(what_it_holds(file).to_string());
        }
    }
    if count(&|_, p| p.starts_with(".git")) > 0 {
        parts.push("git settings".to_string());
    }
    let known = |p: &str| {
        p.starts_with(".git")
            || meeting(p)
            || p.starts_with("journal/")
            || DataFile::single(p).is_some()
    };
    let other = count(&|_, p| !known(p));
    if other > 0 {
        parts.push(plural(other, "other file", "other files"));
    }
    if parts.is_empty() {
        parts.push("planned meeting held".to_string());
    }
    let subject = format!("mentee: {}", parts.join(", "));
    let body = changes
        .iter()
        .map(|(status, path)| {
            let verb = match status {
                'A' => "added",
                'D' => "removed",
                _ => "changed",
            };
            format!("{verb}: {path}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    (subject, body)
}

/// A single data file named for what it holds, in a commit's subject.
fn what_it_holds(file: DataFile) -> &'static str {
    match file {
        DataFile::Mentors => "mentors",
        DataFile::UnattachedActions => "commitments",
        DataFile::Later => "queued topics",
        DataFile::Goals => "goals",
        DataFile::Settings => "nudge settings",
        DataFile::Month(_) => "journal edited",
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn commit_messages_say_what_changed() {
        let changes = vec![
            ('M', "journal/2026/2026-11.toml".to_string()),
            ('A', "meetings/2026/2026-11-24-alex-kim.toml".to_string()),
            ('D', "meetings/next-alex-kim.toml".to_string()),
            ('M', "meetings/2026/2026-11-10-alex-kim.toml".to_string()),
            ('M', "mentors.toml".to_string()),
        ];
        let (subject, body) = describe(&changes, 2);
        assert_eq!(
            subject,
            "mentee: 2 journal entries, 1 meeting, 1 meeting updated, mentors"
        );
        assert!(
            body.contains("removed: meetings/next-alex-kim.toml"),
            "{body}"
        );
        let settings = [
            ('M', "settings.toml".to_string()),
            ('A', "notes.txt".to_string()),
        ];
        assert_eq!(
            describe(&settings, 0).0,
            "mentee: nudge settings, 1 other file"
        );
    }
}
