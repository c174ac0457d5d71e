"""Reading events from text, in stages: the report's body, sentences and tokens, entities,
temporal expressions, triggers, arguments, status, time, coreference; ``pipeline.read`` runs them."""

__all__: list[str] = []
