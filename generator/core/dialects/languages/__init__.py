"""The type languages of SDK docs: one :class:`~generator.core.dialects.typecells.Grammar` each.

A dialect reads the type cells of its pages with its SDK language's grammar; several
dialects share a language (Speakeasy's TypeScript docs and OpenAPI Generator's
``typescript-axios`` docs both write TypeScript).
"""
