"""Pixel size of local images, read from the file header alone.

The render stage writes `width` and `height` on every local <img> so the page
does not jump while images load. Only the first bytes of the file are read,
with the standard library: PNG, GIF, JPEG and WebP are recognised; anything
else, or a truncated file, gives None rather than an error.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

# Enough for every header below; JPEG is walked segment by segment instead.
_HEAD = 32
# JPEG start-of-frame markers carry the size; C4, C8 and CC are other segments.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
# A guard against malformed JPEGs whose segment lengths send us round in circles.
_MAX_JPEG_SEGMENTS = 4096

Size = tuple[int, int]


def image_size(path: Path) -> Size | None:
    """(width, height) in pixels of the image at `path`, or None when unknown."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD)
            if head.startswith(b"\xff\xd8"):
                f.seek(2)
                return _jpeg_size(f)
    except OSError:
        return None
    return _png_size(head) or _gif_size(head) or _webp_size(head)


def _positive(width: int, height: int) -> Size | None:
    return (width, height) if width > 0 and height > 0 else None


def _png_size(head: bytes) -> Size | None:
    # Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR" or len(head) < 24:
        return None
    width, height = struct.unpack(">II", head[16:24])
    return _positive(width, height)


def _gif_size(head: bytes) -> Size | None:
    if head[:6] not in (b"GIF87a", b"GIF89a") or len(head) < 10:
        return None
    width, height = struct.unpack("<HH", head[6:10])
    return _positive(width, height)


def _webp_size(head: bytes) -> Size | None:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP" or len(head) < 30:
        return None
    chunk = head[12:16]
    if chunk == b"VP8 ":
        # Lossy: a key-frame start code, then 14-bit width and height.
        if head[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack("<HH", head[26:30])
        return _positive(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":
        # Lossless: signature 0x2F, then width-1 and height-1 on 14 bits each.
        if head[20] != 0x2F:
            return None
        bits = int.from_bytes(head[21:25], "little")
        return _positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        # Extended: canvas width-1 and height-1 on 24 bits each.
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return _positive(width, height)
    return None


def _jpeg_size(f: BinaryIO) -> Size | None:
    """Walk the segments after SOI until a start-of-frame marker gives the size."""
    for _ in range(_MAX_JPEG_SEGMENTS):
        if f.read(1) != b"\xff":
            return None
        byte = f.read(1)
        # Markers may be preceded by any number of 0xFF fill bytes.
        while byte == b"\xff":
            byte = f.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0x01, *range(0xD0, 0xD9)):
            continue  # standalone markers: no length field
        length_bytes = f.read(2)
        if len(length_bytes) < 2:
            return None
        (length,) = struct.unpack(">H", length_bytes)
        if length < 2:
            return None
        if marker in _SOF:
            data = f.read(5)
            if len(data) < 5:
                return None
            height, width = struct.unpack(">HH", data[1:5])
            return _positive(width, height)
        f.seek(length - 2, 1)
    return None
