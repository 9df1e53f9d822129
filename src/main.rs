use std::process::ExitCode;

fn main() -> ExitCode {
    mentee::run()
}
