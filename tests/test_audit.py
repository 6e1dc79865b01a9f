"""tools/audit/audit.py: Lighthouse pages are reported by their median run."""
from tools.audit.audit import median_run


def run(score):
    return {"score": score, "total-blocking-time": f"{score} ms"}


def test_the_median_run_is_reported_whole():
    assert median_run([run(82), run(94), run(90)]) == run(90)
    assert median_run([run(94), run(82), run(95), run(90)]) == run(90)   # the lower middle of four


def test_a_failed_run_does_not_count_unless_all_failed():
    assert median_run([run(None), run(94), run(88)]) == run(88)
    assert median_run([run(None), run(None)]) == run(None)
