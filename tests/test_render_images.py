"""Image headers (content/images.py) and image source resolution (render/images.py)."""

from __future__ import annotations

import struct
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.images import image_size
from site_builder.render.images import ImageResolver, UnsafeImage, content_path
from tests.test_render_support import FIXTURE_SITE


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00" * 20


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
    # A fill byte before the marker, as encoders may write.
    sof = b"\xff\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp(chunk: bytes, payload: bytes) -> bytes:
    body = b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_png_size_of_the_fixture() -> None:
    assert image_size(FIXTURE_SITE / "content" / "images" / "carte.png") == (4, 3)


@pytest.mark.parametrize(("name", "data", "size"), [
    ("a.gif", gif(640, 480), (640, 480)),
    ("a.jpg", jpeg(1200, 800), (1200, 800)),
    ("lossy.webp", webp(b"VP8 ", b"\x00" * 3 + b"\x9d\x01\x2a" + struct.pack("<HH", 300, 200)
                        + b"\x00" * 8), (300, 200)),
    ("lossless.webp", webp(b"VP8L", b"\x2f" + ((99) | (49 << 14)).to_bytes(4, "little")
                           + b"\x00" * 8), (100, 50)),
    ("extended.webp", webp(b"VP8X", b"\x00" * 4 + (1919).to_bytes(3, "little")
                           + (1079).to_bytes(3, "little") + b"\x00" * 4), (1920, 1080)),
])
def test_sizes_from_headers(tmp_path: Path, name: str, data: bytes, size: tuple[int, int]) -> None:
    assert image_size(write(tmp_path, name, data)) == size


@pytest.mark.parametrize("data", [
    b"", b"not an image", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8\xff\xe0\x00",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ", gif(0, 10),
])
def test_unknown_or_truncated_gives_none(tmp_path: Path, data: bytes) -> None:
    assert image_size(write(tmp_path, "x.bin", data)) is None


def test_missing_file_gives_none(tmp_path: Path) -> None:
    assert image_size(tmp_path / "absent.png") is None


@settings(max_examples=300)
@given(st.sampled_from([b"", b"\xff\xd8", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"RIFF"]),
       st.binary(max_size=200))
def test_never_raises_on_garbage(prefix: bytes, tail: bytes) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile() as f:
        f.write(prefix + tail)
        f.flush()
        size = image_size(Path(f.name))
    assert size is None or (size[0] > 0 and size[1] > 0)


# --------------------------------------------------------------------- resolution

ARTICLE = PurePosixPath("2026/article.md")


@pytest.mark.parametrize(("src", "expected"), [
    ("../images/x.png", "images/x.png"),
    ("photo.jpg", "2026/photo.jpg"),
    ("./sub/../photo.jpg", "2026/photo.jpg"),
    ("/images/x.png", "images/x.png"),
    ("../images/mon%20image.png", "images/mon image.png"),
    ("../images/x.png?v=2#top", "images/x.png"),
])
def test_content_path(src: str, expected: str) -> None:
    assert content_path(src, ARTICLE) == expected


def test_content_path_for_a_top_level_article() -> None:
    assert content_path("images/x.png", PurePosixPath("a.md")) == "images/x.png"


@pytest.mark.parametrize("src", [
    "../../secret.png", "../../../etc/passwd", "/../x.png", "..", "../",
    "data:image/png;base64,AAAA", "file:///etc/passwd", "javascript:alert(1)", "C:/x.png",
    "..%2F..%2Fx.png", "..\\..\\x.png", "", "ftp://example.org/x.png",
])
def test_content_path_refuses(src: str) -> None:
    with pytest.raises(UnsafeImage):
        content_path(src, ARTICLE)


def test_resolver_rewrites_relative_to_the_page() -> None:
    resolver = ImageResolver(FIXTURE_SITE / "content")
    image = resolver.resolve("../images/carte.png", ARTICLE, "../../")
    assert (image.src, image.local, image.size, image.found) == (
        "../../images/carte.png", "images/carte.png", (4, 3), True)
    assert resolver.used == ["images/carte.png"]


def test_resolver_keeps_external_images() -> None:
    image = ImageResolver(FIXTURE_SITE / "content").resolve(
        "https://example.org/a b.jpg", ARTICLE, "../../")
    assert (image.src, image.local, image.size) == ("https://example.org/a b.jpg", None, None)


def test_resolver_quotes_local_paths(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    image = ImageResolver(content).resolve("../images/été%202026.png", ARTICLE, "../../")
    assert image.src == "../../images/%C3%A9t%C3%A9%202026.png"
    assert not image.found


def test_resolver_refuses_a_symlink_out_of_content(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.png", gif(1, 1))
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "link.png").symlink_to(secret)
    with pytest.raises(UnsafeImage, match="outside content/"):
        ImageResolver(content).resolve("../images/link.png", ARTICLE, "../../")
