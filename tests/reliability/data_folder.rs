//! The data folder is a folder of mentee's own: `/`, the home folder or a
//! system folder is refused before anything is read or written there,
//! however it is named (`--dir`, `MENTEE_DIR`, `..`, a symbolic link).

use crate::support::{Run, TestEnv};

#[track_caller]
fn refused_dir(run: Run, what: &str) {
    run.failure_code(1)
        .stdout_is_empty()
        .stderr_has(&format!("cannot be the data folder: it is {what}"))
        .stderr_has("hint: use a folder of its own, such as ~/.local/share/mentee");
}

#[test]
fn the_root_a_home_or_a_system_folder_is_not_a_data_folder() {
    let env = TestEnv::new();
    refused_dir(env.run(["--dir", "/", "status"]), "the root folder");
    refused_dir(env.run(["--dir", "/etc/..", "status"]), "the root folder");
    refused_dir(
        env.run(["--dir", "/etc", "mentor", "add", "Alex Kim"]),
        "a system folder",
    );
    refused_dir(env.run(["--dir", "/tmp", "status"]), "a system folder");
    refused_dir(env.run(["--dir", "/usr", "status"]), "a system folder");
    let home = env.home();
    refused_dir(
        env.run(["--dir", home.to_str().expect("UTF-8"), "status"]),
        "your home folder",
    );
    let mut by_variable = env.command(["status"]);
    by_variable.env("MENTEE_DIR", "/");
    refused_dir(
        Run::from_command(by_variable, &["status".to_string()]),
        "the root folder",
    );
    let link = env.scratch("to-root");
    std::os::unix::fs::symlink("/", &link).expect("a link");
    refused_dir(
        env.run(["--dir", link.to_str().expect("UTF-8"), "status"]),
        "the root folder",
    );
    assert!(
        std::fs::read_dir(&home).expect("home").next().is_none(),
        "nothing was written to the home folder"
    );
}

#[test]
fn folders_inside_them_stay_fine() {
    let env = TestEnv::new();
    let notes = env.home().join("notes/mentee");
    env.run([
        "--dir",
        notes.to_str().expect("UTF-8"),
        "mentor",
        "add",
        "Alex Kim",
    ])
    .success();
    assert!(notes.join("mentors.toml").exists());
    // A temporary folder under /tmp, as every test uses.
    env.run(["mentor", "add", "Priya Shah"]).success();
}
