"""The vectorised back end: the core expression tree as NumPy array operations over a population.

    population chunk → columns (tolka.backends.vector.columns)
                     → each rule's truth value per person as boolean masks (…vector.kernel)
                     → each distinct truth pattern decided once by the shared resolver (…vector.backend)

It never imports durable_rules; `tests/vector` proves it gives the same answers as the Rete back end.
"""
