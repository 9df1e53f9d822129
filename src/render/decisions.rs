//! The decision log as blocks of labelled lines: a decision, its options and
//! its reasons are sentences, which a table would squeeze into slivers.

use crate::model::journal::Entry;
use crate::model::mentor::Mentor;
use crate::render::text::{clean, indented, mentor_name};
use std::fmt::Write;

/// Where the values of the labelled lines start.
const INDENT: &str = "            ";

pub fn decisions(list: &[Entry], mentors: &[Mentor]) -> String {
    let mut out = String::new();
    for (i, d) in list.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}  {} [{}]", d.date, indented(&d.text, INDENT), d.id);
        for (n, option) in d.options.iter().enumerate() {
            let label = if n == 0 { "Options:" } else { "" };
            line(
                &mut out,
                label,
                &format!("- {}", indented(option, "              ")),
            );
        }
        if let Some(slug) = &d.mentor {
            line(&mut out, "Mentor:", &clean(mentor_name(mentors, slug)));
        }
        if let Some(input) = &d.input {
            line(&mut out, "Input:", &indented(input, INDENT));
        }
        if let Some(why) = &d.why {
            line(&mut out, "Why:", &indented(why, INDENT));
        }
    }
    out
}

/// "  Label:    value", the values lined up under each other.
fn line(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "  {label:<10}{value}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::journal::Kind;

    #[test]
    fn each_decision_is_a_block() {
        let mut d = Entry::new(
            Id::from("dec001"),
            "2026-11-20".parse().expect("date"),
            Kind::Decision,
            Some("alex-kim".into()),
            "Stay on billing until the split ships".into(),
        );
        d.options = vec!["Move to platform now".into(), "Stay\non billing".into()];
        d.input = Some("Finish what you started.".into());
        d.why = Some("Leading the split is the\nexperience I lack.".into());
        let mut bare = d.clone();
        bare.id = Id::from("dec002");
        bare.mentor = None;
        bare.options.clear();
        bare.input = None;
        let alex = Mentor::new("Alex Kim", "alex-kim");
        assert_eq!(
            decisions(&[d, bare], &[alex]),
            "\
2026-11-20  Stay on billing until the split ships [dec001]
  Options:  - Move to platform now
            - Stay
              on billing
  Mentor:   Alex Kim
  Input:    Finish what you started.
  Why:      Leading the split is the
            experience I lack.

2026-11-20  Stay on billing until the split ships [dec002]
  Why:      Leading the split is the
            experience I lack.
"
        );
    }
}
