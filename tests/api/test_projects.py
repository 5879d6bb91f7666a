"""Creating projects from uploaded archives and reading them back through the REST API."""

import hashlib
import secrets
import tarfile
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Project, ProjectFile, User
from tests.project_archives import (
    FIFO_MODE,
    SYMLINK_MODE,
    tar_gz_of,
    tar_member,
    zip_flagged_encrypted,
    zip_of,
    zip_with_mode,
)

APP = "import os\n\nprint(os.getcwd())\n"
PROJECT = {
    "src/app.py": APP,
    "src/util/strings.ts": "export const shout = (s: string) => s.toUpperCase();\n",
    "src/__init__.py": "",
    "README.md": "# Shop\n",
    "assets/logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "notes/latin1.txt": "caf\xe9".encode("latin-1"),
    ".gitignore": "*.log\n/generated/\n",
    "server.log": "GET /\n",
    "generated/models.py": "X = 1\n",
    "node_modules/left-pad/index.js": "module.exports = 1;\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    "src/__pycache__/app.cpython-311.pyc": b"\x00\x01",
}
KEPT = [
    (path, language, len(PROJECT[path]))
    for path, language in (
        (".gitignore", None),
        ("README.md", None),
        ("src/__init__.py", "python"),
        ("src/app.py", "python"),
        ("src/util/strings.ts", "typescript"),
    )
]


def upload(
    api: TestClient, headers: dict, archive: bytes, name: str = "shop", filename: str = "a.zip"
):
    """POST an archive as the browser's form would."""
    return api.post(
        "/api/projects",
        data={"name": name},
        files={"archive": (filename, archive, "application/octet-stream")},
        headers=headers,
    )


def stored() -> tuple[int, int]:
    """How many projects and project files the database holds."""
    with session_scope() as session:
        projects = session.exec(select(func.count()).select_from(Project)).one()
        files = session.exec(select(func.count()).select_from(ProjectFile)).one()
    return projects, files


@pytest.mark.parametrize("pack", [zip_of, tar_gz_of], ids=["zip", "tar.gz"])
def test_a_project_is_created_and_read_back(api: TestClient, headers_of, pack) -> None:
    ada = headers_of("ada@example.com")
    response = upload(api, ada, pack(PROJECT), name="  Shop  ")
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["name"] == "Shop"
    assert [(f["path"], f["language"], f["size"]) for f in created["files"]] == KEPT
    assert (created["file_count"], created["total_bytes"]) == (5, sum(k[2] for k in KEPT))
    assert created["skipped"] == [
        {"path": "assets/logo.png", "reason": "binary"},
        {"path": "notes/latin1.txt", "reason": "not UTF-8 text"},
    ]
    assert created["ignored_count"] == 5
    assert created["not_reviewed"] == [".gitignore", "README.md"]

    assert api.get(f"/api/projects/{created['id']}", headers=ada).json() == created
    page = api.get("/api/projects", headers=ada).json()
    assert (page["total"], page["limit"], page["offset"]) == (1, 20, 0)
    summary = {key: created[key] for key in page["items"][0]}
    assert page["items"] == [summary]
    with session_scope() as session:
        app = session.exec(select(ProjectFile).where(ProjectFile.path == "src/app.py")).one()
    assert app.content == APP
    assert app.sha256 == hashlib.sha256(APP.encode()).hexdigest()


def test_projects_are_listed_newest_first_a_page_at_a_time(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    for name in ("one", "two", "three"):
        assert upload(api, ada, zip_of({"a.py": name}), name=name).status_code == 201
    page = api.get("/api/projects?limit=2&offset=1", headers=ada).json()
    assert [item["name"] for item in page["items"]] == ["two", "one"]
    assert page["total"] == 3
    assert api.get("/api/projects?limit=0", headers=ada).status_code == 422


def test_another_users_project_is_not_found(api: TestClient, headers_of) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    created = upload(api, ada, zip_of({"a.py": "x = 1\n"})).json()
    assert api.get(f"/api/projects/{created['id']}", headers=bob).status_code == 404
    assert api.get(f"/api/projects/{uuid.uuid4()}", headers=ada).status_code == 404
    assert api.get("/api/projects", headers=bob).json()["total"] == 0
    for response in (
        api.get("/api/projects"),
        api.get(f"/api/projects/{created['id']}"),
        upload(api, {}, zip_of({"a.py": "x = 1\n"})),
    ):
        assert response.status_code == 401


def test_gitignore_files_apply_to_their_folder_and_below(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    archive = zip_of(
        {
            "a.py": "",
            "scratch.py": "",
            "keep/scratch.py": "",
            "lib/.gitignore": "*.js\n!keep.js\n",
            "lib/x.js": "",
            "lib/keep.js": "",
            "lib/deep/y.js": "",
            "other/z.js": "",
            "vendor/dep.go": "package dep\n",
            ".gitignore": "/scratch.py\n",  # after the files it names: read in the first pass
        }
    )
    created = upload(api, ada, archive).json()
    assert [file["path"] for file in created["files"]] == [
        ".gitignore",
        "a.py",
        "keep/scratch.py",
        "lib/.gitignore",
        "lib/keep.js",
        "other/z.js",
    ]
    assert created["ignored_count"] == 4  # scratch.py, lib/x.js, lib/deep/y.js, vendor/dep.go


def test_the_ignore_list_is_a_setting(api: TestClient, headers_of, set_env) -> None:
    ada = headers_of("ada@example.com")
    set_env(PROJECT_IGNORE='["fixtures/", "*.min.js"]')
    archive = zip_of({"a.py": "", "fixtures/b.py": "", "c.min.js": "", "dist/d.js": ""})
    assert [f["path"] for f in upload(api, ada, archive).json()["files"]] == ["a.py", "dist/d.js"]


def _refuses(api: TestClient, headers: dict, archive: bytes, status: int, words: str) -> None:
    response = upload(api, headers, archive)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert stored() == (0, 0)


def _incompressible(size: int) -> str:
    return secrets.token_hex(size // 2)


HOSTILE = {
    "traversal": (zip_of({"ok.py": "", "../evil.py": ""}), "climbs out"),
    "traversal inside": (tar_gz_of({"src/../../evil.py": ""}), "climbs out"),
    "traversal by backslash": (zip_of({"..\\evil.py": ""}), "climbs out"),
    "absolute": (tar_gz_of({"/etc/cron.py": ""}), "absolute path"),
    "drive letter": (zip_of({"C:/evil.py": ""}), "absolute path"),
    "symlink in a tar": (
        tar_gz_of({"a.py": ""}, [tar_member("b.py", tarfile.SYMTYPE, "/etc/passwd")]),
        "is a link",
    ),
    "hard link": (
        tar_gz_of({"a.py": ""}, [tar_member("b.py", tarfile.LNKTYPE, "a.py")]),
        "is a link",
    ),
    "symlink in a zip": (zip_with_mode("b.py", SYMLINK_MODE, b"/etc/passwd"), "is a link"),
    "device": (tar_gz_of({"a.py": ""}, [tar_member("tty", tarfile.CHRTYPE)]), "device"),
    "fifo": (zip_with_mode("pipe", FIFO_MODE), "device"),
    "duplicate": (zip_of([("a.py", "x = 1"), ("a.py", "x = 2")]), "more than once"),
    "duplicate once normalized": (
        zip_of([("src/a.py", ""), ("./src//a.py", "")]),
        "more than once",
    ),
    "duplicate in unicode": (
        zip_of([("caf\u00e9.py", ""), ("cafe\u0301.py", "")]),
        "more than once",
    ),
    "control character": (tar_gz_of({"a\nb.py": ""}), "control characters"),
    "encrypted": (zip_flagged_encrypted(), "encrypted"),
    "not an archive": (b"print('hello')\n", "not a zip or tar.gz"),
    "damaged": (zip_of({"a.py": _incompressible(20_000)})[:-40], "not a zip or tar.gz"),
    "damaged tar.gz": (tar_gz_of({"a.py": _incompressible(20_000)})[:10_000], "damaged"),
    "empty": (zip_of({}), "nothing to review"),
    "nothing reviewable": (tar_gz_of({"README.md": "# hi", "logo.png": b"\x00"}), "nothing"),
    "only ignored code": (zip_of({"node_modules/a.js": "", "x.md": ""}), "nothing to review"),
    "zip bomb": (
        zip_of({f"junk{n}.txt": b"\xff" * 1_000_000 for n in range(10)}),
        "zip bomb",
    ),
    "bomb in an ignored folder": (
        tar_gz_of({"a.py": "", "node_modules/big.js": "a" * 20_000_000}),
        "zip bomb",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_or_useless_archive_is_refused_and_nothing_stored(
    api: TestClient, headers_of, case: str
) -> None:
    archive, words = HOSTILE[case]
    status = 413 if words == "zip bomb" else 422
    _refuses(api, headers_of("ada@example.com"), archive, status, words)


def test_more_files_or_bytes_than_a_project_holds_are_413(
    api: TestClient, headers_of, set_env
) -> None:
    ada = headers_of("ada@example.com")
    set_env(MAX_PROJECT_FILES="3", MAX_PROJECT_BYTES="10000")
    text = {"a.py": _incompressible(6000), "b.py": _incompressible(6000)}
    _refuses(api, ada, tar_gz_of(text), 413, "more than 10,000 bytes")
    files = {f"m{n}.py": "" for n in range(4)}
    _refuses(api, ada, zip_of(files), 413, "more than 3 files")
    files["m3.py"] = b"\x00"
    _refuses(api, ada, zip_of(files), 413, "more than 3 files")  # a binary file counts
    del files["m3.py"]
    ignored = {**files, "build/x.py": "", "build/y.py": ""}
    assert upload(api, ada, zip_of(ignored)).status_code == 201  # ignored ones do not


def test_only_a_valid_upload_counts_against_the_limit(api: TestClient, headers_of, set_env) -> None:
    ada = headers_of("ada@example.com")
    set_env(RATE_LIMIT_PROJECT="1/hour")
    for archive in (zip_of({"../a.py": ""}), b"not an archive", zip_of({"a.md": ""})):
        assert upload(api, ada, archive).status_code == 422
    assert upload(api, ada, zip_of({"a.py": ""}), name="").status_code == 422
    assert upload(api, ada, zip_of({"a.py": ""})).status_code == 201
    refused = upload(api, ada, zip_of({"b.py": ""}))
    assert refused.status_code == 429
    assert "Too many projects created (the limit is 1 per hour)" in refused.json()["detail"]
    assert int(refused.headers["Retry-After"]) >= 1
    assert stored() == (1, 1)


@pytest.mark.parametrize("name", ["", "   ", "a\tb", "x" * 101])
def test_a_project_needs_a_name(api: TestClient, headers_of, name: str) -> None:
    ada = headers_of("ada@example.com")
    assert upload(api, ada, zip_of({"a.py": ""}), name=name).status_code == 422
    assert stored() == (0, 0)


def test_an_archive_over_the_body_cap_is_413_before_it_is_read(
    api: TestClient, headers_of, set_env
) -> None:
    ada = headers_of("ada@example.com")
    set_env(MAX_PROJECT_BYTES="1024", MAX_PROJECT_FILES="1")  # cap: 1,024 + 512 + 65,536
    archive = zip_of({"a.py": secrets.token_bytes(70_000)})
    response = upload(api, ada, archive)
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than 67,072 bytes."}


def test_deleting_a_user_deletes_their_projects(api: TestClient, headers_of) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    upload(api, ada, zip_of({"a.py": "", "b.py": ""}))
    upload(api, bob, zip_of({"c.py": ""}))
    with session_scope() as session:
        session.exec(delete(User).where(User.email == "ada@example.com"))
    assert stored() == (1, 1)
