"""Runs every Gherkin feature under features/ with the step definitions in tests/steps."""

from pytest_bdd import scenarios

from tests.steps.amounts import *  # noqa: F401,F403  (registers the steps)
from tests.steps.evaluation import *  # noqa: F401,F403
from tests.steps.parameters import *  # noqa: F401,F403

scenarios(".")
