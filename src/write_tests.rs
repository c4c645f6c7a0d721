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

/// A file written straight to a temporary file reads back and is written into the report
/// folder as a file made like the others (not with the temporary file's private permissions);
/// the temporary file goes with the last copy.
#[test]
fn a_spilled_file_is_written_like_one_held_in_memory() {
    let spilled = OutputFile::spilled("metrics.json", |out| {
        out.write_all(b"{\"a\": 1}\n")?;
        Ok(())
    })
    .unwrap();
    assert_eq!(&*spilled.bytes().unwrap(), b"{\"a\": 1}\n");
    let kept = spilled.clone();
    let Content::Spilled(temporary) = &spilled.content else {
        panic!("held in memory")
    };
    let temporary = temporary.to_path_buf();
    let parent = tempfile::tempdir().unwrap();
    let files = [spilled, OutputFile::new("brief.md", "# Brief\n")];
    let folder = write_folder(parent.path(), "acme", &files).unwrap();
    let written = folder.join("metrics.json");
    assert_eq!(fs::read(&written).unwrap(), b"{\"a\": 1}\n");
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&written), mode(&folder.join("brief.md")));
    drop(files);
    assert!(temporary.exists(), "a copy still holds it");
    drop(kept);
    assert!(!temporary.exists(), "removed with the last copy");
}
