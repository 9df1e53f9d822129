//! `mentee brag`: a year of results across mentors, each traced to what led
//! to it; and the HTML page with charts that brag, review and summary write.

use crate::support::{TestEnv, position};
use scraper::{Html, Selector};

/// Two mentors; advice from Alex, the commitment made to try it, its
/// outcome and the thanks for it; a goal rated 2 → 3 → 5 and reached; a
/// win with `<b>` in it; a private note; a decision with Priya's input.
/// Returns the IDs of the advice and the commitment.
fn year(env: &mut TestEnv) -> (String, String) {
    env.today("2026-02-10");
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    let goal = env
        .run(["goal", "add", "Lead a design", "--by", "2027-06-01"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.run(["goal", "rate", &goal, "2"]).success();
    let advice = env
        .run([
            "advice",
            "Escalate with a date, not with urgency",
            "-m",
            "alex",
        ])
        .success()
        .stdout()
        .trim()
        .to_string();
    let commitment = env.commit(
        "Ask platform for a decision by Friday",
        &["-m", "alex", "--goal", &goal],
    );
    env.today("2026-04-03");
    env.run(["goal", "rate", &goal, "3"]).success();
    env.run([
        "action",
        "done",
        &commitment,
        "--note",
        "Got a yes on Thursday",
    ])
    .success();
    env.run([
        "outcome",
        &advice,
        "Asked for an answer by Friday; got it the same day",
        "--action",
        &commitment,
    ])
    .success();
    env.today("2026-04-10");
    env.run(["thanks", "The date trick worked", "--action", &commitment])
        .success();
    env.run([
        "update",
        "Shipped the <b>invoices</b> split",
        "--win",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "note",
        "Private: I was nervous about the demo",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "decide",
        "Stay on billing",
        "--why",
        "Design experience",
        "--input",
        "Finish what you started",
        "-m",
        "priya",
    ])
    .success();
    env.today("2026-09-01");
    env.run(["goal", "rate", &goal, "5"]).success();
    env.run(["goal", "done", &goal]).success();
    env.today("2027-01-28");
    (advice, commitment)
}

#[test]
fn a_kept_commitment_is_traced_from_the_advice_to_the_thanks() {
    let mut env = TestEnv::new();
    let (_, commitment) = year(&mut env);
    let out = env.run(["brag"]).success().stdout();
    assert!(
        out.starts_with("# Brag document, 2026-01-29 to 2027-01-28\n"),
        "{out}"
    );
    let kept = position(&out, "## Commitments kept");
    let line = position(
        &out,
        "- 2026-04-03: Ask platform for a decision by Friday (to Alex Kim",
    );
    assert!(kept < line, "{out}");
    let chain = "How it came about: advice from Alex Kim (2026-02-10) \"Escalate with a date, not with urgency\" \
                 → outcome (2026-04-03) \"Asked for an answer by Friday; got it the same day\" \
                 → thanks (2026-04-10) \"The date trick worked\"";
    assert!(out.contains(chain), "{out}");
    assert!(out.contains("  Note: Got a yes on Thursday"), "{out}");
    // The outcome is a result too, its chain through the commitment.
    assert!(
        out.contains(&format!(
            "→ commitment [{commitment}] \"Ask platform for a decision by Friday\" → thanks"
        )),
        "{out}"
    );
    assert!(
        out.contains("- Lead a design: reached on 2026-09-01, rated 2 → 3 → 5"),
        "{out}"
    );
    assert!(
        out.contains("  Priya Natarajan's input: Finish what you started"),
        "{out}"
    );
    assert!(
        out.contains("Across all my mentors: 2 wins, 1 goal reached, 1 commitment kept."),
        "{out}"
    );
}

#[test]
fn private_notes_stay_out_unless_asked_for() {
    let mut env = TestEnv::new();
    year(&mut env);
    env.run(["brag"])
        .success()
        .stdout_lacks("Private: I was nervous")
        .stdout_lacks("## Private notes");
    env.run(["brag", "--include-notes"]).success().stdout_has(
        "## Private notes\n\n- 2026-04-10: Private: I was nervous about the demo (Alex Kim)",
    );
}

#[test]
fn the_period_is_the_last_twelve_months_unless_given() {
    let mut env = TestEnv::new();
    year(&mut env);
    // Thirteen months later, the first year's records are out of the default.
    env.today("2027-05-01");
    env.run(["brag"])
        .success()
        .stdout_has("# Brag document, 2026-05-02 to 2027-05-01")
        .stdout_lacks("Ask platform for a decision")
        .stdout_has("reached on 2026-09-01");
    env.run(["brag", "--since", "2026-04-01", "--until", "2026-04-30"])
        .success()
        .stdout_has("# Brag document, 2026-04-01 to 2026-04-30")
        .stdout_has("Ask platform for a decision")
        .stdout_lacks("reached on");
    env.run(["brag", "--until", "2027-06-01"])
        .failure_code(1)
        .stderr_has("--until 2027-06-01");
    env.run(["brag", "--since", "2027-04-01", "--until", "2027-03-01"])
        .failure_code(1)
        .stderr_has("after it ends on 2027-03-01");
}

#[test]
fn text_json_and_a_file() {
    let mut env = TestEnv::new();
    let (advice, commitment) = year(&mut env);
    env.run(["brag", "--format", "text"])
        .success()
        .stdout_has("Brag document, 2026-01-29 to 2027-01-28\n\nAcross")
        .stdout_has("\nWins\n\n")
        .stdout_lacks("## ");
    let doc = env.json(["brag", "--format", "json"]);
    let kept = &doc["brag"]["kept"][0];
    assert_eq!(kept["id"], commitment.as_str());
    assert_eq!(kept["chain"]["advice"][0]["id"], advice.as_str());
    assert_eq!(kept["chain"]["thanks"][0]["text"], "The date trick worked");
    assert_eq!(kept["notes"][0], "Got a yes on Thursday");
    assert_eq!(doc["brag"]["notes"].as_array().map(Vec::len), Some(0));
    let months = doc["brag"]["kept_per_month"].as_array().expect("months");
    assert_eq!(months.len(), 13);
    assert_eq!(months[2]["month"], "2026-03");
    assert_eq!(months[3]["kept"], 1);
    assert_eq!(env.json(["brag", "--json"]), doc);
    let file = env.scratch("brag.md");
    env.run(["brag", "-o", file.to_str().expect("path")])
        .success()
        .stdout_is_empty()
        .stderr_has("Wrote the brag document for 2026-01-29 to 2027-01-28 to");
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(written.starts_with("# Brag document"), "{written}");
}

#[test]
fn nothing_to_brag_about_yet() {
    let mut env = TestEnv::new();
    env.today("2027-01-28");
    env.mentor("Alex Kim", &[]);
    env.run(["brag"])
        .success()
        .stdout_has("Nothing recorded in this period yet.")
        .stderr_has("Nothing to brag about in this period yet");
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    page.select(&selector).collect()
}

fn attrs(elements: &[scraper::ElementRef<'_>], name: &str) -> Vec<String> {
    elements
        .iter()
        .map(|e| e.value().attr(name).unwrap_or_default().to_string())
        .collect()
}

/// What every page must be: one file that loads nothing, runs nothing,
/// prints cleanly, and shows typed HTML as text.
#[track_caller]
fn self_contained(html: &str) -> Html {
    let page = Html::parse_document(html);
    assert!(select(&page, "script").is_empty(), "no script");
    let outside: Vec<String> = select(&page, "[src], [href], link, img, iframe, object, embed")
        .iter()
        .map(|e| e.html())
        .collect();
    assert!(outside.is_empty(), "refers to other files: {outside:?}");
    let style: String = select(&page, "style")
        .iter()
        .map(|s| s.inner_html())
        .collect();
    assert!(style.contains("@media print"), "a print stylesheet");
    assert!(!style.contains("url("), "the style loads nothing");
    page
}

#[test]
fn the_html_page_draws_the_ratings_and_the_commitments_kept() {
    let mut env = TestEnv::new();
    year(&mut env);
    let html = env.run(["brag", "--format", "html"]).success().stdout();
    let page = self_contained(&html);
    // One line chart per goal: the points carry the ratings.
    let points = select(&page, "figure.goal circle");
    assert_eq!(attrs(&points, "data-value"), ["2", "3", "5"]);
    assert_eq!(
        attrs(&points, "data-date"),
        ["2026-02-10", "2026-04-03", "2026-09-01"]
    );
    // One bar per month of the period, empty ones included.
    let bars = select(&page, "figure.months rect");
    assert_eq!(bars.len(), 13);
    let months = attrs(&bars, "data-month");
    assert_eq!(months.first().map(String::as_str), Some("2026-01"));
    let april = months.iter().position(|m| m == "2026-04").expect("April");
    assert_eq!(attrs(&bars, "data-value")[april], "1");
    let total: usize = attrs(&bars, "data-value")
        .iter()
        .map(|v| v.parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(total, 1);
    // The words are those of the Markdown; a typed <b> stays text.
    assert!(select(&page, "li b").is_empty(), "the <b> was obeyed");
    let text: String = page.root_element().text().collect();
    assert!(text.contains("Shipped the <b>invoices</b> split"), "{text}");
    assert!(text.contains("rated 2 → 3 → 5"), "{text}");
    let titles = select(&page, "h1");
    assert_eq!(titles.len(), 1, "the title shows once");
}

#[test]
fn summary_and_review_write_the_page_too() {
    let mut env = TestEnv::new();
    year(&mut env);
    // A goal still active, rated twice.
    env.today("2027-01-10");
    let goal = env
        .run(["goal", "add", "Speak at a meetup", "--by", "2027-06-01"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.run(["goal", "rate", &goal, "2"]).success();
    env.today("2027-01-20");
    env.run(["goal", "rate", &goal, "4"]).success();
    let summary = env
        .run([
            "summary",
            "-m",
            "alex",
            "--since",
            "2026-02-01",
            "--format",
            "html",
        ])
        .success()
        .stdout();
    let page = self_contained(&summary);
    assert_eq!(
        attrs(&select(&page, "figure.goal circle"), "data-value"),
        ["2", "4"]
    );
    let bars = select(&page, "figure.months rect");
    assert_eq!(attrs(&bars, "data-month")[0], "2026-02");
    assert!(
        select(&page, "h1")[0]
            .text()
            .collect::<String>()
            .starts_with("Progress"),
        "{summary}"
    );
    let review = env
        .run(["review", "-m", "alex", "--mid", "--format", "html"])
        .success()
        .stdout();
    let page = self_contained(&review);
    let bars = select(&page, "figure.months rect[data-value=\"1\"]");
    assert_eq!(attrs(&bars, "data-month"), ["2026-04"]);
    // A page is no email: typed, it is refused; from the settings, the
    // email is Markdown.
    env.run(["summary", "-m", "alex", "--format", "html", "--eml", "-"])
        .failure_code(1)
        .stderr_has("not an HTML page");
}

/// A picture of the page for the README, where Chromium is installed.
#[test]
fn a_screenshot_of_the_page() {
    let chromium = std::path::Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        #[allow(clippy::print_stdout)]
        {
            println!("skipped: no /usr/bin/chromium to take a screenshot with");
        }
        return;
    }
    let mut env = TestEnv::new();
    year(&mut env);
    let html = env.scratch("brag.html");
    env.run([
        "brag",
        "--format",
        "html",
        "-o",
        html.to_str().expect("path"),
    ])
    .success();
    let png = env.scratch("brag.png");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=900,1100",
            &format!("--screenshot={}", png.display()),
        ])
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success());
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    if let Some(keep) = std::env::var_os("MENTEE_KEEP_SCREENSHOT") {
        std::fs::copy(&png, keep).expect("kept");
    }
}
