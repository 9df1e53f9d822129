//! `mentee nudge on | off | list`: silencing reminders per mentor or for
//! everyone; and the nudges other commands show after they ran.

use crate::context::Context;
use crate::error::Result;
use crate::model::mentor::Mentor;
use crate::model::nudge::{self, Kind};
use crate::render;
use crate::render::nudge::KindRow;
use crate::workspace::{resolve_mentor, say};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Silence a kind of nudge (or all of them), for one mentor with -m,
    /// otherwise for every mentor
    #[command(
        after_long_help = "Examples:\n  mentee nudge off quiet -m alex     no more \"nothing logged\" reminders about Alex\n  mentee nudge off vague             for every mentor\n  mentee nudge off all -m jordan"
    )]
    Off(SwitchArgs),
    /// Show a kind of nudge (or all of them) again
    #[command(
        after_long_help = "Examples:\n  mentee nudge on quiet -m alex\n  mentee nudge on all"
    )]
    On(SwitchArgs),
    /// Every kind of nudge, when it shows, and whom it is silenced for
    #[command(after_long_help = "Example:\n  mentee nudge list")]
    List,
}

#[derive(Debug, clap::Args)]
pub struct SwitchArgs {
    /// The kind of nudge (see mentee nudge list), or all
    #[arg(value_name = "KIND", value_parser = clap::builder::PossibleValuesParser::new(Kind::words()),
          ignore_case = true)]
    pub kind: String,
    /// Only for this mentor (name, slug or unique prefix); without it, for every mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Off(args) => switch(ctx, &args, false),
        Command::On(args) => switch(ctx, &args, true),
        Command::List => list(ctx),
    }
}

fn switch(ctx: &Context, args: &SwitchArgs, on: bool) -> Result<()> {
    // `None` means every kind (`all`).
    let kind = Kind::parse(&args.kind);
    let what = match kind {
        Some(kind) => format!("{kind} nudges"),
        None => "every nudge".to_string(),
    };
    let change = |list: &[String]| {
        if on {
            nudge::unsilence(list, kind)
        } else {
            nudge::silence(list, kind)
        }
    };
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    let Some(typed) = args.mentor.as_deref() else {
        let before = ctx.store.silenced()?;
        let after = change(&before);
        if after != before {
            ctx.store.save_silenced(&lock, &after)?;
        }
        drop(lock);
        if on {
            say(&format!("Showing {what} again for every mentor."));
            for kind in kind.map_or(Kind::EVERY.to_vec(), |k| vec![k]) {
                let still: Vec<&Mentor> = mentors
                    .iter()
                    .filter(|m| nudge::is_silenced(kind, Some(m), &[]))
                    .collect();
                for m in still {
                    say(&format!(
                        "{kind} nudges stay silenced for {}: mentee nudge on {kind} -m {}",
                        m.name, m.slug
                    ));
                }
            }
        } else {
            say(&format!(
                "Silenced {what} for every mentor. Show them again with: mentee nudge on {}",
                args.kind.to_lowercase()
            ));
        }
        return Ok(());
    };
    let slug = resolve_mentor(ctx, &mentors, Some(typed))?.slug;
    let Some(mentor) = mentors.iter_mut().find(|m| m.slug == slug) else {
        return Ok(());
    };
    let after = change(&mentor.silence);
    let changed = after != mentor.silence;
    mentor.silence = after;
    let name = mentor.name.clone();
    if changed {
        ctx.store.save_mentors(&lock, &mentors)?;
    }
    drop(lock);
    if on {
        say(&format!("Showing {what} again for {name}."));
        let everywhere = ctx.store.silenced()?;
        for kind in kind.map_or(Kind::EVERY.to_vec(), |k| vec![k]) {
            if nudge::is_silenced(kind, None, &everywhere) {
                say(&format!(
                    "{kind} nudges stay silenced for every mentor: mentee nudge on {kind}"
                ));
            }
        }
    } else {
        say(&format!(
            "Silenced {what} for {name}. Show them again with: mentee nudge on {} -m {slug}",
            args.kind.to_lowercase()
        ));
    }
    Ok(())
}

fn list(ctx: &Context) -> Result<()> {
    let mentors = ctx.store.mentors()?;
    let everywhere = ctx.store.silenced()?;
    let rows: Vec<KindRow> = Kind::EVERY
        .into_iter()
        .map(|kind| KindRow {
            kind,
            silenced: if nudge::is_silenced(kind, None, &everywhere) {
                vec!["every mentor".to_string()]
            } else {
                mentors
                    .iter()
                    .filter(|m| nudge::is_silenced(kind, Some(m), &[]))
                    .map(|m| m.name.clone())
                    .collect()
            },
        })
        .collect();
    outln!("{}", render::nudge::kinds(&rows, ctx.width));
    Ok(())
}
