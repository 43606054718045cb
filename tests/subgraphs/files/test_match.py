"""The resume match on realistic resumes and job descriptions: expected scores and keywords."""

from __future__ import annotations

from subgraphs.files.match import match_resume
from tests.subgraphs.files.documents import BACKEND_JOB, BACKEND_RESUME, FRONTEND_JOB

RESUME = "\n".join(BACKEND_RESUME)


def test_a_backend_resume_fits_a_backend_job_well_and_names_what_is_missing() -> None:
    found = match_resume(RESUME, BACKEND_JOB)
    assert found is not None
    assert 70 <= found.score <= 85
    assert {"Python", "PostgreSQL", "Kubernetes", "Docker", "AWS", "payments"} <= set(found.matched_keywords)
    assert set(found.missing_keywords) == {"Kafka", "Terraform", "Observability"}
    # The most mentioned missing skill comes first (Prometheus, Grafana and observability: three mentions).
    assert found.missing_keywords[0] == "Observability"
    assert any("Kafka" in advice for advice in found.suggestions)


def test_the_same_resume_fits_a_frontend_job_badly() -> None:
    found = match_resume(RESUME, FRONTEND_JOB)
    assert found is not None
    assert found.score < 20
    assert {"React", "TypeScript", "JavaScript", "Accessibility"} <= set(found.missing_keywords)
    assert any("Less than half" in advice for advice in found.suggestions)


def test_adding_the_missing_skills_raises_the_score() -> None:
    before = match_resume(RESUME, BACKEND_JOB)
    after = match_resume(RESUME + "\nAlso: Kafka, Terraform, Prometheus and Grafana.", BACKEND_JOB)
    assert before is not None and after is not None
    assert after.score == 100 > before.score
    assert after.missing_keywords == ()


def test_aliases_count_and_words_inside_other_words_do_not() -> None:
    found = match_resume(
        "I run Postgres on k8s and write JavaScript.", "We use PostgreSQL, Kubernetes and Java."
    )
    assert found is not None
    assert set(found.matched_keywords) == {"PostgreSQL", "Kubernetes"}
    assert found.missing_keywords == ("Java",)


def test_a_resume_without_numbers_is_told_to_quantify_results() -> None:
    found = match_resume("Python developer who likes Django.", "Python and Django developer.")
    assert found is not None and found.score == 100
    assert any("Quantify" in advice for advice in found.suggestions)


def test_no_match_without_both_texts_or_without_keywords() -> None:
    assert match_resume(None, BACKEND_JOB) is None
    assert match_resume(RESUME, None) is None
    assert match_resume("  ", BACKEND_JOB) is None
    assert match_resume(RESUME, "Nice people wanted.") is None
