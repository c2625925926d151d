"""The benchmark's media lines (bench/media_bench.py): goals printed beside the numbers, photos that differ."""

from __future__ import annotations

import io

from PIL import Image

from bench.media_bench import media_lines, unique_photo


def test_media_lines_name_each_goal_and_say_whether_it_is_met() -> None:
    result = {"pairs": 1000, "cold_added_s": 48.2, "cold_added_cpu_s": 130.0, "warm_ratio": 1.04,
              "warm_cpu_ratio": 1.2, "preview": {"body_edit_s": 1.9, "title_edit_s": 3.4}}
    lines = media_lines(result)
    assert lines == [
        "N=1000: media: cold image processing (cold build with a photo per brief less without) ≤ 60 s (wall): 48.2"
        " — met",
        "N=1000: media: cold image processing (cold build with a photo per brief less without) ≤ 60 s"
        " (CPU, 2 cores: half of it): 65.0 — NOT met",
        "N=1000: media: warm build with photos ≤ 1.1× the warm build without (wall): 1.04 — met",
        "N=1000: media: warm build with photos ≤ 1.1× the warm build without (CPU): 1.2 — NOT met",
        "N=1000: media: preview with photos shows a saved edit < 3 s: 3.4 — NOT met",
    ]
    assert media_lines(None) == []
    failed = media_lines({"pairs": 100, "cold_added_s": None, "warm_ratio": None, "preview": {"error": "timed out"}})
    assert all(line.endswith("NOT met") for line in failed[:-1]) and failed[-1].endswith("(timed out)")


def test_each_brief_gets_other_bytes_with_the_same_pixels() -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(out, "JPEG")
    base = out.getvalue()
    first, second = unique_photo(base, 1), unique_photo(base, 2)
    assert len({base, first, second}) == 3
    with Image.open(io.BytesIO(first)) as a, Image.open(io.BytesIO(base)) as b:
        assert a.size == b.size and a.tobytes() == b.tobytes()
