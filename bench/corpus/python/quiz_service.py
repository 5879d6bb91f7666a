"""Builds practice quizzes from the question bank."""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    id: int
    prompt: str
    choices: tuple[str, ...]
    answer: str
    topic: str


class QuizBuilder:
    """Draws questions per topic and presents the choices in a fresh order each time."""

    def __init__(self, bank: list[Question], rng: random.Random | None = None) -> None:
        self._bank = bank
        self._rng = rng or random.Random()

    def draw(self, topic: str, count: int) -> list[Question]:
        pool = [q for q in self._bank if q.topic == topic]
        return self._rng.sample(pool, k=min(count, len(pool)))

    def presented_choices(self, question: Question) -> list[str]:
        choices = list(question.choices)
        random.shuffle(choices)
        return choices

    def build(self, topic: str, count: int = 10) -> list[dict]:
        return [
            {"id": q.id, "prompt": q.prompt, "choices": self.presented_choices(q)}
            for q in self.draw(topic, count)
        ]
