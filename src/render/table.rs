//! Tables: fitted to the terminal when there is one, plain and unwrapped
//! when the output goes to a file or a pipe.

use comfy_table::{ContentArrangement, Table, presets};

pub fn new(width: Option<u16>, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    match width {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        None => {
            table
                .force_no_tty()
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(header.iter().copied());
    table
}
