use super::*;

#[test]
fn replaces_a_previous_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(
        dir.path(),
        "acme",
        &[
            OutputFile::new("a.txt", "one"),
            OutputFile::new("old.txt", "x"),
        ],
    )
    .unwrap();
    write_folder(dir.path(), "acme", &[OutputFile::new("a.txt", "two")]).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("acme/a.txt")).unwrap(),
        "two"
    );
    assert!(
        !dir.path().join("acme/old.txt").exists(),
        "stale files from the old report remain"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("acme")],
        "debris left behind"
    );
}

#[test]
fn a_killed_run_between_renames_gets_its_old_report_back() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".acme.old-999")).unwrap();
    fs::write(dir.path().join(".acme.old-999/a.txt"), "previous").unwrap();
    fs::create_dir_all(dir.path().join(".acme.tmp-999")).unwrap();
    remove_debris(dir.path(), "acme");
    assert_eq!(
        fs::read_to_string(dir.path().join("acme/a.txt")).unwrap(),
        "previous"
    );
    assert!(!dir.path().join(".acme.tmp-999").exists());
}
