"""Charts as the dashboard draws them: a titled card holding one recharts series."""

from collections.abc import Callable
from typing import Any

import reflex as rx

CHART_HEIGHT = 240
COUNT_RANGE = (0, "auto")
SCORE_RANGE = (0, 100)
# Room around the plot: a bar at the top of the range or the last day's point stay whole.
MARGIN = {"top": 16, "right": 24, "bottom": 0, "left": 0}


def chart_card(title: str, chart: rx.Component) -> rx.Component:
    """A titled chart; its section is named by the title for screen readers."""
    return rx.el.section(
        rx.card(
            rx.heading(title, size="3", as_="h2", margin_bottom="0.5em"),
            chart,
            height="100%",
        ),
        aria_label=title,
    )


def series_chart(
    chart: Callable[..., rx.Component],
    series: Callable[..., rx.Component],
    data: rx.Var,
    keys: tuple[str, str],
    name: str,
    *cells: rx.Component,
    y_domain: tuple[int | str, int | str] = COUNT_RANGE,
    every_label: bool = False,
    **series_props: Any,
) -> rx.Component:
    """`data` drawn as one series (bars, a line or an area): x and y from `keys`.

    With `every_label`, each x value keeps its label (names: categories, languages), tilted
    where they would overlap; otherwise recharts thins them out (days).
    """
    x_key, y_key = keys
    labels = {"interval": 0, "angle": -30, "text_anchor": "end", "height": 64}
    return chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.x_axis(
            data_key=x_key, padding={"left": 12, "right": 12}, **(labels if every_label else {})
        ),
        rx.recharts.y_axis(allow_decimals=False, width=40, domain=list(y_domain)),
        rx.recharts.graphing_tooltip(),
        series(*cells, data_key=y_key, name=name, is_animation_active=False, **series_props),
        data=data,
        height=CHART_HEIGHT,
        margin=MARGIN,
    )
