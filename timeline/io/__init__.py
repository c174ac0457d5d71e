"""Reading and writing timelines and annotated texts: one module a format.

``timeline.io.timeml`` reads and writes TimeML 1.2.1; the other modules here hold the other
formats. The public names are re-exported from ``timeline`` itself.
"""

__all__: list[str] = []
