"""The secret books: encrypted store, policies per level, transfer, copies, recall, declassification, destruction."""
