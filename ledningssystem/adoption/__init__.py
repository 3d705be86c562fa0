"""`ny-organisation`: from the example portal to a förvaltning's own, comments kept."""
