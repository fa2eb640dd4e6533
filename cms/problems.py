class ProblemsError(ValueError):
    """Bad input described as a list of problems, each a sentence for the user
    (a file's line or cell and what is wrong with it)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
