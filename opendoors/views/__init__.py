"""Views of the open doors week: thin adapters over ``opendoors.services``."""
