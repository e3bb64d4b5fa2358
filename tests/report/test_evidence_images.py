"""Evidence crops: where they are cut, how boxes are grouped, and bad input."""

from __future__ import annotations

from report.conftest import ReportCase

from lkjip_audit.report.evidence import (
    PAGE_MARGIN,
    EvidenceRenderer,
    crop_region,
    finding_places,
    group_boxes,
    normal_box,
)

A4 = (595.0, 842.0)


def test_crop_keeps_context_and_stays_on_the_page():
    narrow = crop_region([(280.0, 400.0, 300.0, 410.0)], *A4)
    assert narrow[0] == PAGE_MARGIN and narrow[2] == A4[0] - PAGE_MARGIN  # the row's label too
    assert narrow[0] < 280 and narrow[2] > 300 and narrow[1] < 400 and narrow[3] > 410
    corner = crop_region([(0.0, 0.0, 20.0, 8.0)], *A4)
    assert corner[0] == 0 and corner[1] == 0
    edge = crop_region([(560.0, 830.0, 595.0, 842.0)], *A4)
    assert edge[2] == A4[0] and edge[3] == A4[1]


def test_crop_of_a_box_off_the_page_is_none():
    assert crop_region([(700.0, 900.0, 800.0, 950.0)], *A4) is None


def test_boxes_far_apart_get_their_own_image():
    near = [(72.0, 100.0, 300.0, 110.0), (72.0, 130.0, 300.0, 140.0)]
    far = [*near, (72.0, 700.0, 300.0, 710.0)]
    assert group_boxes(near) == [near]
    assert group_boxes(far) == [near, [far[2]]]


def test_places_skip_what_has_no_position(report_case: ReportCase):
    cap, nip, _, ext = report_case.results[0].findings
    assert finding_places(cap) == [(1, cap.bbox)]
    assert [page for page, _ in finding_places(nip)] == [2, 2, 1]
    assert finding_places(ext) == []


def test_renderer_survives_bad_input(report_case: ReportCase, tmp_path):
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_bytes(b"not a pdf")
    box = (72.0, 100.0, 300.0, 110.0)
    with EvidenceRenderer() as renderer:
        assert renderer.images(tmp_path / "missing.pdf", [(1, box)]) == []
        assert renderer.images(not_pdf, [(1, box)]) == []
        assert renderer.images(report_case.pdf, [(9, box)]) == []
        images = renderer.images(report_case.pdf, [(1, box), (1, box)])
    assert len(images) == 1 and images[0].boxes == (box,)
    assert images[0].width > A4[0] and images[0].data_uri.startswith("data:image/jpeg")


def test_malformed_boxes_are_mended_or_dropped(report_case: ReportCase):
    assert normal_box((300, 110, 72, 100)) == (72.0, 100.0, 300.0, 110.0)
    assert normal_box((1, 2, 3)) is None
    assert normal_box(("a", 1, 2, 3)) is None
    assert normal_box((float("nan"), 1, 2, 3)) is None
    with EvidenceRenderer() as renderer:
        images = renderer.images(
            report_case.pdf,
            [(1, (300, 110, 72, 100)), (1, (1, 2, 3)), (1, (0, 0, float("inf"), 1))],
        )
    assert [image.boxes for image in images] == [((72.0, 100.0, 300.0, 110.0),)]
