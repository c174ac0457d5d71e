"""events: typed events read from text, each with actors, places, quantities, status,
an uncertain time (a ``timeline.Span``) and the evidence it came from."""

__all__: list[str] = []
