from wagtail.api.v3.errors import ProblemDetail

PROBLEMS = {400: ProblemDetail}
NOT_FOUND = {400: ProblemDetail, 404: ProblemDetail}
