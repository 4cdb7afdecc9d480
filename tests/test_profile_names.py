"""What ``rolematch validate`` says of a role's names and ids that collide with another's: a
title two roles go by (decode and ``roles NAME`` cannot tell which it names), a role that
differs from itself, and a file copied without changing its id, each as what it is, never as
an "unknown role"."""

from __future__ import annotations

import shutil
from collections.abc import Callable

from tests.conftest import ContentCopy, Run
from tests.test_validate_messages import problems, validate

AMBIGUOUS = ("keep it in one profile only (decode and `rolematch roles` cannot tell which role "
             "it names)")


def test_a_title_another_role_goes_by_names_both(run: Callable[..., Run],
                                                 copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, 'title: {en: "Data Analyst", fr: "Data Analyst"}',
              'title: {en: "Analytics Engineer", fr: "Data Analyst"}')
    assert problems(validate(run, copy)) == [
        f"rolematch: {copy.profile('data-engineer')}: line 3: other_titles[0]: also a name of "
        f"'data-analyst' (data-analyst.yaml, title.en): {AMBIGUOUS} (got 'Analytics Engineer')"]


def test_names_are_compared_as_lookups_compare_them(run: Callable[..., Run],
                                                    copy: ContentCopy) -> None:
    """Case, accents and punctuation aside, as decode and ``roles NAME`` read a name."""
    path = copy.profile("data-analyst")
    copy.edit(path, "other_titles: [", "other_titles: [ingenieur-DATA, ")
    assert problems(validate(run, copy)) == [
        f"rolematch: {copy.profile('data-engineer')}: line 3: other_titles[4]: also a name of "
        f"'data-analyst' (data-analyst.yaml, other_titles[0]): {AMBIGUOUS} (got 'Ingénieur "
        "data')"]


def test_one_role_may_repeat_its_own_name(run: Callable[..., Run], copy: ContentCopy) -> None:
    """The shipped titles are the same in English and French: no problem."""
    r = validate(run, copy)
    assert r.code == 0, r.err


def test_a_role_that_differs_from_itself(run: Callable[..., Run], copy: ContentCopy) -> None:
    path = copy.profile("data-engineer")
    copy.edit(path, "  - role: data-analyst", "  - role: data-engineer")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 38: differs_from[1].role: a role cannot differ from itself: "
        "name another role, or remove this entry (got 'data-engineer')"]


def test_a_copy_with_the_id_unchanged_is_a_duplicate_id_not_an_unknown_role(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    """A new profile started as a copy of data-engineer.yaml: its differs_from names the role it
    was copied from, by the id it still holds; the one problem there is the id."""
    new = copy.profiles / "analytics-engineer.yaml"
    shutil.copy(copy.profile("data-engineer"), new)
    copy.edit(new, "  - role: ml-engineer", "  - role: data-engineer")
    copy.edit(new, "other_titles: [Analytics Engineer, Big Data Engineer, ETL Developer, Data "
              "Platform Engineer, Ingénieur data, Développeur big data]",
              "other_titles: [dbt developer]")
    copy.edit(new, '{en: "Data Engineer", fr: "Data Engineer"}',
              '{en: "Analytics Engineer", fr: "Analytics Engineer"}')
    copy.edit(copy.profile("data-engineer"), "[Analytics Engineer, ", "[")
    lines = problems(validate(run, copy))
    assert f"rolematch: {new}: line 1: id: duplicate id, already used by data-engineer.yaml " \
           "(got 'data-engineer')" in lines
    assert not any("unknown role" in line or "differ from itself" in line for line in lines), \
        lines
    assert not any(f"{copy.profile('data-engineer')}: line 1: id" in line for line in lines)
