use std::path::{Path, PathBuf};

#[test]
fn ui() {
    translation_files();
    let t = trybuild::TestCases::new();
    t.compile_fail("*/*.rs");
}

/// The cases of `tests/ui/locale` read translation files relative to the
/// crate trybuild builds them in (`<target>/tests/trybuild/apierror-ui`, its
/// `CARGO_MANIFEST_DIR`): copies `locale/files` there as `ui-locales`.
fn translation_files() {
    let project = target_directory().join("tests/trybuild/apierror-ui/ui-locales");
    let _ = std::fs::remove_dir_all(&project);
    copy(Path::new("locale/files"), &project);
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The target directory as trybuild finds it: `cargo metadata`'s.
fn target_directory() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .expect("cargo metadata runs");
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    PathBuf::from(
        metadata["target_directory"]
            .as_str()
            .expect("a target directory"),
    )
}
