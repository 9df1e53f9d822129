//! A summary or review as an email a mail client opens ready to send, and
//! as the escape sequence that puts text on a terminal's clipboard.
//!
//! The email written to a file is a draft (`X-Unsent: 1`, which
//! Thunderbird, Apple Mail and Outlook open as a message to send rather
//! than one received); the one handed to a mail command is not. Both have
//! two alternatives: the words exactly as mentee prints them, and HTML made
//! from the Markdown, so that headings and lists look like headings and
//! lists in a mail client that shows HTML.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;

/// What goes into the email.
#[derive(Debug)]
pub struct Draft<'a> {
    /// The mentor's name and address.
    pub to_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    /// The plain-text alternative, as printed.
    pub plain: &'a str,
    /// The Markdown the HTML alternative is made from.
    pub markdown: &'a str,
    /// When it was written, in seconds since 1970 (the Date header).
    pub date: i64,
    /// A draft for a mail client to open (`X-Unsent: 1`), not a message
    /// handed to a mail command to send.
    pub unsent: bool,
}

/// The email as RFC 5322 bytes, lines ending in CRLF: headers To,
/// Subject, Date, Message-ID, X-Unsent for a draft, then a
/// multipart/alternative body with the plain text first and the HTML
/// second (mail clients show the last one they can).
pub fn message(draft: &Draft<'_>) -> Vec<u8> {
    let mut builder = MessageBuilder::new()
        .to(Address::new_address(Some(draft.to_name), draft.to_address))
        .subject(draft.subject)
        .date(draft.date);
    if draft.unsent {
        builder = builder.header("X-Unsent", Raw::new("1"));
    }
    let builder = builder
        .text_body(draft.plain)
        .html_body(html(draft.markdown));
    let mut bytes = Vec::new();
    builder.serialize(&mut bytes);
    bytes
}

/// The Markdown as an HTML document. Raw HTML in it (a `<T>` in a journal
/// entry) is shown as typed, not obeyed, and each line break stays a line
/// break, as in the plain text.
pub fn html(markdown: &str) -> String {
    let body = crate::render::html::markdown_html(markdown, true);
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// The OSC 52 sequence that asks the terminal to put `text` on the
/// clipboard: `ESC ] 52 ; c ; BASE64 BEL`. It travels with the output, so
/// it works over SSH too. Inside tmux it is wrapped for tmux to pass it on
/// to the terminal around it (`ESC P tmux; ... ESC \`, every ESC inside
/// doubled), which tmux does when `allow-passthrough` is on.
pub fn osc52(text: &str, tmux: bool) -> String {
    let sequence = format!("\x1b]52;c;{}\x07", STANDARD.encode(text));
    if tmux {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_line_breaks_become_html() {
        let html = html("# Progress\n\n- Done: Draft\n  it went well\n\n1. Next topic\n");
        assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
        assert!(html.contains("<h1>Progress</h1>"), "{html}");
        assert!(
            html.contains("<li>Done: Draft<br />\nit went well</li>"),
            "{html}"
        );
        assert!(html.contains("<ol>\n<li>Next topic</li>"), "{html}");
    }

    #[test]
    fn html_in_the_text_is_shown_not_obeyed() {
        let html = html("- Learned Vec<T> and <script>alert(1)</script>\n\n<div>x</div>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
        assert!(html.contains("&lt;T&gt;"), "{html}");
        assert!(html.contains("&lt;div&gt;x&lt;/div&gt;"), "{html}");
    }

    #[test]
    fn the_clipboard_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }

    fn draft(unsent: bool) -> String {
        let bytes = message(&Draft {
            to_name: "Alex Kim",
            to_address: "alex@example.com",
            subject: "Progress update for Alex Kim, until 2026-11-24",
            plain: "# Progress\n",
            markdown: "# Progress\n",
            date: 1_795_000_000,
            unsent,
        });
        String::from_utf8(bytes).expect("ASCII")
    }

    #[test]
    fn only_a_draft_says_it_is_unsent() {
        assert!(!draft(false).contains("X-Unsent"));
    }

    #[test]
    fn the_draft_has_its_headers_and_two_alternatives() {
        let text = draft(true);
        for header in [
            "To: \"Alex Kim\" <alex@example.com>\r\n",
            "Subject: Progress update for Alex Kim, until 2026-11-24\r\n",
            "X-Unsent: 1\r\n",
            "Message-ID: <",
            "Date: ",
            "Content-Type: multipart/alternative",
            "Content-Type: text/plain",
            "Content-Type: text/html",
        ] {
            assert!(text.contains(header), "{header:?} in\n{text}");
        }
    }
}
